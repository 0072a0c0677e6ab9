"""Members in the one search index: a member's name, username, card number and phone as
text, and as facets their place in the tree, status, leadership post and cell roles, so
the member list's filters are facets too and counting matches reads the index alone."""

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from handbook.auth.models import RoleAssignment, User
from handbook.collation import sort_key
from handbook.extensions import db
from handbook.orgs.models import Organization
from handbook.search import ranking
from handbook.search.index import BASES, Watch, facet_text, index_text, indexer, path_facets, reindex
from handbook.search.query import TEXT_AND_REF, Facets, usable
from handbook.vietnamese import parse_query

CELL_ROLES = ("secretary", "deputy")


def _members_below(org: Organization):
    """Members of the cells under `org`, by its path as stored now (a move rewrites paths)."""
    moved = aliased(Organization)
    path = select(moved.path).where(moved.id == org.id).scalar_subquery()
    return select(User.id).join(Organization, Organization.id == User.cell_id).where(
        Organization.path.startswith(path))


@indexer("member", kinds=("member",), all_ids=lambda: select(User.id), watches=[
    Watch(User, lambda u: [u.id],
          ("full_name", "username", "card_number", "phone", "cell_id", "active", "holds_leadership_post")),
    Watch(RoleAssignment, lambda r: [r.user_id], ("role", "user_id")),
    Watch(Organization, _members_below, ("parent_id",)),
])
def member_entries(ids: list[int]) -> list[dict]:
    """Members of a cell only: the member list never shows accounts without one."""
    roles: dict[int, set[str]] = {}
    for user_id, role in db.session.execute(select(RoleAssignment.user_id, RoleAssignment.role).where(
            RoleAssignment.user_id.in_(ids), RoleAssignment.role.in_(CELL_ROLES))):
        roles.setdefault(user_id, set()).add(role)
    rows = db.session.execute(
        select(User.id, User.full_name, User.username, User.card_number, User.phone, User.active,
               User.holds_leadership_post, Organization.path)
        .join(Organization, Organization.id == User.cell_id).where(User.id.in_(ids)))
    entries = []
    for uid, name, username, card, phone, active, leader, path in rows:
        facets = path_facets(path) + ["active" if active else "inactive"] + (["leader"] if leader else [])
        facets += [role for role in CELL_ROLES if role in roles.get(uid, ())]
        entries.append({"id": BASES["member"] + uid, "kind": "member", "ref_id": uid, "title": index_text(name),
                        "body": index_text(username, card or "", phone or ""), "ref": "",
                        "facets": facet_text(facets), "sort_key": sort_key(name)})
    return entries


def index_members(ids) -> None:
    """For members written with a Core INSERT (the CSV import), which session events miss."""
    reindex("member", ids)


def _whole_tree(root: Organization) -> bool:
    """Whether `root` is the one top organisation, so every indexed member is below it."""
    if root.parent_id is not None:
        return False
    return db.session.scalar(select(func.count()).where(Organization.parent_id.is_(None))) == 1


# A member's entry has no reference words (its `ref` is empty), so asking for the words in
# every column finds the same members as in its text alone, and the query carries no weight
# label: one check fewer on every matching row PostgreSQL re-reads.
COLUMNS = TEXT_AND_REF
# On SQLite, up to this many matches are read and sorted; more are met walking the members in name
# order until the page is full (a given name alone: a few dozen steps per member shown).
FEW = 1000


@dataclass
class MemberMatches:
    page: Callable[[int, int], list[int]]  # (offset, limit): ids of one page, in list order
    count: Callable[[], int]
    ids: object  # a subquery of every match's id (the CSV export)


def member_search(root: Organization, q: str, status: str, leader: bool, role: str) -> MemberMatches | None:
    """The members the list's search box finds: whole words of the name, username, card
    number or phone, the last one possibly unfinished, within the filters. None when `q`
    has no word to search for."""
    terms = usable(parse_query(q))
    if not terms:
        return None
    # A facet nearly every member carries costs a walk through all of them: the subtree of
    # the one top organisation is left out (it is everyone), and "active" is asked as "not
    # inactive".
    wanted = [] if _whole_tree(root) else [f"a{root.id}"]
    wanted += (["inactive"] if status == "inactive" else []) + (["leader"] if leader else [])
    wanted += [role] if role in CELL_ROLES else []
    within = Facets([wanted] if wanted else [], none_of=["inactive"] if status == "active" else [])
    # The page is read in name order (ranking.members_in_order), never by sorting every
    # match with the collation: "nguyen" matches four members in ten.
    counted: dict[str, int] = {}

    def count() -> int:
        if "n" not in counted:
            counted["n"] = ranking.count_matching("member", terms, facets=within, columns=COLUMNS)
        return counted["n"]

    def page(offset: int, limit: int) -> list[int]:
        ids, total = ranking.members_in_order(terms, facets=within, offset=offset, limit=limit,
                                              many=lambda: count() > FEW, columns=COLUMNS)
        if total is not None:
            counted["n"] = total
        return ids

    return MemberMatches(page=page, count=count, ids=ranking.matching_ids("member", terms, facets=within,
                                                                           columns=COLUMNS))
