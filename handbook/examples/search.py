"""Approved good examples in the one search index, and the search page's examples source. An
example waiting for review (or sent back) has no entry, so no search finds it. An entry carries
its organisation (o<id>) and every one at or above it (a<id>) as facets, so a search reads only
what reaches the searcher (access.example_facets)."""

from flask import url_for
from sqlalchemy import select

from handbook.examples.access import example_facets
from handbook.examples.models import GoodExample
from handbook.extensions import db
from handbook.orgs.models import Organization
from handbook.orgs.queries import ids_below
from handbook.search import ranking
from handbook.search.index import BASES, Watch, facet_text, index_text, indexer, path_facets
from handbook.search.query import usable
from handbook.search.registry import SearchHit
from handbook.timefmt import vn_date
from handbook.vietnamese import highlight

KIND = "Gương người tốt, việc tốt"


def _examples_below(org: Organization):
    return ids_below(GoodExample.id, GoodExample.org_id, org)


def _rows(ids):
    return db.session.execute(
        select(GoodExample.id, GoodExample.title, GoodExample.person, GoodExample.description,
               GoodExample.happened_on, GoodExample.org_id, Organization.path)
        .join(Organization, Organization.id == GoodExample.org_id)
        .where(GoodExample.id.in_(ids), GoodExample.status == "approved")).all()


@indexer("example", kinds=("example",),
         all_ids=lambda: select(GoodExample.id).where(GoodExample.status == "approved"),
         watches=[Watch(GoodExample, lambda e: [e.id], ("status", "title", "person", "description", "org_id")),
                  Watch(Organization, _examples_below, ("parent_id",))])
def example_entries(ids: list[int]) -> list[dict]:
    return [{"id": BASES["example"] + row.id, "kind": "example", "ref_id": row.id, "title": index_text(row.title),
             "body": index_text(row.person, row.description), "ref": "",
             "facets": facet_text([*path_facets(row.path), f"o{row.org_id}"])} for row in _rows(ids)]


def search_examples(user, terms: list[str], limit: int) -> list[SearchHit]:
    """Approved examples that reach `user`, newest registered first."""
    terms = usable(terms)
    facets = example_facets(user)
    if not terms or not facets.any_of:
        return []
    ids = [entry - BASES["example"]
           for entry in ranking.newest_entries(("example",), terms, facets=facets, cap=limit)]
    rows = {row.id: row for row in _rows(ids)} if ids else {}
    return [SearchHit(KIND, f"{rows[i].title} — {rows[i].person}", url_for("examples.show", example_id=i),
                      highlight(f"{rows[i].person}. {rows[i].description}", terms), rank=1.0 / (1 + n),
                      extra={"document": vn_date(rows[i].happened_on)}) for n, i in enumerate(ids) if i in rows]
