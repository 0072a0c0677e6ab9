"""What the layout shows on every page: the navigation entries and the values features add
(the bell's count), both offered through the named signals.

The navigation's HTML is drawn once per worker for each set of entries shown and active
section, and reused: which entries a member sees is decided on every page, as before (each
entry's own `shown(user)`, on the member as loaded for this request), so the key moves with a
role, a cell or the review season as soon as the page would; only the drawing is kept."""

from flask import Flask, current_app, request
from flask_login import current_user
from markupsafe import Markup

from handbook.signals import answers, nav_context, nav_entries, ordered

EXTENSION = "handbook.nav_entries"
DRAWN = "handbook.nav_drawn"
TEMPLATE = "_mainnav.html"
# Far above what members can make (entries shown x sections x mount points): a guard, not an eviction policy.
MAX_DRAWN = 1024


def init_app(app: Flask) -> None:
    """Collects the entries once, when every feature has connected its own (they never change)."""
    app.extensions[EXTENSION] = ordered(nav_entries, app)
    app.extensions[DRAWN] = {}
    app.jinja_env.globals.update(main_nav=main_nav, drawn_once=drawn_once)


def layout_context() -> dict:
    context = {"nav_active": (request.endpoint or "").split(".")[0]}
    for values in answers(nav_context):
        context.update(values)
    return context


def main_nav(active: str) -> Markup:
    """The main navigation for the current member, with `active` (a blueprint's name) marked."""
    app = current_app._get_current_object()
    entries = app.extensions[EXTENSION]
    user = current_user._get_current_object()
    shown = tuple(i for i, entry in enumerate(entries) if entry.shown(user))
    # The addresses depend on where the app is mounted, and nothing else of the request.
    key = (shown, active, request.script_root)
    drawn = app.extensions[DRAWN]
    html = drawn.get(key)
    if html is None or app.debug:  # a developer's edits to the template show at once
        if len(drawn) >= MAX_DRAWN:
            drawn.clear()
        # Autoescaped by the template itself (labels are the features' constants).
        html = drawn[key] = Markup(app.jinja_env.get_template(TEMPLATE).render(  # noqa: S704
            entries=[entries[i] for i in shown], nav_active=active))
    return html


def drawn_once(template: str) -> Markup:
    """A part of the layout that is the same on every page for every member (the assets' links,
    the top bar's start): drawn once per worker and mount point. The assets' addresses carry a
    hash of their content, which changes only with a deploy, and a deploy restarts the workers
    (handbook/assets.py); under the debugger, where files change under a developer's hands, it
    is drawn each time."""
    app = current_app._get_current_object()
    key = (template, request.script_root)
    drawn = app.extensions[DRAWN]
    html = drawn.get(key)
    if html is None or app.debug:
        html = drawn[key] = Markup(app.jinja_env.get_template(template).render())  # noqa: S704 (autoescaped)
    return html
