"""Conditional GETs on the pages the meeting pack holds: 304 Not Modified before any render.

A phone refreshing its pack (or a browser revalidating a page it has) sends the validator
it holds; when the page's rows have not changed, the answer is a few hundred bytes and
costs the server the validator's one statement. The same hooks mark those pages as ones
the service worker may keep (`X-Offline-Pack`, naming the login they belong to).
"""

from flask import g, make_response, request

from handbook.offline import bp, validators

# endpoint -> validator(**view_args); these are the pages the worker may keep.
VALIDATED = {
    "meetings.show": validators.meeting_page,
    "notes.meeting_note": validators.meeting_note_page,
    "library.reader": validators.reader_page,
}
# Pages the worker may keep without a validator (rendered afresh each time; the offline page as
# the member sees it, with the app's bars). Nothing else is
# marked: not admin pages, exports, the password pages. The note page stays `no-store` for
# the browser's own caches (no Back button into it after logout) and is marked for the worker
# alone, whose copy belongs to this login and goes with it.
STORABLE = {"main.home", "auth.account", "offline.offline_page"} | set(VALIDATED)
PACK_HEADER = "X-Offline-Pack"


@bp.before_app_request
def answer_not_modified():
    validator = VALIDATED.get(request.endpoint)
    if validator is None or request.method != "GET":
        return None
    tag = g.offline_etag = validator(**request.view_args)
    if tag is None or not request.if_none_match.contains_weak(tag):
        return None
    response = make_response("", 304)
    response.set_etag(tag, weak=True)
    return response


@bp.after_app_request
def mark_storable(response):
    if request.method != "GET" or request.endpoint not in STORABLE:
        return response
    tag = g.get("offline_etag")
    if tag is not None and response.status_code in (200, 304):
        # Weak: the body is sent gzipped or not, the same page either way.
        response.set_etag(tag, weak=True)
    if response.status_code == 200 and (key := validators.account_key()):
        response.headers[PACK_HEADER] = key
    return response
