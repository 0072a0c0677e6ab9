"""Programme titles in the one search index, and the search page's programmes source. An entry
is the programme's title and the numbers and titles of what it asks to study — never a member's
thu hoạch, which has no entry. It carries its organisation (o<id>), every one above it (a<id>),
and "lead" when it is for leaders only, so a search reads only what reaches the searcher."""

from datetime import date
from typing import NamedTuple

from flask import url_for
from sqlalchemy import select

from handbook.auth.permissions import admin_roots, managed_cells, reach_facets
from handbook.extensions import db
from handbook.library.models import Document
from handbook.orgs.models import Organization
from handbook.orgs.queries import ids_below
from handbook.search import ranking
from handbook.search.index import BASES, Watch, facet_text, index_text, indexer, path_facets
from handbook.search.query import Facets, usable
from handbook.search.registry import SearchHit
from handbook.study.models import Programme, ProgrammeItem
from handbook.timefmt import vn_date
from handbook.vietnamese import highlight

KIND = "Chương trình học tập"


def _programmes_below(org: Organization):
    return ids_below(Programme.id, Programme.org_id, org)


def _entry(programme: Programme) -> dict:
    studied = [f"{item.document.number} {item.document.title} {item.label}" for item in programme.items]
    facets = [*path_facets(programme.org.path), f"o{programme.org_id}", *(["lead"] if programme.leaders_only else [])]
    return {"id": BASES["study"] + programme.id, "kind": "study", "ref_id": programme.id,
            "title": index_text(programme.title), "body": index_text(*studied), "ref": "",
            "facets": facet_text(facets)}


@indexer("study", kinds=("study",), all_ids=lambda: select(Programme.id),
         watches=[Watch(Programme, lambda p: [p.id], ("title", "org_id", "leaders_only")),
                  Watch(ProgrammeItem, lambda i: [i.programme_id], None),
                  Watch(Organization, _programmes_below, ("parent_id",))])
def programme_entries(ids: list[int]) -> list[dict]:
    return [_entry(p) for p in db.session.scalars(select(Programme).where(Programme.id.in_(ids)))]


def programme_facets(user) -> Facets:
    """Programmes set at or above the searcher's cell (and the cells they lead), and for a
    committee's admin every one in their subtree; one for leaders only, not for a plain member."""
    groups = reach_facets(user)
    leads = user.holds_leadership_post or bool(admin_roots(user) or managed_cells(user))
    return Facets(groups, none_of=[] if leads else ["lead"])


class _Found(NamedTuple):
    title: str
    starts_on: date
    ends_on: date
    numbers: list[str]  # the documents to study, in the programme's order


def _found(ids: list[int]) -> dict[int, _Found]:
    """The programmes found, by id, in one statement (loading each one's items and then their
    documents one by one cost a statement per programme and per document)."""
    rows = db.session.execute(
        select(Programme.id, Programme.title, Programme.starts_on, Programme.ends_on, Document.number)
        .outerjoin(ProgrammeItem, ProgrammeItem.programme_id == Programme.id)
        .outerjoin(Document, Document.id == ProgrammeItem.document_id)
        .where(Programme.id.in_(ids)).order_by(Programme.id, ProgrammeItem.position))
    found: dict[int, _Found] = {}
    for programme_id, title, starts_on, ends_on, number in rows:
        programme = found.setdefault(programme_id, _Found(title, starts_on, ends_on, []))
        if number is not None:  # None: a programme with nothing listed yet
            programme.numbers.append(number)
    return found


def search_programmes(user, terms: list[str], limit: int) -> list[SearchHit]:
    """Programmes that reach `user`, newest first."""
    terms = usable(terms)
    facets = programme_facets(user) if user.is_authenticated else Facets()
    if not terms or not facets.any_of:
        return []
    ids = [entry - BASES["study"] for entry in ranking.newest_entries(("study",), terms, facets=facets, cap=limit)]
    found = _found(ids) if ids else {}
    return [SearchHit(KIND, found[i].title, url_for("study.show", programme_id=i),
                      highlight(", ".join(found[i].numbers), terms), rank=1.0 / (1 + n),
                      extra={"document": f"{vn_date(found[i].starts_on)} — {vn_date(found[i].ends_on)}"})
            for n, i in enumerate(ids) if i in found]
