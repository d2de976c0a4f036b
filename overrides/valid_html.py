"""MkDocs hook: Material's pages made valid HTML (the W3C Nu checker finds no error in them).

Each fix changes Material's rendered output by the least that makes it valid, after rendering, so
no template of Material's has to be copied. tests/test_theme_overrides.py fails when Material's own
output stops having what a fix is for (then the fix goes), and tests/test_html_valid.py when an
error is back.

- Navigation labels of a section: Material writes `tabindex=""` where it means "not focusable".
  Browsers treat an empty tabindex as none, so the attribute is dropped.
- The drawer and search toggles (hidden checkboxes): Material's `autocomplete="off"`, not allowed on
  a checkbox, keeps browsers from restoring them as open when the reader goes back. A form with
  `autocomplete="off"` that owns them (`form=`) does the same, validly, in Chromium and Firefox.
- The title of the table of contents: its `for="__toc"` names the toggle Material writes only on
  pages listed in the navigation. On the others (one per action and operation) the title keeps its
  text and stops pointing at nothing.

Listed in mkdocs.yml under `hooks:`. A .py file in the theme folder is not copied to the site.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

TOGGLE = '<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}" autocomplete="off">'
TOGGLE_FORM = '<form id="__toggles" autocomplete="off" hidden></form>'
NAV_LABEL_TABINDEX = re.compile(r'(<label class="md-nav__link[^"<>]*" for="[^"<>]*" id="[^"<>]*_label") tabindex=""')
TOC_TITLE = '<label class="md-nav__title" for="__toc">'
TOC_TOGGLE = 'id="__toc"'


def valid_html(html: str) -> tuple[str, list[str]]:
    """The page with Material's invalid markup fixed, and the names of the fixes that changed it."""
    applied = []
    drawer, search = TOGGLE.format(name="drawer"), TOGGLE.format(name="search")
    if drawer in html and search in html:
        owned = ' form="__toggles">'
        html = html.replace(drawer, TOGGLE_FORM + drawer.replace(' autocomplete="off">', owned), 1)
        html = html.replace(search, search.replace(' autocomplete="off">', owned), 1)
        applied.append("toggles")
    html, labels = NAV_LABEL_TABINDEX.subn(r"\1", html)
    if labels:
        applied.append("tabindex")
    if TOC_TITLE in html and TOC_TOGGLE not in html:
        html = html.replace(TOC_TITLE, '<label class="md-nav__title">')
        applied.append("toc title")
    return html, applied


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return valid_html(output)[0]


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Static templates: 404.html is a page of the theme too."""
    return valid_html(output_content)[0] if template_name.endswith(".html") else output_content
