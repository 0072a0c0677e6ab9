"""What a member's phone keeps for the meeting hall: the meeting pack.

The app's own pages (home, the account page with logout, the offline page), then what each
feature answers to `offline_pages` (handbook/signals.py): the next meeting of the member's cell
and any meeting today, with the member's note, and the previous meeting with its final minutes
(meetings/schedule.py: `pack_meetings`); the agenda's linked articles, the documents the member
marked for offline reading, the required-study documents and those other features offer
(`offline_documents`: an open study programme's) (library/pack.py). Each page comes
with the validator its own view gives, so a phone refreshes only what changed and drops what the
member may no longer see.
"""

from dataclasses import asdict

from flask import url_for

from handbook.conditional import account_key
from handbook.signals import OfflinePage, offline_pages, ordered


def build_pack(user) -> list[OfflinePage]:
    """The member's pack, in the order the offline page lists it; a URL once."""
    pages = [
        OfflinePage(url_for("main.home"), "home", "Trang chủ", None),
        # Where logging out is: a member on a shared phone may need it with no signal.
        OfflinePage(url_for("auth.account"), "account", "Tài khoản", None),
        # The offline page as this member sees it, with the app's bars: shown for a page the phone
        # lacks, it lists what the phone holds (the bottom tabs open their part of it).
        OfflinePage(url_for("offline.offline_page"), "offline", "Không có mạng", None),
    ]
    kept: dict[str, OfflinePage] = {}
    for page in pages + [page for answer in ordered(offline_pages, user) for page in answer.pages]:
        kept.setdefault(page.url, page)
    return list(kept.values())


def pack_json(user) -> dict:
    return {
        "account": account_key(),
        "entries": [asdict(page) for page in build_pack(user)],
    }
