"""What offline-first offers other pages: the install hint on the home page, and the
"Tải về để đọc khi không có mạng" toggle beside each document of the library."""

from functools import cache

from sqlalchemy import String, bindparam, cast, func, select

from handbook.offline.models import OfflineMark
from handbook.signals import Ask, Fragment, HomePanel, document_tools, home_panels


@home_panels.connect
def install_hint(user) -> HomePanel:
    # Hidden until the page's script learns the browser offers installation: nothing nags.
    return HomePanel("install_hint", "offline/_home_hint.html", {}, content=False)


@cache
def _marked_column():
    """The ids of the documents the member keeps on the phone, as one string: asked inside the
    library's own statement (built once, bound by `member_id`)."""
    return select(func.aggregate_strings(cast(OfflineMark.document_id, String), ",")).where(
        OfflineMark.user_id == bindparam("member_id")).scalar_subquery()


def _toggle_context(ids: str | None) -> dict:
    return {"marked": {int(i) for i in ids.split(",")} if ids else set()}


@document_tools.connect
def keep_on_phone(user) -> Fragment:
    return Fragment(10, "offline/_document_toggle.html", {}, ask=Ask(_marked_column(), _toggle_context))
