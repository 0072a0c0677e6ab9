"""Web Push routes: members only. The test app has no VAPID keys, so subscribing answers 404
(nothing to subscribe to); unsubscribing without an endpoint is refused (422)."""

from tests.routes import Rule, expect, fixed

RULES = [
    Rule("push.subscribe_device", "POST", fixed("/push/subscribe"), expect(member=404)),
    Rule("push.unsubscribe_device", "POST", fixed("/push/unsubscribe"), expect(member=422)),
]
