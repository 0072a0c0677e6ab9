"""Offline routes: the worker, manifest and offline page (anyone), the pack and the toggle (members)."""

from tests.routes import Rule, expect, fixed

RULES = [
    Rule("offline.service_worker", "GET", fixed("/sw.js"), expect(anonymous=200)),
    Rule("offline.manifest", "GET", fixed("/manifest.webmanifest"), expect(anonymous=200)),
    Rule("offline.offline_page", "GET", fixed("/offline"), expect(anonymous=200)),
    Rule("offline.pack", "GET", fixed("/offline/pack"), expect(anonymous=401)),
    Rule("offline.toggle_document", "POST", fixed("/library/08-qdi-tw/offline"), expect(member=302)),
]
