"""The secretary opens check-in; the member who then types the code is logged in."""

from tests.meetings.factories import fresh


def open_checkin(client, auth, m, then="dangvien") -> str:
    """The meeting's check-in code, opened by the secretary; `then` is logged in after."""
    auth.login("bithu")
    client.post(f"/meetings/{m.id}/checkin/open")
    code = fresh(m.id).checkin_code
    auth.logout()
    auth.login(then)
    return code
