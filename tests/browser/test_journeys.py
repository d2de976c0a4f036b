"""What a reader does on the site, in Chromium, asserted on what the reader sees.

The items each journey visits are picked from the record, so the journeys follow the data.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from browser.probes import PHONE


def expect_page(page: Page, title: str) -> None:
    """The page on screen is the one called `title` (its h1; the ¶ is the heading's permalink)."""
    expect(page.locator(".md-content h1")).to_have_text(re.compile(rf"^\s*{re.escape(title)}\s*¶?\s*$"))


def follow(page: Page, title: str, within: str = ".md-content") -> None:
    """Click the link called `title` in the content, and arrive on its page."""
    page.locator(within).get_by_role("link", name=title, exact=True).first.click()
    expect_page(page, title)


def a_report_trail(site):
    """An action, a report that mentions it, and an operation that report mentions."""
    for report in site.reports.values():
        for action in site.get_all("actions", report.mentions.actions):
            for operation in site.get_all("operations", report.mentions.operations):
                return site.areas[action.area], action, report, operation
    pytest.fail("no report in the record mentions both an action and an operation")


def test_from_home_to_an_area_its_action_a_report_an_operation_and_back(page, real_site):
    area, action, report, operation = a_report_trail(real_site)
    page.goto("")

    follow(page, area.title)
    follow(page, action.title)
    follow(page, report.title)
    follow(page, operation.title)
    follow(page, area.title, within=".md-nav--primary")  # back through the site's navigation

    expect(page.locator(".md-content").get_by_role("link", name=action.title, exact=True)).to_be_visible()


def a_word_only_one_action_uses(site, search_index):
    """(action, word): a word of the action's summary that no other page of the site contains."""
    texts = {doc["location"].split("#")[0]: "" for doc in search_index}
    for doc in search_index:
        texts[doc["location"].split("#")[0]] += f" {doc['title']} {doc['text']}".lower()
    for action in site.actions.values():
        for word in sorted(set(re.findall(r"[a-z]{6,}", action.summary.lower())), key=len, reverse=True):
            if [location for location, text in texts.items() if word in text] == [f"actions/{action.id}/"]:
                return action, word
    pytest.fail("every word of every action summary appears on another page too")


def test_search_finds_an_action_by_a_word_of_its_summary(page, real_site, real_build):
    index = json.loads((real_build / "search" / "search_index.json").read_text("utf-8"))["docs"]
    action, word = a_word_only_one_action_uses(real_site, index)
    page.goto("")

    box = page.get_by_role("textbox", name="Search")
    box.click()
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching")  # index loaded
    box.press_sequentially(word)
    result = page.locator(".md-search-result__link", has_text=action.title).first
    expect(result).to_be_visible()
    result.click()

    expect_page(page, action.title)


def test_the_edit_link_of_an_action_opens_its_yaml_file(page, real_site):
    action = next(iter(real_site.actions.values()))
    page.goto(f"actions/{action.id}/")

    edit = page.get_by_role("link", name="Edit this page")
    expect(edit).to_be_visible()
    expect(edit).to_have_attribute("href", re.compile(rf"/edit/main/data/actions/{re.escape(action.id)}\.yml$"))


def expect_dark(page: Page) -> None:
    """The page is shown in the dark palette: Material's slate scheme, and a dark background."""
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    red, green, blue = map(
        int, re.findall(r"\d+", page.evaluate("getComputedStyle(document.body).backgroundColor"))[:3]
    )
    assert (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255 < 0.2


def test_dark_mode_turns_on_and_stays_on_after_reload_and_navigation(page, real_site):
    page.goto("")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")

    page.get_by_role("radio", name="Switch to dark mode").locator("+ label").click()  # the moon button
    expect_dark(page)

    page.reload()
    expect_dark(page)

    follow(page, next(iter(real_site.areas.values())).title)
    expect_dark(page)


def test_on_a_phone_the_navigation_opens_and_leads_to_a_report(open_context, real_site):
    page = open_context(**PHONE).new_page()
    report = real_site.latest_report
    page.goto("")
    drawer = page.locator("nav.md-nav--primary")
    expect(drawer).not_to_be_in_viewport()

    page.locator(".md-header label[for=__drawer]").click()  # the menu button
    expect(drawer).to_be_in_viewport()
    section = drawer.locator(".md-nav__item", has=page.get_by_role("link", name="Progress reports", exact=True))
    section.locator("label.md-nav__link").first.click()  # open the section
    drawer.get_by_role("link", name=report.title, exact=True).click()
    expect_page(page, report.title)

    page.go_back()  # the browser does not restore the menu as open (overrides/valid_html.py keeps that)
    expect(page.locator(".md-content h1")).to_be_visible()
    expect(drawer).not_to_be_in_viewport()


@pytest.mark.parametrize("slash", ["/", ""])
def test_a_deep_link_to_an_action_loads_directly(page, real_site, slash):
    action = list(real_site.actions.values())[-1]

    response = page.goto(f"actions/{action.id}{slash}")

    assert response.ok
    assert page.url.endswith(f"/actions/{action.id}/")  # GitHub Pages adds the slash
    expect_page(page, action.title)
    expect(page).to_have_title(re.compile(re.escape(action.title)))
