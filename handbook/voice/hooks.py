"""What the members' voice offers other pages: a navigation entry on wide screens; on the home
page, what waits for an answer from those who receive questions; links on the account page; a
"Hỏi" link beside each article of the reader; response times on the committee's dashboard. And
questions follow their article when a document gets a new text. Its search source, the
published FAQ (search.py)."""

from sqlalchemy import func, select, update

from handbook.extensions import db
from handbook.orgs.models import Organization
from handbook.search.registry import search_source
from handbook.signals import (
    Fragment,
    HomePanel,
    NavEntry,
    Panel,
    account_panels,
    dashboard_panels,
    home_panels,
    nav_entries,
    reader_marks,
    sections_superseded,
)
from handbook.voice import search, stats
from handbook.voice.access import inbox_clause, is_receiver
from handbook.voice.models import MemberQuestion

search_source("faq")(search.search_faq)


@nav_entries.connect
def voice_entry(app) -> NavEntry:
    return NavEntry(52, "voice.mine", "Hỏi đáp", "chat", wide_only=True)


@home_panels.connect
def waiting(user) -> HomePanel | None:
    """For a cell's secretary and a committee's admins: how many questions wait for their answer."""
    if not is_receiver(user):
        return None
    count = db.session.scalar(select(func.count(MemberQuestion.id))
                              .join(Organization, Organization.id == MemberQuestion.org_id)
                              .where(inbox_clause(user), MemberQuestion.status == "open"))
    return HomePanel("questions", "voice/_home_panel.html", {"count": count}) if count else None


@account_panels.connect
def account(user) -> Panel:
    return Panel(28, "voice/_account_panel.html", {"member": user.cell_id is not None,
                                                   "receiver": is_receiver(user)})


@reader_marks.connect
def ask_about_article(user) -> Fragment | None:
    """A member may ask about any article they read; an account outside any cell asks nobody."""
    return Fragment(30, "voice/_reader_mark.html", {}) if user.cell_id is not None else None


@dashboard_panels.connect
def response_times(root, year) -> Panel:
    rows, total = stats.response_times(root, year)
    return Panel(40, "voice/_dashboard_panel.html", {"rows": rows, "total": total, "year": year})


@sections_superseded.connect
def follow_articles(document, succession, kept: bool) -> None:
    """To the article taking its place; where there is none the question keeps the article's name."""
    for old, new in succession:
        if new is not None:
            db.session.execute(update(MemberQuestion).where(MemberQuestion.section_id == old.id)
                               .values(section_id=new.id).execution_options(synchronize_session=False))
