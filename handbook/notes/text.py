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

