"""Login names as one namespace, limits per person rather than per spelling or per address,
equal login cost, and what a password change does to the calendar feed."""

import re

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from handbook.auth.models import User
from handbook.auth.passwords import hash_password
from handbook.extensions import db
from tests.conftest import text_of

SPELLINGS = ["0912000003", "+84912000003", "0912 000 003", "(0912)000003", "0912.000.003", "0912-000-003",
             "93000003", "DangVien"]


def test_every_spelling_of_one_account_shares_one_login_limit(client, auth, world):
    for spelling in SPELLINGS[:5]:
        assert auth.login(spelling, "wrong-password").status_code == 401
    for spelling in SPELLINGS:
        assert auth.login(spelling).status_code == 429, spelling  # even the right password waits now
    assert auth.login("dangvien2").status_code == 302  # another member is not affected


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_each_spelling_logs_in(client, auth, world, spelling):
    assert auth.login(spelling).status_code == 302


def test_forty_new_members_behind_one_router_all_change_their_first_password(client, make, world):
    users = [make.user(f"moi{i}", cell=world["cell1"], must_change_password=True) for i in range(40)]
    for user in users:
        device = client.application.test_client()
        assert device.post("/login", data={"username": user.username, "password": "sotay-demo"}).status_code == 302
        response = device.post("/account/password", data={
            "current_password": "sotay-demo", "new_password": "cay tre lang toi 2024",
            "confirm": "cay tre lang toi 2024"})
        assert response.status_code == 302, user.username


def _set_card(client, user, card):
    data = {"full_name": user.full_name, "card_number": card, "phone": user.phone or "",
            "date_of_birth": "", "admitted_on": "", "official_on": "", "sex": "", "cell": str(user.cell_id)}
    return client.post(f"/admin/members/{user.id}", data=data)


def test_a_card_number_cannot_take_another_members_phone_in_any_spelling(client, auth, make, world):
    """A branch admin sets their member's card number to a victim's phone, elsewhere."""
    base = make.org("Đảng bộ Sở Tài chính", "base", world["bloc"])
    cell = make.org("Chi bộ Kế toán", "cell", base)
    make.user("quantri2", cell=cell, role="admin", role_org=base)
    accomplice = make.user("dongpham", cell=cell, card_number="94000001", full_name="Đồng Văn Phạm")
    auth.login("quantri2")
    for spelling in ("0912000003", "0912 000 003"):
        response = _set_card(client, accomplice, spelling)
        assert response.status_code == 422 and "đã thuộc một tài khoản khác" in text_of(response)
    db.session.refresh(accomplice)
    assert accomplice.card_number == "94000001"
    auth.logout()
    assert auth.login("+84912000003").status_code == 302
    assert "Lê Văn Đức" in text_of(client.get("/"))


def test_the_database_refuses_one_identifier_for_two_accounts(app, make, world):
    """Whatever code writes the account (a script, a race past the form's check)."""
    intruder = make.user("khach", cell=world["cell2"])
    intruder.card_number = "0912000003"  # dangvien's phone
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()
    intruder = db.session.get(User, intruder.id)
    intruder.username = "+84 912 000 003"
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_identifiers_follow_an_edit(app, world):
    from handbook.auth.models import LoginIdentifier

    member = world["users"]["dangvien"]
    member.phone = "0988111222"
    db.session.commit()
    values = set(db.session.scalars(select(LoginIdentifier.value).where(LoginIdentifier.user_id == member.id)))
    assert values == {"dangvien", "93000003", "0988111222"}
    other = world["users"]["dangvien2"]
    other.phone = "0912000003"  # free again
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(LoginIdentifier)
                             .where(LoginIdentifier.value == "0912000003")) == 1


def _checked_methods(monkeypatch):
    import handbook.auth.passwords as passwords

    seen = []
    real = passwords.check_password_hash

    def spy(stored, password):
        seen.append(stored.split("$", 1)[0])
        return real(stored, password)

    monkeypatch.setattr(passwords, "check_password_hash", spy)
    return seen


@pytest.mark.parametrize("case", ["unknown", "wrong", "one-time"])
def test_every_login_attempt_costs_one_hash_at_the_configured_cost(app, client, auth, make, world, monkeypatch,
                                                                   case):
    """No timed assertion: which hashes were checked tells the cost of each path."""
    make.user("moi", cell=world["cell1"], must_change_password=True)
    auth.login("capuy")
    page = client.post(f"/admin/members/{world['users']['dangvien2'].id}/password").get_data(as_text=True)
    one_time = re.search(r'<code class="otp">([a-z0-9]+)</code>', page)
    auth.logout()
    seen = _checked_methods(monkeypatch)
    username, password = {"unknown": ("nobody", "sotay-demo"), "wrong": ("dangvien", "wrong-password"),
                          "one-time": ("dangvien2", one_time.group(1))}[case]
    auth.login(username, password)
    assert app.config["PASSWORD_HASH_METHOD"] in seen, seen


def test_imported_one_time_passwords_cost_the_same_to_check(app, monkeypatch):
    from handbook.auth.passwords import hash_imported_password, verify_password

    stored = hash_imported_password("abcdefghjkmn")
    seen = _checked_methods(monkeypatch)
    assert verify_password(stored, "abcdefghjkmn")
    assert seen == [stored.split("$", 1)[0], app.config["PASSWORD_HASH_METHOD"]]


def _feed(client):
    client.post("/calendar/token")
    page = client.get("/account").get_data(as_text=True)
    return re.search(r"/calendar/[\w-]+\.ics", page).group(0)


def test_a_password_change_renews_the_calendar_feed_and_says_so(client, auth, world):
    auth.login("dangvien")
    old = _feed(client)
    response = client.post("/account/password", data={
        "current_password": "sotay-demo", "new_password": "mot mat khau moi", "confirm": "mot mat khau moi"},
        follow_redirects=True)
    assert "Địa chỉ lịch riêng của đồng chí đã được đổi" in text_of(response)
    assert client.get(old).status_code == 404
    new = re.search(r"/calendar/[\w-]+\.ics", client.get("/account").get_data(as_text=True)).group(0)
    assert new != old and client.get(new).status_code == 200


def test_an_admin_password_reset_renews_the_calendar_feed_and_the_member_is_told(client, auth, world):
    auth.login("dangvien")
    old = _feed(client)
    auth.logout()
    auth.login("capuy")
    assert client.post(f"/admin/members/{world['users']['dangvien'].id}/password").status_code == 200
    auth.logout()
    assert client.get(old).status_code == 404
    auth.login("dangvien2")
    assert "Địa chỉ lịch" not in text_of(client.get("/notifications"))
    from handbook.meetings.models import Notification

    told = db.session.scalars(select(Notification.message).where(
        Notification.user_id == world["users"]["dangvien"].id)).all()
    assert any("Địa chỉ lịch riêng của đồng chí đã được đổi" in m for m in told)


def test_the_calendar_feed_is_limited_per_feed_not_per_address(app, client, auth, world):
    feeds = []
    for name in ("dangvien", "dangvien2"):
        auth.login(name)
        feeds.append(_feed(client))
        auth.logout()
    fetcher = app.test_client()  # one calendar service, one address, many members' feeds
    assert all(fetcher.get(feeds[0]).status_code == 200 for _ in range(120))
    assert fetcher.get(feeds[0]).status_code == 429
    assert fetcher.get(feeds[1]).status_code == 200


def _guess(app, username, times=5):
    """Someone else, on another device, trying passwords for the account."""
    stranger = app.test_client()
    for _ in range(times):
        assert stranger.post("/login", data={"username": username, "password": "doan-bua-1"}).status_code == 401
    return stranger


def test_someone_guessing_a_members_password_does_not_lock_out_the_members_own_phone(app, client, auth, world):
    assert auth.login("dangvien").status_code == 302  # an earlier good login on this phone
    auth.logout()
    stranger = _guess(app, "dangvien")
    assert stranger.post("/login", data={"username": "dangvien", "password": "sotay-demo"}).status_code == 429
    assert auth.login("0912 000 003").status_code == 302  # the owner's phone, in any spelling of the name
    auth.logout()
    # The phone's own failures still count, five a minute, on a counter of its own.
    for _ in range(5):
        assert auth.login("dangvien", "sai-mat-khau").status_code == 401
    assert auth.login("dangvien").status_code == 429


def test_the_phones_mark_is_for_one_account_ends_with_the_password_and_cannot_be_made(app, client, auth, world):
    assert auth.login("dangvien").status_code == 302
    mark = client.get_cookie("sotay_device", path="/login")
    assert mark is not None and mark.http_only and mark.same_site == "Strict"
    auth.logout()
    _guess(app, "dangvien2")
    assert auth.login("dangvien2").status_code == 429  # a mark for dangvien says nothing of dangvien2
    forged = app.test_client()
    forged.set_cookie("sotay_device", mark.value[:-2] + "xx", domain="localhost", path="/login")
    _guess(app, "dangvien")
    assert forged.post("/login", data={"username": "dangvien", "password": "sotay-demo"}).status_code == 429
    # An admin's reset (after a stolen phone, say) ends every mark the old password earned.
    user = world["users"]["dangvien"]
    user.password_hash = hash_password("mat-khau-moi-2026")
    db.session.commit()
    assert auth.login("dangvien", "mat-khau-moi-2026").status_code == 429
