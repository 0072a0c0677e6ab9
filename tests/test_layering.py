"""The import graph keeps to the layout's rules; run alone with
`.venv/bin/python -m pytest tests/test_layering.py`.

- A feature (a package under handbook/) imports another feature only through its public
  surface: the package itself, or a module the package names in its `PUBLIC` tuple.
  Everything else of a feature is its own; features reach each other's pages only through
  the named signals of handbook/signals.py.
- The core (the modules directly under handbook/) imports only the core and public surfaces;
  the app factory (handbook/__init__.py) alone wires whole features together.
- Services never import views: inside a feature, only the package's __init__ imports its
  route modules (routes.py, routes_<part>.py).
- A feature's templates include, import or extend only their own and the shared top-level ones.
"""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "handbook"
FEATURES = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists())


def public_surface(feature: str) -> tuple[str, ...]:
    """The modules `feature` names in `PUBLIC = (...)` in its __init__.py."""
    tree = ast.parse((PACKAGE / feature / "__init__.py").read_text("utf-8"))
    for node in tree.body:
        targets = [node.target] if isinstance(node, ast.AnnAssign) else getattr(node, "targets", [])
        if any(isinstance(t, ast.Name) and t.id == "PUBLIC" for t in targets):
            return tuple(ast.literal_eval(node.value))
    return ()


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, dotted module) for every handbook import in the file, nested ones included;
    `from handbook.x import y` counts as handbook.x.y when y is a module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                is_module = (ROOT / (candidate.replace(".", "/") + ".py")).exists() or \
                    (ROOT / candidate.replace(".", "/") / "__init__.py").exists()
                found.append((node.lineno, candidate if is_module else node.module))
    return [(line, module) for line, module in found if module.split(".")[0] == "handbook"]


def owner(path: Path) -> str | None:
    """The feature a file belongs to; None for the core."""
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else None


def allowed(importer: Path, module: str) -> bool:
    parts = module.split(".")
    if len(parts) < 2 or parts[1] not in FEATURES:
        return True  # handbook itself, or a core module
    feature = parts[1]
    if feature == owner(importer):
        return True
    if importer == PACKAGE / "__init__.py":
        return True  # the app factory registers every feature
    return len(parts) == 2 or parts[2] in public_surface(feature)


def is_route_module(module: str) -> bool:
    return re.fullmatch(r"routes(_\w+)?", module.split(".")[-1]) is not None


def test_features_meet_only_through_public_surfaces():
    violations = [f"{path.relative_to(ROOT)}:{line} imports {module}"
                  for path in sorted(PACKAGE.rglob("*.py"))
                  for line, module in imported_modules(path) if not allowed(path, module)]
    assert violations == [], "\n".join(violations)


def test_every_declared_public_module_exists():
    missing = [f"handbook.{feature}.{name}" for feature in FEATURES for name in public_surface(feature)
               if not (PACKAGE / feature / f"{name}.py").exists()]
    assert missing == [], missing


def test_services_never_import_views():
    violations = [f"{path.relative_to(ROOT)}:{line} imports {module}"
                  for path in sorted(PACKAGE.rglob("*.py")) if path.name != "__init__.py"
                  for line, module in imported_modules(path) if is_route_module(module)]
    assert violations == [], "\n".join(violations)


def test_templates_use_only_their_features_and_the_shared_ones():
    pattern = re.compile(r"""{%-?\s*(?:include|import|extends|from)\s+["']([^"']+)["']""")
    violations = []
    for path in sorted((ROOT / "templates").rglob("*.html")):
        feature = path.relative_to(ROOT / "templates").parts[0] if path.parent != ROOT / "templates" else None
        for name in pattern.findall(path.read_text("utf-8")):
            used = name.split("/")[0] if "/" in name else None
            if used is not None and used != feature:
                violations.append(f"{path.relative_to(ROOT)} uses {name}")
    assert violations == [], "\n".join(violations)


def test_the_check_catches_what_it_forbids():
    """The rules above would fail on the imports they forbid (the check is not vacuous)."""
    assert not allowed(PACKAGE / "library" / "reader.py", "handbook.notes.queries")
    assert not allowed(PACKAGE / "signals.py", "handbook.meetings.agenda")
    assert allowed(PACKAGE / "notes" / "models.py", "handbook.library.models")
    assert allowed(PACKAGE / "__init__.py", "handbook.main.nav")
    assert is_route_module("handbook.meetings.routes_items") and not is_route_module("handbook.meetings.agenda")
    assert "handbook.notes.models" in {module for _, module in imported_modules(PACKAGE / "notes" / "queries.py")}
