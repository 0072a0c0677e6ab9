"""Pages own their caching (handbook/conditional.py): a revisit is told 304 while nothing the page
shows has changed, and gets the new page with a new ETag after any change — made by another
person on another phone, so the member's login (part of every ETag) stays the same. The meeting
page's cached parts follow the same version, so no change is ever served stale."""

from datetime import timedelta

from sqlalchemy import select, update

from handbook.extensions import db
from handbook.library.models import Section
from handbook.meetings.models import AgendaItem, AgendaLink
from tests.conftest import Auth, text_of
from tests.meetings.factories import HTMX, meeting, section
from tests.meetings.minutes.test_minutes import complete


def secretary_phone(app):
    """bithu, logged in on a phone of her own."""
    phone = app.test_client()
    Auth(phone).login("bithu")
    return phone


def revisit(client, path, tag):
    return client.get(path, headers={"If-None-Match": tag})


def assert_changed(client, path, tag, shown: str) -> str:
    """The revisit gets the page, showing `shown`, under a new ETag that is good for the next one."""
    again = revisit(client, path, tag)
    assert again.status_code == 200 and shown in text_of(again)
    assert again.headers["ETag"] not in (None, tag)
    assert revisit(client, path, again.headers["ETag"]).status_code == 304
    return again.headers["ETag"]


def test_the_secretary_editing_an_item_reaches_the_member_at_once(app, client, auth, world):
    m = meeting(world["cell1"], status="published")
    item_id, seq = m.items[1].id, m.edit_seq
    auth.login("dangvien")
    path = f"/meetings/{m.id}"
    tag = client.get(path).headers["ETag"]
    assert revisit(client, path, tag).status_code == 304
    secretary_phone(app).post(f"/meetings/{m.id}/items/{item_id}", headers=HTMX,
                              data={"title": "Thảo luận nghị quyết mới", "seq": seq})
    assert_changed(client, path, tag, "Thảo luận nghị quyết mới")


def test_minutes_signed_reach_the_member_at_once(app, client, auth, world):
    m = meeting(world["cell1"], status="held", starts_in=timedelta(hours=-3))
    auth.login("dangvien")
    path = f"/meetings/{m.id}"
    tag = client.get(path).headers["ETag"]
    phone = app.test_client()
    complete(phone, Auth(phone), m)
    # dangvien signed on the other phone (a new login there); this phone's login is unchanged.
    assert_changed(client, path, tag, "Chi bộ hoàn thành nhiệm vụ.")


def test_another_members_answer_reaches_the_secretarys_page(app, client, auth, world):
    m = meeting(world["cell1"], status="published")
    phone = secretary_phone(app)
    path = f"/meetings/{m.id}"
    tag = phone.get(path).headers["ETag"]
    auth.login("dangvien2")
    client.post(f"/meetings/{m.id}/rsvp", data={"answer": "no", "reason": "Đi công tác tỉnh"})
    assert revisit(phone, path, tag).status_code == 200


def test_a_linked_articles_new_heading_is_never_served_stale(client, auth, world):
    """A re-import renames the article the agenda links: the page's parts (rendered once for all
    readers) and its ETag move together, with no time limit to wait out."""
    m = meeting(world["cell1"], status="published")
    linked = section()
    db.session.add(AgendaLink(item_id=m.items[0].id, section_id=linked.id))
    db.session.commit()
    auth.login("dangvien")
    path = f"/meetings/{m.id}"
    first = client.get(path)
    assert "Trách nhiệm nêu gương" in text_of(first)
    db.session.execute(update(Section).where(Section.id == linked.id).values(heading="Trách nhiệm gương mẫu"))
    db.session.commit()
    assert_changed(client, path, first.headers["ETag"], "Trách nhiệm gương mẫu")


def test_an_article_linked_only_by_another_meeting_leaves_this_page_alone(client, auth, world):
    """The tag sums the versions of the documents this meeting's agenda links, not of every
    document any meeting links (which on a province read every agenda on each visit)."""
    m = meeting(world["cell1"], status="published")
    other = meeting(world["cell1"], status="published", starts_in=timedelta(days=40))
    linked = section()
    db.session.add(AgendaLink(item_id=other.items[0].id, section_id=linked.id))
    db.session.commit()
    auth.login("dangvien")
    path = f"/meetings/{m.id}"
    tag = client.get(path).headers["ETag"]
    db.session.execute(update(Section).where(Section.id == linked.id).values(heading="Trách nhiệm gương mẫu"))
    db.session.commit()
    assert revisit(client, path, tag).status_code == 304
    assert "Trách nhiệm gương mẫu" in text_of(client.get(f"/meetings/{other.id}"))


def test_a_bulk_change_is_seen_by_the_cached_parts(client, auth, world):
    """Rows changed by a statement that never passes through the ORM still move the version."""
    m = meeting(world["cell1"], status="published")
    auth.login("dangvien")
    path = f"/meetings/{m.id}"
    tag = client.get(path).headers["ETag"]
    db.session.execute(update(AgendaItem).where(AgendaItem.meeting_id == m.id, AgendaItem.position == 2)
                       .values(title="Bàn việc trồng cây"))
    db.session.commit()
    assert_changed(client, path, tag, "Bàn việc trồng cây")
    assert "Bàn việc trồng cây" in text_of(client.get(path))  # and from the parts cache, once rendered


def test_a_note_saved_on_another_phone_reaches_this_one(app, client, auth, world):
    m = meeting(world["cell1"], status="published")
    auth.login("dangvien")
    path = f"/meetings/{m.id}/note"
    tag = client.get(path).headers["ETag"]
    assert revisit(client, path, tag).status_code == 304
    other = app.test_client()
    Auth(other).login("dangvien")
    other.post(path, data={"body": "Ghi trên máy tính bảng", "version": 0}, headers=HTMX)
    assert_changed(client, path, tag, "Ghi trên máy tính bảng")


def test_a_text_kept_beside_the_note_reaches_the_other_phone(app, client, auth, world):
    """A stale save changes no column of the note (the editor keeps its text beside it), yet the
    note's page now shows both texts: a revisit must not be told 304."""
    m = meeting(world["cell1"], status="published")
    auth.login("dangvien")
    path = f"/meetings/{m.id}/note"
    client.post(path, data={"body": "Bản đầu", "version": 0}, headers=HTMX)
    other = app.test_client()
    Auth(other).login("dangvien")
    other.post(path, data={"body": "Bản của máy tính bảng", "version": 1}, headers=HTMX)
    tag = other.get(path).headers["ETag"]
    assert revisit(other, path, tag).status_code == 304
    client.post(path, data={"body": "Bản của điện thoại", "version": 1}, headers=HTMX)
    assert_changed(other, path, tag, "Bản của điện thoại")


def test_a_documents_new_text_reaches_the_reader(client, auth, world):
    auth.login("dangvien")
    path = "/library/08-qdi-tw"
    tag = client.get(path).headers["ETag"]
    assert revisit(client, path, tag).status_code == 304
    first = db.session.scalar(select(Section).join(Section.document).where(Section.anchor == "dieu-3")
                              .where(Section.document.has(slug="08-qdi-tw")))
    first.text = "Đảng viên nói đi đôi với làm, gương mẫu trước quần chúng."
    db.session.commit()
    assert_changed(client, path, tag, "nói đi đôi với làm")


def test_the_304_is_answered_before_the_page_is_drawn(app, client, auth, world):
    """Revisiting costs the page's one statement, which reads the member's own version too, the
    login taken from the worker's checked copy (the note's page as the others); no template is
    drawn."""
    from tests.test_offline_revalidation import counting

    m = meeting(world["cell1"], status="published")
    auth.login("dangvien")
    for path, statements in ((f"/meetings/{m.id}", 1), (f"/meetings/{m.id}/note", 1), ("/library/08-qdi-tw", 1)):
        tag = client.get(path).headers["ETag"]
        with counting(app) as seen:
            assert revisit(client, path, tag).status_code == 304
        assert seen == {"statements": statements, "templates": 0}, path


def test_a_first_opening_reads_the_validator_again_once_after_its_receipt(client, auth, world):
    """The first opening writes the member's read receipt (a commit, after which a version the
    page keys its caches on may have moved): the page's row is read again once, not once each
    time the page asks for it (the view, its shared parts, the review's tasks, the tag taken
    after the write): five reads before, two now. The tag it gives holds for the revisit."""
    from tests.test_load_queries import statements

    m = meeting(world["cell1"], status="published")
    auth.login("dangvien")
    with statements() as seen:
        first = client.get(f"/meetings/{m.id}")
    assert first.status_code == 200
    assert any(s.startswith("INSERT INTO read_receipt") for s in seen)  # the first opening, indeed
    page_row = "SELECT meeting.id, meeting.cell_id, meeting.status, meeting.checkin_code"
    validator = [s for s in seen if s.startswith(page_row)]
    assert len(validator) == 2, seen
    # Nor is the member read again: the receipt's commit keeps what the request had read.
    assert not [s for s in seen if s.replace('"', "").startswith("SELECT user.id AS user_id")], seen
    assert client.get(f"/meetings/{m.id}", headers={"If-None-Match": first.headers["ETag"]}).status_code == 304
