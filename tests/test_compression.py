"""Responses travel compressed (brotli, zstd or gzip, as the browser accepts), and only when that helps."""

import gzip
from pathlib import Path

import brotli
import pytest

BROWSER = {"Accept-Encoding": "gzip, deflate, br"}  # what an older phone browser sends
GZIP_ONLY = {"Accept-Encoding": "gzip"}
DECODE = {"br": brotli.decompress, "gzip": gzip.decompress}


@pytest.mark.parametrize("accept, encoding", [(BROWSER, "br"), (GZIP_ONLY, "gzip")])
def test_pages_are_compressed_for_browsers_that_accept_it(client, auth, world, accept, encoding):
    auth.login("dangvien")
    response = client.get("/", headers=accept)
    assert response.headers["Content-Encoding"] == encoding
    assert "Accept-Encoding" in response.headers["Vary"]
    assert "Cookie" in response.headers["Vary"]  # the page's own Vary is kept
    html = DECODE[encoding](response.get_data()).decode()
    assert "Xin chào đồng chí" in html
    assert int(response.headers["Content-Length"]) == len(response.get_data())


def test_pages_stay_plain_without_accept_encoding(client, auth, world):
    auth.login("dangvien")
    response = client.get("/")
    assert "Content-Encoding" not in response.headers
    assert "Xin chào đồng chí" in response.get_data(as_text=True)
    assert "Accept-Encoding" in response.headers["Vary"]


def test_an_encoding_refused_with_zero_quality_is_not_sent(client):
    response = client.get("/login", headers={"Accept-Encoding": "gzip;q=0, identity"})
    assert "Content-Encoding" not in response.headers


def test_tiny_bodies_are_not_compressed(client):
    response = client.get("/healthz", headers=BROWSER)
    assert "Content-Encoding" not in response.headers
    assert response.get_data(as_text=True) == "ok"


@pytest.mark.parametrize("path", ["css/app.css", "js/app.js", "vendor/htmx-2.0.11.min.js"])
@pytest.mark.parametrize("accept, encoding", [(BROWSER, "br"), (GZIP_ONLY, "gzip")])
def test_static_text_files_are_compressed_and_kept_a_year(client, app, path, accept, encoding):
    original = (Path(app.static_folder) / path).read_bytes()
    response = client.get(f"/static/{path}?v=1", headers=accept)
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == encoding
    assert DECODE[encoding](response.get_data()) == original
    assert response.headers["ETag"].endswith(f':{encoding}"')  # one validator per encoding
    assert "max-age=31536000" in response.headers["Cache-Control"]
    # The second request is served from the compressed copy, byte for byte the same.
    again = client.get(f"/static/{path}?v=1", headers=accept)
    assert again.get_data() == response.get_data()


def test_static_revalidation_with_the_encoded_etag_answers_304(client):
    first = client.get("/static/css/app.css", headers=BROWSER)
    first.close()
    again = client.get("/static/css/app.css", headers={**BROWSER, "If-None-Match": first.headers["ETag"]})
    again.close()
    assert again.status_code == 304
    assert again.get_data() == b""


def test_already_compressed_types_are_left_alone(other_app):
    fresh = other_app()

    @fresh.get("/__png")
    def png():
        return b"\x89PNG" + b"\0" * 2000, 200, {"Content-Type": "image/png"}

    response = fresh.test_client().get("/__png", headers=BROWSER)
    assert "Content-Encoding" not in response.headers
    assert len(response.get_data()) == 2004


def test_range_requests_get_the_plain_bytes(client):
    with client.get("/static/css/app.css", headers={**BROWSER, "Range": "bytes=0-99"}) as response:
        assert response.status_code == 206
        assert "Content-Encoding" not in response.headers
        assert len(response.get_data()) == 100


def test_a_static_file_too_small_to_compress_is_served_every_time(client, app):
    """Below the threshold the file goes out as it is, the second time as the first."""
    name = next(p.name for p in (Path(app.static_folder) / "img").iterdir() if p.stat().st_size < 500)
    first, second = (client.get(f"/static/img/{name}", headers=BROWSER) for _ in range(2))
    assert first.status_code == second.status_code == 200
    assert "Content-Encoding" not in second.headers
    assert second.get_data() == first.get_data() == (Path(app.static_folder) / "img" / name).read_bytes()
