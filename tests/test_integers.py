"""Numbers past what an id column holds, in an address, a filter or a form: a 404, an ignored
filter or a Vietnamese message, never a 500 (tests/test_hostile_input.py walks every route)."""

import random
import re

from sqlalchemy import select

from handbook.extensions import db
from handbook.integers import MAX_INT, IdConverter, bounded_int, id_or_none
from handbook.notes.models import Note
from tests import notes_factories as nf
from tests.conftest import text_of

HX = {"HX-Request": "true"}


def test_the_address_pattern_holds_exactly_the_ids_from_1_to_2_31_minus_1():
    pattern = re.compile(IdConverter.regex)
    rng = random.Random(23)
    edges = [0, 1, 9, 10, 99, 100, MAX_INT - 1, MAX_INT, MAX_INT + 1, 2**32, 2**63, 2**64]
    near = [MAX_INT + rng.randint(-10**6, 10**6) for _ in range(20_000)]
    for n in [*edges, *near, *(rng.randint(0, 10**11) for _ in range(20_000))]:
        assert bool(pattern.fullmatch(str(n))) == (1 <= n <= MAX_INT), n
    for text in ("007", "-1", "+1", "1e3", "١٢", " 1"):
        assert not pattern.fullmatch(text), text


def test_bounded_int_reads_only_ascii_integers_in_range():
    assert bounded_int(" 42 ") == 42 and bounded_int(str(MAX_INT)) == MAX_INT
    assert bounded_int("0", minimum=0) == 0
    for bad in ("0", "-1", str(MAX_INT + 1), str(2**63), "1" * 5000, "١٢", "4.0", "", "x", None, True):
        assert id_or_none(bad) is None, bad


def test_a_meeting_past_the_id_column_is_a_404_for_its_member(client, auth, world):
    auth.login("dangvien")
    for path in ("/meetings/2147483648", "/meetings/9223372036854775808", "/meetings/18446744073709551616",
                 "/meetings/0", "/meetings/-1"):
        assert client.get(path).status_code == 404, path


def test_a_note_saved_on_a_version_past_the_column_is_told_in_vietnamese_and_nothing_is_saved(client, auth, world):
    meeting = nf.meeting(world["cell1"])
    auth.login("dangvien")
    url = f"/meetings/{meeting.id}/note"
    for version in (str(2**31), str(2**63), "-1"):
        response = client.post(url, data={"body": "Ý kiến", "version": version})
        assert response.status_code == 422, version
        assert "Phiên bản ghi chép không hợp lệ" in text_of(response)
        # The autosave (htmx) shows the same sentence in its status line.
        autosave = client.post(url, data={"body": "Ý kiến", "version": version}, headers=HX)
        assert "Phiên bản ghi chép không hợp lệ" in text_of(autosave)
    assert db.session.scalar(select(Note).where(Note.meeting_id == meeting.id)) is None


def test_a_filter_past_the_column_is_ignored_as_an_unknown_one(client, auth, world):
    auth.login("capuy")
    plain = client.get("/year/model-cells")
    for org in (str(2**31), str(2**63), "-5"):
        response = client.get(f"/year/model-cells?org={org}")
        assert response.status_code == plain.status_code == 200
        assert text_of(response) == text_of(plain)
    assert client.get(f"/admin/members?trang={2**63}").status_code == 200


def test_a_rating_naming_a_member_past_the_column_is_refused_with_a_sentence(client, auth, world):
    from handbook.year.access import this_year

    auth.login("bithu")
    url = f"/year/{this_year() - 1}/cells/{world['cell1'].id}/ratings"
    for member_id in (str(2**31), str(2**63), "-3"):
        response = client.post(url, data={"member_id": member_id, "level": "good", "conduct": "good"},
                               follow_redirects=True)
        assert response.status_code == 200
        assert f"không sinh hoạt ở chi bộ {world['cell1'].name}" in text_of(response)
