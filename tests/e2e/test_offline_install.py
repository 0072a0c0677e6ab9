"""The handbook as an installed app: Chromium finds nothing missing to install it, our worker
controls the pages, and a new release replaces the old shell without leaving it behind."""

import pytest

from tests.e2e.browser import CHROMIUM, CHROMIUM_ARGS, PHONE, login

pytestmark = pytest.mark.e2e

CONTROLLED = """async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
        await new Promise(resolve => navigator.serviceWorker.addEventListener("controllerchange", resolve));
    }
    return navigator.serviceWorker.controller.scriptURL;
}"""
CACHE_NAMES = "async () => (await caches.keys()).sort()"


@pytest.fixture
def profile_page(browser, live_server, tmp_path, console_errors):
    """A phone tab in a browser profile of its own: Chromium never offers to install from an
    incognito-like context, which every other test's context is."""
    context = browser.browser_type.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=CHROMIUM, args=CHROMIUM_ARGS, base_url=live_server.url, **PHONE)
    page = context.pages[0] if context.pages else context.new_page()
    page.on("console", lambda msg: console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: console_errors.append(str(exc)))
    yield page
    context.close()
    assert not console_errors, "browser console errors:\n" + "\n".join(console_errors)


def test_chromium_finds_the_app_installable_and_our_worker_controls_it(profile_page, live_server):
    page = profile_page
    login(page, "dangvien2")
    assert page.evaluate(CONTROLLED) == live_server.url + "/sw.js"
    cdp = page.context.new_cdp_session(page)
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    assert errors == []
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["url"].endswith("/manifest.webmanifest") and not manifest["errors"]


def test_a_new_release_replaces_the_old_worker_and_its_shell(page, live_server):
    """The phone first runs an older release's worker (same code, another build), then the
    server's: the old shell is gone, the new one holds the pages' files, and the page works."""
    def older_release(route):
        response = route.fetch()
        body = response.text().replace('"build": "', '"build": "older-', 1)
        route.fulfill(response=response, body=body)

    page.context.route("**/sw.js", older_release)
    page.goto("/login")
    page.evaluate(CONTROLLED)
    old = page.evaluate(CACHE_NAMES)
    assert [name for name in old if name.startswith("sotay-shell-older-")]
    page.context.unroute("**/sw.js")

    page.evaluate("""async () => {
        const registration = await navigator.serviceWorker.ready;
        const changed = new Promise(resolve => navigator.serviceWorker.addEventListener("controllerchange", resolve));
        await registration.update();
        await changed;
        const worker = registration.active;  // activating: its "activate" work ends at "activated"
        if (worker.state !== "activated") {
            await new Promise(resolve => worker.addEventListener("statechange", () => {
                if (worker.state === "activated") resolve();
            }));
        }
    }""")
    names = page.evaluate(CACHE_NAMES)
    shells = [name for name in names if name.startswith("sotay-shell-")]
    assert len(shells) == 1 and "older-" not in shells[0]
    css = page.evaluate("document.querySelector('link[rel=stylesheet]').href")
    assert page.evaluate(f"async () => !!(await caches.open({shells[0]!r})).match({css!r})")
    page.reload()
    assert page.get_by_role("button", name="Đăng nhập").is_visible()
