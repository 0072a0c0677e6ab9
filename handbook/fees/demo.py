"""Demo of party fees: cell 1's treasurer is dangvien2; the four months before this one are
recorded for both cells, one member of each kind of the table; dangvien has paid nothing for
three of them, so the secretary sees him flagged. This month is left for the treasurer (and
the members' reminders). Idempotent: a month already recorded for a member is left alone."""

from sqlalchemy import select

from handbook.auth.models import RoleAssignment
from handbook.auth.permissions import TREASURER
from handbook.extensions import db
from handbook.fees.access import this_month
from handbook.fees.models import FeeRecord
from handbook.fees.rates import DEFAULT_TABLE, FIRST_MONTH, month_index, shift
from handbook.models_base import utcnow

# username: (category, base); bithu pays on the portal, the others in cash.
PROFILES = {
    "bithu": ("salaried", 8_450_000),
    "dangvien": ("salaried", 6_235_500),
    "dangvien2": ("retired", 5_120_300),  # 0.5% is 25,601.5 đ: due 25,602 đ, halves rounded up
    "dangvien3": ("student", None),
}
UNPAID = "dangvien"
MONTHS = 4


def seed(ctx) -> None:
    users, cell1 = ctx["users"], ctx["cell1"]
    treasurer = users["dangvien2"]
    if not any(r.role == TREASURER and r.org_id == cell1.id for r in treasurer.roles):
        db.session.add(RoleAssignment(user=treasurer, org=cell1, role=TREASURER))
    now = this_month()
    months = [shift(*now, -n) for n in range(MONTHS, 0, -1)]
    months = [m for m in months if month_index(*m) >= month_index(*FIRST_MONTH)]
    for position, (year, month) in enumerate(months):
        for username, (category, base) in PROFILES.items():
            user = users[username]
            if db.session.scalar(select(FeeRecord.id).where(FeeRecord.user_id == user.id, FeeRecord.year == year,
                                                            FeeRecord.month == month)):
                continue
            rate = DEFAULT_TABLE[category]
            due = rate.due(base)
            # The first recorded month he paid; the three after, nothing.
            paid = 0 if username == UNPAID and position > 0 else due
            portal = username == "bithu"
            db.session.add(FeeRecord(
                user_id=user.id, cell_id=user.cell_id, year=year, month=month, category=category, base=base,
                share=rate.share, due=due, paid=paid, extra=20_000 if username == "dangvien2" and position == 0 else 0,
                channel=("portal" if portal else "cash") if paid else "",
                reference=f"DVC{year}{month:02d}{user.id:04d}" if portal and paid else "",
                note="Đi công tác, hẹn đóng sau" if not paid else "",
                recorded_by_id=treasurer.id if user.cell_id == cell1.id else None, recorded_at=utcnow()))
    db.session.flush()
