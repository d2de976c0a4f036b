"""A reader follows a citation mark in Chromium: what it shows, what a screen reader hears, where it leads."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from eunato import links


def a_page_with_a_located_citation(site):
    """An item whose prose cites a source with a locator, e.g. `[@id, para. 9]`: its page and that source."""
    for kind in ("analyses", "operations", "declarations", "sets", "areas", "actions", "reports"):
        for item in site.items(kind):
            for _, text in links.prose(item):
                found = re.search(r"\[@([a-z0-9-]+), ([^;\]]+)", text)
                if found:
                    return f"{kind}/{item.id}/", found[1], found[2].strip()
    pytest.fail("no item of the record cites a source with a locator")


@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without JavaScript"])
def test_a_citation_mark_names_its_source_and_leads_to_it_in_the_sources_list(open_context, real_site, javascript):
    path, source_id, locator = a_page_with_a_located_citation(real_site)
    source = real_site.sources[source_id]
    page = open_context(java_script_enabled=javascript).new_page()
    page.goto(path)

    mark = page.locator(f"sup.citation a[href='#source-{source_id}']").first
    number = mark.evaluate("a => [...a.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('')")
    assert re.fullmatch(r"\d+", number), number  # a sighted reader sees only the number
    expect(mark).to_have_accessible_name(re.compile(rf"^Source {number} ?: {re.escape(source.title[:40])}"))
    assert locator in (mark.get_attribute("title") or "")

    mark.focus()
    page.keyboard.press("Enter")  # as a keyboard user follows it; a pointer lands on the same link
    entry = page.locator(f"#source-{source_id}")
    expect(page).to_have_url(re.compile(f"#source-{source_id}$"))
    expect(entry).to_be_in_viewport()
    expect(entry).to_contain_text(source.title)
    expect(entry).to_contain_text(locator)
    assert page.locator("ol.sources > li").nth(int(number) - 1).get_attribute("id") == f"source-{source_id}"
