"""The committee's figures for a year, as its report prints them: members rated, split into
those holding a leadership or management post and the others, with counts and shares per
level of exemplary conduct and per level of the rating; and the cells still rating."""

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select

from handbook.auth.models import User
from handbook.extensions import db
from handbook.orgs.history import name_on, period_day
from handbook.orgs.models import Organization
from handbook.orgs.queries import subtree_ids
from handbook.year.levels import CONDUCT, LEVELS, percent, thousands
from handbook.year.models import CellYear, Rating

GROUPS = {True: "Đảng viên giữ chức vụ lãnh đạo, quản lý", False: "Đảng viên không giữ chức vụ lãnh đạo, quản lý"}


@dataclass
class Row:
    label: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def cells(self, scale: dict[str, str]) -> list[tuple[str, str]]:
        """(count, share) per level, in the scale's order, as printed: "1.506", "99%"."""
        return [(thousands(self.counts.get(key, 0)), percent(self.counts.get(key, 0), self.total)) for key in scale]


@dataclass
class YearTable:
    org: Organization
    year: int
    conduct: list[Row]
    levels: list[Row]
    unfinished: list[Organization]
    rules: dict[str, int] = field(default_factory=dict)  # ratings per rule they were made under
    name: str = ""  # the organisation's name in that year (its last day, or today)

    @property
    def evaluated(self) -> int:
        return sum(row.total for row in self.conduct[:2])


def _rows(org: Organization, year: int, column) -> list[Row]:
    cells = subtree_ids(org)
    found = db.session.execute(select(Rating.leader, column, func.count(Rating.id))
                               .where(Rating.year == year, Rating.cell_id.in_(cells))
                               .group_by(Rating.leader, column)).all()
    rows = {leader: Row(label) for leader, label in GROUPS.items()}
    everyone = Row("Tổng số")
    for leader, key, count in found:
        rows[bool(leader)].counts[key] = count
        everyone.counts[key] = everyone.counts.get(key, 0) + count
    return [rows[True], rows[False], everyone]


def unfinished_cells(org: Organization, year: int) -> list[Organization]:
    """Cells of the subtree with active members whose ratings of `year` are not finished."""
    done = select(CellYear.cell_id).where(CellYear.year == year, CellYear.finished_at.is_not(None))
    with_members = select(User.cell_id).where(User.active, User.cell_id.is_not(None))
    return list(db.session.scalars(select(Organization).where(
        Organization.path.startswith(org.path), Organization.kind == "cell", Organization.closed.is_(False),
        Organization.id.in_(with_members), Organization.id.not_in(done)).order_by(Organization.path)))


def _rules(org: Organization, year: int) -> dict[str, int]:
    cells = subtree_ids(org)
    return dict(db.session.execute(select(Rating.rule, func.count(Rating.id)).where(
        Rating.year == year, Rating.cell_id.in_(cells)).group_by(Rating.rule).order_by(Rating.rule.desc())).all())


def year_table(org: Organization, year: int) -> YearTable:
    return YearTable(org, year, _rows(org, year, Rating.conduct), _rows(org, year, Rating.level),
                     unfinished_cells(org, year), _rules(org, year),
                     name_on(org, period_day(date(year, 12, 31))))


def csv_rows(table: YearTable) -> list[list]:
    """The two tables one under the other, counts and shares, for a spreadsheet."""
    out = [[f"Kết quả đánh giá, xếp loại đảng viên năm {table.year}", table.name]]
    for title, scale, rows in (("Nêu gương", CONDUCT, table.conduct), ("Xếp loại", LEVELS, table.levels)):
        out.append([])
        out.append([title, "Tổng số"] + [part for key in scale for part in (scale[key], "Tỷ lệ")])
        for row in rows:
            shares = [(row.counts.get(key, 0), percent(row.counts.get(key, 0), row.total)) for key in scale]
            out.append([row.label, row.total] + [part for pair in shares for part in pair])
    return out
