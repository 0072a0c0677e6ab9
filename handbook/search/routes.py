"""Search page: asks every registered source, merges the hits by rank."""

from flask import current_app, render_template, request
from flask_login import current_user, login_required
from sqlalchemy.exc import DatabaseError

from handbook.extensions import db
from handbook.search import bp
from handbook.search.registry import sources
from handbook.security import is_htmx
from handbook.vietnamese import parse_query

PER_SOURCE = 20
SHOWN = 30


def run_search(user, query: str) -> list:
    terms = parse_query(query)
    if not terms:
        return []
    hits = []
    for source in sources():
        try:
            found = source.search(user, terms, PER_SOURCE)
        except DatabaseError:
            # One broken source must not take the page down; the others still answer.
            db.session.rollback()
            current_app.logger.exception("search source %s failed", source.name)
            continue
        # Sources score on their own scales; interleave them by position instead, so no
        # source's numbers can push every other source off the page.
        found.sort(key=lambda h: -h.rank)
        for position, hit in enumerate(found):
            hit.rank = 1.0 / (1 + position)
        hits.extend(found)
    hits.sort(key=lambda h: -h.rank)
    return hits[:SHOWN]


@bp.get("/search")
@login_required
def index():
    """Search page; a fragment for htmx."""
    query = request.args.get("q", "")[:200]
    hits = run_search(current_user, query)
    template = "search/_results.html" if is_htmx() else "search/index.html"
    return render_template(template, q=query, hits=hits, searched=bool(query.strip()))
