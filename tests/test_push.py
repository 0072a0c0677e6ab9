"""Web Push against a push service of our own on loopback: the payload decrypts (RFC 8291) to the
agenda's news and never a note; gone devices are forgotten; a failing service delays nobody."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from handbook.extensions import db
from handbook.jobs.queue import get_queue
from handbook.models_base import utcnow
from handbook.push import keys, sender
from handbook.push.models import PushSubscription
from handbook.timefmt import to_vn, vn_datetime
from tests import notes_factories as nf
from tests import push_service
from tests.jobs_helpers import run_worker
from tests.meetings.factories import meeting
from tests.push_service import Device, PushService

NOTE_TEXT = "Ý kiến riêng: đề nghị xem lại khoản chi quỹ"


@pytest.fixture
def vapid(app, monkeypatch):
    private, public = keys.generate()
    for name, value in (("VAPID_PRIVATE_KEY", private), ("VAPID_PUBLIC_KEY", public),
                        ("VAPID_SUBJECT", "mailto:quantri@example.vn"), ("PUSH_SERVICE_HOSTS", [push_service.HOST]),
                        ("PUSH_TIMEOUT_SECONDS", 1.0)):
        monkeypatch.setitem(app.config, name, value)
    return public


@pytest.fixture
def service(monkeypatch):
    with PushService() as running:
        monkeypatch.setattr(sender, "open_session", running.session)
        yield running


def subscribe(client, auth, username, device):
    auth.login(username)
    response = client.post("/push/subscribe", json=device.subscription())
    assert response.status_code == 200, response.get_data(as_text=True)
    auth.logout()


def publish(client, auth, m):
    auth.login("bithu")
    response = client.post(f"/meetings/{m.id}/publish", data={"confirm": "y"})
    auth.logout()
    return response


def subscriptions() -> list[str]:
    db.session.expire_all()
    return list(db.session.scalars(select(PushSubscription.endpoint)))


def test_the_published_agenda_reaches_the_phone_encrypted_and_without_the_note(client, auth, world, vapid, service):
    m = meeting(world["cell1"], title="Sinh hoạt chi bộ tháng Mười hai")
    nf.note(world["users"]["dangvien"], meeting=m, body=NOTE_TEXT)
    phone = service.device("ok", "dangvien")
    subscribe(client, auth, "dangvien", phone)
    assert publish(client, auth, m).status_code == 302
    [received] = service.to(phone)
    signed = received.headers["authorization"]
    assert signed.startswith("vapid t=") and f"k={vapid}" in signed
    shown = phone.decrypt(received)
    assert "Sinh hoạt chi bộ tháng Mười hai" in shown["body"] and vn_datetime(m.starts_at) in shown["body"]
    assert shown["url"] == f"/meetings/{m.id}" and shown["title"] == "Sổ tay đảng viên"
    assert NOTE_TEXT not in received.body.decode("latin-1") and "quỹ" not in str(shown)


def test_a_changed_time_is_pushed_with_the_old_and_the_new(client, auth, world, vapid, service):
    m = meeting(world["cell1"], status="published")
    phone = service.device("ok", "dangvien-time")
    subscribe(client, auth, "dangvien", phone)
    old, new = m.starts_at, m.starts_at + timedelta(days=2)
    auth.login("bithu")
    local = to_vn(new).strftime("%Y-%m-%dT%H:%M")
    response = client.post(f"/meetings/{m.id}/edit", data={
        "kind": "regular", "title": m.title, "starts_at": local,
        "ends_at": to_vn(new + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"), "location": m.location,
        "seq": m.edit_seq, "confirm_time": "y"})
    assert response.status_code == 302
    bodies = [phone.decrypt(r)["body"] for r in service.to(phone)]
    assert any(f"từ {vn_datetime(old)} sang {vn_datetime(new.replace(second=0, microsecond=0))}" in b for b in bodies)


def test_the_reminder_is_pushed_too(client, auth, world, vapid, service):
    from handbook.jobs.scheduler import run_due

    m = meeting(world["cell1"], status="published", starts_in=timedelta(days=3), title="Họp có nhắc lịch")
    phone = service.device("ok", "dangvien-remind")
    subscribe(client, auth, "dangvien", phone)
    run_due(m.starts_at - timedelta(minutes=50))
    [received] = service.to(phone)
    assert "Họp có nhắc lịch" in phone.decrypt(received)["body"]


def test_a_device_the_service_says_is_gone_is_forgotten(client, auth, world, vapid, service):
    gone, kept = service.device("gone", "old-phone"), service.device("ok", "new-phone")
    subscribe(client, auth, "dangvien", gone)
    subscribe(client, auth, "dangvien", kept)
    assert publish(client, auth, meeting(world["cell1"])).status_code == 302
    assert len(service.to(gone)) == 1 and len(service.to(kept)) == 1
    assert subscriptions() == [kept.endpoint]


def test_a_broken_or_slow_service_fails_the_push_not_the_request(client, auth, world, vapid, service, log_lines):
    broken, slow, fine = (service.device("broken", "a"), service.device("slow", "b"), service.device("ok", "c"))
    for device in (broken, slow, fine):
        subscribe(client, auth, "dangvien", device)
    m = meeting(world["cell1"], title="Họp khi dịch vụ đẩy trục trặc")
    assert publish(client, auth, m).status_code == 302
    assert db.session.get(type(m), m.id).status == "published"
    assert len(service.to(fine)) == 1  # the others' failures did not stop this one
    assert sorted(subscriptions()) == sorted(d.endpoint for d in (broken, slow, fine))  # may work next time
    failed = [line for line in log_lines() if line["event"] == "push.failed"]
    assert {line.get("status") for line in failed} >= {500} and any(line.get("error") for line in failed)
    assert all(push_service.HOST not in str(line) for line in failed)  # an endpoint is a secret address


def test_with_a_worker_the_request_sends_nothing_itself(app, client, auth, world, vapid, service, rq_mode):
    slow, fine = service.device("slow", "d"), service.device("ok", "e")
    subscribe(client, auth, "dangvien", slow)
    subscribe(client, auth, "dangvien", fine)
    assert publish(client, auth, meeting(world["cell1"])).status_code == 302
    assert service.received == [] and get_queue(app).count == 1
    run_worker(app)
    assert len(service.to(fine)) == 1 and len(service.to(slow)) == 1


def test_subscribing_is_checked_and_unsubscribing_touches_only_ones_own(client, auth, world, vapid, service):
    auth.login("dangvien")
    bad_keys = service.device("ok", "x").subscription()
    bad_keys["keys"]["auth"] = "ngắn"
    elsewhere = service.device("ok", "y").subscription()
    elsewhere["endpoint"] = "https://push.example.org/abc"
    for body in (bad_keys, elsewhere, {"endpoint": "x"}, ["không phải"]):
        assert client.post("/push/subscribe", json=body).status_code == 422
    assert subscriptions() == []
    mine = service.device("ok", "mine")
    assert client.post("/push/subscribe", json=mine.subscription()).status_code == 200
    auth.logout()
    auth.login("dangvien3")
    assert client.post("/push/unsubscribe", json={"endpoint": mine.endpoint}).status_code == 200
    assert subscriptions() == [mine.endpoint]
    auth.logout()
    auth.login("dangvien")
    assert client.post("/push/unsubscribe", json={"endpoint": mine.endpoint}).status_code == 200
    assert subscriptions() == []


def test_the_page_script_subscribes_with_the_token_as_a_header(app, other_app, world, vapid, service):
    import re

    strict = other_app(WTF_CSRF_ENABLED=True, **{name: app.config[name] for name in (
        "VAPID_PRIVATE_KEY", "VAPID_PUBLIC_KEY", "VAPID_SUBJECT", "PUSH_SERVICE_HOSTS")})
    client = strict.test_client()
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    client.post("/login", data={"username": "dangvien", "password": "sotay-demo", "csrf_token": token})
    account = client.get("/account").get_data(as_text=True)
    header_token = re.search(r'"X-CSRFToken": "([^"]+)"', account).group(1)
    device = service.device("ok", "with-token")
    assert client.post("/push/subscribe", json=device.subscription()).status_code == 400
    assert subscriptions() == []
    answer = client.post("/push/subscribe", json=device.subscription(), headers={"X-CSRFToken": header_token})
    assert answer.status_code == 200 and subscriptions() == [device.endpoint]


def test_the_account_page_offers_the_switch_only_when_keys_are_set(app, client, auth, world, monkeypatch):
    auth.login("dangvien")
    assert "data-push" not in client.get("/account").get_data(as_text=True)
    private, public = keys.generate()
    for name, value in (("VAPID_PRIVATE_KEY", private), ("VAPID_PUBLIC_KEY", public),
                        ("VAPID_SUBJECT", "mailto:quantri@example.vn")):
        monkeypatch.setitem(app.config, name, value)
    html = client.get("/account").get_data(as_text=True)
    assert f'data-key="{public}"' in html and "js/push.js" in html and "Bật thông báo" in html


def test_the_keys_command_prints_a_pair_that_signs(app):
    from py_vapid import Vapid

    output = app.test_cli_runner().invoke(args=["push", "keys"]).output
    values = dict(line.split("=", 1) for line in output.splitlines() if line.startswith("VAPID_") and "#" not in line)
    assert len(keys.b64url_decode(values["VAPID_PUBLIC_KEY"])) == 65
    signer = Vapid.from_string(values["VAPID_PRIVATE_KEY"])
    claims = {"sub": "mailto:a@b.vn", "aud": "https://fcm.googleapis.com", "exp": int(utcnow().timestamp()) + 60}
    assert signer.sign(claims)["Authorization"].startswith("vapid t=")


def test_a_member_sees_their_devices_and_stops_one_but_not_anothers(client, auth, world, vapid, service):
    phone, office = service.device("ok", "phone"), service.device("ok", "office")
    auth.login("dangvien")
    android = "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36"
    client.post("/push/subscribe", json=phone.subscription(), headers={"User-Agent": android})
    client.post("/push/subscribe", json=office.subscription(),
                headers={"User-Agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko Firefox/133.0"})
    page = client.get("/account").get_data(as_text=True)
    assert "Chrome trên Android" in page and "Firefox trên Windows" in page
    phone_id = db.session.scalar(select(PushSubscription.id).where(PushSubscription.endpoint == phone.endpoint))
    auth.logout()
    auth.login("dangvien2")
    assert client.post(f"/push/devices/{phone_id}/delete").status_code == 404
    assert "Chrome trên Android" not in client.get("/account").get_data(as_text=True)
    auth.logout()
    auth.login("dangvien")
    assert client.post(f"/push/devices/{phone_id}/delete").status_code == 302
    assert subscriptions() == [office.endpoint]
    auth.logout()
    assert publish(client, auth, meeting(world["cell1"])).status_code == 302
    assert service.to(phone) == [] and len(service.to(office)) == 1


def test_a_member_keeps_at_most_ten_devices_the_oldest_going_first(client, auth, world, vapid, service):
    auth.login("dangvien")
    devices = [service.device("ok", f"may-{i}") for i in range(12)]
    for device in devices:
        assert client.post("/push/subscribe", json=device.subscription()).status_code == 200
    assert sorted(subscriptions()) == sorted(d.endpoint for d in devices[2:])


@pytest.mark.parametrize("endpoint", [
    "https://127.0.0.1\\@fcm.googleapis.com/fcm/send/x",  # Google's to urllib.parse, 127.0.0.1 to requests
    "https://127.0.0.1:8443\\@fcm.googleapis.com/fcm/send/x",
    "https://someone@fcm.googleapis.com/fcm/send/x",
    "https://fcm.googleapis.com:8443/fcm/send/x",
    "http://fcm.googleapis.com/fcm/send/x",
    "https://fcm.googleapis.com\t/fcm/send/x",
    "https://ｆcm.googleapis.com/fcm/send/x",  # a fullwidth letter IDNA maps to "f"
    "https://fcm.googleapis.com./fcm/send/x",
])
def test_an_endpoint_the_sender_could_read_another_way_is_refused(app, client, auth, world, vapid, monkeypatch,
                                                                    endpoint):
    monkeypatch.setitem(app.config, "PUSH_SERVICE_HOSTS", ["fcm.googleapis.com"])
    device = Device("https://fcm.googleapis.com/fcm/send/x").subscription()
    auth.login("dangvien")
    assert client.post("/push/subscribe", json={**device, "endpoint": endpoint}).status_code == 422
    assert subscriptions() == []
    plain = {**device, "endpoint": "https://fcm.googleapis.com/fcm/send/x"}
    assert client.post("/push/subscribe", json=plain).status_code == 200
    assert subscriptions() == ["https://fcm.googleapis.com/fcm/send/x"]


def test_a_stored_endpoint_that_fails_the_check_costs_no_one_else_their_push(client, auth, world, vapid, service,
                                                                            log_lines):
    # Rows kept before endpoints were checked as the sender reads them: sent to by nobody, and
    # one device's failure, whatever raises it, leaves the others' pushes going.
    dangvien = world["users"]["dangvien"]
    fine = service.device("ok", "fine")
    for address in ("https://127.0.0.1:8443\\@push.test/x", "https://127.0.0.1\\@push.test/y"):
        bad = PushSubscription(user_id=dangvien.id, endpoint=address, **_keys_of(service.device("ok", "bad")))
        db.session.add(bad)
    db.session.commit()
    subscribe(client, auth, "dangvien2", fine)
    assert publish(client, auth, meeting(world["cell1"], title="Họp dù một máy hỏng")).status_code == 302
    assert len(service.to(fine)) == 1
    refused = [line for line in log_lines() if line["event"] in ("push.refused", "push.failed")]
    assert len(refused) == 2 and all("127.0.0.1" not in str(line) for line in refused)


def _keys_of(device) -> dict:
    sub = device.subscription()
    return {"p256dh": sub["keys"]["p256dh"], "auth": sub["keys"]["auth"]}


def test_another_members_endpoint_moves_only_with_its_own_keys(client, auth, world, vapid, service):
    phone = service.device("ok", "shared-phone")
    subscribe(client, auth, "dangvien", phone)
    auth.login("dangvien3")
    # Someone who learnt the address, with keys of their own: the owner's row stays as it was.
    stranger = {**service.device("ok", "other").subscription(), "endpoint": phone.endpoint}
    assert client.post("/push/subscribe", json=stranger).status_code == 422
    row = db.session.scalar(select(PushSubscription).where(PushSubscription.endpoint == phone.endpoint))
    assert row.user_id == world["users"]["dangvien"].id and row.auth == phone.subscription()["keys"]["auth"]
    # The same browser (same endpoint, same keys) now used by another member: it follows them.
    assert client.post("/push/subscribe", json=phone.subscription()).status_code == 200
    db.session.expire_all()
    assert db.session.get(PushSubscription, row.id).user_id == world["users"]["dangvien3"].id
