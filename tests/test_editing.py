"""The one autosaving editor, on every text it serves: a save from a second phone typed on a
version the first had already replaced is answered like any save (200, the status in words, the
`text-saved` event htmx reads), both texts stay on the server, a reload still shows both, and
the writer's choice keeps what they chose without losing the other."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from handbook.editing.models import TextConflict
from handbook.extensions import db
from handbook.meetings.models import Minutes
from handbook.notes.models import Note
from handbook.year.access import this_year
from handbook.year.models import Commitment, SelfReview
from tests import notes_factories as nf
from tests.conftest import text_of, text_saved
from tests.meetings.factories import HTMX, meeting
from tests.meetings.minutes.test_minutes import form as minutes_form
from tests.year_factories import REVIEW

YEAR = this_year()
CONFLICT_WORDS = "vừa được lưu từ máy khác"


def kept(kind: str) -> list[dict]:
    db.session.expire_all()
    return [c.texts for c in db.session.scalars(select(TextConflict).where(TextConflict.kind == kind))]


def conflict_id(kind: str) -> int:
    return db.session.scalar(select(TextConflict.id).where(TextConflict.kind == kind))


def own(model, world, column):
    db.session.expire_all()
    return db.session.scalar(select(column).where(model.user_id == world["users"]["dangvien"].id, model.year == YEAR))


def assert_conflict_answer(response, version: int) -> None:
    """Within the one save: 200 (htmx swaps it), the event, and plain words on the status line."""
    assert response.status_code == 200
    assert text_saved(response) == {"version": version, "status": "conflict"}
    assert 'data-state="conflict"' in response.get_data(as_text=True)
    assert CONFLICT_WORDS in text_of(response) and "Cả hai bản đều được giữ" in text_of(response)


def test_a_note_from_a_second_phone_keeps_both_texts(client, auth, world):
    m = nf.meeting(world["cell1"])
    url = f"/meetings/{m.id}/note"
    auth.login("dangvien")
    first = client.post(url, data={"body": "Điện thoại một", "version": "0"}, headers=HTMX)
    assert text_saved(first) == {"version": 1, "status": "saved"}
    second = client.post(url, data={"body": "Điện thoại hai", "version": "0"}, headers=HTMX)
    assert_conflict_answer(second, 1)
    assert kept("note") == [{"body": "Điện thoại hai"}]
    page = text_of(client.get(url))
    assert "Điện thoại một" in page and "Điện thoại hai" in page
    note_id = db.session.scalar(select(Note.id).where(Note.meeting_id == m.id))
    client.post(f"/notes/{note_id}/conflicts/{conflict_id('note')}", data={"choice": "both", "version": "1"})
    assert db.session.get(Note, note_id).body == "Điện thoại một\n\nĐiện thoại hai" and kept("note") == []


def test_a_commitment_from_a_second_phone_keeps_both_texts(client, auth, world):
    url = f"/year/{YEAR}/commitment"
    auth.login("dangvien")
    first = client.post(url, data={"body": "Cam kết gõ trên điện thoại một", "version": "0"}, headers=HTMX)
    assert text_saved(first) == {"version": 1, "status": "saved"}
    second = client.post(url, data={"body": "Cam kết gõ trên điện thoại hai", "version": "0"}, headers=HTMX)
    assert_conflict_answer(second, 1)
    assert kept("commitment") == [{"body": "Cam kết gõ trên điện thoại hai"}]
    page = text_of(client.get(url))
    assert "Cam kết gõ trên điện thoại một" in page and "Cam kết gõ trên điện thoại hai" in page
    client.post(f"{url}/conflicts/{conflict_id('commitment')}", data={"choice": "mine", "version": "1"})
    assert own(Commitment, world, Commitment.body) == "Cam kết gõ trên điện thoại hai"
    assert kept("commitment") == []


def test_a_self_review_from_a_second_phone_keeps_both_texts(client, auth, world):
    """The defect of issue 24: the second phone's status stayed empty, and its words were gone."""
    url = f"/year/{YEAR}/review"
    auth.login("dangvien")
    assert text_saved(client.post(url, data={**REVIEW, "version": "0"}, headers=HTMX))["status"] == "saved"
    second = client.post(url, data={**REVIEW, "ethics": "Bản từ điện thoại hai", "version": "0"}, headers=HTMX)
    assert_conflict_answer(second, 1)
    assert kept("review")[0]["ethics"] == "Bản từ điện thoại hai"
    assert own(SelfReview, world, SelfReview.ethics) == "Giản dị"
    page = text_of(client.get(url))
    assert "Giản dị" in page and "Bản từ điện thoại hai" in page
    # Later autosaves of the second phone, still on its version, follow its typing in the same copy.
    client.post(url, data={**REVIEW, "ethics": "Bản từ điện thoại hai, gõ thêm", "version": "0"}, headers=HTMX)
    assert [texts["ethics"] for texts in kept("review")] == ["Bản từ điện thoại hai, gõ thêm"]
    client.post(f"{url}/conflicts/{conflict_id('review')}", data={"choice": "other", "version": "1"})
    assert own(SelfReview, world, SelfReview.ethics) == "Giản dị" and kept("review") == []


def test_minutes_from_a_second_writer_keep_both_texts(client, auth, world, make):
    make.user("phobithu", cell=world["cell1"], role="deputy", full_name="Trần Thị Phó")
    m = meeting(world["cell1"], status="held", starts_in=timedelta(hours=-3))
    url = f"/meetings/{m.id}/minutes"
    auth.login("bithu")
    client.get(url)
    typed_on = minutes_form(m)
    auth.logout()
    auth.login("phobithu")
    client.post(url, headers=HTMX, data=minutes_form(m, conclusions="Kết luận của phó bí thư."))
    auth.logout()
    auth.login("bithu")
    second = client.post(url, headers=HTMX, data={**typed_on, "conclusions": "Kết luận của bí thư."})
    assert_conflict_answer(second, 1)
    assert kept("minutes")[0]["conclusions"] == "Kết luận của bí thư."
    page = text_of(client.get(url))
    assert "Kết luận của phó bí thư." in page and "Kết luận của bí thư." in page
    client.post(f"{url}/conflicts/{conflict_id('minutes')}", data={"choice": "both", "version": "1"})
    db.session.expire_all()
    assert db.session.scalar(select(Minutes.conclusions).where(Minutes.meeting_id == m.id)) == (
        "Kết luận của phó bí thư.\n\nKết luận của bí thư.")
    assert kept("minutes") == []


def test_a_thu_hoach_from_a_second_phone_keeps_both_texts(client, auth, world):
    from handbook.study.demo import TITLE
    from handbook.study.models import Harvest, Programme

    programme_id = db.session.scalar(select(Programme.id).where(Programme.title == TITLE))
    url = f"/study/{programme_id}/thu-hoach"
    auth.login("dangvien")
    first = client.post(url, data={"body": "Thu hoạch gõ trên điện thoại một", "version": "0"}, headers=HTMX)
    assert text_saved(first) == {"version": 1, "status": "saved"}
    second = client.post(url, data={"body": "Thu hoạch gõ trên điện thoại hai", "version": "0"}, headers=HTMX)
    assert_conflict_answer(second, 1)
    assert kept("harvest") == [{"body": "Thu hoạch gõ trên điện thoại hai"}]
    page = text_of(client.get(url))
    assert "Thu hoạch gõ trên điện thoại một" in page and "Thu hoạch gõ trên điện thoại hai" in page
    client.post(f"{url}/conflicts/{conflict_id('harvest')}", data={"choice": "both", "version": "1"})
    db.session.expire_all()
    assert db.session.scalar(select(Harvest.body).where(
        Harvest.programme_id == programme_id, Harvest.user_id == world["users"]["dangvien"].id)) == (
        "Thu hoạch gõ trên điện thoại một\n\nThu hoạch gõ trên điện thoại hai")
    assert kept("harvest") == []


@pytest.mark.parametrize("kind", ["commitment", "review"])
def test_a_conflict_of_another_text_cannot_be_chosen_from_here(client, auth, world, kind):
    """A kept text is chosen only on its own row: another member's, or another kind's, is 404."""
    auth.login("dangvien")
    client.post(f"/year/{YEAR}/commitment", data={"body": "Một", "version": "0"}, headers=HTMX)
    client.post(f"/year/{YEAR}/commitment", data={"body": "Hai", "version": "0"}, headers=HTMX)
    other = conflict_id("commitment")
    auth.logout()
    auth.login("dangvien2")
    client.post(f"/year/{YEAR}/{kind}", data={"body": "Ba", **REVIEW, "version": "0"}, headers=HTMX)
    response = client.post(f"/year/{YEAR}/{kind}/conflicts/{other}", data={"choice": "mine", "version": "1"})
    assert response.status_code == 404 and kept("commitment") == [{"body": "Hai"}]
