"""What the home page's own feature offers the layout: its navigation entry."""

from handbook.signals import NavEntry, nav_entries


@nav_entries.connect
def home_entry(app) -> NavEntry:
    return NavEntry(10, "main.home", "Trang chủ", "home")
