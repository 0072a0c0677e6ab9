"""The home page's cards follow one list, handbook/main/home_order.py: every card a feature
answers is named there, and the page shows them in its order."""

import ast
from pathlib import Path

from handbook.main.home_order import HOME_ORDER, in_home_order
from handbook.signals import HomePanel, Panel

HANDBOOK = Path(__file__).resolve().parent.parent / "handbook"


def _home_panel_names() -> dict[str, str]:
    """Each `HomePanel(...)` built in the app: its name (or None when not a literal) and where."""
    found = {}
    for path in sorted(HANDBOOK.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "HomePanel":
                first = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "name"), None)
                name = first.value if isinstance(first, ast.Constant) else None
                found[f"{path.relative_to(HANDBOOK.parent)}:{node.lineno}"] = name
    return found


def test_every_home_card_is_named_in_the_one_order():
    found = _home_panel_names()
    assert len(found) >= 10, "the scan saw the features' home cards"
    assert {where: name for where, name in found.items() if name not in HOME_ORDER} == {}
    assert len(set(HOME_ORDER)) == len(HOME_ORDER)


def test_a_card_the_order_does_not_name_goes_last():
    late = Panel(1, "x.html", {})  # an old-style numbered card: unknown here
    stranger = HomePanel("stranger", "y.html", {})
    notes = HomePanel("notes", "notes.html", {})
    meeting = HomePanel("next_meeting", "m.html", {})
    assert in_home_order([late, notes, stranger, meeting]) == [meeting, notes, late, stranger]


def test_the_page_shows_the_cards_in_the_order(client, auth, world):
    auth.login("capuy")
    page = client.get("/").get_data(as_text=True)
    # The committee's overview, the next meeting, the hint to keep the app: first, second, last.
    places = [page.index(marker) for marker in ("Theo dõi sinh hoạt chi bộ", "Buổi họp tới", 'id="install-hint"')]
    assert places == sorted(places)
