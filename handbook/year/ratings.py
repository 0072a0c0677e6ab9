"""The cell's rating of its members at the year-end meeting: one rating per member and year,
recorded by the secretary (from the cell's vote where one was held), checked against the cap
on "xuất sắc", then finished for the year — which locks the ratings and shows each member
theirs. Services flush; views commit."""

from dataclasses import dataclass

from flask import current_app
from sqlalchemy import select

from handbook.audit import record
from handbook.auth.models import User
from handbook.collation import vi_order
from handbook.domain import DomainError
from handbook.extensions import db
from handbook.meetings import votes
from handbook.models_base import utcnow
from handbook.orgs.models import Organization
from handbook.year import messages as msg
from handbook.year.levels import CONDUCT, LEVELS, excellent_allowed, level_of, over_cap
from handbook.year.models import CellYear, Rating


def cap_percent() -> int:
    return current_app.config["YEAR_EXCELLENT_CAP_PERCENT"]


def cell_members(cell: Organization) -> list[User]:
    return list(db.session.scalars(select(User).where(User.cell_id == cell.id, User.active)
                                   .order_by(vi_order(User.full_name), User.id)))


def ratings_of(cell: Organization, year: int) -> dict[int, Rating]:
    return {r.user_id: r for r in db.session.scalars(select(Rating).where(Rating.cell_id == cell.id,
                                                                            Rating.year == year))}


def finished(cell_id: int, year: int) -> CellYear | None:
    return db.session.scalar(select(CellYear).where(CellYear.cell_id == cell_id, CellYear.year == year))


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


def cap_message(state: CapState) -> str:
    return msg.OVER_CAP.format(excellent=state.excellent, cap=cap_percent(), base=state.base, allowed=state.allowed)


def rate(cell: Organization, member: User, year: int, *, level: str, conduct: str, comment: str, by) -> Rating:
    """Records (or corrects) a member's rating while the cell's year is open."""
    if finished(cell.id, year):
        raise DomainError(msg.RATINGS_LOCKED.format(year=year), status=409)
    if level not in LEVELS:
        raise DomainError(msg.BAD_LEVEL, field="level")
    if conduct not in CONDUCT:
        raise DomainError(msg.BAD_CONDUCT, field="conduct")
    if member.cell_id != cell.id:
        raise DomainError(msg.OTHER_CELL.format(cell=cell.name), field="member_id")
    voted, vote_id = vote_level(member, year)
    rating = db.session.scalar(select(Rating).where(Rating.user_id == member.id, Rating.year == year))
    if rating is None:
        rating = Rating(user_id=member.id, year=year, cell_id=cell.id)
        db.session.add(rating)
    rating.level, rating.conduct, rating.comment = level, conduct, (comment or "").strip()[:2000]
    rating.leader, rating.vote_id = member.holds_leadership_post, vote_id if voted == level else None
    rating.rated_by_id, rating.rated_at = by.id, utcnow()
    db.session.flush()
    record("year.rated", org=cell, target=member, summary=f"Xếp loại năm {year}: {LEVELS[level]}, {CONDUCT[conduct]}")
    return rating


def finish(cell: Organization, year: int, by) -> CellYear:
    """Locks the year's ratings: every member rated, and the cap held."""
    if finished(cell.id, year):
        raise DomainError(msg.RATINGS_LOCKED.format(year=year), status=409)
    rated = ratings_of(cell, year)
    missing = [m.full_name for m in cell_members(cell) if m.id not in rated]
    if missing:
        raise DomainError(msg.NOT_ALL_RATED.format(count=len(missing), names=", ".join(missing)))
    state = cap_state([r.level for r in rated.values()])
    if state.exceeded:
        raise DomainError(cap_message(state))
    mark = CellYear(cell_id=cell.id, year=year, finished_by_id=by.id, finished_at=utcnow())
    db.session.add(mark)
    db.session.flush()
    record("year.finished", org=cell, target=cell, summary=f"Chốt xếp loại đảng viên năm {year}")
    return mark

