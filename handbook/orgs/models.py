"""Organisations form a tree; `path` ("/1/4/9/") makes subtree queries one LIKE. Beside the tree,
what it was: past names, past superiors and merge/split lineage (handbook/orgs/__init__.py)."""

from datetime import date, datetime, timedelta

from sqlalchemy import Date, ForeignKey, String, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from handbook.collation import vi_order
from handbook.extensions import db
from handbook.models_base import UTCDateTime, utcnow

ORG_KINDS = {
    "bloc": "Đảng bộ",
    "base": "Tổ chức cơ sở đảng",
    "cell": "Chi bộ",
}
LINK_KINDS = {"merged": "Sáp nhập", "split": "Tách"}


class Organization(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"), index=True)
    path: Mapped[str] = mapped_column(String(255), index=True, default="")
    # Set with valid_to by a close or a merge: every picker and list of what works today reads it.
    closed: Mapped[bool] = mapped_column(default=False)
    # The day it began (None: before the handbook knew it) and the first day it no longer
    # exists (a merge's or a closing's date; None while it works): [valid_from, valid_to).
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    parent: Mapped["Organization | None"] = relationship(remote_side=[id])

    @property
    def is_cell(self) -> bool:
        return self.kind == "cell"

    @property
    def kind_label(self) -> str:
        return ORG_KINDS.get(self.kind, self.kind)

    def ancestor_ids(self) -> list[int]:
        """Ids from the root down to this organisation, itself included."""
        return [int(part) for part in self.path.strip("/").split("/") if part]

    def contains(self, other: "Organization") -> bool:
        return other.path.startswith(self.path)

    def __repr__(self) -> str:
        return f"<Organization {self.id} {self.name!r}>"


class OrganizationName(db.Model):
    """A name the organisation bore before its present one (which stays in Organization.name),
    from valid_from (None: from its beginning) until valid_to, the day the next one took effect."""

    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date] = mapped_column(Date)

    @property
    def last_day(self) -> date:
        return self.valid_to - timedelta(days=1)


class OrganizationParent(db.Model):
    """The superior an organisation was under until valid_to, when a move or a merge put it
    under another: the minutes book prints the superior of the meeting's day."""

    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"))
    valid_to: Mapped[date] = mapped_column(Date)

    parent: Mapped[Organization | None] = relationship(foreign_keys=[parent_id])


class OrganizationLink(db.Model):
    """Lineage: `from_org` merged into `to_org`, or `to_org` split from `from_org`, on a day."""

    id: Mapped[int] = mapped_column(primary_key=True)
    from_org_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)
    to_org_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    effective_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    from_org: Mapped[Organization] = relationship(foreign_keys=[from_org_id])
    to_org: Mapped[Organization] = relationship(foreign_keys=[to_org_id])

    @property
    def kind_label(self) -> str:
        return LINK_KINDS.get(self.kind, self.kind)


def create_org(name: str, kind: str, parent: Organization | None = None,
               valid_from: date | None = None) -> Organization:
    """Adds an organisation and fills its path (needs its id, hence the flush)."""
    org = Organization(name=name, kind=kind, parent=parent, valid_from=valid_from)
    db.session.add(org)
    db.session.flush()
    org.path = (parent.path if parent else "/") + f"{org.id}/"
    return org


def subtree_ids_query(root: Organization):
    return select(Organization.id).where(Organization.path.startswith(root.path))


def cells_in_subtree(root: Organization) -> list[Organization]:
    return list(
        db.session.scalars(
            select(Organization)
            .where(Organization.path.startswith(root.path), Organization.kind == "cell")
            .order_by(vi_order(Organization.name))
        )
    )
