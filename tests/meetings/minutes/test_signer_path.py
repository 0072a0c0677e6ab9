"""The signer's path: the chair's and the note-taker's own box on the meeting page offers
"Ký biên bản" while their signature is due (the notification asking for it links there), signs
the stored content with its version and hash, then says when they signed instead."""

import re
from datetime import timedelta

from sqlalchemy import select

from handbook.extensions import db
from handbook.meetings.models import MinutesSignature, Notification
from tests.conftest import text_of
from tests.meetings.factories import fresh, meeting
from tests.meetings.minutes.test_minutes import form, sign, stored


def signer_part(html: str) -> str:
    found = re.search(r'<div class="member-box-part signer-part" id="ky-bien-ban">.*?</div>', html, re.S)
    return found.group(0) if found else ""


def as_user(client, auth, username):
    auth.logout()
    auth.login(username)


def sign_from_the_meeting_page(client, m):
    part = signer_part(client.get(f"/meetings/{m.id}").get_data(as_text=True))
    fields = dict(re.findall(r'name="(version|digest|back|csrf_token)" value="([^"]*)"', part))
    return client.post(f"/meetings/{m.id}/minutes/sign", data=fields)


def drafted(client, auth, world):
    m = meeting(world["cell1"], status="held", starts_in=timedelta(hours=-3))
    as_user(client, auth, "bithu")
    client.get(f"/meetings/{m.id}/minutes")
    assert client.post(f"/meetings/{m.id}/minutes", data=form(m)).status_code == 302
    return m


def test_the_note_taker_signs_from_the_meeting_page_where_the_notification_leads(client, auth, world):
    m = drafted(client, auth, world)
    assert sign(client, auth, m, "bithu").status_code == 302  # the chair signs first
    as_user(client, auth, "dangvien")  # the note-taker
    told = db.session.scalar(select(Notification).where(Notification.user_id == world["users"]["dangvien"].id,
                                                        Notification.kind == "sign"))
    assert told is not None
    notifications = client.get("/notifications").get_data(as_text=True)
    assert f'href="/meetings/{m.id}#ky-bien-ban"' in notifications
    part = signer_part(client.get(f"/meetings/{m.id}").get_data(as_text=True))
    assert "Ký biên bản" in part and "đang chờ đồng chí ký xác nhận (thư ký)" in part
    assert 'name="csrf_token"' in part and 'name="digest"' in part
    signed = sign_from_the_meeting_page(client, m)
    assert signed.status_code == 302 and signed.headers["Location"].endswith(f"/meetings/{m.id}#bien-ban")
    assert stored(m).status == "final" and fresh(m.id).status == "closed"
    after = signer_part(client.get(f"/meetings/{m.id}").get_data(as_text=True))
    assert "Đã ký lúc" in after and "<button" not in after


def test_after_signing_the_chair_sees_when_not_the_button(client, auth, world):
    m = drafted(client, auth, world)
    as_user(client, auth, "bithu")
    assert "Ký biên bản" in signer_part(client.get(f"/meetings/{m.id}").get_data(as_text=True))
    signed = sign_from_the_meeting_page(client, m)
    assert signed.status_code == 302 and signed.headers["Location"].endswith(f"/meetings/{m.id}#ky-bien-ban")
    assert stored(m).status == "draft"
    part = signer_part(client.get(f"/meetings/{m.id}").get_data(as_text=True))
    assert "Đã ký lúc" in part and "<button" not in part
    # Nor on the minutes page: her button is gone, the note-taker's signature is awaited.
    minutes = client.get(f"/meetings/{m.id}/minutes").get_data(as_text=True)
    assert "Ký xác nhận biên bản (" not in minutes and "chờ chữ ký còn lại" in text_of(client.get(
        f"/meetings/{m.id}/minutes"))


def test_a_change_after_signing_asks_for_the_signature_again(client, auth, world):
    m = drafted(client, auth, world)
    as_user(client, auth, "bithu")
    sign_from_the_meeting_page(client, m)
    client.post(f"/meetings/{m.id}/minutes", data=form(m, conclusions="Kết luận đã sửa."))
    assert "Ký biên bản" in signer_part(client.get(f"/meetings/{m.id}").get_data(as_text=True))


def test_a_stale_page_signs_nothing(client, auth, world):
    m = drafted(client, auth, world)
    as_user(client, auth, "bithu")
    part = signer_part(client.get(f"/meetings/{m.id}").get_data(as_text=True))
    fields = dict(re.findall(r'name="(version|digest|back|csrf_token)" value="([^"]*)"', part))
    client.post(f"/meetings/{m.id}/minutes", data=form(m, conclusions="Sửa sau khi mở trang."))
    refused = client.post(f"/meetings/{m.id}/minutes/sign", data=fields)
    assert refused.status_code == 409
    assert db.session.scalar(select(MinutesSignature.id).where(MinutesSignature.minutes_id == stored(m).id)) is None


def test_other_members_have_no_sign_part(client, auth, world):
    m = drafted(client, auth, world)
    as_user(client, auth, "dangvien2")
    page = client.get(f"/meetings/{m.id}").get_data(as_text=True)
    assert 'id="ky-bien-ban"' not in page and "Ký biên bản" not in page
