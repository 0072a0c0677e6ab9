"""Logging out clears what the browser held for the site (Clear-Site-Data), not only what our
script knows of, and the app comes back installable and usable offline on the login page."""

import pytest

from tests.e2e.browser import login, logout

pytestmark = pytest.mark.e2e

SHELL_READY = """async () => {
    await navigator.serviceWorker.ready;
    for (let i = 0; i < 50; i++) {
        const names = await caches.keys();
        if (names.some(name => name.startsWith("sotay-shell-"))) return names;
        await new Promise(resolve => setTimeout(resolve, 100));
    }
    return await caches.keys();
}"""


def test_logout_leaves_nothing_of_the_site_on_the_phone_but_a_fresh_app_shell(page, live_server):
    live_server.create_user("e2e-clear-device")
    login(page, "e2e-clear-device")
    page.evaluate(SHELL_READY)
    # Whatever a page or a library kept, under any name: the server's header clears it too.
    page.evaluate("() => { localStorage.setItem('other:copy', '1'); sessionStorage.setItem('other:tab', '1'); }")
    logout(page)
    assert page.evaluate("() => [localStorage.getItem('other:copy'), sessionStorage.getItem('other:tab')]") == [
        None, None]
    # The login page registers the worker again and it keeps the shell (the offline page included).
    assert any(name.startswith("sotay-shell-") for name in page.evaluate(SHELL_READY))
    assert not any(name.startswith("sotay-pages-") for name in page.evaluate("() => caches.keys()"))
