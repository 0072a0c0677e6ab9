"""The directives library: documents, the reader, bookmarks, required study."""

from flask import Blueprint

# cli_group=None: `flask import-document` sits beside the foundation's commands.
bp = Blueprint("library", __name__, cli_group=None)

# What other features may import (tests/test_layering.py holds everyone to it); the rest
# of the package is its own. It offers itself to other pages through hooks.py (handbook/signals.py).
# documents and sections; who may read them; the required study of a member; the reader's
# pages of a document (the offline pack keeps each page of a document marked for offline)
PUBLIC = ("models", "access", "study", "paging")

from handbook.library import cli, hooks, routes, routes_manage  # noqa: E402,F401
