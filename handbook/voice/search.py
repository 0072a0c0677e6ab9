"""The FAQ in the one search index, and the search page's FAQ source. Only published entries
are indexed, in the words published, with the answer; a question nobody published never
reaches the index. An entry carries its organisation (o<id>) and every one at or above it
(a<id>) as facets, so a search reads only what reaches the searcher (access.faq_facets)."""

from flask import url_for
from sqlalchemy import select

from handbook.extensions import db
from handbook.orgs.models import Organization
from handbook.orgs.queries import ids_below
from handbook.search import ranking
from handbook.search.index import BASES, Watch, facet_text, index_text, indexer, path_facets
from handbook.search.query import usable
from handbook.search.registry import SearchHit
from handbook.vietnamese import highlight
from handbook.voice.access import faq_facets
from handbook.voice.models import MemberQuestion

KIND = "Hỏi đáp"


def _published_below(org: Organization):
    return ids_below(MemberQuestion.id, MemberQuestion.faq_org_id, org)


def _rows(ids):
    return db.session.execute(
        select(MemberQuestion.id, MemberQuestion.faq_subject, MemberQuestion.faq_body, MemberQuestion.answer,
               MemberQuestion.published_at, MemberQuestion.faq_org_id, Organization.path)
        .join(Organization, Organization.id == MemberQuestion.faq_org_id).where(MemberQuestion.id.in_(ids))).all()


@indexer("faq", kinds=("faq",), all_ids=lambda: select(MemberQuestion.id).where(MemberQuestion.faq_org_id.is_not(None)),
         watches=[Watch(MemberQuestion, lambda q: [q.id], ("faq_org_id", "faq_subject", "faq_body", "answer")),
                  Watch(Organization, _published_below, ("parent_id",))])
def faq_entries(ids: list[int]) -> list[dict]:
    return [{"id": BASES["faq"] + row.id, "kind": "faq", "ref_id": row.id, "title": index_text(row.faq_subject),
             "body": index_text(row.faq_body, row.answer), "ref": "",
             "facets": facet_text([*path_facets(row.path), f"o{row.faq_org_id}"])} for row in _rows(ids)]


def search_faq(user, terms: list[str], limit: int) -> list[SearchHit]:
    """FAQ entries that reach `user`, newest published first."""
    terms = usable(terms)
    facets = faq_facets(user)
    if not terms or not facets.any_of:
        return []
    ids = [entry - BASES["faq"] for entry in ranking.newest_entries(("faq",), terms, facets=facets, cap=limit)]
    rows = {row.id: row for row in _rows(ids)} if ids else {}
    return [SearchHit(KIND, rows[i].faq_subject, url_for("voice.faq_entry", question_id=i),
                      highlight(f"{rows[i].faq_body} {rows[i].answer}", terms), rank=1.0 / (1 + n),
                      when=rows[i].published_at) for n, i in enumerate(ids) if i in rows]
