"""One name for the page of a long list in every URL: `?trang=N`, as the library's reader has it.

Lists used `?page=N` before; a link or bookmark with it still opens the same page.
"""

from flask import request, url_for

PARAM = "trang"
OLD_PARAM = "page"


def requested_page() -> int:
    """The page asked for, from 1; anything unreadable is the first page."""
    asked = request.args.get(PARAM, type=int)
    if asked is None:
        asked = request.args.get(OLD_PARAM, 1, type=int)
    return max(1, asked)


def page_url(page: int) -> str:
    """This list's address on another page, its filters kept (templates: `page_url(n)`)."""
    args = {key: value for key, value in request.args.items() if key not in (PARAM, OLD_PARAM)}
    return url_for(request.endpoint, **(request.view_args or {}), **args, **{PARAM: page})
