"""What offline-first offers other pages: the install hint on the home page, and the
"Tải về để đọc khi không có mạng" toggle beside each document of the library."""

from sqlalchemy import select

from handbook.extensions import db
from handbook.offline.models import OfflineMark
from handbook.signals import Fragment, HomePanel, document_tools, home_panels


@home_panels.connect
def install_hint(user) -> HomePanel:
    # Hidden until the page's script learns the browser offers installation: nothing nags.
    return HomePanel("install_hint", "offline/_home_hint.html", {}, content=False)


@document_tools.connect
def keep_on_phone(user) -> Fragment:
    marked = set(db.session.scalars(select(OfflineMark.document_id).where(OfflineMark.user_id == user.id)))
    return Fragment(10, "offline/_document_toggle.html", {"marked": marked})
