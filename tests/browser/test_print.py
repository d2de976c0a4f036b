"""Printing a page: the content alone, with the addresses of its links, its citation marks and its
sources; no navigation, header, search or buttons; table rows and charts not split across pages."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

HIDDEN_WHEN_PRINTED = {
    "header": ".md-header",
    "navigation": ".md-sidebar--primary",
    "table of contents": ".md-sidebar--secondary",
    "search": ".md-search",
    "edit button": ".md-content__button",
    "copy buttons": ".cite-copy",
    "back-to-top button": ".md-top",
}


def printed(page: Page, path: str) -> Page:
    page.goto(path)
    page.locator(".md-content h1").wait_for()
    page.emulate_media(media="print")
    return page


def test_a_printed_item_page_shows_the_content_alone(page, real_site):
    action = next(iter(real_site.actions.values()))
    printed(page, f"actions/{action.id}/")
    shown = {
        name: page.locator(selector).evaluate_all("found => found.filter(e => e.getClientRects().length).length")
        for name, selector in HIDDEN_WHEN_PRINTED.items()
    }
    assert shown == dict.fromkeys(HIDDEN_WHEN_PRINTED, 0)
    for kept in ("h1", "ol.sources", "sup.citation", "dl.cite"):
        assert page.locator(f".md-content {kept}").first.is_visible(), kept


def test_on_screen_the_same_page_shows_them_and_a_copy_button(page, real_site):
    action = next(iter(real_site.actions.values()))
    page.goto(f"actions/{action.id}/")
    assert page.locator(".md-header").is_visible()
    assert page.locator(".cite-copy").count() == 2  # beside each ready citation, made by assets/cite.js


def test_a_printed_page_writes_out_the_address_of_each_external_link(page):
    printed(page, "data/")
    link = page.locator('.md-content a[href^="https://creativecommons.org"]').first
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert "https://creativecommons.org/licenses/by/4.0/" in after


@pytest.mark.parametrize(("path", "selector"), [("areas/", "tr"), ("areas/", "figure.chart"), ("actions/", "tr")])
def test_printed_rows_and_charts_are_not_split_across_pages(page, path, selector):
    printed(page, path)
    element = page.locator(f".md-content {selector}").first
    assert element.evaluate("e => getComputedStyle(e).breakInside") == "avoid"


def test_a_sources_address_is_printed_once(page, real_site):
    action = next(item for item in real_site.actions.values() if any(real_site.sources[s].url for s in item.sources))
    printed(page, f"actions/{action.id}/")
    link = page.locator('.md-content ol.sources a[href^="http"]').first
    assert link.evaluate("a => getComputedStyle(a, '::after').content") == "none"
