"""The organisation on a given day: the name and the superior it had then, whether it existed
in a period, and the merges and splits it went through."""

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import and_, or_, select

from handbook.extensions import db
from handbook.orgs.models import Organization, OrganizationLink, OrganizationName, OrganizationParent
from handbook.timefmt import to_vn, vn_today


def today() -> date:
    """Today in Vietnam, the day every date of the tree is counted in."""
    return vn_today()


def day_of(when: date | datetime | None) -> date:
    """A stored instant (UTC) as its day in Vietnam; a date as itself; None as today."""
    if when is None:
        return today()
    if isinstance(when, datetime):
        return to_vn(when).date()
    return when


def period_day(last_day: date) -> date:
    """The day whose names a period's records print (a month's report, a year's table): its
    last day, or today while it runs."""
    return min(last_day, today())


def name_on(org: Organization | None, when: date | datetime | None = None) -> str:
    """The name `org` bore on that day: the past name whose period holds the day, else today's.
    A day before the first recorded name gets the first one."""
    if org is None:
        return ""
    past = db.session.scalar(
        select(OrganizationName.name).where(OrganizationName.org_id == org.id,
                                            OrganizationName.valid_to > day_of(when))
        .order_by(OrganizationName.valid_to, OrganizationName.id).limit(1))
    return org.name if past is None else past


def names_on(orgs: Iterable[Organization], when: date | datetime | None) -> dict[int, str]:
    """name_on for many organisations in one query, by id."""
    names = {org.id: org.name for org in orgs}
    if names:
        rows = db.session.execute(
            select(OrganizationName.org_id, OrganizationName.name)
            .where(OrganizationName.org_id.in_(list(names)), OrganizationName.valid_to > day_of(when))
            .order_by(OrganizationName.valid_to.desc(), OrganizationName.id.desc()))
        for org_id, name in rows:  # the earliest period holding the day is written last
            names[org_id] = name
    return names


def parent_on(org: Organization, when: date | datetime | None = None) -> Organization | None:
    """The superior `org` was under on that day (a later move or merge changed it)."""
    past = db.session.scalar(
        select(OrganizationParent).where(OrganizationParent.org_id == org.id,
                                         OrganizationParent.valid_to > day_of(when))
        .order_by(OrganizationParent.valid_to, OrganizationParent.id).limit(1))
    return org.parent if past is None else past.parent


def existed_between(start: date, end: date):
    """SQL: the organisation existed on some day of [start, end). One closed before the handbook
    kept dates (closed, no valid_to) counts in no period, as before."""
    return and_(
        or_(Organization.valid_from.is_(None), Organization.valid_from < end),
        or_(and_(Organization.valid_to.is_(None), Organization.closed.is_(False)), Organization.valid_to > start))


def past_names(org: Organization) -> list[OrganizationName]:
    return list(db.session.scalars(select(OrganizationName).where(OrganizationName.org_id == org.id)
                                   .order_by(OrganizationName.valid_to, OrganizationName.id)))


def links_of(org: Organization) -> list[OrganizationLink]:
    """Merges and splits `org` took part in, either side, oldest first."""
    either = or_(OrganizationLink.from_org_id == org.id, OrganizationLink.to_org_id == org.id)
    return list(db.session.scalars(
        select(OrganizationLink).where(either).order_by(OrganizationLink.effective_on, OrganizationLink.id)))


def merged_into(org: Organization) -> OrganizationLink | None:
    return db.session.scalar(select(OrganizationLink).where(
        OrganizationLink.from_org_id == org.id, OrganizationLink.kind == "merged").limit(1))
