"""Draws the app's PNG icons (192, 512 and a maskable 512) from our own static/img/icon.svg.

Run after changing the SVG, then commit the PNGs: `.venv/bin/python scripts/make_icons.py`.
Chromium renders the SVG exactly as the browser shows it (Playwright, dev requirement;
Debian's chromium, or E2E_CHROMIUM). The maskable icon puts the picture inside the middle
60% of a full red square, so any launcher's mask (circle, squircle) keeps all of it.
"""

import os
from pathlib import Path

from playwright.sync_api import sync_playwright

STATIC = Path(__file__).resolve().parents[1] / "static" / "img"
CHROMIUM = os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium")
RED = "#b3181e"


def page_html(svg: str, size: int, maskable: bool) -> str:
    inner = int(size * 0.6) if maskable else size
    background = RED if maskable else "transparent"
    sized = svg.replace("<svg ", '<svg width="100%" height="100%" ', 1)
    return (f"<html><body style='margin:0;background:{background};width:{size}px;height:{size}px;"
            f"display:flex;align-items:center;justify-content:center'>"
            f"<div style='width:{inner}px;height:{inner}px'>{sized}"
            f"</div></body></html>")


def main() -> None:
    svg = (STATIC / "icon.svg").read_text()
    targets = [("icon-192.png", 192, False), ("icon-512.png", 512, False), ("icon-maskable-512.png", 512, True)]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for name, size, maskable in targets:
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(page_html(svg, size, maskable))
            page.screenshot(path=str(STATIC / name), omit_background=not maskable)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
