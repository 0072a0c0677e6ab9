"""Registering a good example and the committee's review of it. Services flush; the view commits;
each step is in the audit log."""

from datetime import date

from sqlalchemy import or_, select

from handbook.audit import record
from handbook.auth.models import User
from handbook.auth.permissions import managed_cells
from handbook.collation import vi_order
from handbook.domain import DomainError
from handbook.examples import messages as msg
from handbook.examples import photos
from handbook.examples.access import register_orgs
from handbook.examples.models import GoodExample
from handbook.extensions import db
from handbook.models_base import utcnow
from handbook.orgs.models import Organization
from handbook.timefmt import to_vn

MAX_TEXT = 4000


def led_members(user) -> list[User]:
    """The active members of the cells `user` leads, by name: whom a secretary may name."""
    cells = [cell.id for cell in managed_cells(user)]
    if not cells:
        return []
    return list(db.session.scalars(select(User).where(User.cell_id.in_(cells), User.active.is_(True))
                                   .order_by(vi_order(User.full_name), User.id)))


def find_member(org: Organization, value: str) -> User | None:
    """An active member of `org`'s subtree by card number or login name; None for an empty value."""
    value = (value or "").strip()[:64]
    if not value:
        return None
    member = db.session.scalar(
        select(User).join(Organization, Organization.id == User.cell_id)
        .where(or_(User.card_number == value, User.username == value), User.active.is_(True),
               Organization.path.startswith(org.path)))
    if member is None:
        raise DomainError(msg.NO_MEMBER.format(value=value, org=org.name), field="member")
    return member


def register(by, *, org_id: int, person: str, member: str, title: str, description: str,
             happened_on: date | None, photo=None) -> GoodExample:
    """`photo`: the upload (handbook.examples.photos reads and checks it), or None."""
    org = next((o for o in register_orgs(by) if o.id == org_id), None)
    if org is None:
        raise DomainError(msg.BAD_ORG, field="org_id")
    found = find_member(org, member)
    person = " ".join((person or "").split())[:120] or (found.full_name if found else "")
    title = " ".join((title or "").split())[:200]
    if not person:
        raise DomainError(msg.PERSON_EMPTY, field="person")
    if not title:
        raise DomainError(msg.TITLE_EMPTY, field="title")
    if happened_on is None or happened_on > to_vn(utcnow()).date() or happened_on.year < 2000:
        raise DomainError(msg.BAD_DATE, field="happened_on")
    upload = photos.read_upload(photo)
    example = GoodExample(org_id=org.id, org=org, member_id=found.id if found else None, person=person, title=title,
                          description=(description or "").replace("\r\n", "\n").strip()[:MAX_TEXT],
                          happened_on=happened_on, status="pending", registered_by_id=by.id, created_at=utcnow())
    if upload is not None:
        example.photo_key, example.photo_type = photos.keep(*upload), upload[1]
    db.session.add(example)
    db.session.flush()
    record("example.registered", org=org, target=example, actor=by, summary=f"Ghi nhận gương: {title} ({person})")
    return example


def _pending(example: GoodExample) -> None:
    if example.status != "pending":
        raise DomainError(msg.NOT_PENDING.format(status=example.status_label.lower()), status=409)


def approve(example: GoodExample, by) -> None:
    _pending(example)
    example.status, example.reviewed_by_id, example.reviewed_at = "approved", by.id, utcnow()
    db.session.flush()
    record("example.approved", org=example.org, target=example, actor=by, summary=f"Duyệt gương: {example.title}")


def send_back(example: GoodExample, note: str, by) -> None:
    _pending(example)
    note = " ".join((note or "").split())[:500]
    if not note:
        raise DomainError(msg.RETURN_NOTE, field="note")
    example.status, example.review_note = "returned", note
    example.reviewed_by_id, example.reviewed_at = by.id, utcnow()
    db.session.flush()
    record("example.returned", org=example.org, target=example, actor=by,
           summary=f"Không duyệt gương: {example.title}")
