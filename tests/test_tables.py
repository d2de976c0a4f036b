"""Tables are wrapped for scrolling in the HTML (overrides/tables.py), so Material's script leaves them
where they are, and look as Material makes a table without a class look (docs/assets/site.css)."""

from __future__ import annotations

import re
from pathlib import Path

import material

from built_page import Page, built_pages
from conftest import ROOT
from overrides.tables import CLASS, SHOWN, wrapped_tables

MATERIAL_CSS = next((Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("main.*.min.css"))


def rules(css: str, selector: str) -> set[tuple[str, str, str]]:
    """The rules whose selector names `selector`, as (at-rule around it, selector, declarations), whitespace,
    quotes and leading zeros left out so that Material's minified file and ours compare."""

    def plain(text: str) -> str:
        text = re.sub(r"(?<![\d.])0\.(\d)", r".\1", text.replace('"', ""))
        return re.sub(r"\s+", "", text).rstrip(";")

    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    found, stack, start = set(), [], 0
    for at, char in enumerate(css):
        if char == "{":
            stack.append((css[start:at].strip(), at + 1))
            start = at + 1
        elif char == "}":
            head, opened = stack.pop()
            if not head.startswith("@") and selector in head:
                found.add((plain(stack[-1][0]) if stack else "", plain(head), plain(css[opened:at])))
            start = at + 1
    return found


def test_site_css_gives_record_tables_materials_look_for_a_table_without_a_class():
    materials = rules(MATERIAL_CSS.read_text(encoding="utf-8"), "table:not([class])")
    ours = rules((ROOT / "docs" / "assets" / "site.css").read_text(encoding="utf-8"), f"table.{CLASS}")
    expected = {(at, head.replace("table:not([class])", f"table.{CLASS}"), body) for at, head, body in materials}
    assert expected <= ours, f"Material's rules changed; copy them again into site.css: {expected - ours}"


def test_every_table_of_a_built_page_is_wrapped_and_left_alone_by_materials_script(fixture_build):
    tables = 0
    for path in built_pages(fixture_build):
        content = Page(fixture_build, path).content
        if content is None:
            continue
        assert not content.select("table:not([class])"), path  # what Material's script would move
        for table in content.select(f"table.{CLASS}"):
            tables += 1
            assert table.parent["class"] == ["md-typeset__table"], path
            assert table.parent.parent["class"] == ["md-typeset__scrollwrap"], path
    assert tables


def test_only_tables_without_a_class_are_wrapped():
    html = '<p>x</p><table id="t"><tr><td>1</td></tr></table><table class="highlighttable"><tr><td>2</td></tr></table>'
    assert wrapped_tables(html) == (
        '<p>x</p><div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
        f'<table class="{CLASS} {SHOWN}" id="t"><tr><td>1</td></tr></table></div></div>'
        '<table class="highlighttable"><tr><td>2</td></tr></table>'
    )


def test_the_first_and_the_last_table_are_marked_to_be_laid_out_at_once():
    html = "".join(f"<table><tr><td>{n}</td></tr></table>" for n in range(3))
    classes = re.findall(r'<table class="([^"]*)"', wrapped_tables(html))
    assert classes == [f"{CLASS} {SHOWN}", CLASS, f"{CLASS} {SHOWN}"]
