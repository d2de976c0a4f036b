"""Bad data gets one precise line per problem (file:line: field: message) and a non-zero exit.

Each row writes one file into a copy of the small fixture record, then runs
`python -m eunato check`. The record is otherwise valid, so the expected line is
the only problem unless the row says more.
"""

from __future__ import annotations

import pytest

from built_page import Page
from conftest import ROOT, build, check
from eunato.yaml_source import _FastLoader, _Loader, _parse

VALID_ACTION = """\
title: Action two
set: 2016
area: alpha
summary: The second action.
sources: [declaration-text]
"""

CASES = {
    "broken YAML syntax": (
        "actions/2016-2.yml",
        "title: Action two\nset: [2016\narea: alpha\n",
        "data/actions/2016-2.yml:3: (file): YAML syntax error: while parsing a flow sequence expected ',' or ']', "
        "but got ':' (what is unclosed or wrong started on line 2)",
    ),
    "an empty file": (
        "actions/2016-2.yml",
        "\n# nothing here\n",
        "data/actions/2016-2.yml:1: (file): the file is empty; expected a mapping of fields",
    ),
    "a list where a mapping is expected": (
        "actions/2016-2.yml",
        "- title: Action two\n- set: 2016\n",
        "data/actions/2016-2.yml:1: (file): the file holds a list; expected a mapping of fields",
    ),
    "a missing required field": (
        "actions/2016-2.yml",
        VALID_ACTION.replace("summary: The second action.\n", ""),
        "data/actions/2016-2.yml:1: summary: this required field is missing; add it",
    ),
    "an item that cites no source": (
        "actions/2016-2.yml",
        VALID_ACTION.replace("sources: [declaration-text]\n", ""),
        "data/actions/2016-2.yml:1: sources: this required field is missing; add it (ids from data/sources.yml)",
    ),
    "an empty list where one item is needed": (
        "reports/r2.yml",
        "ordinal: 2\ntitle: Report two\ndate: 2017-12\nhighlights: []\nsources: [report-text]\n",
        "data/reports/r2.yml:4: highlights: found an empty list; expected at least 1 (lines starting with '- ')",
    ),
    "an unknown field": (
        "actions/2016-2.yml",
        VALID_ACTION + "sumary: typo\n",
        "data/actions/2016-2.yml:6: sumary: unknown field 'sumary' (did you mean 'summary'?); expected one of:",
    ),
    "a wrong type": (
        "actions/2016-2.yml",
        VALID_ACTION + "position: three\n",
        "data/actions/2016-2.yml:6: position: found the text 'three'; expected a whole number",
    ),
    "an impossible date": (
        "reports/r2.yml",
        "ordinal: 2\ntitle: Report two\ndate: 2017-02-30\nhighlights: [x]\nsources: [report-text]\n",
        "data/reports/r2.yml:3: date: '2017-02-30' is not a date that exists; expected a date written YYYY-MM-DD",
    ),
    "a duplicate id": (
        "actions/2016-2.yaml",
        VALID_ACTION,
        "data/actions/2016-2.yml:1: (file): duplicate id '2016-2': data/actions/2016-2.yaml has it too",
    ),
    "an id that does not match its file name": (
        "actions/2016-2.yml",
        "id: 2016-3\n" + VALID_ACTION,
        "data/actions/2016-2.yml:1: id: the id '2016-3' does not match the file name '2016-2.yml'; expected '2016-2'",
    ),
    "a file name that is not a valid id": (
        "actions/Action_Two.yml",
        VALID_ACTION,
        "data/actions/Action_Two.yml:1: id: the file name 'Action_Two.yml' is not a valid id; expected lowercase",
    ),
    "an action naming an area that does not exist": (
        "actions/2016-2.yml",
        VALID_ACTION.replace("area: alpha", "area: alpah"),
        "data/actions/2016-2.yml:3: area: unknown area 'alpah' (did you mean 'alpha'?); "
        "expected an id defined in data/areas/, one of: alpha, beta",
    ),
    "an action naming a set that does not exist": (
        "actions/2016-2.yml",
        VALID_ACTION.replace("set: 2016", "set: 2019"),
        "data/actions/2016-2.yml:2: set: unknown set '2019'",
    ),
    "a report mentioning an action that does not exist": (
        "reports/r2.yml",
        "ordinal: 2\ntitle: Report two\ndate: 2017-12\nhighlights: [x]\nmentions:\n  actions: [2016-2, 2016-99]\nsources: [report-text]\n",
        "data/reports/r2.yml:6: mentions.actions[2]: unknown action '2016-99'",
    ),
    "an operation naming an action that does not exist": (
        "operations/joint-patrol.yml",
        "title: J\nkind: operation\ntheatre: Sea\nstart: 2008\nsummary: S.\nactions:\n  - nope\nsources: [press-article]\n",
        "data/operations/joint-patrol.yml:7: actions[1]: unknown action 'nope'",
    ),
    "a source id that does not exist": (
        "actions/2016-2.yml",
        VALID_ACTION.replace("sources: [declaration-text]", "sources:\n  - declaration-text\n  - declaration-txt"),
        "data/actions/2016-2.yml:7: sources[2]: unknown source 'declaration-txt' (did you mean 'declaration-text'?); "
        "expected an id defined in data/sources.yml (add the document there first, as CONTRIBUTING.md shows)",
    ),
    "a key written twice": (
        "actions/2016-2.yml",
        VALID_ACTION + "title: Again\n",
        "data/actions/2016-2.yml:6: (file): the key 'title' appears twice in the same mapping; keep only one",
    ),
    "two reports with one ordinal": (
        "reports/r2.yml",
        "ordinal: 1\ntitle: Report two\ndate: 2017-12\nhighlights: [x]\nsources: [report-text]\n",
        "data/reports/r2.yml:1: ordinal: ordinal 1 is already used by another report (data/reports/r1.yml); "
        "expected a different ordinal, e.g. 11, the next free one",
    ),
    "two actions at one position of a set": (
        "actions/2016-2.yml",
        VALID_ACTION + "position: 1\n",
        "data/actions/lonely.yml:4: position: position 1 is already used by another action of the same set "
        "(data/actions/2016-2.yml); expected a different position, e.g. 2, the next free one",
    ),
    "an operation that ends before it starts": (
        "operations/joint-patrol.yml",
        "title: J\nkind: operation\ntheatre: Sea\nstart: 2010\nend: 2009-05\nsummary: S.\nsources: [press-article]\n",
        "data/operations/joint-patrol.yml:5: end: ends (2009-05) before it starts (2010)",
    ),
    "a value outside a closed list": (
        "operations/joint-patrol.yml",
        "title: J\nkind: mission\ntheatre: Sea\nstart: 2010\nsummary: S.\nsources: [press-article]\n",
        "data/operations/joint-patrol.yml:2: kind: found the text 'mission'; expected one of: 'operation' or 'mechanism'",
    ),
    "a source with no way to find it": (
        "sources.yml",
        "declaration-text:\n  title: T\n  issuer: NATO\n  kind: press\nreport-text:\n  title: R\n  issuer: EU\n  number: '1'\n"
        "press-article:\n  title: P\n  issuer: N\n  url: https://example.org\n",
        "data/sources.yml:1: declaration-text: a source needs a way to find it; expected 'number'",
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_bad_input_is_reported_with_file_line_and_field(data_dir, name):
    relative, text, expected = CASES[name]
    (data_dir / relative).write_text(text, encoding="utf-8")

    result = check(data_dir)

    assert result.returncode == 1
    assert expected in result.stderr, result.stderr
    assert result.stderr.rstrip().endswith("nothing was built.")


def test_every_problem_is_reported_at_once(data_dir):
    (data_dir / "actions" / "2016-2.yml").write_text(VALID_ACTION.replace("area: alpha", "area: gamma"))
    (data_dir / "reports" / "r10.yml").write_text("ordinal: ten\ntitle: T\ndate: 2025\nhighlights: [x]\nsources: [report-text]\n")
    (data_dir / "areas" / "beta.yml").write_text("")

    result = check(data_dir)

    assert result.returncode == 1
    assert "data/actions/2016-2.yml:3: area: unknown area 'gamma'" in result.stderr
    assert "data/reports/r10.yml:1: ordinal: found the text 'ten'; expected a whole number" in result.stderr
    assert "data/areas/beta.yml:1: (file): the file is empty" in result.stderr
    assert "3 problems in the data; nothing was built." in result.stderr


def test_a_broken_file_stops_the_build_with_the_same_message_and_writes_no_site(project, tmp_path):
    (project / "data" / "actions" / "2016-2.yml").write_text(VALID_ACTION.replace("area: alpha", "area: gamma"))
    site_dir = tmp_path / "built"

    result = build(project, site_dir)

    assert result.returncode != 0
    assert "data/actions/2016-2.yml:3: area: unknown area 'gamma'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not site_dir.exists()


def test_valid_data_passes_the_check(data_dir):
    result = check(data_dir)

    assert result.returncode == 0, result.stderr
    assert "data is valid: 1 declaration, 1 set, 2 areas, 3 actions, 3 reports, 1 operation" in result.stdout


def test_check_writes_github_annotations_when_run_in_github_actions(data_dir, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    (data_dir / "actions" / "2016-2.yml").write_text(VALID_ACTION.replace("area: alpha", "area: gamma"))

    result = check(data_dir)

    assert "::error file=data/actions/2016-2.yml,line=3::area: unknown area 'gamma'" in result.stdout


def test_a_failing_build_in_github_actions_also_writes_annotations(project, tmp_path, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    (project / "data" / "actions" / "2016-2.yml").write_text(VALID_ACTION.replace("area: alpha", "area: gamma"))

    result = build(project, tmp_path / "built")

    assert result.returncode != 0
    assert "::error file=data/actions/2016-2.yml,line=3::area: unknown area 'gamma'" in result.stdout


# --- Placeholders: valid enough to preview, never published ------------------------------

UNFINISHED_ACTION = VALID_ACTION.replace("summary: The second action.", 'summary: "FILL IN: what was agreed, in your own words"')


def test_check_refuses_a_placeholder_and_says_what_to_write(data_dir):
    (data_dir / "actions" / "2016-2.yml").write_text(UNFINISHED_ACTION)

    result = check(data_dir)

    assert result.returncode == 1
    assert "data/actions/2016-2.yml:4: summary: found a placeholder; expected what was agreed, in your own words" in result.stderr
    assert "1 placeholder from `python -m eunato new` still to write" in result.stderr


def test_placeholders_are_listed_with_the_problems_of_other_files(data_dir):
    (data_dir / "actions" / "2016-2.yml").write_text(UNFINISHED_ACTION)
    (data_dir / "actions" / "lonely.yml").write_text(VALID_ACTION.replace("area: alpha", "area: gamma"))

    result = check(data_dir)

    assert "data/actions/2016-2.yml:4: summary: found a placeholder" in result.stderr
    assert "data/actions/lonely.yml:3: area: unknown area 'gamma'" in result.stderr
    assert "2 problems in the data; nothing was built." in result.stderr


def test_the_preview_shows_a_placeholder_and_warns_but_a_strict_build_refuses_it(project, tmp_path):
    (project / "data" / "actions" / "2016-2.yml").write_text(UNFINISHED_ACTION)

    preview = build(project, tmp_path / "preview", strict=False)
    strict = build(project, tmp_path / "strict")

    assert preview.returncode == 0, preview.stderr
    assert "WARNING -  data/actions/2016-2.yml:4: summary: found a placeholder" in preview.stderr
    assert "FILL IN: what was agreed" in Page(tmp_path / "preview", "actions/2016-2/").text
    assert strict.returncode != 0
    assert "data/actions/2016-2.yml:4: summary: found a placeholder" in strict.stderr


def test_the_fast_parser_reads_every_file_as_the_wording_parser_does():
    # libyaml reads the data; the pure-Python parser is kept only for its wording of syntax errors.
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "data").rglob("*.yml"))]
    texts.append("answer: no\nwhen: 2016-12-06\nflag: true\n")
    for text in texts:
        fast, careful = _parse(text, _FastLoader), _parse(text, _Loader)
        assert (fast.data, fast.lines) == (careful.data, careful.lines)
    assert _parse(texts[-1], _FastLoader).data == {"answer": "no", "when": "2016-12-06", "flag": True}
