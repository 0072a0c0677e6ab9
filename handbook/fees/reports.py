"""What the records add up to: a member's own year, the cell's month as it reports to the
committee, the committee's sum over its cells, the members to flag, the member's reminder."""

import calendar
import functools
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from sqlalchemy import bindparam, case, func, select
from sqlalchemy.orm import joinedload

from handbook.auth.models import User
from handbook.collation import vi_order
from handbook.extensions import db
from handbook.fees.models import FeeRecord
from handbook.fees.rates import month_index
from handbook.orgs.history import existed_between, name_on, names_on, period_day
from handbook.orgs.models import Organization

# Quy định 01-QĐ/TW (03/02/2026): a member who pays no party fee for three months in a year
# without good reason may be proposed by the cell for removal from the rolls. The handbook
# only shows the secretary who reached three; whether the reason was good, and what follows,
# is the cell's decision.
FLAG_MONTHS = 3


@dataclass
class Totals:
    members: int = 0
    due: int = 0
    paid: int = 0
    extra: int = 0
    full: int = 0
    unpaid: int = 0

    @property
    def collected(self) -> int:
        return self.paid + self.extra

    def add(self, r: FeeRecord) -> None:
        self.members += 1
        self.due, self.paid, self.extra = self.due + r.due, self.paid + r.paid, self.extra + r.extra
        self.full += r.paid >= r.due
        self.unpaid += r.unpaid


def own_history(user: User, year: int) -> tuple[list[FeeRecord], Totals]:
    # The recorder's name only: their roles (loaded with every user by default) stay unread.
    records = list(db.session.scalars(select(FeeRecord).options(joinedload(FeeRecord.recorded_by)
                                                                .lazyload(User.roles))
                                      .where(FeeRecord.user_id == user.id, FeeRecord.year == year)
                                      .order_by(FeeRecord.month)))
    totals = Totals()
    for r in records:
        totals.add(r)
    return records, totals


@dataclass
class CellMonth:
    cell: Organization
    year: int
    month: int
    records: list[FeeRecord]
    unrecorded: list[User]
    totals: Totals
    by_channel: dict[str, int] = field(default_factory=dict)
    cell_name: str = ""  # as the cell was named in that month

    @property
    def owing(self) -> list[FeeRecord]:
        """Who paid less than the due: nothing (unpaid) or part of it."""
        return [r for r in self.records if r.paid < r.due]


def cell_month(cell: Organization, year: int, month: int) -> CellMonth:
    """The cell's records of the month (members since moved away included: the record stays the
    cell's), and its active members with none."""
    records = list(db.session.scalars(
        select(FeeRecord).join(User, User.id == FeeRecord.user_id).options(joinedload(FeeRecord.user))
        .where(FeeRecord.cell_id == cell.id, FeeRecord.year == year, FeeRecord.month == month)
        .order_by(vi_order(User.full_name), User.id)))
    recorded = select(FeeRecord.user_id).where(FeeRecord.year == year, FeeRecord.month == month)
    unrecorded = list(db.session.scalars(select(User).where(User.cell_id == cell.id, User.active,
                                                            User.id.not_in(recorded))
                                         .order_by(vi_order(User.full_name), User.id)))
    report = CellMonth(cell, year, month, records, unrecorded, Totals(),
                       cell_name=name_on(cell, month_day(year, month)))
    for r in records:
        report.totals.add(r)
        if r.channel:
            report.by_channel[r.channel] = report.by_channel.get(r.channel, 0) + r.paid + r.extra
    return report


def _sums():
    return (func.count(FeeRecord.id), func.coalesce(func.sum(FeeRecord.due), 0),
            func.coalesce(func.sum(FeeRecord.paid), 0), func.coalesce(func.sum(FeeRecord.extra), 0),
            func.coalesce(func.sum(case((FeeRecord.paid >= FeeRecord.due, 1), else_=0)), 0),
            func.coalesce(func.sum(case(((FeeRecord.due > 0) & (FeeRecord.paid == 0), 1), else_=0)), 0))


def cell_year(cell: Organization, year: int) -> dict[int, Totals]:
    """Month -> the cell's totals, for the months it recorded."""
    rows = db.session.execute(select(FeeRecord.month, *_sums()).where(FeeRecord.cell_id == cell.id,
                                                                       FeeRecord.year == year)
                              .group_by(FeeRecord.month))
    return {month: Totals(*map(int, sums)) for month, *sums in rows}


def month_day(year: int, month: int) -> date:
    """The day whose names a month's report prints: its last, or today while it runs."""
    return period_day(date(year, month, calendar.monthrange(year, month)[1]))


def month_names(org: Organization, rows, year: int, month: int) -> dict[int, str]:
    """The committee's and its cells' names in that month, by id."""
    return names_on([org, *(cell for cell, _totals in rows)], month_day(year, month))


def committee_month(org: Organization, year: int, month: int) -> tuple[list[tuple[Organization, Totals]], Totals]:
    """Each cell of the subtree that existed in the month (and any other that recorded it) with its
    totals, in the tree's order; and the sum of them all."""
    found = {cell_id: Totals(*map(int, sums)) for cell_id, *sums in db.session.execute(
        select(FeeRecord.cell_id, *_sums()).join(Organization, Organization.id == FeeRecord.cell_id)
        .where(Organization.path.startswith(org.path), FeeRecord.year == year, FeeRecord.month == month)
        .group_by(FeeRecord.cell_id))}
    cells = db.session.scalars(select(Organization).where(
        Organization.path.startswith(org.path), Organization.kind == "cell",
        existed_between(date(year, month, 1), date(year + (month == 12), month % 12 + 1, 1))
        | Organization.id.in_(list(found))).order_by(Organization.path))
    rows = [(cell, found.get(cell.id, Totals())) for cell in cells]
    total = Totals()
    for _cell, sums in rows:
        for name in ("members", "due", "paid", "extra", "full", "unpaid"):
            setattr(total, name, getattr(total, name) + getattr(sums, name))
    return rows, total


class Flagged(NamedTuple):
    """A member to flag, as the secretary's lists name them."""

    id: int
    full_name: str


def flagged(cell: Organization, year: int) -> list[tuple[Flagged, list[int]]]:
    """The cell's members with at least three months of `year` on which they paid nothing toward
    a due (wherever those months were recorded), with the months: one statement, names included."""
    months: dict[Flagged, list[int]] = {}
    for user_id, full_name, month in db.session.execute(
            select(User.id, User.full_name, FeeRecord.month).join(User, User.id == FeeRecord.user_id)
            .where(User.cell_id == cell.id, User.active, FeeRecord.year == year, FeeRecord.due > 0,
                   FeeRecord.paid == 0).order_by(vi_order(User.full_name), User.id, FeeRecord.month)):
        months.setdefault(Flagged(user_id, full_name), []).append(month)
    return [(member, found) for member, found in months.items() if len(found) >= FLAG_MONTHS]


class Recorded(NamedTuple):
    """A member's month as the home reminder shows it: only what it prints."""

    year: int
    month: int
    due: int
    paid: int

    @property
    def short(self) -> int:
        return max(self.due - self.paid, 0)  # FeeRecord.short's rule


@functools.cache
def _latest_record():
    # Built once and reused: every home page asks it, and building it cost more than running it.
    index = FeeRecord.year * 12 + FeeRecord.month - 1
    return (select(FeeRecord.year, FeeRecord.month, FeeRecord.due, FeeRecord.paid)
            .where(FeeRecord.user_id == bindparam("user_id"), index <= bindparam("month"))
            .order_by(index.desc()).limit(1))


def reminder_state(user: User, year: int, month: int) -> tuple[Recorded | None, int | None]:
    """The member's record of the month, else the due of their latest record before it (what
    they will likely owe): the home reminder's one statement, of the four columns it shows, on
    the session's connection (plain columns need none of the ORM's per-statement work)."""
    row = db.session.connection().execute(_latest_record(), {"user_id": user.id,
                                                             "month": month_index(year, month)}).first()
    latest = Recorded(*row) if row is not None else None
    if latest is not None and (latest.year, latest.month) == (year, month):
        return latest, None
    return None, latest.due if latest is not None else None


def cell_counts(cells: list[Organization], year: int, month: int) -> dict[int, tuple[int, int]]:
    """Per cell, (records of the month, active members), for all the cells in one statement."""
    recorded = (select(func.count(FeeRecord.id)).where(
        FeeRecord.cell_id == Organization.id, FeeRecord.year == year, FeeRecord.month == month).scalar_subquery())
    members = (select(func.count(User.id)).where(User.cell_id == Organization.id, User.active.is_(True))
               .scalar_subquery())
    rows = db.session.execute(select(Organization.id, recorded, members)
                              .where(Organization.id.in_([cell.id for cell in cells])))
    return {cell_id: (found, count) for cell_id, found, count in rows}


def cell_csv(report: CellMonth) -> list[list]:
    """The month's report for a spreadsheet: one line per member, amounts as whole đồng."""
    out = [[f"Báo cáo đảng phí tháng {report.month}/{report.year}", report.cell_name], [],
           ["Đảng viên", "Đối tượng", "Căn cứ (đồng)", "Tỷ lệ hoặc mức", "Phải đóng (đồng)", "Đã đóng (đồng)",
            "Tự nguyện đóng thêm (đồng)", "Còn thiếu (đồng)", "Nơi đóng", "Mã giao dịch", "Ghi chú"]]
    for r in report.records:
        out.append([r.user.full_name, r.category_label, r.base, r.rate_text, r.due, r.paid, r.extra, r.short,
                    r.channel_label, r.reference, r.note])
    t = report.totals
    out += [[], ["Số đảng viên đã ghi", t.members], ["Phải đóng", t.due], ["Đã đóng", t.paid],
            ["Tự nguyện đóng thêm", t.extra], ["Tổng đã thu", t.collected],
            ["Chưa đóng", ", ".join(r.user.full_name for r in report.records if r.unpaid)],
            ["Chưa ghi", ", ".join(u.full_name for u in report.unrecorded)]]
    return out


def committee_csv(org: Organization, year: int, month: int, rows, total: Totals,
                  names: dict[int, str]) -> list[list]:
    out = [[f"Tổng hợp đảng phí tháng {month}/{year}", names[org.id]], [],
           ["Chi bộ", "Số đảng viên đã ghi", "Phải đóng (đồng)", "Đã đóng (đồng)", "Tự nguyện đóng thêm (đồng)",
            "Tổng đã thu (đồng)", "Số đảng viên chưa đóng"]]
    for cell, t in [*rows, (None, total)]:
        out.append([names[cell.id] if cell else "Tổng cộng", t.members, t.due, t.paid, t.extra, t.collected, t.unpaid])
    return out
