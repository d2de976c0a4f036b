"""In a browser: the actions table filters and sorts, reads in full without JavaScript, and charts follow the palette."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser.probes import foreign_hosts, record_requests


@pytest.fixture
def open_page(open_context, site_url):
    """`open_page("actions/", color_scheme="dark", java_script_enabled=False)`: a fresh tab; no request may leave the site."""
    recorded = []

    def open_(path, **options):
        page = open_context(**options).new_page()
        recorded.append(record_requests(page))
        page.goto(path)
        return page

    yield open_
    assert not foreign_hosts([url for requests in recorded for url in requests], site_url)


def shown_actions(page) -> list[str]:
    """Ids of the actions whose rows are visible, top to bottom."""
    links = page.locator("#actions-table tbody tr:visible td:first-child a")
    return [href.rstrip("/").rsplit("/", 1)[-1] for href in links.evaluate_all("links => links.map(a => a.href)")]


def test_filtering_by_an_area_shows_exactly_that_areas_actions(real_site, open_page):
    page = open_page("actions/")
    area_filter = page.get_by_label("Area", exact=True)
    for area in real_site.areas.values():
        area_filter.select_option(area.id)
        expected = [action.id for action in real_site.actions.values() if action.area == area.id]
        assert shown_actions(page) == expected, area.id
        expect(page.get_by_role("status")).to_have_text(f"Showing {len(expected)} of {len(real_site.actions)} actions.")
    area_filter.select_option("")
    assert shown_actions(page) == list(real_site.actions)


def test_filters_by_set_and_topic_combine(real_site, open_page):
    page = open_page("actions/")
    topic_id = next(topic for action in real_site.actions.values() for topic in action.topics)
    proposal_set = real_site.actions[next(a.id for a in real_site.actions.values() if topic_id in a.topics)].set
    page.get_by_label("Set", exact=True).select_option(proposal_set)
    page.get_by_label("Topic", exact=True).select_option(topic_id)
    expected = [a.id for a in real_site.actions.values() if a.set == proposal_set and topic_id in a.topics]
    assert expected and shown_actions(page) == expected


def test_a_column_heading_sorts_the_rows_and_says_how(real_site, open_page):
    page = open_page("actions/")
    heading = page.get_by_role("columnheader", name="Position")
    heading.get_by_role("button").click()
    expect(heading).to_have_attribute("aria-sort", "ascending")
    known = sorted((a for a in real_site.actions.values() if a.position), key=lambda a: a.position)
    assert shown_actions(page)[: len(known)] == [a.id for a in known]  # then those without a position

    heading.get_by_role("button").click()
    expect(heading).to_have_attribute("aria-sort", "descending")
    assert shown_actions(page)[: len(known)] == [a.id for a in reversed(known)]


def test_without_javascript_the_whole_table_reads_and_no_filter_shows(real_site, open_page):
    page = open_page("actions/", java_script_enabled=False)
    expect(page.locator("form.table-filters")).to_be_hidden()
    assert shown_actions(page) == list(real_site.actions)


@pytest.mark.parametrize("scheme, filter_", [("light", "none"), ("dark", "invert(1) hue-rotate(180deg)")])
def test_charts_are_inverted_in_the_dark_palette_only(open_page, scheme, filter_):
    page = open_page("", color_scheme=scheme)
    chart = page.locator("figure.chart img").first
    expect(chart).to_be_visible()
    assert chart.evaluate("image => getComputedStyle(image).filter") == filter_
    assert chart.evaluate("image => image.complete && image.naturalWidth > 0")


def test_the_filters_take_their_room_before_the_script_runs_so_the_table_does_not_move(open_context):
    """With scripts on, the filters show from the first paint (site.css), not when tables.js shows them."""
    tops = {}
    for script in ("blocked", "run"):
        page = open_context().new_page()
        if script == "blocked":
            page.route("**/assets/tables.js", lambda route: route.abort())
        page.goto("actions/")
        expect(page.locator("form.table-filters")).to_be_visible()
        tops[script] = page.locator("#actions-table").bounding_box()["y"]
    assert tops["blocked"] == tops["run"]
