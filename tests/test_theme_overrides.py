"""Copies of Material's partials in overrides/ stay Material's, plus only the change they exist for."""

from __future__ import annotations

import re
from pathlib import Path

import material

from conftest import ROOT

MATERIAL_PARTIALS = Path(material.__file__).parent / "templates" / "partials"


def without_leading_comment(template: str) -> str:
    return re.sub(r"^\{#-.*?-#\}\n", "", template, flags=re.DOTALL)


def test_the_search_partial_is_materials_own_with_a_name_for_the_dialog():
    theirs = without_leading_comment((MATERIAL_PARTIALS / "search.html").read_text(encoding="utf-8"))
    ours = without_leading_comment((ROOT / "overrides" / "partials" / "search.html").read_text(encoding="utf-8"))
    dialog = '<div class="md-search" data-md-component="search" role="dialog"'
    assert ours == theirs.replace(dialog, dialog + " aria-label=\"{{ lang.t('search') }}\"", 1)
