"""The cell's rating of its members at the year-end meeting: one rating per member and year,
recorded by the secretary (from the cell's vote where one was held), checked against the cap
on "xuất sắc", then finished for the year — which locks the ratings and shows each member
theirs. Services flush; views commit.

A rating belongs to the cell that gave it: the cell where the member went through the year's
review. A member moved afterwards keeps that rating. Their new cell cannot rate them or rewrite
it, lists them as rated elsewhere and finishes without them; the old cell still lists them (as
moved), may correct the rating while its year is open, and counts it against its cap when it
finishes. A member moved before any cell rated them is rated by the cell they are in.

Rating and finishing both take the cell's year row first (`_lock_year`), so the two run one
after the other: a rating cannot land between the finish's count and its mark.

Since Quy định 366-QĐ/TW (30/08/2025) the cell decides points per criterion group and the share
of tasks done beyond requirement; the level follows from them and the member's tasks
(scoring.level_for), so nobody picks a level. Members not to be rated (scoring.exemption) are
listed apart, never rated, and the finish does not wait for them. A rating made under Quy định
124 keeps its rule; rating the member again while the year is open rates them under 366."""

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from handbook.audit import record
from handbook.auth.models import User
from handbook.auth.queries import cell_members as members_of_cell
from handbook.collation import vi_order
from handbook.domain import DomainError
from handbook.extensions import db
from handbook.meetings import tasks, votes
from handbook.models_base import utcnow
from handbook.orgs.models import Organization
from handbook.orgs.queries import org_by_id
from handbook.timefmt import vn_date
from handbook.year import messages as msg
from handbook.year import scoring, settings
from handbook.year.levels import CONDUCT, LEVELS, excellent_allowed, level_of, over_cap
from handbook.year.models import CellYear, OccasionalRating, Rating
from handbook.year.settings import cap_percent


def exemption_text(member: User, period_end: date) -> str | None:
    """Why `member` is not rated for a period ending `period_end`, as the cell reads it."""
    key = scoring.exemption(member.party_standing, member.admitted_on, period_end)
    if key is None:
        return None
    text = scoring.EXEMPTIONS[key]
    return f"{text} (vào Đảng ngày {vn_date(member.admitted_on)})" if key == "new" else text


def exempt_members(members: list[User], year: int) -> dict[int, str]:
    """The members among `members` not rated for `year`, with why."""
    end = date(year, 12, 31)
    found = {m.id: exemption_text(m, end) for m in members}
    return {user_id: text for user_id, text in found.items() if text}


def cell_members(cell: Organization) -> list[User]:
    return members_of_cell(cell.id)


def to_rate(cell: Organization, year: int) -> list[User]:
    """The cell's members it rates for `year`: all but those exempt."""
    members = cell_members(cell)
    exempt = exempt_members(members, year)
    return [m for m in members if m.id not in exempt]


def ratings_of(cell: Organization, year: int) -> dict[int, Rating]:
    return {r.user_id: r for r in db.session.scalars(select(Rating).where(Rating.cell_id == cell.id,
                                                                            Rating.year == year))}


def rated_elsewhere(cell: Organization, year: int) -> dict[int, Organization]:
    """The cell's members whose rating of `year` another cell gave (before they moved here),
    with that cell."""
    rows = db.session.execute(select(Rating.user_id, Organization)
                              .join(Organization, Organization.id == Rating.cell_id)
                              .join(User, User.id == Rating.user_id)
                              .where(Rating.year == year, Rating.cell_id != cell.id, User.cell_id == cell.id))
    return {user_id: org for user_id, org in rows}


def moved_away(cell: Organization, year: int) -> list[User]:
    """Members the cell rated for `year` who have since left it: the rating is still the cell's."""
    return list(db.session.scalars(select(User).join(Rating, Rating.user_id == User.id)
                                   .where(Rating.cell_id == cell.id, Rating.year == year,
                                          User.cell_id.is_distinct_from(cell.id))
                                   .order_by(vi_order(User.full_name), User.id)))


def finished(cell_id: int, year: int) -> CellYear | None:
    return db.session.scalar(select(CellYear).where(CellYear.cell_id == cell_id, CellYear.year == year,
                                                    CellYear.finished_at.is_not(None)))


def _lock_year(cell: Organization, year: int) -> CellYear:
    """The cell's row for the year, made if missing, and held until the transaction ends.

    PostgreSQL locks the row (FOR UPDATE): a second rating or finish of the same cell and year
    waits here for the first to commit, then reads what it wrote. SQLite has no row locks, but
    the INSERT takes its one write lock before anything below is read, which serialises alike.
    """
    insert = pg_insert if db.engine.dialect.name == "postgresql" else sqlite_insert
    db.session.execute(insert(CellYear).values(cell_id=cell.id, year=year)
                       .on_conflict_do_nothing(index_elements=["cell_id", "year"]))
    return db.session.scalars(select(CellYear).where(CellYear.cell_id == cell.id, CellYear.year == year)
                              .with_for_update().execution_options(populate_existing=True)).one()


def own_rating(user, year: int) -> Rating | None:
    """The member's own rating, once the cell has finished the year (not before: a rating may
    still change in the meeting)."""
    rating = db.session.scalar(select(Rating).where(Rating.user_id == user.id, Rating.year == year))
    return rating if rating is not None and finished(rating.cell_id, year) else None


def vote_level(member, year: int) -> tuple[str | None, int | None]:
    """The level the cell's closed rating vote on the member chose that year, and the vote."""
    for vote in reversed(votes.votes_on(member, "rating")):
        outcome = votes.result(vote)
        if vote.closed_at and vote.closed_at.year in (year, year + 1) and outcome and outcome.winners:
            level = level_of(outcome.winners[0])
            if level:
                return level, vote.id
    return None, None


@dataclass
class CapState:
    excellent: int
    base: int
    allowed: int
    exceeded: bool


def cap_state(levels: list[str]) -> CapState:
    excellent, good = levels.count("excellent"), levels.count("good")
    cap = cap_percent()
    return CapState(excellent, excellent + good, excellent_allowed(excellent, good, cap),
                    over_cap(excellent, good, cap))


def cap_line(state: CapState) -> str:
    """The cap's arithmetic in one sentence: "20% × 4 = 0,8, tức tối đa 0 đồng chí"."""
    product = (Decimal(cap_percent()) * state.base / 100).normalize()
    return msg.CAP_LINE.format(cap=cap_percent(), base=state.base, product=f"{product:f}".replace(".", ","),
                               allowed=state.allowed, excellent=state.excellent)


@dataclass
class Decision:
    """What the cell decided on a member and the level it gives, with its basis for the record."""

    level: str
    score: Decimal
    basis: dict


def decide(member: User, year: int, *, points: dict[str, str], beyond: str, conduct: str, on: date) -> Decision:
    """Checks the cell's entries — points of each group within its maximum, the share of tasks
    done beyond requirement, a conduct chosen — and derives the level with the member's tasks
    of `year` as they stand on `on` (Quy định 366-QĐ/TW, scoring.level_for)."""
    weights = settings.weights()
    found, bad = scoring.read_points(points, weights)
    if bad is not None:
        raise DomainError(msg.BAD_POINTS.format(group=scoring.GROUPS[bad], most=weights[bad]), field=f"score_{bad}")
    share_beyond = scoring.parse_percent(beyond)
    if share_beyond is None:
        raise DomainError(msg.BAD_BEYOND, field="beyond")
    if conduct not in CONDUCT:
        raise DomainError(msg.BAD_CONDUCT, field="conduct")
    record = tasks.year_tasks(member, year, on)
    total = sum(found.values())
    level = settings.level_for(total, scoring.share(record.late, record.counted), scoring.share(share_beyond, 100))
    basis = {"points": {group: str(value) for group, value in found.items()}, "weights": weights,
             "beyond": share_beyond, "tasks_on_time": record.on_time, "tasks_late": record.late}
    return Decision(level, total, basis)


def apply(rating, decision: Decision, conduct: str, comment: str) -> None:
    rating.level, rating.conduct, rating.comment = decision.level, conduct, (comment or "").strip()[:2000]
    rating.rule, rating.score = scoring.RULE_366, float(decision.score)
    rating.basis = json.dumps(decision.basis, ensure_ascii=False)


def rate(cell: Organization, member: User, year: int, *, points: dict[str, str], beyond: str, conduct: str,
         comment: str, by) -> Rating:
    """Records (or corrects) a member's rating while the cell's year is open: a member of the
    cell whom no other cell rated that year, or one the cell rated before they moved away."""
    decision = decide(member, year, points=points, beyond=beyond, conduct=conduct, on=settings.today())
    exempt = exemption_text(member, date(year, 12, 31))
    if exempt:
        raise DomainError(msg.EXEMPT.format(name=member.full_name, year=year, reason=exempt), field="member_id")
    if _lock_year(cell, year).finished_at is not None:
        raise DomainError(msg.RATINGS_LOCKED.format(year=year), status=409)
    rating = db.session.scalar(select(Rating).where(Rating.user_id == member.id, Rating.year == year)
                               .execution_options(populate_existing=True))
    if rating is not None and rating.cell_id != cell.id:
        other = org_by_id(rating.cell_id)
        raise DomainError(msg.RATED_ELSEWHERE.format(name=member.full_name, cell=other.name, year=year),
                          field="member_id", status=409)
    if rating is None and member.cell_id != cell.id:
        raise DomainError(msg.OTHER_CELL.format(cell=cell.name), field="member_id")
    voted, vote_id = vote_level(member, year)
    if rating is None:
        rating = Rating(user_id=member.id, year=year, cell_id=cell.id)
        db.session.add(rating)
    apply(rating, decision, conduct, comment)
    rating.leader, rating.vote_id = member.holds_leadership_post, vote_id if voted == decision.level else None
    rating.rated_by_id, rating.rated_at = by.id, utcnow()
    db.session.flush()
    record("year.rated", org=cell, target=member, summary=f"Xếp loại năm {year} ({rating.score:g} điểm): "
                                                          f"{LEVELS[rating.level]}, {CONDUCT[conduct]}")
    return rating


def finish(cell: Organization, year: int, by) -> CellYear:
    """Locks the year's ratings: every member rated (here, or by the cell they left), and the
    cap held over the ratings the cell gave."""
    mark = _lock_year(cell, year)
    if mark.finished_at is not None:
        raise DomainError(msg.RATINGS_LOCKED.format(year=year), status=409)
    rated, elsewhere = ratings_of(cell, year), rated_elsewhere(cell, year)
    missing = [m.full_name for m in to_rate(cell, year) if m.id not in rated and m.id not in elsewhere]
    if missing:
        raise DomainError(msg.NOT_ALL_RATED.format(count=len(missing), names=", ".join(missing)))
    if cap_state([r.level for r in rated.values()]).exceeded:
        raise DomainError(msg.OVER_CAP)
    mark.finished_at, mark.finished_by_id = utcnow(), by.id
    db.session.flush()
    record("year.finished", org=cell, target=cell, summary=f"Chốt xếp loại đảng viên năm {year}")
    return mark


def rate_on_demand(cell: Organization, member: User, *, reason: str, points: dict[str, str], beyond: str,
                   conduct: str, comment: str, by) -> OccasionalRating:
    """A review "khi cần thiết" (Quy định 366-QĐ/TW): a member of the cell rated today, for a
    reason, on the tasks of this year so far. Final once recorded; no cap, no finish."""
    reason = " ".join((reason or "").split())[:300]
    if not reason:
        raise DomainError(msg.OCCASIONAL_REASON, field="reason")
    if member.cell_id != cell.id:
        raise DomainError(msg.OTHER_CELL.format(cell=cell.name), field="member_id")
    today = settings.today()
    decision = decide(member, today.year, points=points, beyond=beyond, conduct=conduct, on=today)
    exempt = exemption_text(member, today)
    if exempt:
        raise DomainError(msg.EXEMPT_NOW.format(name=member.full_name, reason=exempt), field="member_id")
    row = OccasionalRating(user_id=member.id, cell_id=cell.id, rated_on=today, reason=reason, rated_by_id=by.id,
                           rated_at=utcnow())
    apply(row, decision, conduct, comment)
    db.session.add(row)
    db.session.flush()
    record("year.rated_on_demand", org=cell, target=member,
           summary=f"Đánh giá khi cần thiết ({reason}): {LEVELS[row.level]}, {CONDUCT[conduct]}")
    return row


def on_demand_of(member: User, year: int) -> list[OccasionalRating]:
    return list(db.session.scalars(select(OccasionalRating).where(
        OccasionalRating.user_id == member.id, OccasionalRating.rated_on >= date(year, 1, 1),
        OccasionalRating.rated_on <= date(year, 12, 31)).order_by(OccasionalRating.rated_on, OccasionalRating.id)))
