"""Which responses the phone's service worker may keep: the pages that declared it beside their
view (`@conditional` or `@keep_offline`, handbook/conditional.py), marked with `X-Offline-Pack`
naming the login they belong to. Nothing else is marked: not admin pages, exports, the password
pages. The note page stays `no-store` for the browser's own caches (no Back button into it after
logout) and is marked for the worker alone, whose copy belongs to this login and goes with it.
"""

from flask import g, request

from handbook.conditional import OFFLINE_FLAG, account_key
from handbook.offline import bp

PACK_HEADER = "X-Offline-Pack"


@bp.after_app_request
def mark_storable(response):
    if request.method == "GET" and response.status_code == 200 and g.get(OFFLINE_FLAG) and (key := account_key()):
        response.headers[PACK_HEADER] = key
    return response
