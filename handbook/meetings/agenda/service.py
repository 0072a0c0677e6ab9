"""Building and publishing agendas: templates, item edits, versions after publishing, cancelling."""

from datetime import datetime, timedelta

from sqlalchemy import delete, select

from handbook.audit import record
from handbook.domain import DomainError
from handbook.extensions import db
from handbook.meetings import messages as msg
from handbook.meetings.agenda.standard import TEMPLATES
from handbook.meetings.models import AgendaChange, AgendaItem, AgendaLink, Meeting, NotificationKind, Rsvp
from handbook.meetings.notify import actor_id, notify_members
from handbook.meetings.status import Action, Status, check, check_start, move
from handbook.models_base import utcnow
from handbook.timefmt import vn_datetime
from handbook.versioning import StaleVersion

MIN_NOTICE = timedelta(hours=24)
MIN_MINUTES = {"thematic": 120}
DEFAULT_MIN_MINUTES = 90


class StaleEdit(StaleVersion):
    """Someone else saved the agenda after this form was loaded."""


def check_seq(meeting: Meeting, seq) -> None:
    try:
        seq = int(seq)
    except (TypeError, ValueError):
        raise StaleEdit() from None
    if seq != meeting.edit_seq:
        raise StaleEdit()


def previous_meeting(cell_id: int) -> Meeting | None:
    return db.session.scalar(
        select(Meeting).where(Meeting.cell_id == cell_id, Meeting.status != Status.CANCELLED)
        .order_by(Meeting.starts_at.desc()).limit(1)
    )


def plan_meeting(cell, **fields) -> Meeting:
    """What a secretary plans: a draft meeting still to come (see create_meeting)."""
    check_start(fields["starts_at"])
    return create_meeting(cell, **fields)


def create_meeting(cell, *, kind, title, starts_at, duration_minutes, location, template,
                   paper_author="", document_id=None) -> Meeting:
    """A draft meeting, its agenda filled from a template or copied from the cell's last meeting.
    No rule on its time: the demo builds past meetings with it too."""
    source = previous_meeting(cell.id) if template == "copy" else None
    meeting = Meeting(
        cell_id=cell.id, kind=kind, title=title, starts_at=starts_at, duration_minutes=duration_minutes,
        location=location, status=Status.DRAFT, paper_author=paper_author, document_id=document_id,
        created_by_id=actor_id(),
    )
    db.session.add(meeting)
    if source is not None:
        for position, item in enumerate(source.items, start=1):
            copy = AgendaItem(position=position, title=item.title, description=item.description,
                              presenter=item.presenter, planned_minutes=item.planned_minutes, purpose=item.purpose)
            copy.links = [AgendaLink(section_id=link.section_id) for link in item.links]
            meeting.items.append(copy)
    else:
        for position, (item_title, description, minutes, *purpose) in enumerate(TEMPLATES.get(template, []), start=1):
            presenter = paper_author if (template == "thematic" and position == 2) else ""
            meeting.items.append(AgendaItem(position=position, title=item_title, description=description,
                                            planned_minutes=minutes, presenter=presenter,
                                            purpose=purpose[0] if purpose else ""))
    db.session.flush()
    return meeting


def publish_warnings(meeting: Meeting, now: datetime | None = None) -> list[str]:
    """The two rules of the guidance that the secretary may still override, knowingly."""
    now = now or utcnow()
    warnings = []
    if meeting.starts_at - now < MIN_NOTICE:
        warnings.append(msg.LATE_NOTICE)
    minimum = MIN_MINUTES.get(meeting.kind, DEFAULT_MIN_MINUTES)
    if meeting.duration_minutes < minimum:
        warnings.append(msg.SHORT_MEETING.format(minutes=meeting.duration_minutes, minimum=minimum))
    return warnings


def publish(meeting: Meeting, confirmed: bool) -> None:
    """Members see the agenda from now on; a late or short meeting needs the secretary's `confirmed`."""
    check(meeting, Action.PUBLISH)
    if publish_warnings(meeting) and not confirmed:
        raise DomainError(msg.CONFIRM_WARNINGS)
    move(meeting, Action.PUBLISH)
    meeting.published_at = utcnow()
    meeting.edit_seq += 1
    record("agenda.published", org=meeting.cell, target=meeting, summary=meeting.title)
    notify_members(meeting, NotificationKind.PUBLISHED,
                   msg.NOTIFY_PUBLISHED.format(title=meeting.title, when=vn_datetime(meeting.starts_at)))


def changed(meeting: Meeting, summary: str, item: AgendaItem | None = None) -> None:
    """Every saved edit: bump the lock; after publishing also a new version members are told of."""
    check(meeting, Action.EDIT)
    meeting.edit_seq += 1
    if meeting.status != Status.PUBLISHED:
        return
    meeting.version += 1
    if item is not None:
        item.changed_in_version = meeting.version
    db.session.add(AgendaChange(meeting_id=meeting.id, version=meeting.version, summary=summary,
                                changed_by_id=actor_id()))
    record("agenda.changed", org=meeting.cell, target=meeting, summary=summary)
    notify_members(meeting, NotificationKind.CHANGED, msg.NOTIFY_CHANGED.format(title=meeting.title, summary=summary))


def update_details(meeting: Meeting, *, kind, title, starts_at, duration_minutes, location, paper_author,
                   confirmed: bool = False) -> None:
    """Saves the meeting's details. A new date or time (still to come) of a published meeting
    needs the secretary's `confirmed`; it clears every RSVP and tells members the old time and
    the new one."""
    what = []
    # The form has minutes only: a time stored with seconds (by a script) is not a new time.
    rescheduled = starts_at.replace(second=0, microsecond=0) != meeting.starts_at.replace(second=0, microsecond=0)
    old_time = vn_datetime(meeting.starts_at)
    if rescheduled:
        check_start(starts_at)
        if meeting.status == Status.PUBLISHED and not confirmed:
            raise DomainError(msg.CONFIRM_RESCHEDULE.format(old=old_time, new=vn_datetime(starts_at)),
                              field="confirm_time")
    fields = (("kind", kind), ("title", title), ("duration_minutes", duration_minutes), ("location", location),
              ("paper_author", paper_author))
    for attr, value in fields:
        if getattr(meeting, attr) != value:
            setattr(meeting, attr, value)
            what.append(msg.DETAIL_NAMES[attr])
    if rescheduled:
        meeting.starts_at = starts_at
        what.insert(0, msg.DETAIL_NAMES["starts_at"])
    if not what:
        return
    published = meeting.status == Status.PUBLISHED
    changed(meeting, msg.DETAILS_CHANGED.format(names=", ".join(what)))
    if rescheduled:
        record("meeting.rescheduled", org=meeting.cell, target=meeting,
               summary=msg.RESCHEDULED_AUDIT.format(title=meeting.title, old=old_time, new=vn_datetime(starts_at)))
    if rescheduled and published:
        db.session.execute(delete(Rsvp).where(Rsvp.meeting_id == meeting.id))
        notify_members(meeting, NotificationKind.RESCHEDULED,
                       msg.NOTIFY_RESCHEDULED.format(title=meeting.title, old=old_time, when=vn_datetime(starts_at)))


def closing_item(meeting: Meeting) -> AgendaItem | None:
    """The closing item ("Bế mạc"), which new items go before."""
    return next((item for item in meeting.items if item.purpose == "closing"), None)


def insert_at(meeting: Meeting, after: str) -> int:
    """Where a new item goes: after the item whose id is `after`, at the end ("end"), or by
    default just before the closing item (at the end when there is none)."""
    items = list(meeting.items)
    if after == "end":
        return len(items)
    for index, item in enumerate(items):
        if str(item.id) == after:
            return index + 1
    closing = closing_item(meeting)
    return items.index(closing) if closing is not None else len(items)


def add_item(meeting: Meeting, *, title, description, presenter, planned_minutes, after: str = "") -> AgendaItem:
    items = list(meeting.items)
    item = AgendaItem(title=title, description=description, presenter=presenter, planned_minutes=planned_minutes)
    items.insert(insert_at(meeting, after), item)
    for position, each in enumerate(items, start=1):
        each.position = position
    meeting.items.append(item)
    meeting.items.sort(key=lambda i: i.position)
    db.session.flush()
    changed(meeting, msg.ITEM_ADDED.format(title=title), item)
    return item


def update_item(meeting: Meeting, item: AgendaItem, **fields) -> None:
    for attr, value in fields.items():
        setattr(item, attr, value)
    changed(meeting, msg.ITEM_CHANGED.format(title=item.title), item)


def remove_item(meeting: Meeting, item: AgendaItem) -> None:
    meeting.items.remove(item)
    for position, other in enumerate(meeting.items, start=1):
        other.position = position
    changed(meeting, msg.ITEM_REMOVED.format(title=item.title))


def move_item(meeting: Meeting, item: AgendaItem, direction: str) -> None:
    items = list(meeting.items)
    index = items.index(item)
    target = index - 1 if direction == "up" else index + 1
    if not 0 <= target < len(items):
        return
    items[index], items[target] = items[target], items[index]
    for position, other in enumerate(items, start=1):
        other.position = position
    meeting.items.sort(key=lambda i: i.position)
    changed(meeting, msg.ITEM_MOVED.format(title=item.title), item)


def link_section(meeting: Meeting, item: AgendaItem, section) -> None:
    if any(link.section_id == section.id for link in item.links):
        return
    item.links.append(AgendaLink(section_id=section.id, section=section))
    changed(meeting, msg.SECTION_LINKED.format(title=item.title), item)


def unlink_section(meeting: Meeting, item: AgendaItem, link: AgendaLink) -> None:
    item.links.remove(link)
    changed(meeting, msg.SECTION_UNLINKED.format(title=item.title), item)


def cancel(meeting: Meeting) -> None:
    """The record stays (status cancelled) so the history and the calendar feeds show it."""
    was_public = meeting.status != Status.DRAFT
    move(meeting, Action.CANCEL)
    meeting.cancelled_at = utcnow()
    meeting.version += 1
    meeting.edit_seq += 1
    record("meeting.cancelled", org=meeting.cell, target=meeting, summary=meeting.title)
    if was_public:
        when = vn_datetime(meeting.starts_at)
        notify_members(meeting, NotificationKind.CANCELLED, msg.NOTIFY_CANCELLED.format(title=meeting.title, when=when))
