"""The month's sheet: every member of the cell on one phone screen, prefilled from the month's
record or else from their last one, saved all at once. Each row is checked on its own and a bad
row carries its own message; while any row is wrong nothing is saved. Services flush; the view
commits."""

import re
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from handbook.audit import record
from handbook.auth.models import User
from handbook.auth.queries import cell_members
from handbook.domain import DomainError
from handbook.extensions import db
from handbook.fees import messages as msg
from handbook.fees.models import CHANNEL_LABELS, FeeRecord
from handbook.fees.rates import MAX_AMOUNT, MAX_BASE, Rate, money, month_index, parse_amount
from handbook.models_base import utcnow
from handbook.orgs.models import Organization

REFERENCE = re.compile(r"[A-Za-z0-9._/\-]{1,40}")
STORED = ("category", "base", "share", "due", "paid", "extra", "channel", "reference", "note")


@dataclass
class Row:
    """One member on the sheet: what the inputs show, and once posted what they mean."""

    member: User
    record: FeeRecord | None = None  # this month's, written by this cell
    elsewhere: Organization | None = None  # this month written by another cell: not editable here
    category: str = "salaried"
    base: str = ""
    paid: str = ""
    full: bool = False
    extra: str = ""
    channel: str = "cash"
    reference: str = ""
    note: str = ""
    due: int | None = None
    skipped: bool = False  # not in the post (a member who joined while the sheet was open): left alone
    values: dict = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)


def _amount(value: int | None) -> str:
    return "" if value is None else money(value).removesuffix(" đ")


def _last_records(ids: list[int], year: int, month: int) -> dict[int, FeeRecord]:
    """Each member's latest record before the month, in one query."""
    index = FeeRecord.year * 12 + FeeRecord.month - 1
    latest = (select(FeeRecord.user_id, func.max(index).label("last"))
              .where(FeeRecord.user_id.in_(ids), index < month_index(year, month)).group_by(FeeRecord.user_id)
              .subquery())
    rows = db.session.scalars(select(FeeRecord).join(latest, (latest.c.user_id == FeeRecord.user_id)
                                                     & (latest.c.last == index)))
    return {r.user_id: r for r in rows}


def build(cell: Organization, year: int, month: int, table: dict[str, Rate]) -> list[Row]:
    """The cell's active members in name order, each prefilled."""
    members = cell_members(cell.id)
    ids = [m.id for m in members]
    this = {r.user_id: r for r in db.session.scalars(select(FeeRecord).where(
        FeeRecord.user_id.in_(ids), FeeRecord.year == year, FeeRecord.month == month))}
    last = _last_records(ids, year, month)
    cells = {c.id: c for c in db.session.scalars(select(Organization).where(
        Organization.id.in_({r.cell_id for r in this.values() if r.cell_id != cell.id})))}
    rows = []
    for member in members:
        found = this.get(member.id)
        if found is not None and found.cell_id != cell.id:
            rows.append(Row(member, elsewhere=cells[found.cell_id], due=found.due))
            continue
        row = Row(member, record=found)
        source = found or last.get(member.id)
        if source is not None and source.category in table:
            row.category = source.category
            row.base = _amount(source.base) if table[source.category].needs_base else ""
            row.channel = source.channel or "cash"
        if found is not None:
            row.full = found.due > 0 and found.paid == found.due
            row.paid = "" if row.full or not found.paid else _amount(found.paid)
            row.extra = _amount(found.extra) if found.extra else ""
            row.reference, row.note = found.reference, found.note
        rate = table.get(row.category)
        if rate is not None:
            try:
                base = parse_amount(row.base)
                row.due = rate.due(base) if base is not None or not rate.needs_base else None
            except ValueError:
                row.due = None
        rows.append(row)
    return rows


def read(rows: list[Row], form, table: dict[str, Rate]) -> int:
    """Takes each editable row's posted values and checks them; answers how many rows are wrong."""
    wrong = 0
    for row in rows:
        uid = row.member.id
        row.skipped = f"category-{uid}" not in form
        if row.elsewhere is not None or row.skipped:
            continue
        row.category = form.get(f"category-{uid}", "")[:20]
        row.base = form.get(f"base-{uid}", "")[:40]
        row.paid = form.get(f"paid-{uid}", "")[:40]
        row.full = form.get(f"full-{uid}") == "1"
        row.extra = form.get(f"extra-{uid}", "")[:40]
        row.channel = form.get(f"channel-{uid}", "")[:10]
        row.reference = " ".join(form.get(f"reference-{uid}", "").split())[:60]
        row.note = " ".join(form.get(f"note-{uid}", "").split())
        _check(row, table)
        wrong += bool(row.errors)
    return wrong


def _parse(row: Row, name: str, label: str, maximum: int) -> int | None:
    try:
        value = parse_amount(getattr(row, name))
    except ValueError:
        row.errors[name] = msg.BAD_AMOUNT.format(label=label)
        return None
    if value is not None and value > maximum:
        row.errors[name] = msg.TOO_LARGE.format(label=label)
        return None
    return value


def _check(row: Row, table: dict[str, Rate]) -> None:
    """One row against the rules; what it means goes to `row.values`, what is wrong to `row.errors`."""
    rate = table.get(row.category)
    if rate is None:
        row.errors["category"] = msg.BAD_CATEGORY
        return
    base = None
    if rate.needs_base:
        base = _parse(row, "base", rate.base_label, MAX_BASE)
        if base is None and "base" not in row.errors:
            row.errors["base"] = msg.BASE_MISSING.format(label=rate.base_label)
    paid = _parse(row, "paid", "Số đã đóng", MAX_AMOUNT)
    extra = _parse(row, "extra", "Số tự nguyện đóng thêm", MAX_AMOUNT) or 0
    if row.errors:
        return
    due = row.due = rate.due(base)
    if row.full and paid is not None and paid != due:
        row.errors["paid"] = msg.FULL_CONFLICT.format(paid=money(paid), due=money(due))
    paid = due if row.full else (paid or 0)
    if paid > due:
        row.errors["paid"] = msg.OVERPAID.format(paid=money(paid), due=money(due))
    if extra and paid < due:
        row.errors["extra"] = msg.EXTRA_NOT_FULL.format(due=money(due))
    channel, reference = "", ""
    if paid + extra > 0:
        channel = row.channel
        if channel not in CHANNEL_LABELS:
            row.errors["channel"] = msg.BAD_CHANNEL
        elif channel == "portal":
            reference = row.reference
            if not reference:
                row.errors["reference"] = msg.REFERENCE_MISSING
            elif not REFERENCE.fullmatch(reference):
                row.errors["reference"] = msg.BAD_REFERENCE
    if len(row.note) > 200:
        row.errors["note"] = msg.NOTE_TOO_LONG
    row.values = {"category": rate.group, "base": base, "share": rate.share, "due": due, "paid": paid,
                  "extra": extra, "channel": channel, "reference": reference, "note": row.note}


def save(cell: Organization, year: int, month: int, rows: list[Row], by: User) -> tuple[int, int]:
    """Writes the rows that changed, each marked with who recorded it; answers (rows changed,
    đồng collected this month in all). Call only once `read` found no wrong row."""
    changed = 0
    saved = [row for row in rows if row.elsewhere is None and not row.skipped]
    for row in saved:
        found = row.record
        if found is not None and all(getattr(found, name) == row.values[name] for name in STORED):
            continue
        if found is None:
            found = FeeRecord(user_id=row.member.id, cell_id=cell.id, year=year, month=month)
            db.session.add(found)
        for name in STORED:
            setattr(found, name, row.values[name])
        found.recorded_by_id, found.recorded_at = by.id, utcnow()
        changed += 1
    try:
        db.session.flush()
    except IntegrityError as error:  # another save of the same month inserted first
        raise DomainError(msg.CONCURRENT, status=409) from error
    collected = sum(r.values["paid"] + r.values["extra"] for r in saved)
    if changed:
        record("fees.recorded", org=cell, actor=by,
               summary=f"Ghi đảng phí tháng {month}/{year} của {cell.name}: {changed} dòng, đã thu {money(collected)}")
    return changed, collected
