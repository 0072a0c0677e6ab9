"""The directives library: documents, the reader, bookmarks, required study."""

from flask import Blueprint

# cli_group=None: `flask import-document` sits beside the foundation's commands.
bp = Blueprint("library", __name__, cli_group=None)

from handbook.library import cli, hooks, routes, routes_manage, search  # noqa: E402,F401
