"""The offline edition: the zip `make build` publishes, unzipped and opened from disk (file://) in
Chromium. Every page, link, chart, glossary tooltip and the search work, and nothing is asked of any host."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Page, expect

from browser.probes import open_search, record_requests
from eunato import urls

LOCAL = ("file:", "data:", "blob:", "about:")


@pytest.fixture(scope="session")
def offline_root(published_build, tmp_path_factory) -> Path:
    """The offline edition, unzipped as a reader would: one folder, named after the edition."""
    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(published_build / urls.OFFLINE_ZIP) as archive:
        archive.extractall(target)
    (root,) = target.iterdir()
    return root


@pytest.fixture
def offline(browser) -> Iterator[tuple[Page, list[str]]]:
    """A browser tab, and every URL it asks for."""
    context = browser.new_context()
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page, record_requests(page)
    context.close()


def heading(page: Page) -> str:
    return " ".join(page.locator(".md-content h1").first.inner_text().split()).rstrip("¶").strip()


def test_the_offline_edition_unzips_to_one_folder_named_after_the_edition(offline_root, real_site):
    assert offline_root.name == f"eu-nato-record-{real_site.edition.version}"
    assert (offline_root / "index.html").is_file()
    assert (offline_root / "search" / "search_index.js").is_file()  # the index as a script: no fetch from disk


def test_from_disk_search_and_links_across_kinds_work_and_nothing_leaves_the_file_system(
    offline_root, offline, real_site
):
    page, requests = offline
    report = next(report for report in real_site.reports.values() if report.mentions.actions)
    action = real_site.actions[report.mentions.actions[0]]
    area = real_site.areas[action.area]

    page.goto((offline_root / "index.html").as_uri())
    expect(page.locator(".md-content h1")).to_be_visible()
    open_search(page, action.title)
    page.locator(f'.md-search-result__link[href*="actions/{action.id}.html"] >> visible=true').first.click()
    expect(page).to_have_url(re.compile(rf"/actions/{re.escape(action.id)}\.html"))
    assert heading(page) == action.title

    page.locator(".md-content").get_by_role("link", name=area.title, exact=True).first.click()
    expect(page).to_have_url(re.compile(rf"/areas/{re.escape(area.id)}\.html"))
    page.locator(".md-content").get_by_role("link", name=action.title, exact=True).first.click()
    page.locator(".md-content").get_by_role("link", name=report.title, exact=True).first.click()
    expect(page).to_have_url(re.compile(rf"/reports/{re.escape(report.id)}\.html"))
    assert heading(page) == report.title
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Open data").first.click()
    expect(page).to_have_url(re.compile(r"/data\.html"))
    expect(page.locator(".md-content")).to_contain_text("This is the offline edition of the record")

    assert [url for url in requests if not url.startswith(LOCAL)] == []
    assert any(url.endswith("search_index.js") for url in requests)  # the recorder saw it all


def test_from_disk_charts_show_and_glossary_tooltips_open(offline_root, offline, real_site):
    page, requests = offline
    page.goto((offline_root / "index.html").as_uri())
    charts = page.locator("figure.chart img")
    expect(charts.first).to_be_visible()
    widths = charts.evaluate_all("images => images.map(image => image.complete ? image.naturalWidth : 0)")
    assert widths and all(width > 0 for width in widths), widths

    # The tooltip is the browser's own (the abbr's title; Material's scripted tooltips are off), so it
    # opens from disk as anywhere: the term shown carries its glossary expansion once the page has run.
    with_term = next(file for file in sorted(offline_root.rglob("*.html")) if "<abbr title=" in file.read_text("utf-8"))
    page.goto(with_term.as_uri())
    term = page.locator(".md-content abbr[title]").first
    term.hover()
    expansion = " ".join(real_site.glossary[term.inner_text().strip()].split())
    assert term.get_attribute("title") == expansion
    assert [url for url in requests if not url.startswith(LOCAL)] == []


def test_every_page_of_the_offline_edition_links_only_to_files_it_holds(offline_root):
    missing = []
    for file in offline_root.rglob("*.html"):
        if file.name == "404.html":
            continue  # served by a web server at any address, so its links start at the site's root; not used from disk
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        for element, attribute in (("a", "href"), ("img", "src"), ("script", "src"), ("link", "href")):
            for tag in soup.find_all(element, attrs={attribute: True}):
                target = str(tag[attribute]).split("#")[0].split("?")[0]
                if not target or re.match(r"^[a-z]+:", target) or target.startswith("//"):
                    continue
                if not (file.parent / target).exists():
                    missing.append(f"{file.relative_to(offline_root)}: {target}")
    assert missing == []
