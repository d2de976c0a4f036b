"""Every built page is built for assistive technology: headings, language, tables, text alternatives.

Checked on the HTML of every page (the browser tests run axe on one page per template).
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from built_page import built_pages, read_built
from page_structure import CHECKS, heading_problems, image_problems, language_problems, table_problems


@pytest.mark.parametrize("build", ["real_build", "fixture_build"])
def test_every_page_has_one_h1_ordered_headings_a_language_captioned_tables_and_text_alternatives(request, build):
    site_dir = request.getfixturevalue(build)
    problems, tables = {}, 0
    for path in built_pages(site_dir):
        page = BeautifulSoup(read_built(site_dir, path), "html.parser")
        tables += len(page.find_all("table"))
        if found := [problem for check in CHECKS for problem in check(page)]:
            problems[path] = found
    assert problems == {}
    assert tables > 0  # the generated tables were there, and each had its caption


# --- Each check finds the problem it is for -------------------------------------------------


def html(body: str, lang: str = ' lang="en"') -> BeautifulSoup:
    return BeautifulSoup(f"<html{lang}><body><article>{body}</article></body></html>", "html.parser")


def test_headings_must_have_one_h1_and_no_skipped_level():
    assert heading_problems(html("<h1>A</h1><h2>B</h2><h3>C</h3><h2>D</h2>")) == []
    assert heading_problems(html("<h2>B</h2>")) == ["0 h1 headings, expected one"]
    assert heading_problems(html("<h1>A</h1><h1>B</h1>")) == ["2 h1 headings, expected one"]
    assert heading_problems(html("<h1>A</h1><h2>B</h2><h4>C</h4>")) == ["h4 follows h2"]


def test_the_language_must_be_declared():
    assert language_problems(html("<h1>A</h1>", lang="")) == ["<html> declares no lang"]


def test_tables_need_a_caption_and_header_cells():
    good = "<table><caption>Areas</caption><thead><tr><th>No.</th><th>Area</th></tr></thead></table>"
    assert table_problems(html(good)) == []
    assert table_problems(html("<table><thead><tr><th>No.</th></tr></thead></table>")) == ["table 1 has no caption"]
    assert table_problems(html("<table><caption>X</caption><tr><td>1</td></tr></table>")) == [
        "table 1 lacks header cells with text"
    ]
    assert table_problems(
        html("<table><caption>X</caption><thead><tr><th></th><th>NATO</th></tr></thead></table>")
    ) == ["table 1 lacks header cells with text"]


def test_images_and_icons_need_a_text_alternative():
    fine = (
        '<img src="chart.svg" alt="Actions per area">'
        '<svg aria-hidden="true"></svg>'
        '<svg role="img" aria-label="Actions per year"></svg>'
        '<a href="edit" title="Edit this page"><svg></svg></a>'
        "<button>Search <svg></svg></button>"
    )
    assert image_problems(html(fine)) == []
    assert image_problems(html('<img src="chart.png">')) == ["<img src='chart.png'> has no alt"]
    assert image_problems(html('<p><svg role="img"></svg></p>')) == ["<svg> without a text alternative in p"]
    assert image_problems(html('<a href="x"><svg></svg></a>')) == ["<svg> without a text alternative in a"]
