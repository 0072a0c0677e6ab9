"""The layout's import rules as import-linter contract types (configured in pyproject.toml).

import-linter builds the import graph with grimp, which resolves relative imports
(`from ..notes import queries`) and imports inside functions, so neither can slip past.

- `public_surface`: a module imports another feature only through its public surface — the
  package itself, or a module (or subpackage) named in the `PUBLIC` tuple of its __init__.py.
  A public subpackage that declares a `PUBLIC` of its own shows only the names its __init__
  holds and the modules that tuple names (handbook/meetings/votes/: `PUBLIC = ()`, its
  __init__ re-exporting the functions other features call); one without shows all it holds.
  The app factory (handbook/__init__.py) alone wires whole features together.
- `no_views_in_services`: inside the package, only a package's own __init__ imports its
  route modules (routes.py, routes_<part>.py); services never import views.
"""

import ast
import importlib.util
import re
from pathlib import Path

from importlinter import Contract, ContractCheck, fields, output


def declared_surface(package: str) -> tuple[str, ...] | None:
    """The names `package` lists in `PUBLIC = (...)` in its __init__.py; None when it lists none
    (or is a plain module)."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None or not spec.origin.endswith("__init__.py"):
        return None
    tree = ast.parse(Path(spec.origin).read_text("utf-8"))
    for node in tree.body:
        targets = [node.target] if isinstance(node, ast.AnnAssign) else getattr(node, "targets", [])
        if any(isinstance(t, ast.Name) and t.id == "PUBLIC" for t in targets):
            return tuple(ast.literal_eval(node.value))
    return None


def public_surface(package: str) -> tuple[str, ...]:
    """The names `package` lists in `PUBLIC = (...)` in its __init__.py."""
    return declared_surface(package) or ()


def is_public(parts: list[str]) -> bool:
    """Whether the module `parts` (root, feature, ...) is on its feature's public surface: each
    step down is named by the PUBLIC of the package above it, until a public package that
    declares no PUBLIC of its own, which shows everything under it."""
    package, surface = ".".join(parts[:2]), public_surface(".".join(parts[:2]))
    for name in parts[2:]:
        if surface is None:
            return True
        if name not in surface:
            return False
        package = f"{package}.{name}"
        surface = declared_surface(package)
    return True


def features(graph, root: str) -> set[str]:
    return {m.split(".")[1] for m in graph.modules if m.count(".") >= 2 and m.startswith(root + ".")}


def allowed(importer: str, imported: str, root: str, feature_names: set[str]) -> bool:
    parts = imported.split(".")
    if parts[0] != root or len(parts) < 2 or parts[1] not in feature_names:
        return True  # outside the package, the package itself, or a core module
    own = importer.split(".")
    if len(own) >= 2 and own[1] == parts[1]:
        return True  # within one feature
    if importer == root:
        return True  # the app factory registers every feature
    return is_public(parts)


def is_route_module(module: str) -> bool:
    return re.fullmatch(r"routes(_\w+)?", module.rsplit(".", 1)[-1]) is not None


def _violations(graph, wrong) -> list[str]:
    found = []
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            if wrong(importer, imported):
                for detail in graph.get_import_details(importer=importer, imported=imported) or [{}]:
                    found.append(f"{importer}:{detail.get('line_number', '?')} imports {imported}")
    return found


class _Rule(Contract):
    root = fields.StringField()

    def broken(self, graph) -> list[str]:
        raise NotImplementedError

    def check(self, graph, verbose: bool) -> ContractCheck:
        found = self.broken(graph)
        return ContractCheck(kept=not found, metadata={"violations": found})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for line in check.metadata["violations"]:
            output.print_error(line)
            output.new_line()


class PublicSurfaceContract(_Rule):
    type_name = "public_surface"

    def broken(self, graph) -> list[str]:
        names = features(graph, self.root)
        return _violations(graph, lambda importer, imported: not allowed(importer, imported, self.root, names))


class NoViewsInServicesContract(_Rule):
    type_name = "no_views_in_services"

    def broken(self, graph) -> list[str]:
        def wrong(importer, imported):
            if not is_route_module(imported) or not imported.startswith(self.root + "."):
                return False
            # A package's __init__ registers its own routes (and the app factory, every feature's).
            return not (_is_package(importer) and imported.startswith(importer + "."))

        return _violations(graph, wrong)


def _is_package(module: str) -> bool:
    spec = importlib.util.find_spec(module)
    return spec is not None and spec.submodule_search_locations is not None
