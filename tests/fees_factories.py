"""Party-fee test helpers: a cell with one member of each kind of the fee table, a record, and
the posted values of a month's sheet."""

from handbook.extensions import db
from handbook.fees.models import FeeRecord
from handbook.fees.rates import DEFAULT_TABLE

# A month safely past, inside the regulation's time, for tests that do not need "now".
YEAR, MONTH = 2026, 5


def fee_cell(make, name: str = "Chi bộ Khu phố 3"):
    """bloc → base → cell, its secretary and treasurer, and one member of each kind."""
    bloc = make.org("Đảng bộ thử", "bloc")
    base = make.org("Đảng bộ cơ sở thử", "base", bloc)
    cell = make.org(name, "cell", base)
    people = {
        "secretary": make.user("bt", cell=cell, role="secretary", full_name="An Bí Thư"),
        "treasurer": make.user("tq", cell=cell, role="treasurer", full_name="Bình Thủ Quỹ"),
        "salaried": make.user("luong", cell=cell, full_name="Cao Văn Lương"),
        "leave": make.user("thaisan", cell=cell, full_name="Đào Thị Sản"),
        "retired": make.user("huu", cell=cell, full_name="Đinh Văn Hưu"),
        "student": make.user("sv", cell=cell, full_name="Giáp Sinh Viên"),
        "abroad": make.user("xa", cell=cell, full_name="Hà Ở Xa"),
        "other": make.user("tudo", cell=cell, full_name="Khúc Tự Do"),
    }
    return {"bloc": bloc, "base": base, "cell": cell, **people}


def record(user, year: int = YEAR, month: int = MONTH, *, category: str = "salaried", base: int | None = 5_000_000,
           paid: int | None = None, extra: int = 0, cell=None, channel: str = "cash", by=None) -> FeeRecord:
    rate = DEFAULT_TABLE[category]
    base = base if rate.needs_base else None
    due = rate.due(base)
    paid = due if paid is None else paid
    found = FeeRecord(user_id=user.id, cell_id=(cell or user.cell).id, year=year, month=month, category=category,
                      base=base, share=rate.share, due=due, paid=paid, extra=extra,
                      channel=channel if paid + extra else "", recorded_by_id=by.id if by else None)
    db.session.add(found)
    db.session.commit()
    return found


def row(user, category: str = "salaried", base: str = "", *, full: bool = False, paid: str = "", extra: str = "",
        channel: str = "cash", reference: str = "", note: str = "") -> dict:
    """One member's posted inputs on the sheet."""
    uid = user.id
    data = {f"category-{uid}": category, f"base-{uid}": base, f"paid-{uid}": paid, f"extra-{uid}": extra,
            f"channel-{uid}": channel, f"reference-{uid}": reference, f"note-{uid}": note}
    if full:
        data[f"full-{uid}"] = "1"
    return data


def sheet_url(cell, year: int = YEAR, month: int = MONTH) -> str:
    return f"/fees/cells/{cell.id}/{year}/{month}"
