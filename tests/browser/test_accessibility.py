"""axe-core in Chromium: no serious or critical problem on any kind of page, in either palette.

The pages are one per template, found in the built site (see probes.pages_per_template), so a
page or template added later is checked without changing this file.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser.probes import axe_problems, open_search, pages_per_template

SCHEMES = {"light": "default", "dark": "slate"}  # what the reader's system asks for -> Material's palette


@pytest.mark.parametrize("palette", SCHEMES)
def test_axe_finds_no_serious_problem_on_any_template(open_context, real_build, palette):
    page = open_context(color_scheme=palette).new_page()
    problems = {}
    for path in pages_per_template(real_build):
        page.goto(path)
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[palette])
        problems[path] = axe_problems(page)
    open_search(page, "cooperation")
    problems["search results"] = axe_problems(page)
    assert {path: found for path, found in problems.items() if found} == {}
