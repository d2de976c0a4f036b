"""Table captions: `Table: …` before a Markdown table becomes its <caption>."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup


def render(text: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(text, extensions=["tables", "md_in_html", "eunato.captions"]), "html.parser")


TABLE = "| Action | Set |\n|---|---|\n| One | 2016 |\n"


def test_a_caption_line_before_a_table_becomes_its_caption():
    page = render(f"Table: Common actions in this area\n\n{TABLE}")
    table = page.find("table")
    assert table.contents[0].name == "caption"
    assert table.caption.get_text() == "Common actions in this area"
    assert page.find("p") is None


def test_links_and_emphasis_in_a_caption_are_kept():
    caption = render(f"Table: Actions of the *2016* [set](sets/2016.md)\n\n{TABLE}").find("caption")
    assert caption.em.get_text() == "2016"
    assert caption.a["href"] == "sets/2016.md"


def test_tables_inside_html_blocks_get_their_caption_too():
    page = render(f"<div markdown>\n\nTable: Inside a block\n\n{TABLE}\n</div>\n")
    assert page.find("caption").get_text() == "Inside a block"


def test_a_caption_line_not_followed_by_a_table_stays_a_paragraph():
    page = render(f"Table: a sentence\n\nMore text.\n\n{TABLE}")
    assert page.find("p").get_text() == "Table: a sentence"
    assert page.find("caption") is None
