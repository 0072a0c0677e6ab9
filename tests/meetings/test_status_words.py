"""One place names a meeting's statuses: handbook/meetings/status.py.

The rule, kept simple: no string constant equal to a meeting status (a value of `Status`:
"draft", "published", "held", "closed", "cancelled") appears in any module under handbook/
except status.py; code writes `Status.PUBLISHED`, or uses the tuples status.py offers. (The
migrations live outside handbook/ and keep the literal history.)

Other things spelled like a status are allowed only where ALLOWED names them: a file and the
top-level definition (class, function or assigned name) the constant sits in, with the reason.
"""

import ast
from pathlib import Path

from handbook.meetings.status import Status

ROOT = Path(__file__).resolve().parents[2]
STATUS_TABLE = "handbook/meetings/status.py"
PAPERS = "a paper of the member's year has its own status: a draft until handed in"
ALLOWED = {
    ("handbook/meetings/votes/models.py", "VoteStatus"): "a vote's own statuses: open, closed, annulled",
    ("handbook/meetings/minutes/models.py", "MinutesStatus"): "the minutes' own statuses: draft, final, revising",
    ("handbook/meetings/models.py", "NotificationKind"):
        "a notification says what happened: the agenda was published, the meeting cancelled",
    ("handbook/year/models.py", "PAPER_STATUS_LABELS"): PAPERS,
    ("handbook/year/models.py", "Commitment"): PAPERS,
    ("handbook/year/models.py", "SelfReview"): PAPERS,
    ("handbook/year/papers.py", "new_commitment"): PAPERS,
    ("handbook/year/papers.py", "new_review"): PAPERS,
    ("handbook/year/facts.py", "lines"): "a key of the year's stored facts: how many meetings were held",
    ("handbook/admin/routes.py", "orgs"): "?closed=1 lists the organisations closed by a merge or dissolution",
    ("handbook/admin/routes.py", "_org_page"): "?closed=1 lists the organisations closed by a merge or dissolution",
}


def _owner(statement: ast.stmt) -> str:
    """The name of a top-level statement: its class, function or the name it assigns."""
    if isinstance(statement, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
        return statement.name
    targets = statement.targets if isinstance(statement, ast.Assign) else [getattr(statement, "target", None)]
    names = [t.id for t in targets if isinstance(t, ast.Name)]
    return names[0] if names else "<module>"


def status_words(source: str, path: str) -> list[tuple[str, str, int, str]]:
    """(path, owner, line, word) of every string constant in `source` spelled like a status."""
    words = {status.value for status in Status}
    found = []
    for statement in ast.parse(source).body:
        for node in ast.walk(statement):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in words:
                found.append((path, _owner(statement), node.lineno, node.value))
    return found


def _everywhere() -> list[tuple[str, str, int, str]]:
    found = []
    for file in sorted((ROOT / "handbook").rglob("*.py")):
        path = file.relative_to(ROOT).as_posix()
        if path != STATUS_TABLE:
            found += status_words(file.read_text("utf-8"), path)
    return found


def test_no_meeting_status_is_spelled_out_beside_the_status_table():
    wrong = [f"{path}:{line} ({owner}) {word!r}" for path, owner, line, word in _everywhere()
             if (path, owner) not in ALLOWED]
    assert wrong == [], "write Status.X (handbook/meetings/status.py):\n" + "\n".join(wrong)


def test_the_rule_catches_a_status_compared_by_its_word():
    source = 'upcoming = select(Meeting).where(Meeting.status == "published")\n'
    assert status_words(source, "handbook/offline/pack.py") == [
        ("handbook/offline/pack.py", "upcoming", 1, "published")]
    assert status_words("def f(m):\n    return m.status in ('held', 'closed')\n", "x.py") == [
        ("x.py", "f", 2, "held"), ("x.py", "f", 2, "closed")]


def test_every_allowance_is_still_needed():
    used = {(path, owner) for path, owner, _line, _word in _everywhere()}
    assert set(ALLOWED) - used == set()
