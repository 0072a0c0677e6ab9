"""Home page panels: each feature registers what it shows on the member's home page.

A panel is a template plus a loader `loader(user) -> dict | None`; None hides it.
Features register at import time, so the home view never needs to know them.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    order: int
    template: str
    loader: Callable


PANELS: list[Panel] = []


def home_panel(order: int, template: str):
    def register(loader):
        PANELS.append(Panel(order, template, loader))
        PANELS.sort(key=lambda p: p.order)
        return loader

    return register


def load_panels(user) -> list[tuple[str, dict]]:
    shown = []
    for panel in PANELS:
        context = panel.loader(user)
        if context is not None:
            shown.append((panel.template, context))
    return shown
