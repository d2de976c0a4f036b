"""Each browser check fails on the defect it is for: a copy of the fixture site, broken on purpose.

The copy gets a broken link and a broken anchor, a third-party script, a table only a script could
show, text in low contrast (one rule per palette), and loses the two theme overrides that keep
GitHub's API away and name the search dialog. The same checks pass on the real site.
"""

from __future__ import annotations

import pytest

from browser.probes import axe_problems, check_links, foreign_hosts, hidden_without_javascript, record_requests
from browser.server import SiteServer
from browser.test_privacy import foreign_resources
from built_page import read_built
from conftest import build, copy_project

# Raw HTML, which MkDocs' own link validation does not read.
BROKEN_PAGE = """

## Broken on purpose

<p><a href="../no-such-page/">A page that does not exist</a>, <a href="../sources/#no-such-source">an anchor that does not exist</a>.</p>

<script src="https://widgets.example.org/embed.js"></script>

<div style="display: none" markdown>

Table: Shown only once a script runs

| Year | Actions |
|---|---|
| 2016 | 42 |

</div>
"""
LOW_CONTRAST = """
.md-typeset p { color: #b4b4b4; }
[data-md-color-scheme="slate"] .md-typeset li { color: #3c3c3c; }
"""


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    """(site folder, its address): the broken copy, built with --strict and served."""
    base = tmp_path_factory.mktemp("broken")
    project = copy_project(base / "project")
    with open(project / "docs" / "about.md", "a", encoding="utf-8") as about:
        about.write(BROKEN_PAGE)
    with open(project / "docs" / "assets" / "site.css", "a", encoding="utf-8") as css:
        css.write(LOW_CONTRAST)
    (project / "overrides" / "partials" / "source.html").unlink()
    (project / "overrides" / "partials" / "search.html").unlink()
    result = build(project, base / "site")
    assert result.returncode == 0, result.stderr  # --strict lets all of these through
    with SiteServer(base / "site") as url:
        yield base / "site", url


def test_linkchecker_reports_a_missing_page_and_a_missing_anchor(broken, tmp_path):
    _, url = broken
    problems = "\n".join(check_links(url, tmp_path).problems)
    assert "../no-such-page/ (on " in problems and "404" in problems
    assert "Anchor `no-such-source' (decoded: `no-such-source') not found" in problems


def test_the_request_recorder_reports_a_third_party_script_and_the_github_api(open_context, broken):
    _, url = broken
    page = open_context(url).new_page()
    requests = record_requests(page)
    page.goto("about/", wait_until="networkidle")
    assert foreign_hosts(requests, url) == {"widgets.example.org", "api.github.com"}


def test_the_html_scan_reports_the_third_party_script(broken):
    site_dir, _ = broken
    assert foreign_resources(read_built(site_dir, "about/")) == ["<script src=https://widgets.example.org/embed.js>"]


@pytest.mark.parametrize("palette, element", [("light", "p"), ("dark", "li")])
def test_axe_reports_low_contrast_text_in_each_palette(open_context, broken, palette, element):
    _, url = broken
    page = open_context(url, color_scheme=palette).new_page()
    page.goto("about/")
    contrast = [problem for problem in axe_problems(page) if problem.startswith("color-contrast")]
    assert any(f"> {element}" in problem or f"['{element}" in problem for problem in contrast), contrast


def test_axe_reports_materials_unnamed_search_dialog(open_context, broken):
    _, url = broken
    page = open_context(url).new_page()
    page.goto("about/")
    assert "aria-dialog-name (serious): ['.md-search']" in axe_problems(page)


def test_the_no_javascript_check_reports_a_table_only_a_script_could_show(open_context, broken):
    _, url = broken
    page = open_context(url, java_script_enabled=False).new_page()
    page.goto("about/")
    assert "caption: Shown only once a script runs" in hidden_without_javascript(page)
    assert "td: 2016" in hidden_without_javascript(page)
