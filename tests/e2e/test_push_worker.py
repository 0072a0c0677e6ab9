"""Our service worker shows a push as a notification: the meeting's news, opening the meeting.
Chromium's DevTools deliver the push (no push service is reachable from a test), with the payload
our server sends."""

import json

import pytest

pytestmark = pytest.mark.e2e

READY = """async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.scope;
}"""
SHOWN = """async () => {
    const registration = await navigator.serviceWorker.ready;
    for (let i = 0; i < 50; i++) {
        const shown = await registration.getNotifications();
        if (shown.length) return shown.map(n => ({title: n.title, body: n.body, tag: n.tag, url: n.data.url}));
        await new Promise(resolve => setTimeout(resolve, 100));
    }
    return [];
}"""


def test_a_push_becomes_a_notification_that_opens_the_meeting(context, page, live_server):
    context.grant_permissions(["notifications"], origin=live_server.url)
    page.goto("/login")
    cdp = context.new_cdp_session(page)
    registrations = []
    cdp.on("ServiceWorker.workerRegistrationUpdated", lambda event: registrations.extend(event["registrations"]))
    cdp.send("ServiceWorker.enable")
    scope = page.evaluate(READY)
    page.wait_for_timeout(200)  # the registration event arrives asynchronously
    registration = next(r for r in registrations if r["scopeURL"] == scope)
    data = {"title": "Sổ tay đảng viên", "body": "Chương trình họp “Sinh hoạt tháng” đã được công bố.",
            "url": "/meetings/3", "tag": "published:/meetings/3"}
    cdp.send("ServiceWorker.deliverPushMessage", {"origin": live_server.url,
                                                  "registrationId": registration["registrationId"],
                                                  "data": json.dumps(data, ensure_ascii=False)})
    assert page.evaluate(SHOWN) == [{"title": "Sổ tay đảng viên", "body": data["body"], "tag": data["tag"],
                                     "url": "/meetings/3"}]
