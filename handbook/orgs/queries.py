"""What other features read of the organisation tree, as questions rather than a table: an
organisation by its id. A feature that only looks an organisation up asks here."""

from handbook.extensions import db
from handbook.orgs.models import Organization


def org_by_id(org_id: int | None) -> Organization | None:
    """The organisation with this id, or None when there is none (or no id)."""
    return db.session.get(Organization, org_id) if org_id is not None else None
