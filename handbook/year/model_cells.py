"""Model cells (chi bộ kiểu mẫu): a committee registers cells for a period with targets, and
sees how each stands this year on what the app measures — months with a held meeting, the
held meetings' quality checks (read through meetings.quality), and the last finished ratings."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from handbook.collation import vi_order
from handbook.domain import DomainError
from handbook.extensions import db
from handbook.meetings import quality
from handbook.models_base import utcnow
from handbook.orgs.models import Organization
from handbook.orgs.queries import subtree_ids
from handbook.timefmt import from_vn, to_vn
from handbook.year import messages as msg
from handbook.year.levels import percent
from handbook.year.models import CellYear, ModelCell, Rating

QUALITY_KEYS = {"attendance": "Dự họp trên 85%, không vắng không lý do", "on_time": "Tài liệu đăng trước 1 ngày",
                "minutes": "Biên bản hoàn chỉnh"}

TARGETS = ("meetings_target", "quality_target", "good_target")


@dataclass
class Measure:
    label: str
    value: str
    met: bool | None  # None: nothing to measure yet


def registrations(org: Organization) -> list[ModelCell]:
    cells = subtree_ids(org)
    return list(db.session.scalars(select(ModelCell).where(ModelCell.cell_id.in_(cells))
                                   .order_by(ModelCell.start_year.desc(), ModelCell.id)))


def register(cell: Organization | None, start: int, end: int, targets: dict[str, int], criteria: str, by):
    if cell is None or not cell.is_cell:
        raise DomainError(msg.MODEL_NOT_A_CELL, field="cell_id")
    if not start <= end <= start + 10:
        raise DomainError(msg.MODEL_BAD_PERIOD, field="end_year")
    if any(not 0 <= value <= 100 for value in targets.values()):
        raise DomainError(msg.MODEL_BAD_TARGET)
    if db.session.scalar(select(ModelCell.id).where(ModelCell.cell_id == cell.id, ModelCell.start_year == start)):
        raise DomainError(msg.MODEL_ALREADY.format(cell=cell.name, year=start), field="cell_id")
    entry = ModelCell(cell_id=cell.id, start_year=start, end_year=end, criteria=(criteria or "").strip()[:5000],
                      registered_by_id=by.id, **targets)
    db.session.add(entry)
    return entry


def _month_starts(year: int) -> list[datetime]:
    now = to_vn(utcnow())
    last = 12 if year < now.year else now.month
    return [from_vn(datetime(year, month, 1)) for month in range(1, last + 1)] + [
        from_vn(datetime(year + (last == 12), last % 12 + 1, 1))]


def standing(entries: list[ModelCell], year: int) -> dict[int, list[Measure]]:
    """Per registration, the measures for `year` against its targets."""
    ids = [e.cell_id for e in entries]
    bounds = _month_starts(year)
    months = [quality.month_summary(ids, start, end) for start, end in zip(bounds, bounds[1:], strict=False)]
    result = {}
    for entry in entries:
        held = [m[entry.cell_id] for m in months]
        with_meeting = sum(1 for cell in held if cell.meetings)
        meetings = sum(cell.meetings for cell in held)
        share = 100 * with_meeting / len(held) if held else 0
        measures = [Measure("Tháng có sinh hoạt chi bộ", f"{with_meeting}/{len(held)}", share >= entry.meetings_target)]
        for key, label in QUALITY_KEYS.items():
            met = sum(cell.met.get(key, 0) for cell in held)
            measures.append(Measure(label, f"{met}/{meetings} buổi ({percent(met, meetings)})",
                                    None if not meetings else 100 * met >= entry.quality_target * meetings))
        measures.append(_ratings(entry, year))
        result[entry.id] = measures
    return result


def _ratings(entry: ModelCell, year: int) -> Measure:
    """The last year the cell finished rating, up to `year`."""
    done = db.session.scalar(select(CellYear.year).where(CellYear.cell_id == entry.cell_id, CellYear.year <= year,
                                                         CellYear.finished_at.is_not(None))
                             .order_by(CellYear.year.desc()).limit(1))
    label = "Đảng viên hoàn thành tốt nhiệm vụ trở lên"
    if done is None:
        return Measure(label, "chưa có năm đã chốt xếp loại", None)
    levels = list(db.session.scalars(select(Rating.level).where(Rating.cell_id == entry.cell_id, Rating.year == done)))
    good = sum(1 for level in levels if level in ("excellent", "good"))
    return Measure(f"{label} (năm {done})", f"{good}/{len(levels)} ({percent(good, len(levels))})",
                   bool(levels) and 100 * good >= entry.good_target * len(levels) and "failed" not in levels)


def cells_under(org: Organization) -> list[Organization]:
    return list(db.session.scalars(select(Organization).where(
        Organization.path.startswith(org.path), Organization.kind == "cell", Organization.closed.is_(False))
        .order_by(vi_order(Organization.name))))
