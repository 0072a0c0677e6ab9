"""Vietnamese text for search: accent-insensitive folding, query parsing and highlighting.

Folding maps Vietnamese to plain ASCII-ish lowercase for matching.

Unicode decomposes most Vietnamese letters (ấ → a + marks) but not đ/Đ, which we map by hand.
Folding keeps the string length for plain text (one folded char per NFC char), so a match
found in the folded text can be highlighted at the same offsets in the original.
"""

import re
import unicodedata

from markupsafe import Markup, escape

_DD = str.maketrans({"đ": "d", "Đ": "d"})


def fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch.translate(_DD))[:1]
    return base.lower() if base else ch


class _FoldTable(dict):
    """str.translate table computed per character on first sight, then cached: folding runs
    at C speed, which matters because search folds every snippet it highlights."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        self[code] = folded = ch.lower() if code < 128 else fold_char(ch)
        return folded


_FOLD_TABLE = _FoldTable()

# str.translate takes a slow path for any mapping but a plain dict (about twice as slow a
# character), so the scripts Vietnamese text is written in are folded ahead into a plain
# dict: Latin with its accents, combining marks, general punctuation. Text with any other
# character takes the caching table, which folds it the same way.
_COMMON = ((0x0000, 0x024F), (0x0300, 0x036F), (0x1E00, 0x1EFF), (0x2000, 0x206F))
_COMMON_TABLE = {code: _FOLD_TABLE[code] for first, last in _COMMON for code in range(first, last + 1)}
_UNCOMMON = re.compile("[^" + "".join(f"\\u{first:04x}-\\u{last:04x}" for first, last in _COMMON) + "]")


def fold(text: str) -> str:
    """'Nêu gương Đảng viên' → 'neu guong dang vien' (same length as the NFC input)."""
    text = unicodedata.normalize("NFC", text or "")
    return text.translate(_FOLD_TABLE if _UNCOMMON.search(text) else _COMMON_TABLE)


def parse_query(query: str, max_terms: int = 12) -> list[str]:
    """Folded search terms; a quoted "phrase" stays one term. Unbalanced quotes are ignored."""
    query = fold(query[:500])
    terms = [p for p in re.findall(r'"([^"]+)"', query)]
    rest = re.sub(r'"[^"]*"', " ", query).replace('"', " ")
    terms += re.findall(r"\w+", rest)
    cleaned = []
    for term in terms:
        term = " ".join(re.findall(r"\w+", term))
        if term and term not in cleaned:
            cleaned.append(term)
    return cleaned[:max_terms]


def highlight(text: str, terms: list[str], width: int = 220) -> Markup:
    """An escaped snippet around the first match, every match wrapped in <mark>."""
    text = unicodedata.normalize("NFC", text or "")
    folded = fold(text)
    spans = []
    for term in terms:
        for m in re.finditer(r"(?<!\w)" + re.escape(term) + r"(?!\w)", folded):
            spans.append((m.start(), m.end()))
    spans.sort()
    start = max(0, spans[0][0] - width // 3) if spans else 0
    end = min(len(text), start + width)
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    # Plain strings joined once: Markup's own + escapes and copies at every step, which
    # showed in the search page's profile (30 snippets a request).
    out, pos = ["… " if start > 0 else ""], start
    for s, e in spans:
        if s >= end:
            break  # sorted by start: every later span is past the window too
        if s < pos or e > end:
            continue
        out += (escape(text[pos:s]), "<mark>", escape(text[s:e]), "</mark>")
        pos = e
    out.append(escape(text[pos:end]))
    if end < len(text):
        out.append(" …")
    return Markup("".join(out))  # noqa: S704 - every piece of the text went through escape
