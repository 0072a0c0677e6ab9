"""Measuring a page as an elderly member sees it: large text, where things sit, what covers what."""

SCREEN_H = 740
# The two large-text settings every journey here is run with: the app's own largest step
# (A+ three times, stored on the account) and the phone's own text zoom at 200 %.
TEXT_MODES = ["largest", "root200"]


def user_for(live_server, name: str, mode: str) -> str:
    """A fresh member of the demo's cell 1, with the app's largest text when `mode` says so."""
    username = f"{name}-{mode}"
    live_server.create_user(username)
    if mode == "largest":
        def largest():
            from sqlalchemy import update

            from handbook.auth.models import User
            from handbook.extensions import db
            db.session.execute(update(User).where(User.username == username).values(font_step=3))
            db.session.commit()
        live_server.run_in_app(largest)
    return username


def open_page(page, path: str, mode: str):
    """Goes to `path`; with "root200" the root text is set to 200 % as a phone's zoom would
    (through the CSS object model: the page's CSP rightly refuses injected style sheets)."""
    response = page.goto(path)
    apply_mode(page, mode)
    return response


def apply_mode(page, mode: str) -> None:
    if mode == "root200":
        page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")


def page_top(locator) -> float:
    """Distance from the top of the page (not of the screen) to the element, in CSS px."""
    return locator.evaluate("el => el.getBoundingClientRect().top + window.scrollY")


def assert_within_screens(locator, screens: float, what: str) -> None:
    top = page_top(locator)
    assert top < screens * SCREEN_H, f"{what} starts at {top:.0f} px, beyond {screens} screen(s) of {SCREEN_H} px"


def assert_uncovered(locator, what: str) -> None:
    """Scrolled to the middle of the screen, as a thumb would bring it, the element itself
    answers a tap at its centre (no bar or other element lies on it)."""
    hit = locator.evaluate(
        "el => { el.scrollIntoView({block: 'center'}); const r = el.getBoundingClientRect();"
        " const x = r.left + r.width / 2, y = r.top + r.height / 2;"
        " const top = document.elementFromPoint(x, y);"
        " return {inside: !!top && (el === top || el.contains(top)), y: y, h: window.innerHeight,"
        " by: top ? top.outerHTML.slice(0, 80) : null}; }")
    assert hit["inside"], f"{what} is covered at its centre (y={hit['y']:.0f}) by {hit['by']}"
    assert 0 <= hit["y"] <= hit["h"], f"{what} is off the screen (y={hit['y']:.0f})"


def bars_height(page) -> float:
    top = page.get_by_role("banner").bounding_box()["height"]
    nav = page.get_by_role("navigation", name="Điều hướng chính")
    return top + (nav.bounding_box()["height"] if nav.is_visible() else 0)


def words_split_in_cells(page) -> list[str]:
    """Table cells whose words take more lines than there are words: a column squeezed until
    words break (one letter per line). Only text is measured (not a chart beside it)."""
    return page.evaluate(
        "() => Array.from(document.querySelectorAll('table.data th, table.data td')).filter(cell => {"
        " const tops = new Set(); let words = 0;"
        " const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);"
        " for (let node = walker.nextNode(); node; node = walker.nextNode()) {"
        "   if (node.parentElement.closest('svg') || !node.textContent.trim()) continue;"
        "   words += node.textContent.trim().split(/\\s+/).length;"
        "   const range = document.createRange(); range.selectNodeContents(node);"
        "   for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top)); }"
        " return words > 0 && tops.size > words; }).map(c => c.innerText.trim().slice(0, 30))")
