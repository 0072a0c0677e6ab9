"""How long a member waits for a stored page: with no signal, and with a network that answers
nothing (the server stopped mid-request, as a congested cell tower behaves).

    .venv/bin/python benchmarks/offline_timeout.py [--trials 5]

Runs the real app under gunicorn (the browser tests' LiveServer, seeded demo) and Debian's
Chromium at the phone size of the browser tests, logs in as `dangvien`, waits until the
worker holds the pack, then opens the next meeting (`/meetings/3`) each way and times the
navigation until the "Đang dùng bản lưu trên máy" banner shows. The worker's timeout is
NETWORK_TIMEOUT_MS in handbook/offline/routes.py.
"""

import argparse
import os
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import expect, sync_playwright  # noqa: E402

from tests.e2e.browser import CHROMIUM, CHROMIUM_ARGS, PHONE, login  # noqa: E402
from tests.e2e.server import LiveServer  # noqa: E402


def timed_open(page, path: str) -> float:
    start = time.perf_counter()
    page.goto(path, wait_until="commit", timeout=30_000)
    expect(page.locator("#offline-banner")).to_be_visible(timeout=30_000)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trials", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        server = LiveServer(Path(tmp))
        server.prepare()
        server.start()
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                context = browser.new_context(base_url=server.url, **PHONE)
                page = context.new_page()
                login(page, "dangvien")
                expect(page.locator("html")).to_have_attribute("data-offline-pack", "ready", timeout=60_000)
                offline, stalled = [], []
                for _ in range(args.trials):
                    context.set_offline(True)
                    offline.append(timed_open(page, "/meetings/3"))
                    context.set_offline(False)
                    os.killpg(server.process.pid, signal.SIGSTOP)
                    try:
                        stalled.append(timed_open(page, "/meetings/3"))
                    finally:
                        os.killpg(server.process.pid, signal.SIGCONT)
                    page.goto("/")  # online again, for the next trial
                browser.close()
        finally:
            server.stop()
    for name, times in (("no signal (offline)", offline), ("network answering nothing", stalled)):
        print(f"{name:<28} median {statistics.median(times):.2f} s  max {max(times):.2f} s  ({len(times)} trials)")


if __name__ == "__main__":
    main()
