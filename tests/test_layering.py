"""The import graph and the templates keep to the layout's rules; run alone with
`.venv/bin/python -m pytest tests/test_layering.py`.

- A feature (a package under handbook/) imports another feature only through its public
  surface: the package itself, or a module the package names in its `PUBLIC` tuple (and in a
  public subpackage with a `PUBLIC` of its own, what that one names).
  Everything else of a feature is its own; features reach each other's pages only through
  the named signals of handbook/signals.py.
- The core (the modules directly under handbook/) imports only the core and public surfaces;
  the app factory (handbook/__init__.py) alone wires whole features together.
- Services never import views: inside a feature, only the package's __init__ imports its
  route modules (routes.py, routes_<part>.py).
- A feature's templates include, import or extend only their own and the shared top-level ones.

The import rules are import-linter contracts (pyproject.toml, tests/import_contracts.py).
"""

import logging
import re
import sys
import textwrap
from pathlib import Path

import grimp
from importlinter.cli import lint_imports

from tests.import_contracts import NoViewsInServicesContract, PublicSurfaceContract

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept(monkeypatch):
    monkeypatch.chdir(ROOT)
    # import-linter sets up its logging with dictConfig, which disables every logger that exists
    # already (the app's "handbook" among them, once a test has logged): the tests that run
    # after this one in the same process would find no log lines.
    enabled = [logger for logger in logging.Logger.manager.loggerDict.values()
               if isinstance(logger, logging.Logger) and not logger.disabled]
    try:
        assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True) == 0
    finally:
        for logger in enabled:
            logger.disabled = False


def _package(tmp_path, monkeypatch, files: dict[str, str]):
    for name, body in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(body), "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    for module in [m for m in sys.modules if m == "fakeapp" or m.startswith("fakeapp.")]:
        del sys.modules[module]
    return grimp.build_graph("fakeapp", cache_dir=None)


def test_the_contracts_catch_relative_and_late_imports(tmp_path, monkeypatch):
    """The rules would fail on the imports they forbid, however they are spelled."""
    graph = _package(tmp_path, monkeypatch, {
        "fakeapp/__init__.py": "from fakeapp.notes import routes\n",
        "fakeapp/core.py": "",
        "fakeapp/notes/__init__.py": "PUBLIC = ('models',)\nfrom . import routes\n",
        "fakeapp/notes/models.py": "",
        "fakeapp/notes/queries.py": "",
        "fakeapp/notes/routes.py": "",
        "fakeapp/library/__init__.py": "PUBLIC = ()\n",
        "fakeapp/library/reader.py": """
            from ..notes import queries
            from ..notes import models
            def later():
                from fakeapp.notes import routes
            """,
    })
    public = PublicSurfaceContract(name="p", session_options={}, contract_options={"root": "fakeapp"})
    views = NoViewsInServicesContract(name="v", session_options={}, contract_options={"root": "fakeapp"})
    assert set(public.check(graph, verbose=False).metadata["violations"]) == {
        "fakeapp.library.reader:2 imports fakeapp.notes.queries",
        "fakeapp.library.reader:5 imports fakeapp.notes.routes"}
    assert views.check(graph, verbose=False).metadata["violations"] == [
        "fakeapp.library.reader:5 imports fakeapp.notes.routes"]


def test_a_public_subpackage_shows_only_what_it_names(tmp_path, monkeypatch):
    """A subpackage a feature makes public, with a PUBLIC of its own, shows the names its
    __init__ holds and the modules it names; one without a PUBLIC shows everything it holds."""
    graph = _package(tmp_path, monkeypatch, {
        "fakeapp/__init__.py": "",
        "fakeapp/meetings/__init__.py": "PUBLIC = ('votes', 'calendar')\n",
        "fakeapp/meetings/votes/__init__.py": "PUBLIC = ('rules',)\nfrom .service import open_vote\n",
        "fakeapp/meetings/votes/service.py": "def open_vote():\n    pass\n",
        "fakeapp/meetings/votes/rules.py": "",
        "fakeapp/meetings/calendar/__init__.py": "",
        "fakeapp/meetings/calendar/ical.py": "",
        "fakeapp/year/__init__.py": "PUBLIC = ()\n",
        "fakeapp/year/ratings.py": """
            from fakeapp.meetings import votes
            from fakeapp.meetings.votes import rules
            from fakeapp.meetings.votes import service
            from fakeapp.meetings.calendar import ical
            """,
    })
    public = PublicSurfaceContract(name="p", session_options={}, contract_options={"root": "fakeapp"})
    assert public.check(graph, verbose=False).metadata["violations"] == [
        "fakeapp.year.ratings:4 imports fakeapp.meetings.votes.service"]


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
