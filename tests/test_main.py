"""Home page, navigation, health check and error pages."""

import pytest

from tests.conftest import text_of

NAV = ["Trang chủ", "Thư viện", "Lịch họp", "Ghi chép", "Tài khoản"]


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.get_data(as_text=True) == "ok"


@pytest.mark.parametrize("username", ["capuy", "bithu", "dangvien", "dangvien2", "dangvien3"])
def test_each_demo_account_sees_home_with_navigation(client, auth, world, username):
    auth.login(username)
    response = client.get("/")
    assert response.status_code == 200
    page = text_of(response)
    assert "Xin chào đồng chí" in page
    for label in NAV:
        assert label in page
    assert '<html lang="vi"' in response.get_data(as_text=True)


def test_only_admins_see_the_admin_link(client, auth, world):
    auth.login("capuy")
    assert "Quản trị" in text_of(client.get("/"))
    auth.logout()
    auth.login("dangvien")
    assert "Quản trị" not in text_of(client.get("/"))


def test_404_page_is_vietnamese(client):
    response = client.get("/khong-co-trang-nay")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in text_of(response)


def test_500_page_hides_the_traceback(other_app):
    fresh = other_app()

    @fresh.get("/__boom")
    def boom():
        raise RuntimeError("secret internals")

    response = fresh.test_client().get("/__boom")
    assert response.status_code == 500
    assert "Có lỗi xảy ra" in text_of(response)
    assert "secret internals" not in response.get_data(as_text=True)
    assert "Traceback" not in response.get_data(as_text=True)


def test_static_files_have_hashed_urls_and_long_cache(client, auth, world):
    auth.login("dangvien")
    html = client.get("/").get_data(as_text=True)
    assert "/static/css/app.css?v=" in html
    response = client.get("/static/css/app.css?v=x")
    assert "max-age=31536000" in response.headers["Cache-Control"]
    response.close()


def test_stylesheet_blocks_are_balanced():
    """A lost brace silently moves every later rule into the block above (e.g. print only)."""
    from pathlib import Path

    depth = 0
    for number, line in enumerate((Path(__file__).parents[1] / "static/css/app.css").read_text().splitlines(), 1):
        depth += line.count("{") - line.count("}")
        assert depth >= 0, f"unbalanced '}}' at line {number}"
        if line.startswith("/* ---"):
            assert depth == 0, f"section at line {number} starts inside a block"
    assert depth == 0
