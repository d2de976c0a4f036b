"""Browser fixtures: a system Chromium driven by Playwright, built sites served like GitHub Pages.

One browser for the whole session and one server per built site; every test gets a fresh browser
context (its own storage, so a palette chosen in one test does not leak into the next). Every test
in this folder is marked `browser`, so `pytest -m "not browser"` (`make test-fast`) leaves them out.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from browser.server import SiteServer
from conftest import ROOT, run

HERE = Path(__file__).parent
# The tests never have Playwright download a browser: `make test` puts one at CHROMIUM when it is missing.
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# Every host name fails to resolve except our own address: Chromium's own calls to Google go
# nowhere, and a page asking for another host fails at once, its request still recorded.
LAUNCH_ARGS = ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--disable-gpu"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: `make test` installs it with apt-get, or set CHROMIUM")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def published_build(tmp_path_factory) -> Path:
    """The real site as `make build` makes it (`python -m eunato build`): the PDF of the whole record
    and the offline edition beside the pages. Printing the PDF needs Chromium, hence here."""
    base = tmp_path_factory.mktemp("published")
    site_dir = base / "site"
    result = run(sys.executable, "-m", "eunato", "build", "--site-dir", site_dir, "--work-dir", base / "work", cwd=ROOT)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "WARNING" not in result.stderr, result.stderr
    return site_dir


@pytest.fixture(scope="session")
def site_url(real_build) -> Iterator[str]:
    """The real site, served gzip-compressed under its GitHub Pages path: `http://127.0.0.1:port/name/`."""
    with SiteServer(real_build) as url:
        yield url


@pytest.fixture
def open_context(browser, request):
    """`open_context(url=None, **options)`: a new browser context on a served site (the real one
    unless `url` says otherwise), closed after the test. Options as for Browser.new_context."""
    contexts = []

    def open_context(url: str | None = None, **options) -> BrowserContext:
        context = browser.new_context(base_url=url or request.getfixturevalue("site_url"), **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()


@pytest.fixture
def page(open_context) -> Page:
    """A desktop browser tab on the real site; `page.goto("actions/")` is relative to the site."""
    return open_context().new_page()
