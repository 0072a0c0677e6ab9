"""The meeting's live line (votes/live.py): the banner that puts an open vote at the top of the
meeting page and the home card, answered 304 while nothing changed and 286 once the meeting is
over; the secretary's count of phone ballots, kept current the same way, a number only."""

import re
from datetime import timedelta

import pytest

from handbook.extensions import db
from tests.conftest import text_of
from tests.meetings.factories import HTMX, meeting, meeting_under_way
from tests.meetings.votes.test_votes import cast, close, open_vote, the_vote


@pytest.fixture
def now_meeting(world):
    """Cell 1's meeting, begun ten minutes ago; the secretary and both members are present."""
    return meeting_under_way(world)


def as_member(client, auth, username="dangvien"):
    auth.logout()
    auth.login(username)


def poll(client, m, etag=None):
    headers = dict(HTMX)
    if etag:
        headers["If-None-Match"] = f'"{etag}"'
    return client.get(f"/meetings/{m.id}/live", headers=headers)


def etag_of(html: str) -> str:
    """The tag the banner carries in its own request headers (what the phone sends back)."""
    found = re.search(r'If-None-Match&#34;: &#34;\\&#34;([0-9a-f]+)\\&#34;|If-None-Match": "\\"([0-9a-f]+)\\""', html)
    assert found, html
    return found.group(1) or found.group(2)


def banner_of(html: str) -> str:
    return re.search(r'<div class="live-banner".*?</div>', html, re.S).group(0)


def test_an_open_vote_is_at_the_top_of_the_meeting_page_and_on_the_home_card(client, auth, world, now_meeting):
    m = now_meeting
    open_vote(client, auth, m)
    as_member(client, auth)
    page = client.get(f"/meetings/{m.id}").get_data(as_text=True)
    # Above the meeting's title, so on the first screen, and a link to the ballot.
    assert page.index('class="live-banner"') < page.index("<h1>")
    banner = banner_of(page)
    assert "Đang biểu quyết:" in banner and "Thông qua nghị quyết tháng" in banner and "Biểu quyết ngay" in banner
    assert f'href="/meetings/{m.id}#bieu-quyet"' in banner and 'id="bieu-quyet"' in page
    home = client.get("/").get_data(as_text=True)
    assert "Biểu quyết ngay" in banner_of(home) and f"/meetings/{m.id}#bieu-quyet" in banner_of(home)
    # The notification of the vote leads to the ballot too.
    assert f'href="/meetings/{m.id}#bieu-quyet"' in client.get("/notifications").get_data(as_text=True)


def test_the_banner_answers_304_until_the_vote_opens_then_closes_into_its_result(client, auth, world, now_meeting):
    m = now_meeting
    as_member(client, auth)
    first = poll(client, m)
    assert first.status_code == 200 and "Đang biểu quyết" not in text_of(first)
    tag = etag_of(first.get_data(as_text=True))
    assert first.headers["ETag"] == f'"{tag}"'
    unchanged = poll(client, m, tag)
    assert unchanged.status_code == 304 and unchanged.get_data() == b"" and "HX-Trigger" not in unchanged.headers
    open_vote(client, auth, m)
    as_member(client, auth)
    opened = poll(client, m, tag)
    assert opened.status_code == 200 and "Biểu quyết ngay" in text_of(opened)
    assert opened.headers["HX-Trigger"] == "live-changed"  # the vote box further down asks again
    tag = etag_of(opened.get_data(as_text=True))
    assert poll(client, m, tag).status_code == 304
    cast(client, auth, m, "dangvien", 0, **HTMX)
    sent = poll(client, m, tag)  # the member's own ballot changes what their banner says
    assert sent.status_code == 200 and "Đã gửi phiếu" in text_of(sent)
    close(client, auth, m, hand_0="1")
    as_member(client, auth)
    result = text_of(poll(client, m, etag_of(sent.get_data(as_text=True))))
    assert "Đang biểu quyết" not in result
    assert "Kết quả biểu quyết: Thông qua nghị quyết tháng" in result and "Thông qua:" in result


def test_a_ballot_sent_tells_the_banner_to_ask_again(client, auth, world, now_meeting):
    m = now_meeting
    open_vote(client, auth, m)
    answer = cast(client, auth, m, "dangvien", 0, **HTMX)
    assert answer.headers["HX-Trigger"] == "ballot-sent"


def test_once_the_meeting_is_over_the_banner_stops_asking(client, auth, world):
    m = meeting(world["cell1"], status="published", starts_in=timedelta(hours=-4), duration=60)
    as_member(client, auth)
    over = poll(client, m, "whatever")
    assert over.status_code == 286 and "hx-get" not in over.get_data(as_text=True)
    assert 'class="live-banner"' not in client.get(f"/meetings/{m.id}").get_data(as_text=True)


def test_before_the_meeting_the_page_does_not_poll(client, auth, world):
    m = meeting(world["cell1"], status="published", starts_in=timedelta(days=2))
    as_member(client, auth)
    assert 'class="live-banner"' not in client.get(f"/meetings/{m.id}").get_data(as_text=True)
    assert poll(client, m).status_code == 286


def test_someone_outside_the_cell_gets_no_banner(client, auth, world, now_meeting):
    open_vote(client, auth, now_meeting)
    as_member(client, auth, "dangvien3")  # cell 2: this meeting is not theirs
    assert client.get(f"/meetings/{now_meeting.id}/live", headers=HTMX).status_code == 404


def test_the_secretary_count_of_phone_ballots_follows_the_ballots(client, auth, world, now_meeting):
    m = now_meeting
    open_vote(client, auth, m, secret="y")
    vote = the_vote(m)
    page = client.get(f"/meetings/{m.id}/votes").get_data(as_text=True)
    assert "0 phiếu qua điện thoại" in page and f"/votes/{vote.id}/tally" in page
    url = f"/meetings/{m.id}/votes/{vote.id}/tally"
    first = client.get(url, headers=HTMX)
    tag = first.headers["ETag"].strip('"')
    assert client.get(url, headers={**HTMX, "If-None-Match": f'"{tag}"'}).status_code == 304
    cast(client, auth, m, "dangvien", 0, **HTMX)
    cast(client, auth, m, "dangvien2", 1, **HTMX)
    as_member(client, auth, "bithu")
    now = client.get(url, headers={**HTMX, "If-None-Match": f'"{tag}"'})
    # A secret vote's count is a number of ballots, nothing that names a voter or a choice.
    assert now.status_code == 200 and text_of(now) == "2 phiếu qua điện thoại"
    close(client, auth, m)
    ended = client.get(url, headers={**HTMX, "If-None-Match": now.headers["ETag"]})
    assert ended.status_code == 286 and "Biểu quyết đã đóng" in text_of(ended)


def test_members_cannot_read_the_count(client, auth, world, now_meeting):
    open_vote(client, auth, now_meeting)
    as_member(client, auth)
    assert client.get(f"/meetings/{now_meeting.id}/votes/{the_vote(now_meeting).id}/tally").status_code == 404
    db.session.rollback()
