"""Material's output, changed by the theme overrides only where they say and only while it needs it.

Copies of Material's partials in overrides/ stay Material's, plus only the change they exist for;
overrides/valid_html.py's fixes each still meet the invalid markup they are for in Material's own
output, and change nothing else.
"""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from built_page import built_pages, read_built
from conftest import ROOT, build, copy_project
from eunato.kinds import KINDS
from overrides.valid_html import valid_html

MATERIAL_PARTIALS = Path(material.__file__).parent / "templates" / "partials"


def without_leading_comment(template: str) -> str:
    return re.sub(r"^\{#-.*?-#\}\n", "", template, flags=re.DOTALL)


def test_the_search_partial_is_materials_own_with_a_name_for_the_dialog():
    theirs = without_leading_comment((MATERIAL_PARTIALS / "search.html").read_text(encoding="utf-8"))
    ours = without_leading_comment((ROOT / "overrides" / "partials" / "search.html").read_text(encoding="utf-8"))
    dialog = '<div class="md-search" data-md-component="search" role="dialog"'
    assert ours == theirs.replace(dialog, dialog + " aria-label=\"{{ lang.t('search') }}\"", 1)


@pytest.fixture(scope="module")
def materials_own_build(tmp_path_factory) -> Path:
    """The fixture record built as Material writes it: the project without the valid_html hook."""
    base = tmp_path_factory.mktemp("material")
    project = copy_project(base / "project")
    config = project / "mkdocs.yml"
    text, removed = re.subn(r"\n *- overrides/valid_html\.py[^\n]*", "", config.read_text(encoding="utf-8"))
    assert removed == 1
    config.write_text(text, encoding="utf-8")
    result = build(project, base / "site")
    assert result.returncode == 0, result.stderr
    return base / "site"


def test_every_fix_of_materials_html_still_meets_what_it_fixes(materials_own_build, fixture_site):
    applied = {path: valid_html(read_built(materials_own_build, path))[1] for path in built_pages(materials_own_build)}

    assert applied and all({"toggles", "tabindex"} <= set(fixes) for fixes in applied.values()), applied
    # Pages missing from the navigation lack the toc toggle (Material writes it only for listed pages).
    untoggled = {path for path, fixes in applied.items() if "toc title" in fixes}
    unlisted = {
        f"{kind.name}/{item.id}/" for kind in KINDS if not kind.in_nav for item in fixture_site.items(kind.name)
    }
    assert unlisted and unlisted <= untoggled, unlisted - untoggled


def test_the_built_pages_are_materials_with_those_fixes_and_nothing_else(materials_own_build, fixture_build):
    assert built_pages(fixture_build) == built_pages(materials_own_build)
    for path in built_pages(fixture_build):
        assert read_built(fixture_build, path) == valid_html(read_built(materials_own_build, path))[0], path


def test_the_fixes_keep_what_is_already_valid():
    focusable = '<label class="md-nav__link" for="__nav_2_3" id="__nav_2_3_label" tabindex="0">'
    toc = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc"><label class="md-nav__title" for="__toc">'
    text = '<p>Write tabindex="" or autocomplete="off" in a sentence.</p>'
    for html in (focusable, toc, text):
        assert valid_html(html) == (html, [])
