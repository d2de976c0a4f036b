"""No page asks any host but the site's own: no fonts, scripts, styles, images or API calls from elsewhere.

Readers in institutions that block trackers get the whole page, and nobody learns who read what.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from playwright.sync_api import expect

from browser.probes import foreign_hosts, open_search, pages_per_template, record_requests
from built_page import built_pages, read_built

# Elements that make the browser fetch something, and the attribute naming what.
FETCHING = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "audio": "src",
    "video": "src",
    "embed": "src",
    "object": "data",
    "link": "href",
}
NOT_FETCHED_LINKS = {"canonical", "alternate", "author", "license", "next", "prev"}


def foreign_resources(html: str) -> list[str]:
    """Addresses on other hosts that the page's HTML tells the browser to load."""
    found = []
    page = BeautifulSoup(html, "html.parser")
    for tag, attribute in FETCHING.items():
        for element in page.find_all(tag, attrs={attribute: True}):
            if tag == "link" and set(element.get("rel") or []) <= NOT_FETCHED_LINKS:
                continue
            if urlsplit(str(element[attribute])).netloc:
                found.append(f"<{tag} {attribute}={element[attribute]}>")
    return found


def test_no_template_makes_the_browser_ask_another_host(open_context, real_build, site_url):
    page = open_context().new_page()
    requests = record_requests(page)
    for path in pages_per_template(real_build):
        page.goto(path, wait_until="networkidle")
    open_search(page, "cooperation")  # the search worker and index load on first use

    assert foreign_hosts(requests, site_url) == set()
    assert any(url.endswith("/search/search_index.json") for url in requests)  # the recorder saw it all


def test_the_repository_link_does_not_call_the_github_api(page):
    requests = record_requests(page)
    page.goto("", wait_until="networkidle")

    expect(page.locator(".md-header").get_by_role("link", name="Source on GitHub")).to_be_visible()
    assert "api.github.com" not in foreign_hosts(requests, page.url)


def test_no_page_loads_anything_from_another_host(real_build):
    found = {
        path: resources
        for path in built_pages(real_build)
        if (resources := foreign_resources(read_built(real_build, path)))
    }
    assert found == {}


def test_the_html_check_finds_a_script_a_font_and_an_image_from_elsewhere():
    html = (
        '<script src="https://cdn.example.org/widget.js"></script>'
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<img src="https://cdn.jsdelivr.net/gh/twemoji/smile.svg" alt="smile">'
        '<link rel="canonical" href="https://example.github.io/site/"><script src="assets/site.js"></script>'
    )
    assert foreign_resources(html) == [
        "<script src=https://cdn.example.org/widget.js>",
        "<img src=https://cdn.jsdelivr.net/gh/twemoji/smile.svg>",
        "<link href=https://fonts.googleapis.com/css?family=Roboto>",
    ]
