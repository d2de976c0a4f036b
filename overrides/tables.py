"""MkDocs hook: every table of a page wrapped as Material's script would wrap it, in the HTML itself.

Once a page has loaded, Material's script moves each table without a class (`table:not([class])`)
into a scrolling wrapper (`md-typeset__scrollwrap` > `md-typeset__table`). Moving a table makes the
browser style and lay it out again, whole, and on a phone that is most of the work of a page that
lists the record: on the actions index at 10× the record (740 rows) the second pass kept the main
thread busy for seconds (bench/RESULTS.md). This writes the same wrapper when the page is rendered
and gives the table the class `record-table`, which Material's script leaves where it is;
docs/assets/site.css styles `table.record-table` as Material styles a table without a class. The
wrapper also scrolls a wide table sideways without JavaScript.

Listed in mkdocs.yml under `hooks:`. A .py file in the theme folder is not copied to the site.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

CLASS = "record-table"
# A table without a class, to its end (content tables are never nested).
TABLE = re.compile(r"<table(?![^>]*\sclass=)([^>]*)>(.*?)</table>", re.S)


# The first and the last table of a page are laid out at once (site.css): marked here, in the HTML,
# rather than picked in the stylesheet by their place (`:last-of-type`), which had the browser style
# every earlier element of the page again each time the parser added one after it.
SHOWN = "record-table--shown"


def wrapped_tables(html: str) -> str:
    """`html` with each table that has no class inside Material's scrolling wrapper, with the class
    `record-table`; the first and the last such table also with the class `record-table--shown`."""
    count = len(TABLE.findall(html))
    seen = 0

    def wrap(match: re.Match[str]) -> str:
        nonlocal seen
        seen += 1
        classes = f"{CLASS} {SHOWN}" if seen in (1, count) else CLASS
        return (
            f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="{classes}"'
            f"{match[1]}>{match[2]}</table></div></div>"
        )

    return TABLE.sub(wrap, html)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return wrapped_tables(html)
