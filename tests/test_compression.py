"""Responses travel gzipped to browsers that accept it, and only when that helps."""

import gzip

import pytest

GZIP = {"Accept-Encoding": "gzip, deflate, br"}


def test_pages_are_gzipped_for_browsers_that_accept_it(client, auth, world):
    auth.login("dangvien")
    response = client.get("/", headers=GZIP)
    assert response.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response.headers["Vary"]
    html = gzip.decompress(response.get_data()).decode()
    assert "Xin chào đồng chí" in html
    assert int(response.headers["Content-Length"]) == len(response.get_data())


def test_pages_stay_plain_without_accept_encoding(client, auth, world):
    auth.login("dangvien")
    response = client.get("/")
    assert "Content-Encoding" not in response.headers
    assert "Xin chào đồng chí" in response.get_data(as_text=True)
    assert "Accept-Encoding" in response.headers["Vary"]


def test_gzip_refused_with_zero_quality_is_not_sent(client):
    response = client.get("/login", headers={"Accept-Encoding": "gzip;q=0, identity"})
    assert "Content-Encoding" not in response.headers


def test_tiny_bodies_are_not_compressed(client):
    response = client.get("/healthz", headers=GZIP)
    assert "Content-Encoding" not in response.headers
    assert response.get_data(as_text=True) == "ok"


@pytest.mark.parametrize("path", ["css/app.css", "js/app.js", "vendor/htmx-2.0.11.min.js"])
def test_static_text_files_are_gzipped_with_a_weak_etag(client, app, path):
    with open(f"{app.static_folder}/{path}", "rb") as f:
        original = f.read()
    response = client.get(f"/static/{path}?v=1", headers=GZIP)
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.get_data()) == original
    assert response.headers["ETag"].startswith('W/"')
    assert "max-age=31536000" in response.headers["Cache-Control"]
    # The second request is served from the in-memory copy, byte for byte the same.
    again = client.get(f"/static/{path}?v=1", headers=GZIP)
    assert again.get_data() == response.get_data()


def test_static_revalidation_with_the_weak_etag_answers_304(client):
    first = client.get("/static/css/app.css", headers=GZIP)
    first.close()
    again = client.get("/static/css/app.css", headers={**GZIP, "If-None-Match": first.headers["ETag"]})
    again.close()
    assert again.status_code == 304


def test_already_compressed_types_are_left_alone(other_app):
    fresh = other_app()

    @fresh.get("/__png")
    def png():
        return b"\x89PNG" + b"\0" * 2000, 200, {"Content-Type": "image/png"}

    response = fresh.test_client().get("/__png", headers=GZIP)
    assert "Content-Encoding" not in response.headers
    assert len(response.get_data()) == 2004


def test_range_requests_get_the_plain_bytes(client):
    with client.get("/static/css/app.css", headers={**GZIP, "Range": "bytes=0-99"}) as response:
        assert response.status_code == 206
        assert "Content-Encoding" not in response.headers
        assert len(response.get_data()) == 100


def test_a_static_file_too_small_to_compress_is_served_every_time(client, app):
    """Below the gzip threshold the file goes out as it is, the second time as the first."""
    from pathlib import Path

    name = next(p.name for p in (Path(app.static_folder) / "img").iterdir() if p.stat().st_size < 500)
    first, second = (client.get(f"/static/img/{name}", headers={"Accept-Encoding": "gzip"}) for _ in range(2))
    assert first.status_code == second.status_code == 200
    assert "Content-Encoding" not in second.headers
    assert second.get_data() == first.get_data() == (Path(app.static_folder) / "img" / name).read_bytes()
