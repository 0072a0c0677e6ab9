"""How quickly each receiving organisation of a subtree answers its members, per year: how many
questions and opinions it received, how many it answered, the median time to answer, and the
share answered within a week. A question counts where it was answered (or, unanswered, where
it waits): forwarding it up hands the clock on. The week is counted only for questions that
have had one, so this week's are not yet late."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from statistics import median

from sqlalchemy import select

from handbook.collation import vi_order
from handbook.extensions import db
from handbook.models_base import utcnow
from handbook.orgs.models import Organization
from handbook.timefmt import from_vn
from handbook.voice.models import MemberQuestion

WITHIN = timedelta(days=7)
SHOWN = 20


@dataclass
class Times:
    name: str
    received: int = 0
    answered: int = 0
    due: int = 0  # answered, or waiting a week or more: what the share within a week is taken of
    on_time: int = 0
    hours: list[float] = field(default_factory=list)

    def add(self, asked: datetime, answered: datetime | None, now: datetime) -> None:
        self.received += 1
        waited = (answered or now) - asked
        if answered is not None:
            self.answered += 1
            self.hours.append(waited.total_seconds() / 3600)
        if answered is not None or waited >= WITHIN:
            self.due += 1
            self.on_time += answered is not None and waited <= WITHIN

    @property
    def median_text(self) -> str:
        if not self.hours:
            return "—"
        hours = median(self.hours)
        return f"{hours:.0f} giờ" if hours < 48 else f"{hours / 24:.1f} ngày".replace(".", ",")

    @property
    def share(self) -> float | None:
        return self.on_time / self.due if self.due else None


def response_times(root: Organization, year: int, now: datetime | None = None) -> tuple[list[Times], Times]:
    """Each receiver of `root`'s subtree with questions sent in `year`, slowest share first (at
    most SHOWN of them), and the subtree's total."""
    now = now or utcnow()
    start, end = from_vn(datetime(year, 1, 1)), from_vn(datetime(year + 1, 1, 1))
    rows = db.session.execute(
        select(Organization.id, Organization.name, MemberQuestion.created_at, MemberQuestion.answered_at)
        .join(Organization, Organization.id == MemberQuestion.org_id)
        .where(Organization.path.startswith(root.path), MemberQuestion.created_at >= start,
               MemberQuestion.created_at < end)
        .order_by(vi_order(Organization.name), Organization.id))
    per_org: dict[int, Times] = {}
    total = Times("Cả đơn vị")
    for org_id, name, asked, answered in rows:
        per_org.setdefault(org_id, Times(name)).add(asked, answered, now)
        total.add(asked, answered, now)
    ordered = sorted(per_org.values(), key=lambda t: (t.share if t.share is not None else 2.0, -t.received))
    return ordered[:SHOWN], total
