"""What the navigation bar shows; features add badges (e.g. unread notifications) here."""

from collections.abc import Callable

from flask import request

# (endpoint, label, icon) in the order of the bottom bar on phones.
NAV_ITEMS = [
    ("main.home", "Trang chủ", "home"),
    ("library.index", "Thư viện", "book"),
    ("meetings.index", "Lịch họp", "calendar"),
    ("notes.index", "Ghi chép", "note"),
    ("auth.account", "Tài khoản", "user"),
]

# Functions returning extra template context for the layout (badge counts …).
NAV_CONTEXT: list[Callable[[], dict]] = []


def nav_context() -> dict:
    context = {"nav_items": NAV_ITEMS, "nav_active": (request.endpoint or "").split(".")[0]}
    for provider in NAV_CONTEXT:
        context.update(provider())
    return context
