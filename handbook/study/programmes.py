"""Setting a programme (its documents and articles, period and audience), planning its study
sessions through the meetings feature, and the programmes a member is asked to take part in."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import or_, select

from handbook.audit import record
from handbook.domain import DomainError
from handbook.extensions import db
from handbook.integers import id_or_none
from handbook.library.access import visible_documents_clause
from handbook.library.models import Document, Section
from handbook.library.study import marks_among
from handbook.meetings.agenda import plan_meeting
from handbook.models_base import utcnow
from handbook.study import messages as msg
from handbook.study.access import overseen_roots, session_cells, setter_orgs
from handbook.study.models import Harvest, Programme, ProgrammeItem, ProgrammeSession
from handbook.timefmt import to_vn, vn_date

MAX_ITEMS = 40
ARTICLES_SHOWN = 80  # per document in the picker: a charter's articles, not every clause


def today() -> date:
    return to_vn(utcnow()).date()


@dataclass
class Candidate:
    """A document the setter may pick, whole or by its articles (top-level sections)."""

    document: Document
    articles: list[Section]


def article_like():
    """A WHERE clause on Section: a part one may be asked to study — an article (Điều), a chapter,
    or a numbered part of a summary's outline — not a loose paragraph."""
    return or_(Section.level != "plain", Section.number != "")


def candidates(user) -> list[Candidate]:
    """Active documents `user` reads, each with its articles, in two statements."""
    documents = list(db.session.scalars(select(Document).where(
        visible_documents_clause(user), Document.status == "active").order_by(Document.number)))
    by_doc: dict[int, list[Section]] = {d.id: [] for d in documents}
    if documents:
        for section in db.session.scalars(select(Section).where(
                Section.document_id.in_(list(by_doc)), Section.parent_id.is_(None), article_like())
                .order_by(Section.document_id, Section.position)):
            if len(by_doc[section.document_id]) < ARTICLES_SHOWN:
                by_doc[section.document_id].append(section)
    return [Candidate(d, by_doc[d.id]) for d in documents]


def parse_picks(values: list[str]) -> list[tuple[str, int]]:
    """The picker's values, "d-<document id>" (the whole document) or "s-<section id>" (an article),
    as ("d" | "s", id)."""
    picks = []
    for value in values:
        kind, _, number = (value or "").partition("-")
        found = id_or_none(number)  # within the INTEGER column: a crafted number is a message, not a crash
        if kind not in ("d", "s") or found is None:
            raise DomainError(msg.BAD_ITEM, field="items")
        picks.append((kind, found))
    return picks


def _items(org, picks) -> list[ProgrammeItem]:
    if not picks:
        raise DomainError(msg.NOTHING_TO_STUDY, field="items")
    if len(picks) > MAX_ITEMS:
        raise DomainError(msg.TOO_MANY_ITEMS.format(most=MAX_ITEMS), field="items")
    items, seen = [], set()
    for kind, number in picks:
        if kind == "d":
            document, anchor, label = db.session.get(Document, number), "", ""
        else:
            section = db.session.get(Section, number)
            document = section.document if section else None
            anchor, label = (section.anchor, _label(section)) if section else ("", "")
        if document is None or document.status != "active":
            raise DomainError(msg.BAD_ITEM, field="items")
        # Every member of the audience must be able to open what they are asked to study.
        if document.org_id is not None and document.org_id not in org.ancestor_ids():
            raise DomainError(msg.DOCUMENT_HIDDEN.format(number=document.number, org=org.name), field="items")
        if (document.id, anchor) not in seen:
            seen.add((document.id, anchor))
            items.append(ProgrammeItem(position=len(items) + 1, document_id=document.id, anchor=anchor, label=label))
    return items


def _label(section: Section) -> str:
    number = {"dieu": f"Điều {section.number}. "}.get(section.level, f"{section.number}. " if section.number else "")
    return f"{number}{section.heading}".strip()[:300]


def set_programme(user, *, title: str, org_id: int | None, leaders_only: bool, starts_on: date | None,
                  ends_on: date | None, picks: list[tuple[str, int]]) -> Programme:
    org = next((o for o in setter_orgs(user) if o.id == org_id), None)
    if org is None:
        raise DomainError(msg.ORG_NOT_YOURS, field="org_id")
    if starts_on is None:
        raise DomainError(msg.BAD_DATE, field="starts_on")
    if ends_on is None:
        raise DomainError(msg.BAD_DATE, field="ends_on")
    if ends_on < starts_on:
        raise DomainError(msg.ENDS_BEFORE_STARTS, field="ends_on")
    if ends_on < today():
        raise DomainError(msg.ENDS_IN_PAST, field="ends_on")
    if ends_on - starts_on > timedelta(days=366):
        raise DomainError(msg.TOO_LONG, field="ends_on")
    if not title.strip():
        raise DomainError(msg.TITLE_MISSING, field="title")
    programme = Programme(title=title.strip()[:200], org_id=org.id, leaders_only=leaders_only, starts_on=starts_on,
                          ends_on=ends_on, set_by_id=user.id)
    programme.items = _items(org, picks)
    db.session.add(programme)
    db.session.flush()
    record("study.set", org=org, target=programme, actor=user,
           summary=f"{programme.title}: {len(programme.items)} mục; {vn_date(starts_on)} — {vn_date(ends_on)}")
    return programme


def audience_label(programme: Programme) -> str:
    who = "cán bộ lãnh đạo, quản lý" if programme.leaders_only else "đảng viên"
    return f"{who} thuộc {programme.org.name}"


def plan_session(user, programme: Programme, *, cell_id: int | None, starts_at: datetime,
                 duration_minutes: int, location: str) -> ProgrammeSession:
    """A draft meeting of kind "study" in one of the secretary's cells, planned by the meetings
    feature from its study agenda, linked to the programme."""
    cell = next((c for c in session_cells(user, programme) if c.id == cell_id), None)
    if cell is None:
        raise DomainError(msg.CELL_NOT_YOURS, field="cell_id")
    meeting = plan_meeting(cell, kind="study", title=msg.SESSION_TITLE.format(title=programme.title)[:300],
                           starts_at=starts_at, duration_minutes=duration_minutes, location=location,
                           template="study", document_id=programme.items[0].document_id if programme.items else None)
    session = ProgrammeSession(programme_id=programme.id, meeting_id=meeting.id)
    db.session.add(session)
    db.session.flush()
    return session


def _audience_clause(user):
    """A WHERE clause on Programme: set for the member's cell or an organisation above it, for them."""
    return audience_clause(user.cell.ancestor_ids(), user.holds_leadership_post)


def audience_clause(orgs, leader: bool):
    """The same for a member of `orgs` (the cell and those above it: ids, or a bound parameter)."""
    clause = Programme.org_id.in_(orgs)
    return clause if leader else clause & Programme.leaders_only.is_(False)


@dataclass
class Standing:
    """A programme as one member stands with it."""

    programme: Programme
    read: int  # documents marked 'đã học'
    documents: int
    harvest: Harvest | None

    @property
    def submitted(self) -> bool:
        return self.harvest is not None and self.harvest.status == "submitted"

    @property
    def finished(self) -> bool:
        return self.read >= self.documents and self.submitted

    @property
    def open(self) -> bool:
        return self.programme.starts_on <= today() <= self.programme.ends_on


def standings(user, *, open_now: bool) -> list[Standing]:
    """The member's programmes (open today, or every one begun), with their reading and thu hoạch."""
    if not user.is_authenticated or user.cell is None:
        return []
    day = today()
    query = select(Programme).where(_audience_clause(user), Programme.starts_on <= day)
    if open_now:
        query = query.where(Programme.ends_on >= day).order_by(Programme.ends_on)
    else:
        query = query.order_by(Programme.starts_on.desc()).limit(50)
    programmes = list(db.session.scalars(query))
    if not programmes:
        return []
    marks = marks_among([user.id], {d for p in programmes for d in p.document_ids})
    harvests = {h.programme_id: h for h in db.session.scalars(select(Harvest).where(
        Harvest.user_id == user.id, Harvest.programme_id.in_([p.id for p in programmes])))}
    return [Standing(p, sum((user.id, d) in marks for d in p.document_ids), len(p.document_ids),
                     harvests.get(p.id)) for p in programmes]


def managed_programmes(user) -> list[Programme]:
    """Programmes whose completion `user` reads: set for, above or below an organisation they oversee."""
    query = select(Programme).order_by(Programme.ends_on.desc(), Programme.id.desc()).limit(200)
    return [p for p in db.session.scalars(query) if overseen_roots(user, p)][:50]
