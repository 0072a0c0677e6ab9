"""Organisations form a tree; `path` ("/1/4/9/") makes subtree queries one LIKE."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from handbook.collation import vi_order
from handbook.extensions import db
from handbook.models_base import UTCDateTime, utcnow

ORG_KINDS = {
    "bloc": "Đảng bộ",
    "base": "Tổ chức cơ sở đảng",
    "cell": "Chi bộ",
}


class Organization(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"), index=True)
    path: Mapped[str] = mapped_column(String(255), index=True, default="")
    closed: Mapped[bool] = mapped_column(default=False)
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


def create_org(name: str, kind: str, parent: Organization | None = None) -> Organization:
    """Adds an organisation and fills its path (needs its id, hence the flush)."""
    org = Organization(name=name, kind=kind, parent=parent)
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
