"""A maintainer's mistakes in templates and configuration stop the build with a message, never a traceback.

Each test breaks one thing in a copy of the project around the fixture record, builds it, and
reads what MkDocs prints: the file to change and what was expected.
"""

from __future__ import annotations

import re

import pytest

from built_page import Page
from conftest import build

BROKEN = {
    "a misspelt kind in a template": (
        lambda project: _replace(
            project / "docs/templates/action.md",
            'site.referrers("actions", item.id, "reports")',
            'site.referrers("actions", item.id, "reprots")',
        ),
        "docs/templates/action.md, rendering actions/lonely.md: UnknownKind: unknown kind 'reprots' "
        "(did you mean 'reports'?); expected one of:",
    ),
    "a misspelt kind read as an attribute": (
        lambda project: _replace(
            project / "docs/templates/actions.md", "site.actions.values()", "site.acions.values()"
        ),
        "docs/templates/actions.md, rendering actions/index.md: UndefinedError:",
    ),
    "a kind's item template missing": (
        lambda project: (project / "docs/templates/operation.md").unlink(),
        "docs/templates/operation.md is missing (needed for operations/joint-patrol.md); expected a template for "
        "each kind: <kind>.md for its index page and <singular>.md for one item",
    ),
    "a kind missing from the navigation": (
        lambda project: _replace(project / "mkdocs.yml", "  - Analysis: analyses/index.md\n", ""),
        "mkdocs.yml: the navigation has no entry for the kind 'analyses'; expected a line such as "
        "`- Analysis: analyses/index.md` under nav:",
    ),
    "the macros plugin missing": (
        lambda project: _replace(
            project / "mkdocs.yml",
            "  - macros:\n",
            "  - unused-macros:\n",
            count=1,
            then=lambda text: re.sub(r"  - unused-macros:\n(      .*\n)+", "", text),
        ),
        "hooks.py needs the mkdocs-macros plugin, which loads the record",
    ),
}


def _replace(path, old, new, count=-1, then=None):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    text = text.replace(old, new, count)
    path.write_text(then(text) if then else text, encoding="utf-8")


@pytest.mark.parametrize("name", BROKEN)
def test_a_broken_template_or_setting_stops_the_build_with_a_message(project, tmp_path, name):
    breaking, expected = BROKEN[name]
    breaking(project)

    result = build(project, tmp_path / "site")

    assert result.returncode != 0
    assert expected in result.stderr, result.stderr[-3000:]
    assert "Traceback" not in result.stderr


def test_an_unknown_kind_in_a_template_would_otherwise_say_nothing_mentions_the_item(project, tmp_path):
    # The same template, unbroken, lists the report that mentions the action: the test above is about a real loss.
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "reports/r1/" in Page(tmp_path / "site", "actions/2016-10/").links()
