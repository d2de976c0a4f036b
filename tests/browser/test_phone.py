"""On a phone: no kind of page is wider than the screen, so nothing on it needs sideways scrolling.

The pages are one per template, found in the built site (see probes.pages_per_template), with
JavaScript on (the actions table's filters only show with it). A table wider than the screen is
fine: it scrolls inside the wrapper Material puts around it, and the page stays put.
"""

from __future__ import annotations

from browser.probes import PHONE, pages_per_template, sideways_overflow


def test_no_kind_of_page_scrolls_sideways_on_a_phone(open_context, real_build):
    page = open_context(**PHONE).new_page()
    wide = {}
    for path in pages_per_template(real_build):
        page.goto(path)
        wide[path or "home"] = sideways_overflow(page)
    assert {path: found for path, found in wide.items() if found} == {}
