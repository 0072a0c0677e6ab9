"""One name for the page of a long list in every URL: `?trang=N`, as the library's reader has it.

Lists used `?page=N` before; a link or bookmark with it still opens the same page.
"""

from functools import partial

from flask import request, url_for

from handbook.integers import bounded_int

PARAM = "trang"
OLD_PARAM = "page"
# Far past any list's end, yet its OFFSET (pages × a page's rows) stays a 32-bit integer.
MAX_PAGE = 1_000_000
_page_number = partial(bounded_int, minimum=1, maximum=MAX_PAGE)


def requested_page() -> int:
    """The page asked for, from 1; anything unreadable or out of range is the first page."""
    asked = request.args.get(PARAM, type=_page_number)
    if asked is None:
        asked = request.args.get(OLD_PARAM, 1, type=_page_number)
    return asked


def page_url(page: int) -> str:
    """This list's address on another page, its filters kept (templates: `page_url(n)`)."""
    args = {key: value for key, value in request.args.items() if key not in (PARAM, OLD_PARAM)}
    return url_for(request.endpoint, **(request.view_args or {}), **args, **{PARAM: page})
