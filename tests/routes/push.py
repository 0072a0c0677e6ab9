"""Web Push routes: members only. The test app has no VAPID keys, so subscribing answers 404
(nothing to subscribe to); unsubscribing without an endpoint is refused (422); a device that is
not the member's own answers 404 (the world has no subscription at all)."""

from tests.routes import Rule, expect, fixed

RULES = [
    Rule("push.subscribe_device", "POST", fixed("/push/subscribe"), expect(member=404)),
    Rule("push.unsubscribe_device", "POST", fixed("/push/unsubscribe"), expect(member=422)),
    Rule("push.delete_device", "POST", fixed("/push/devices/1/delete"), expect(member=404)),
]
