"""Every action the app writes to the audit log reads as Vietnamese words in the log, never as
its code ('year.finished'): each code passed to audit's `record(...)` anywhere in handbook/
has a label."""

import ast
from pathlib import Path

from handbook.audit import ACTION_LABELS

HANDBOOK = Path(__file__).resolve().parents[1] / "handbook"


def _record_calls(tree: ast.Module) -> list[ast.Call]:
    """Calls of handbook.audit's record: `record(...)` where the module imports it by that name
    (or an alias), and `audit.record(...)` where it imports the module."""
    names, modules = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "handbook.audit":
            names |= {alias.asname or alias.name for alias in node.names if alias.name == "record"}
        elif isinstance(node, ast.ImportFrom) and node.module == "handbook":
            modules |= {alias.asname or alias.name for alias in node.names if alias.name == "audit"}
    calls = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if (isinstance(func, ast.Name) and func.id in names) or (
                isinstance(func, ast.Attribute) and func.attr == "record"
                and isinstance(func.value, ast.Name) and func.value.id in modules):
            calls.append(node)
    return calls


def recorded_actions() -> dict[str, list[str]]:
    """Action code -> where it is recorded; a code that is not a plain string is listed as such."""
    found: dict[str, list[str]] = {}
    for path in sorted(HANDBOOK.rglob("*.py")):
        tree = ast.parse(path.read_text(), filename=str(path))
        for call in _record_calls(tree):
            first = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "action"), None)
            literal = isinstance(first, ast.Constant) and isinstance(first.value, str)
            code = first.value if literal else "<not a literal>"
            found.setdefault(code, []).append(f"{path.relative_to(HANDBOOK.parent)}:{call.lineno}")
    return found


def test_the_scan_finds_the_apps_audit_calls():
    actions = recorded_actions()
    # One from the admin's pages, the library's `audit.record`, a secretary's and the year's.
    assert {"account.created", "document.imported", "agenda.published", "year.finished"} <= set(actions)


def test_every_recorded_action_has_a_vietnamese_label():
    actions = recorded_actions()
    assert "<not a literal>" not in actions, f"an action code the log cannot label: {actions.get('<not a literal>')}"
    missing = {code: where for code, where in actions.items() if code not in ACTION_LABELS}
    assert missing == {}, f"audit actions without a label in handbook/audit.py ACTION_LABELS: {missing}"
