"""Cleaning and rendering a note's text: what is stored, and how it is shown."""

import re
import unicodedata

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

MAX_CHARS = 100_000

# Control characters (C0, DEL, C1) except tab and newline, which are part of writing.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


def clean_body(text: str) -> str:
    """NFC text with Unix newlines and no control characters (so the length check is honest)."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", unicodedata.normalize("NFC", text))


def render_markdown(text: str) -> Markup:
    """Light Markdown, never raw HTML: markdown-it escapes it, nh3 is the second fence."""
    html = _markdown.render(text or "")
    return Markup(nh3.clean(html, link_rel="noopener noreferrer nofollow"))  # noqa: S704

