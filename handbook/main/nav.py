"""What the layout shows on every page: the navigation entries and the values features add
(the bell's count), both offered through the named signals."""

from flask import Flask, current_app, request

from handbook.signals import answers, nav_context, nav_entries, ordered

EXTENSION = "handbook.nav_entries"


def init_app(app: Flask) -> None:
    """Collects the entries once, when every feature has connected its own (they never change)."""
    app.extensions[EXTENSION] = ordered(nav_entries, app)


def layout_context() -> dict:
    context = {"nav_entries": current_app.extensions[EXTENSION],
               "nav_active": (request.endpoint or "").split(".")[0]}
    for values in answers(nav_context):
        context.update(values)
    return context
