"""Two application servers behind HAProxy, round-robin, no sticky sessions: a member's and an
admin's journeys land on both, and one server dying mid-autosave loses no text.

Needs PostgreSQL (the nodes share TEST_DATABASE_URL's database; SQLite is one file on one
machine) and Debian's haproxy: skipped without them, except that CI=true makes a missing
haproxy a failure, as for Chromium.
"""

import io
import os
import re
import time

import pytest
import requests
from sqlalchemy import select
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from handbook.auth.models import User
from handbook.extensions import db
from handbook.library.models import Document, Section
from handbook.notes.models import Note
from handbook.storage import StoredFile
from tests.cluster import Cluster, Visitor, haproxy_path
from tests.conftest import PG_URL, text_saved
from tests.library_factories import regulation_text
from tests.test_admin_import import GOOD, _csv

pytestmark = pytest.mark.two_nodes
NOTE = "/library/08-qdi-tw/sections/dieu-3/note"


@pytest.fixture
def cluster(app, world, tmp_path):
    if not PG_URL:
        pytest.skip("two nodes share a PostgreSQL database: set TEST_DATABASE_URL")
    haproxy = haproxy_path()
    if haproxy is None:
        if os.environ.get("CI") == "true":
            pytest.fail("haproxy is not installed: CI must run the two-node test (apt-get install haproxy)")
        pytest.skip("haproxy not installed (Debian's 'haproxy' package)")
    db.session.commit()  # the demo deployment, for the nodes to read
    running = Cluster(tmp_path, app.config["SQLALCHEMY_DATABASE_URI"], haproxy)
    try:
        running.start()
        yield running
    finally:
        running.stop()
        db.session.remove()


def node(response) -> str:
    return response.headers["X-Node"]


def _autosave(visitor: Visitor, body: str, version: str, attempts: int = 20):
    """What the page's script does: on a failed save, the same text again, a moment later."""
    for _ in range(attempts):
        try:
            response = visitor.post(NOTE, {"body": body, "version": version}, htmx=True)
        except requests.ConnectionError:
            response = None
        if response is not None and response.status_code == 200:
            return response
        time.sleep(0.1)
    raise AssertionError(f"autosave of {body!r} never got through")


def _note_body() -> str:
    db.session.expire_all()
    return db.session.scalar(select(Note.body).join(User).join(Section).join(Document).where(
        User.username == "dangvien", Document.slug == "08-qdi-tw", Section.anchor == "dieu-3"))


def test_member_and_admin_journeys_on_two_nodes(cluster):
    member = Visitor(cluster.url)
    login = member.login("dangvien")
    assert login.status_code == 302
    home = member.get("/")  # the next request: the other server knows the login
    assert home.status_code == 200 and node(home) != node(login)
    # The balancer names each request; the app answers (and logs) with that id.
    assert re.fullmatch(r"[0-9a-fA-F-]{36}", home.headers["X-Request-ID"])

    # Autosaves land on both servers, each on top of the version the other one wrote.
    member.get(NOTE)
    version, nodes = "0", set()
    for n in range(1, 5):
        saved = _autosave(member, f"Ghi chép lần {n}", version)
        version, nodes = str(text_saved(saved)["version"]), nodes | {node(saved)}
    assert nodes == {"node1", "node2"} and _note_body() == "Ghi chép lần 4"

    admin = Visitor(cluster.url)
    admin.login("capuy")
    # A CSV previewed on one server, confirmed on the other.
    admin.get("/admin/import")
    boundary, body = encode_multipart({"csrf_token": admin.csrf, "file": FileStorage(
        io.BytesIO(_csv(*GOOD)), filename="ds.csv", content_type="text/csv")})
    preview = admin.http.post(cluster.url + "/admin/import", data=body, allow_redirects=False, timeout=10,
                              headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert preview.status_code == 200
    token = re.search(r'name="token" value="([^"]+)"', preview.text).group(1)
    cluster.after(node(preview))
    done = admin.post("/admin/import/confirm", {"token": token})
    assert done.status_code == 200 and node(done) != node(preview)
    assert len(re.findall(r'<code class="otp">', done.text)) == 2

    # A document imported on one server, read and downloaded from the other.
    text = regulation_text(4, number="31-QĐ/ĐUK")
    admin.get("/library/import")
    imported = admin.post("/library/import", {"org_id": "0", "on_duplicate": ""},
                          files={"file": ("quy-dinh-31.txt", text.encode(), "text/plain")})
    assert imported.status_code == 302
    slug = imported.headers["Location"].rstrip("/").rsplit("/", 1)[-1]
    cluster.after(node(imported))
    download = admin.get(f"/library/{slug}/ban-goc")
    assert download.status_code == 200 and download.content == text.encode()
    assert node(download) != node(imported)

    # Each server has rendered the reader (and cached its layout); a re-import on one is seen
    # on both at once, since cache keys come from the database.
    readers = [admin.get(f"/library/{slug}") for _ in range(2)]
    assert {node(r) for r in readers} == {"node1", "node2"}
    changed = regulation_text(4, number="31-QĐ/ĐUK", extra={2: "Nội dung Điều 2 đã được sửa đổi."})
    admin.get("/library/import")
    admin.post("/library/import", {"org_id": "0", "on_duplicate": "replace"},
               files={"file": ("quy-dinh-31.txt", changed.encode(), "text/plain")})
    readers = [admin.get(f"/library/{slug}") for _ in range(2)]
    assert {node(r) for r in readers} == {"node1", "node2"}
    assert all("Nội dung Điều 2 đã được sửa đổi." in r.text for r in readers)

    # Nothing of it was kept on a server's disk.
    assert all(not any(files for _, _, files in os.walk(n.instance)) for n in cluster.nodes)
    db.session.expire_all()
    assert db.session.scalar(select(Document.original_path).where(Document.slug == slug)) in \
        db.session.scalars(select(StoredFile.key)).all()


def test_a_node_dying_mid_autosave_burst_loses_no_text(cluster):
    member = Visitor(cluster.url)
    member.login("dangvien")
    member.get(NOTE)
    version, text, after_crash = "0", "", set()
    for n in range(1, 31):
        text += f" câu {n}."
        if n == 11:
            cluster.nodes[1].kill()
        saved = _autosave(member, text.strip(), version)
        version = str(text_saved(saved)["version"])
        if n > 11:
            after_crash.add(node(saved))
    assert after_crash == {"node1"}  # every save after the crash went to the survivor
    assert _note_body() == text.strip()  # the last text typed is the one stored
