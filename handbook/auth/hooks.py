"""What accounts offer other pages: the account page's entry in the navigation; and the
scheduler's purge of expired server sessions."""

from handbook.auth.service import purge_expired_sessions
from handbook.jobs import enqueue
from handbook.signals import NavEntry, nav_entries, periodic_work


@nav_entries.connect
def account_entry(app) -> NavEntry:
    return NavEntry(50, "auth.account", "Tài khoản", "user")


@periodic_work.connect
def _due_work(sender, now) -> None:
    enqueue(purge_expired_sessions, now)
