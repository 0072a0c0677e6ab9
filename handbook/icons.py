"""Inline SVG icons: no icon font, no extra request. A plain function, not a Jinja macro,
because the layout draws eight of them on every page."""

from markupsafe import Markup

_PATHS = {
    "home": "M3 11l9-8 9 8v10a1 1 0 0 1-1 1h-5v-7H9v7H4a1 1 0 0 1-1-1z",
    "book": "M4 4h6a3 3 0 0 1 2 1 3 3 0 0 1 2-1h6v16h-6a2 2 0 0 0-2 1 2 2 0 0 0-2-1H4z M12 5v15",
    "calendar": "M4 6h16v15H4z M4 10h16 M8 3v5 M16 3v5",
    "note": "M5 3h10l4 4v14H5z M8 10h8 M8 14h8 M8 18h5",
    "user": "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8z M4 21c1-4 4-6 8-6s7 2 8 6",
    "bell": "M6 17V11a6 6 0 0 1 12 0v6l2 2H4z M10 21h4",
    "search": "M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13z M15.5 15.5L21 21",
    "admin": "M4 20V10 M10 20V4 M16 20v-7 M22 20H2",
    "check": "M4 12l5 5L20 6",
    "coin": "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z M15 9h-4.5a1.5 1.5 0 0 0 0 3h3a1.5 1.5 0 0 1 0 3H9 M12 7v2 M12 15v2",
    "speaker": "M4 9h4l5-4v14l-5-4H4z M16 9a4 4 0 0 1 0 6 M19 6a8 8 0 0 1 0 12",
    "chat": "M4 5h16v11H9l-5 4z M8 9h8 M8 12h5",
    "star": "M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1-4.4-4.3 6.1-.9z",
}
_SVG = '<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="{}"/></svg>'
ICONS = {name: Markup(_SVG.format(path)) for name, path in _PATHS.items()}  # noqa: S704 (our constants)


def icon(name: str) -> Markup:
    return ICONS.get(name, Markup(""))
