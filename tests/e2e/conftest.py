"""Browser fixtures: the real app under gunicorn and Debian's Chromium sized as a phone.

Every test under tests/e2e is marked `e2e` and skipped, with the reason, when Chromium
is missing (with CI=true that is an error instead). Journeys use `live_server`, `page`
(360×740, touch) and the helpers in tests/e2e/browser.py (`login`, `assert_accessible`, `assert_no_horizontal_scroll`).
"""

import os
from pathlib import Path

import pytest

from tests.e2e.browser import CHROMIUM, CHROMIUM_ARGS, PHONE
from tests.e2e.server import LiveServer

HERE = Path(__file__).parent
SKIP_REASON = f"browser tests skipped: Chromium not found at {CHROMIUM} (install Debian's 'chromium' package)"


def _browser_missing() -> str | None:
    if not os.path.exists(CHROMIUM):
        return SKIP_REASON
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "browser tests skipped: the playwright package is not installed (requirements-dev.txt)"
    return None


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Marks this folder's tests `e2e` before `-m "not e2e"` deselects, so none can forget it."""
    missing = _browser_missing()
    if missing and os.environ.get("CI") == "true" and any(HERE in Path(i.fspath).parents for i in items):
        # CI must not go green without the browser journeys: a missing browser is a failure.
        raise pytest.UsageError(missing.replace("skipped", "cannot run in CI"))
    for item in items:
        if HERE in Path(item.fspath).parents:
            item.add_marker(pytest.mark.e2e)
            if missing:
                item.add_marker(pytest.mark.skip(reason=missing))


@pytest.fixture(autouse=True)
def _clean():
    """The unit tests' per-test database cleaning does not apply: the server owns its database."""
    yield


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    server = LiveServer(tmp_path_factory.mktemp("e2e"))
    server.prepare()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser, live_server):
    context = browser.new_context(base_url=live_server.url, **PHONE)
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def console_errors() -> list[str]:
    """What the browser logged as errors; a test expecting one (a 401 page) may clear it."""
    return []


@pytest.fixture
def page(context, console_errors):
    """A fresh phone tab; console errors (a CSP violation, a script error) fail the test."""
    page = context.new_page()
    page.on("console", lambda msg: console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: console_errors.append(str(exc)))
    yield page
    assert not console_errors, "browser console errors:\n" + "\n".join(console_errors)


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory) -> Path:
    """Where screenshots go: E2E_SCREENSHOTS if set (to look at them), else a temp dir."""
    target = os.environ.get("E2E_SCREENSHOTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        return Path(target)
    return tmp_path_factory.mktemp("screenshots")
