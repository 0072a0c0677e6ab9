"""Files in shared storage: document originals and CSV previews live in the database, so any
application server can answer for them; previews nobody confirms are purged by age."""

import io
import os
import re
from datetime import timedelta

from sqlalchemy import func, select, update
from sqlalchemy.exc import OperationalError

from handbook import storage
from handbook.admin.messages import PREVIEW_EXPIRED
from handbook.admin.previews import PREFIX, purge_stale_previews
from handbook.auth.models import User
from handbook.extensions import db
from handbook.library.models import Document
from handbook.models_base import utcnow
from handbook.storage import StoredFile, store
from tests.conftest import text_of
from tests.library_factories import regulation_text
from tests.test_admin_import import GOOD, _csv, _upload


def _files(prefix: str = "") -> list[str]:
    return list(db.session.scalars(select(StoredFile.key).where(StoredFile.key.startswith(prefix))))


def _token(preview) -> str:
    return re.search(r'name="token" value="([^"]+)"', preview.get_data(as_text=True)).group(1)


def _nothing_on_disk(app) -> bool:
    folder = app.config["UPLOAD_FOLDER"]
    return not any(files for _, _, files in os.walk(folder))


def test_store_puts_gets_and_deletes_by_key(app):
    store.put("x/a", b"\x00\x01bytes")
    assert store.get("x/a") == b"\x00\x01bytes" and store.get("x/b") is None
    store.put("x/a", b"new")  # the same key again replaces the bytes
    assert store.get("x/a") == b"new"
    store.delete("x/a")
    assert store.get("x/a") is None


def test_csv_preview_is_kept_in_the_database_and_confirmed_from_it(app, client, auth, world):
    auth.login("capuy")
    preview = _upload(client, _csv(*GOOD))
    assert preview.status_code == 200
    assert _files(PREFIX) == [PREFIX + _token(preview)] and _nothing_on_disk(app)
    done = client.post("/admin/import/confirm", data={"token": _token(preview)})
    assert done.status_code == 200
    assert db.session.scalar(select(func.count()).select_from(User).where(User.card_number == "93100001")) == 1
    assert _files(PREFIX) == []  # the preview ends with the import


def test_purge_removes_only_previews_older_than_asked(client, auth, world):
    auth.login("capuy")
    old = _token(_upload(client, _csv(GOOD[0])))
    db.session.execute(update(StoredFile).where(StoredFile.key == PREFIX + old)
                       .values(created_at=utcnow() - timedelta(hours=3)))
    store.put("library/ancient.txt", b"an original, as old as the stale preview")
    db.session.execute(update(StoredFile).where(StoredFile.key == "library/ancient.txt")
                       .values(created_at=utcnow() - timedelta(hours=3)))
    db.session.commit()
    assert purge_stale_previews(timedelta(hours=2)) == 1
    db.session.commit()
    assert _files(PREFIX) == [] and _files("library/") == ["library/ancient.txt"]


def test_purged_preview_asks_for_the_file_again(client, auth, world):
    auth.login("capuy")
    token = _token(_upload(client, _csv(*GOOD)))
    assert purge_stale_previews(timedelta(0)) == 1
    db.session.commit()
    response = client.post("/admin/import/confirm", data={"token": token}, follow_redirects=True)
    assert PREVIEW_EXPIRED in text_of(response)
    assert db.session.scalar(select(func.count()).select_from(User).where(User.card_number == "93100001")) == 0


def _import(client, text: str, name: str = "quy-dinh.txt", **fields):
    data = {"file": (io.BytesIO(text.encode()), name), "org_id": "0", "on_duplicate": "", **fields}
    return client.post("/library/import", data=data, content_type="multipart/form-data")


def test_original_is_downloaded_as_uploaded(app, client, auth, world):
    auth.login("capuy")
    text = regulation_text(5)
    assert _import(client, text, name="quy-định 12.txt").status_code == 302
    document = db.session.scalar(select(Document).where(Document.number == "12-QĐ/ĐUK"))
    assert _nothing_on_disk(app) and document.original_path in _files("library/")
    auth.logout()
    auth.login("dangvien")
    reader = client.get(f"/library/{document.slug}")
    assert f"/library/{document.slug}/ban-goc" in reader.get_data(as_text=True)
    response = client.get(f"/library/{document.slug}/ban-goc")
    assert response.status_code == 200 and response.get_data() == text.encode()
    assert "attachment" in response.headers["Content-Disposition"]
    assert "quy-%C4%91%E1%BB%8Bnh%2012.txt" in response.headers["Content-Disposition"]


def test_replacing_a_document_replaces_its_original(client, auth, world):
    auth.login("capuy")
    _import(client, regulation_text(5))
    first = db.session.scalar(select(Document.original_path).where(Document.number == "12-QĐ/ĐUK"))
    _import(client, regulation_text(6), on_duplicate="replace")
    document = db.session.scalar(select(Document).where(Document.number == "12-QĐ/ĐUK"))
    assert _files("library/") == [document.original_path] and document.original_path != first
    assert client.get(f"/library/{document.slug}/ban-goc").get_data() == regulation_text(6).encode()


def test_storage_outage_on_download_answers_503_in_vietnamese(client, auth, world, monkeypatch):
    auth.login("capuy")
    _import(client, regulation_text(5))
    slug = db.session.scalar(select(Document.slug).where(Document.number == "12-QĐ/ĐUK"))

    def unreachable(self, key):
        with storage._answering():
            raise OperationalError("SELECT data FROM stored_file", {}, ConnectionError("connection refused"))

    monkeypatch.setattr(storage.DatabaseStore, "get", unreachable)
    response = client.get(f"/library/{slug}/ban-goc")
    assert response.status_code == 503 and response.headers["Retry-After"]
    assert "tạm thời gián đoạn" in text_of(response) and "vẫn an toàn" in text_of(response)
