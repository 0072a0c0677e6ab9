"""Every receiver of a named signal is connected in a feature's hooks.py, so "what does this
feature offer other pages?" is answered by one file per feature (README, Layout)."""

import ast
from pathlib import Path

from blinker import ANY

from handbook import signals

HANDBOOK = Path(__file__).resolve().parent.parent / "handbook"
SIGNALS = {name for name, value in vars(signals).items() if isinstance(value, signals.NamedSignal)}
# Where the seams are defined, not answered: the signals themselves and the search registry's
# `search_source`, which a hooks.py calls.
DEFINING = {HANDBOOK / "signals.py", HANDBOOK / "search" / "registry.py"}


def _connections(tree: ast.AST) -> list[int]:
    """Lines that connect a receiver: `<signal>.connect` (called or as a decorator) or `search_source(...)`."""
    def connects(node) -> bool:
        if isinstance(node, ast.Attribute):
            return node.attr in ("connect", "connect_via") and isinstance(node.value, ast.Name) \
                and node.value.id in SIGNALS
        return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "search_source"

    return [node.lineno for node in ast.walk(tree) if connects(node)]


def test_no_module_but_a_hooks_module_connects_a_receiver():
    outside = [f"{path.relative_to(HANDBOOK.parent)}:{line}"
               for path in sorted(HANDBOOK.rglob("*.py"))
               if path.name != "hooks.py" and path not in DEFINING
               for line in _connections(ast.parse(path.read_text(encoding="utf-8")))]
    assert outside == [], f"receivers connected outside a hooks.py: {outside}"


def test_every_connected_receiver_is_defined_in_a_hooks_module(app):
    """The app as it runs: whatever any import connected. Search sources are the registry's
    closures (the static test above holds their `search_source` calls to hooks.py)."""
    stray = []
    for name in sorted(SIGNALS):
        signal = getattr(signals, name)
        if signal is signals.search_sources:
            continue
        for receiver in signal.receivers_for(ANY):
            module = getattr(receiver, "__module__", "") or ""
            if not module.endswith(".hooks"):
                stray.append(f"{name}: {module}.{getattr(receiver, '__qualname__', receiver)}")
    assert stray == []
    assert list(signals.home_panels.receivers_for(ANY)), "the walk saw no receiver at all"
