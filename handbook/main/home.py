"""Page panels: each feature registers what it shows on the home and account pages.

A panel is a template plus a loader `loader(user) -> dict | None`; None hides it.
Features register at import time, so the home and account views never need to know
them. The template gets the loader's dict as `panel`.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    order: int
    template: str
    loader: Callable


PANELS: dict[str, list[Panel]] = {"home": [], "account": []}


def _panel(page: str, order: int, template: str):
    def register(loader):
        PANELS[page].append(Panel(order, template, loader))
        PANELS[page].sort(key=lambda p: p.order)
        return loader

    return register


def home_panel(order: int, template: str):
    return _panel("home", order, template)


def account_panel(order: int, template: str):
    return _panel("account", order, template)


def load_panels(user, page: str = "home") -> list[tuple[str, dict]]:
    shown = []
    for panel in PANELS[page]:
        context = panel.loader(user)
        if context is not None:
            shown.append((panel.template, context))
    return shown
