"""Every internal link and #anchor of the built site resolves, checked by LinkChecker over HTTP.

MkDocs' `validation:` (fatal under --strict) checks the links written in Markdown; LinkChecker also
checks what the theme and raw HTML add: navigation, breadcrumbs, footer, table of contents.
"""

from __future__ import annotations

from browser.probes import check_links
from built_page import built_pages


def test_every_link_and_anchor_resolves_and_every_page_is_reached(site_url, real_build, tmp_path):
    report = check_links(site_url, tmp_path)

    assert report.problems == []
    reachable = {site_url + path for path in built_pages(real_build) if path != "404.html"}
    assert reachable - report.fetched() == set()
