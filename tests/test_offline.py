"""Installable app and meeting pack, seen from the server: the manifest, the worker at the
root, the offline page, what the pack lists for a member, and what may be stored."""

import json
import re
import struct
from datetime import timedelta

from sqlalchemy import select

from handbook.extensions import db
from handbook.meetings.models import Meeting
from handbook.offline.models import OfflineMark
from tests.library_factories import long_document
from tests.meetings.factories import HTMX, meeting


def pack_of(client) -> dict:
    response = client.get("/offline/pack")
    assert response.status_code == 200
    return response.get_json()


def urls(pack) -> dict[str, dict]:
    found = {}
    for entry in pack["entries"]:
        found[entry["url"]] = entry
        for alias in entry["aliases"]:
            found[alias] = entry
    return found


def demo_meeting(world, cell: str, status: str) -> Meeting:
    """The cell's latest demo meeting in this status (cell 1 has closed ones before last month's)."""
    return db.session.scalar(select(Meeting).where(Meeting.cell_id == world[cell].id, Meeting.status == status)
                             .order_by(Meeting.starts_at.desc()))


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_manifest_makes_the_app_installable_with_our_icons(client, world):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200 and response.mimetype == "application/manifest+json"
    manifest = json.loads(response.get_data(as_text=True))
    assert manifest["name"] == "Sổ tay đảng viên điện tử" and manifest["short_name"] == "Sổ tay đảng viên"
    assert manifest["start_url"] == "/" and manifest["scope"] == "/" and manifest["display"] == "standalone"
    assert manifest["theme_color"] == "#b3181e"
    sizes = {}
    for icon in manifest["icons"]:
        with client.get(icon["src"]) as image:
            assert image.status_code == 200 and image.mimetype == "image/png"
            sizes[(icon["sizes"], icon["purpose"])] = png_size(image.data)
    assert sizes == {("192x192", "any"): (192, 192), ("512x512", "any"): (512, 512),
                     ("512x512", "maskable"): (512, 512)}


def test_every_page_links_the_manifest(client, auth, world):
    assert 'rel="manifest" href="/manifest.webmanifest"' in client.get("/login").get_data(as_text=True)
    auth.login("dangvien")
    assert 'rel="manifest" href="/manifest.webmanifest"' in client.get("/").get_data(as_text=True)


def test_worker_is_served_from_the_root_with_the_shell_it_keeps(client, world):
    response = client.get("/sw.js")
    assert response.status_code == 200 and response.mimetype == "text/javascript"
    assert response.headers["Cache-Control"] == "no-cache"  # a new release is seen at once
    assert response.headers["Service-Worker-Allowed"] == "/"
    settings = json.loads(re.match(r"self\.SOTAY = (\{.*?\});\n", response.get_data(as_text=True)).group(1))
    assert settings["offline"] in settings["shell"] and settings["pack"] == "/offline/pack"
    static = [url for url in settings["shell"] if url.startswith("/static/")]
    assert any("css/app.css?v=" in url for url in static) and any("js/app.js?v=" in url for url in static)
    for url in settings["shell"]:
        with client.get(url) as shell_file:
            assert shell_file.status_code == 200, url


def test_offline_page_is_the_same_for_everyone_and_in_vietnamese(client, world):
    page = client.get("/offline")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Chưa có mạng" in html and "Có sẵn trên máy này" in html
    assert "data-offline-account" not in html and "Đăng xuất" not in html


def test_pack_lists_the_members_meeting_its_articles_note_and_last_minutes(client, auth, world):
    auth.login("dangvien")
    pack = pack_of(client)
    listed = urls(pack)
    next_meeting = demo_meeting(world, "cell1", "published")
    last = demo_meeting(world, "cell1", "closed")
    assert listed[f"/meetings/{next_meeting.id}"]["kind"] == "meeting"
    assert listed[f"/meetings/{next_meeting.id}/note"]["kind"] == "note"
    assert listed[f"/meetings/{last.id}"]["kind"] == "meeting"  # its final minutes
    # The agenda links Điều 3 of 08-QĐi/TW: the reader as linked, and as the reader asks for it.
    assert "/library/08-qdi-tw" in listed and "/library/08-qdi-tw?muc=dieu-3" in listed
    assert "/" in listed
    draft = demo_meeting(world, "cell1", "draft")
    other_cell = demo_meeting(world, "cell2", "published")
    for url in listed:
        assert not url.startswith("/admin") and url not in (f"/meetings/{draft.id}", f"/meetings/{other_cell.id}")


def test_pack_validators_are_the_pages_own(client, auth, world):
    """A phone holding the page as listed asks for nothing: the tags must be the pages' ETags."""
    auth.login("dangvien")
    for entry in pack_of(client)["entries"]:
        if entry["etag"]:
            tag = client.get(entry["url"]).headers["ETag"]
            assert tag == f'W/"{entry["etag"]}"', entry["url"]


def test_anonymous_pack_is_empty_and_refused(client, world):
    response = client.get("/offline/pack")
    assert response.status_code == 401 and response.get_json()["entries"] == []


def test_a_cancelled_meeting_leaves_the_pack_and_a_moved_member_loses_it(client, auth, world):
    soon = meeting(world["cell1"], status="published", title="Họp sớm hơn", starts_in=timedelta(days=2))
    auth.login("dangvien")
    assert f"/meetings/{soon.id}" in urls(pack_of(client))
    soon.status = "cancelled"
    db.session.commit()
    assert f"/meetings/{soon.id}" not in urls(pack_of(client))
    nxt = demo_meeting(world, "cell1", "published")
    world["users"]["dangvien"].cell_id = world["cell2"].id
    db.session.commit()
    listed = urls(pack_of(client))
    assert f"/meetings/{nxt.id}" not in listed and f"/meetings/{nxt.id}/note" not in listed
    assert client.get(f"/meetings/{nxt.id}").status_code == 404


def test_marking_a_document_puts_every_page_of_it_in_the_pack(client, auth, world):
    doc = long_document(slug="quy-dinh-dai")
    auth.login("dangvien")
    base = f"/library/{doc.slug}"
    assert base not in urls(pack_of(client))
    response = client.post(f"{base}/offline", headers=HTMX)
    assert response.status_code == 200 and "Đã tải về máy" in response.get_data(as_text=True)
    assert response.headers["HX-Trigger"] == "sotay:pack-changed"
    listed = urls(pack_of(client))
    pages = [url for url in listed if url.startswith(base)]
    assert f"{base}?trang=2" in pages and len(pages) > 3
    assert all(client.get(url).status_code == 200 for url in pages)
    assert "Đã tải về máy" in client.get(base).get_data(as_text=True)
    client.post(f"{base}/offline")  # without htmx: back to the reader
    assert base not in urls(pack_of(client))
    assert db.session.scalar(select(OfflineMark)) is None


def test_the_toggle_is_in_the_library_list(client, auth, world):
    auth.login("dangvien")
    html = client.get("/library").get_data(as_text=True)
    assert "Tải về để đọc khi không có mạng" in html and 'action="/library/08-qdi-tw/offline"' in html


def test_the_server_marks_only_pack_pages_as_storable_and_names_the_login(client, auth, world):
    auth.login("capuy")
    for path in ("/admin/members", "/admin/members.csv", "/notes", "/account/password"):
        response = client.get(path)
        assert "X-Offline-Pack" not in response.headers, path
    client.post("/logout")
    assert "X-Offline-Pack" not in client.get("/login").headers
    auth.login("dangvien")
    key = client.get("/").headers["X-Offline-Pack"]
    nxt = demo_meeting(world, "cell1", "published")
    for path in (f"/meetings/{nxt.id}", f"/meetings/{nxt.id}/note", "/library/08-qdi-tw"):
        assert client.get(path).headers["X-Offline-Pack"] == key
    assert pack_of(client)["account"] == key
    client.post("/logout")
    auth.login("dangvien")  # a new login on the same phone is a new name: nothing older is shown
    assert client.get("/").headers["X-Offline-Pack"] != key


def test_the_pack_keeps_the_offline_page_as_the_member_sees_it(client, auth, world):
    """Shown for a page the phone lacks (a bottom tab, a form not sent), it keeps the app's bars;
    the one in the shell, for nobody, has none."""
    auth.login("dangvien")
    entry = urls(pack_of(client))["/offline"]
    assert entry["kind"] == "offline"
    own = client.get("/offline")
    html = own.get_data(as_text=True)
    assert own.headers["X-Offline-Pack"] == pack_of(client)["account"]
    assert 'aria-label="Điều hướng chính"' in html and "data-tab-kinds" in html
    assert "/meetings" in html and "/notes" in html and "/library" in html
