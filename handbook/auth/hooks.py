"""What accounts offer other pages: the account page's entry in the navigation."""

from handbook.signals import NavEntry, nav_entries


@nav_entries.connect
def account_entry(app) -> NavEntry:
    return NavEntry(50, "auth.account", "Tài khoản", "user")
