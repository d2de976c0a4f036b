"""With JavaScript off, every page still shows its content, its tables and its links."""

from __future__ import annotations

from playwright.sync_api import expect

from browser.probes import hidden_without_javascript
from built_page import built_pages


def test_every_page_reads_without_javascript(open_context, real_build):
    page = open_context(java_script_enabled=False).new_page()
    hidden = {}
    for path in built_pages(real_build):
        page.goto(path)
        expect(page.locator("article h1")).to_be_visible()
        hidden[path] = hidden_without_javascript(page)
    assert {path: found for path, found in hidden.items() if found} == {}


def test_tables_and_cross_links_show_without_javascript(open_context, real_site):
    page = open_context(java_script_enabled=False).new_page()
    action = next(iter(real_site.actions.values()))
    page.goto(f"areas/{action.area}/")

    table = page.get_by_role("table", name="Common actions in this area, with their set and position in it")
    expect(table.locator("caption")).to_be_visible()
    expect(table.get_by_role("link", name=action.title, exact=True)).to_be_visible()
