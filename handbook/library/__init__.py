"""The directives library: documents, the reader, bookmarks, required study."""

from flask import Blueprint

bp = Blueprint("library", __name__)

from handbook.library import routes  # noqa: E402,F401
