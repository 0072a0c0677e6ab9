"""Cleaning a note's text before it is stored (it is shown through handbook.markdown's "note" profile)."""

import re
import unicodedata

MAX_CHARS = 100_000

# Control characters (C0, DEL, C1) except tab and newline, which are part of writing.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

def clean_body(text: str) -> str:
    """NFC text with Unix newlines and no control characters (so the length check is honest)."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", unicodedata.normalize("NFC", text))



# The marks a member types to shape a note (## heading, - list, **bold**): the notebook list
# shows the words, not the marks.
_LINE_MARKS = re.compile(r"^\s{0,3}(?:#{1,6}\s+|[-*+]\s+|>\s?)", re.MULTILINE)
_INLINE_MARKS = re.compile(r"(\*\*|__|`)")


def excerpt(text: str, limit: int = 240) -> str:
    """The note's first words as plain text, its line breaks kept, cut at a word near `limit`."""
    plain = _INLINE_MARKS.sub("", _LINE_MARKS.sub("", text or ""))
    plain = re.sub(r"\n{3,}", "\n\n", plain).strip()
    if len(plain) <= limit:
        return plain
    cut = plain[:limit].rsplit(None, 1)[0] if " " in plain[:limit] else plain[:limit]
    return cut.rstrip() + "…"
