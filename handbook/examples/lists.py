"""Lists of good examples: what reaches a member, what waits for review, the committee's list of
a year with its counts per year, its CSV, and what a member may cite in their year."""

from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import joinedload, selectinload

from handbook.examples import messages as msg
from handbook.examples.access import approved_clause, awaiting_clause
from handbook.examples.models import STATUS_LABELS, GoodExample
from handbook.extensions import db
from handbook.orgs.models import Organization
from handbook.orgs.queries import subtree_ids
from handbook.signals import Evidence
from handbook.timefmt import to_vn, vn_date

YEARS_SHOWN = 6


def _newest(query):
    return query.order_by(GoodExample.happened_on.desc(), GoodExample.id.desc())


def visible_page(user, page: int, per_page: int) -> tuple[list[GoodExample], int]:
    query = select(GoodExample).where(approved_clause(user))
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    rows = db.session.scalars(_newest(query).options(joinedload(GoodExample.org))
                              .limit(per_page).offset((page - 1) * per_page))
    return list(rows), total


def awaiting(user, limit: int = 50) -> list[GoodExample]:
    return list(db.session.scalars(_newest(select(GoodExample).where(awaiting_clause(user)))
                                   .options(joinedload(GoodExample.org)).limit(limit)))


def _in_subtree(root: Organization):
    return GoodExample.org_id.in_(subtree_ids(root))


def committee_year(root: Organization, year: int, status: str | None = None) -> list[GoodExample]:
    """Every example of `root`'s subtree that happened in `year` (of one status, if given)."""
    query = select(GoodExample).where(_in_subtree(root), GoodExample.happened_on >= date(year, 1, 1),
                                      GoodExample.happened_on <= date(year, 12, 31))
    if status in STATUS_LABELS:
        query = query.where(GoodExample.status == status)
    return list(db.session.scalars(_newest(query).options(joinedload(GoodExample.org),
                                                          selectinload(GoodExample.reviewed_by))))


def counts_per_year(root: Organization, last_year: int) -> list[dict]:
    """Per status, the examples of each of the last YEARS_SHOWN years up to `last_year`, in one query."""
    year = func.extract("year", GoodExample.happened_on)
    by_status = [func.sum(case((GoodExample.status == status, 1), else_=0)) for status in STATUS_LABELS]
    found = {int(row[0]): dict(zip(STATUS_LABELS, (int(n or 0) for n in row[1:]), strict=True))
             for row in db.session.execute(
                 select(year, *by_status).where(
                     _in_subtree(root), GoodExample.happened_on >= date(last_year - YEARS_SHOWN + 1, 1, 1),
                     GoodExample.happened_on <= date(last_year, 12, 31)).group_by(year))}
    empty = dict.fromkeys(STATUS_LABELS, 0)
    return [{"year": y, **found.get(y, empty)} for y in range(last_year, last_year - YEARS_SHOWN, -1)]


def csv_rows(examples: list[GoodExample]) -> list[list]:
    header = ["Ngày", "Người", "Việc tốt", "Nơi ghi nhận", "Trạng thái", "Người duyệt", "Ngày duyệt"]
    return [header, *[[vn_date(e.happened_on), e.person, e.title, e.org.name, e.status_label,
                       e.reviewed_by.full_name if e.reviewed_by else "",
                       vn_date(to_vn(e.reviewed_at)) if e.reviewed_at else ""] for e in examples]]


def citable(user, year: int) -> list[Evidence]:
    """The member's own approved examples of `year`, as evidence of their year."""
    rows = db.session.scalars(select(GoodExample).where(
        GoodExample.member_id == user.id, GoodExample.status == "approved",
        GoodExample.happened_on >= date(year, 1, 1), GoodExample.happened_on <= date(year, 12, 31))
        .order_by(GoodExample.happened_on, GoodExample.id).options(joinedload(GoodExample.org)))
    return [Evidence(f"example-{e.id}", f"Gương người tốt, việc tốt: {e.title} ({vn_date(e.happened_on)})",
                     msg.CITED.format(org=e.org.name, approved=vn_date(to_vn(e.reviewed_at)), title=e.title,
                                      date=vn_date(e.happened_on))) for e in rows]
