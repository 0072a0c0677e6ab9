"""What the reader's pages are made of, for their validator (handbook/conditional.py): the
document's content version (its details and text, who must study it), and the version of the
document that replaced it, whose name the reader shows, and those of the documents it replaced
(listed under its title: one marked replaced by it moves its own version, and the sum and count
move as it joins or leaves the list). The member's own marks (bookmarks,
notes on articles, "đã học", the offline mark, where they stopped) move the member's version,
read in the same statement. One statement, built once, before anything is rendered.
"""

from functools import cache

from flask_login import current_user
from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import aliased

from handbook.conditional import carries_own_version, member, own_version, validator_row
from handbook.library.access import can_view_document
from handbook.library.models import Document


@cache
def _reader():
    """Built on first use, not at import: an alias of Document configures every mapper, which
    fails while some features' tables are not yet imported (a script importing a demo first)."""
    replacement, replaced = aliased(Document), aliased(Document)
    return select(
        Document.id, Document.org_id, Document.content_version,
        select(replacement.content_version).where(replacement.id == Document.replaced_by_id).scalar_subquery(),
        own_version(),
        # Through the index on replaced_by_id (migration 0029): the few documents it replaced.
        select(func.count() * 1_000_003 + func.coalesce(func.sum(replaced.content_version), 0))
        .where(replaced.replaced_by_id == Document.id).scalar_subquery(),
    ).where(Document.slug == bindparam("slug"))


@carries_own_version
def reader_page(slug: str) -> tuple | None:
    """/library/<slug> (any page of it); None when the member may not read it (the view's 404)."""
    row = validator_row(_reader(), {"slug": slug, "member_id": member().id})
    # can_view_document reads only the document's organisation, which the row has, and the member
    # (loaded then, through the proxy) only for a document of an organisation.
    if row is None or not can_view_document(current_user, row):
        return None
    return tuple(row)
