"""Bad data gets one precise line per problem (file:line: field: message) and a non-zero exit.

Each row writes one file into a copy of the small fixture record, then runs
`python -m eunato check`. The record is otherwise valid, so the expected line is
the only problem unless the row says more.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import Field, ValidationError

from built_page import Page
from conftest import FIXTURE_DATA, ROOT, build, check
from eunato.dates import PartialDate
from eunato.messages import explain
from eunato.model import Record
from eunato.problems import field_name
from eunato.yaml_source import _FastLoader, _Loader, _parse

VALID_ACTION = """\
title: Action two
set: 2016
area: alpha
summary: The second action.
sources: [declaration-text]
"""

SET = (FIXTURE_DATA / "sets" / "2016.yml").read_text(encoding="utf-8")
SOURCES = (FIXTURE_DATA / "sources.yml").read_text(encoding="utf-8")

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
        "data/actions/2016-2.yml:1: sources: this item cites no source; expected a citation such as [@source-id] "
        "in its text, or the id of a source under `sources:`",
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
    "an id listed twice": (
        "actions/2016-2.yml",
        VALID_ACTION.replace("sources: [declaration-text]", "sources:\n  - declaration-text\n  - declaration-text"),
        "data/actions/2016-2.yml:7: sources[2]: 'declaration-text' is listed twice; list each id once",
    ),
    "a position beyond the end of its set": (
        "actions/2016-2.yml",
        VALID_ACTION + "position: 9\n",
        "data/actions/2016-2.yml:6: position: position 9 is beyond the end of set '2016'; expected 1 to 4",
    ),
    "a set holding more actions than the Councils endorsed": (
        "sets/2016.yml",
        SET.replace("count: 4", "count: 2").replace("area_counts:\n  alpha: 3\n", ""),
        "data/sets/2016.yml:3: count: data/actions/ holds 3 actions of this set; expected at most 2, "
        "the number the Councils endorsed",
    ),
    "an area holding more actions than the set holds in it": (
        "sets/2016.yml",
        SET.replace("alpha: 3", "alpha: 1"),
        "data/sets/2016.yml:8: area_counts.alpha: data/actions/ holds 2 actions of this set in 'alpha'; "
        "expected at most 1, the number the set holds in that area",
    ),
    "area counts adding up to more than the set": (
        "sets/2016.yml",
        SET.replace("alpha: 3", "alpha: 3\n  beta: 2"),
        "data/sets/2016.yml:7: area_counts: the area counts add up to 5; expected at most 4, the set's count",
    ),
    "a report period that ends before it starts": (
        "reports/r2.yml",
        "ordinal: 2\ntitle: Report two\ndate: 2017-12\nperiod:\n  start: 2017-06\n  end: 2016-12\n"
        "highlights: [x]\nsources: [report-text]\n",
        "data/reports/r2.yml:4: period: the period starts (2017-06) after it ends (2016-12); expected start <= end",
    ),
    "one side of an operation that ends before it starts": (
        "operations/joint-patrol.yml",
        "title: J\nkind: operation\ntheatre: Sea\nstart: 2008\nnato:\n  name: N\n  role: R.\n  start: 2010\n"
        "  end: 2009-05\nsummary: S.\nsources: [press-article]\n",
        "data/operations/joint-patrol.yml:9: nato.end: ends (2009-05) before it starts (2010); "
        "expected an end on or after the start",
    ),
    "a number that must be greater than zero": (
        "reports/r2.yml",
        "ordinal: 0\ntitle: Report two\ndate: 2017-12\nhighlights: [x]\nsources: [report-text]\n",
        "data/reports/r2.yml:1: ordinal: found the number 0; expected a number greater than 0",
    ),
    "an empty text": (
        "actions/2016-2.yml",
        VALID_ACTION.replace("title: Action two", 'title: ""'),
        "data/actions/2016-2.yml:1: title: the text is empty; expected some text",
    ),
    "a number where text is expected": (
        "actions/2016-2.yml",
        VALID_ACTION.replace("title: Action two", "title: 5"),
        "data/actions/2016-2.yml:1: title: found the number 5; expected text",
    ),
    "text where a list is expected": (
        "actions/2016-2.yml",
        VALID_ACTION.replace("sources: [declaration-text]", "sources: declaration-text"),
        "data/actions/2016-2.yml:5: sources: found the text 'declaration-text'; expected a list (lines starting with '- ')",
    ),
    "a list where a mapping is expected in a field": (
        "sets/2016.yml",
        SET.replace("area_counts:\n  alpha: 3\n", "area_counts: [alpha]\n"),
        "data/sets/2016.yml:7: area_counts: found a list; expected a mapping (lines of 'field: value')",
    ),
    "text where a nested mapping is expected": (
        "reports/r2.yml",
        "ordinal: 2\ntitle: Report two\ndate: 2017-12\nperiod: 2017\nhighlights: [x]\nsources: [report-text]\n",
        "data/reports/r2.yml:4: period: found the number 2017; expected a mapping (lines of 'field: value')",
    ),
    "an address that is not a web address": (
        "sources.yml",
        SOURCES.replace("url: https://example.org/article", "url: ftp://example.org/article"),
        "data/sources.yml:14: press-article.url: found the text 'ftp://example.org/article'; "
        "expected a web address starting with https:// or http://",
    ),
    "an unknown field in a registry entry": (
        "sources.yml",
        SOURCES.replace("  kind: press", "  knd: press"),
        "data/sources.yml:13: press-article.knd: unknown field 'knd' (did you mean 'kind'?); expected one of:",
    ),
    "a glossary meaning that is not text": (
        "glossary.yml",
        "PACE: 5\n",
        "data/glossary.yml:1: PACE: found the number 5; expected text",
    ),
    "an edition dated to the month": (
        "edition.yml",
        "version: '0.2'\ndate: 2026-12\n",
        "data/edition.yml:1: (file): the edition is dated 2026-12; expected the day it was published, YYYY-MM-DD",
    ),
    "a membership that ends without a source": (
        "states/southland.yml",
        "name: Southland\nmemberships:\n  - body: eu\n    joined: 1995-01-01\n    joined_source: report-text\n"
        "    left: 2020-01-31\n",
        "data/states/southland.yml:3: memberships[1]: 'left' has no source; expected 'left_source' with the id of a source",
    ),
    "a membership that ends before it begins": (
        "states/southland.yml",
        "name: Southland\nmemberships:\n  - body: eu\n    joined: 1995-01-01\n    joined_source: report-text\n"
        "    left: 1994-12\n    left_source: report-text\n",
        "data/states/southland.yml:3: memberships[1]: ends (1994-12) before it starts (1995-01-01)",
    ),
    "a body that is neither the EU nor NATO": (
        "states/southland.yml",
        "name: Southland\nmemberships:\n  - body: osce\n    joined: 1995-01-01\n    joined_source: report-text\n",
        "data/states/southland.yml:3: memberships[1].body: found the text 'osce'; expected one of: 'eu', 'nato' or 'pfp'",
    ),
    "a state named that does not exist": (
        "turning-points/a-war.yml",
        "title: A war\ndate: 2022-02-24\nsummary: S [@press-article].\nstates: [eastlnd]\n",
        "data/turning-points/a-war.yml:4: states[1]: unknown state 'eastlnd' (did you mean 'eastland' or",
    ),
    "a strategy on an area that does not exist": (
        "strategies/a-compass.yml",
        "title: C\nissuer: eu\ntype: strategy\ndate: 2022\nadopted_by: Council\nsummary: S [@report-text].\n"
        "areas:\n  alfa: It asks [@report-text].\n",
        "data/strategies/a-compass.yml:8: areas.alfa: unknown area 'alfa' (did you mean 'alpha'?)",
    ),
    "a mapping used as a key": (
        "actions/2016-2.yml",
        VALID_ACTION + "? {a: 1}\n: x\n",
        "data/actions/2016-2.yml:6: (file): a key must be a plain word, found {'a': 1}",
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


# Problems with the files themselves rather than their fields: each row changes the data folder.
LAYOUT: dict[str, tuple[Callable[[Path], object], str]] = {
    "a folder that is not a kind": (
        lambda data: (data / "summits").mkdir(),
        "data/summits:1: (file): unexpected folder in data/; expected one of: actions, analyses, areas,",
    ),
    "a file that is not a registry": (
        lambda data: (data / "notes.txt").write_text("x"),
        "data/notes.txt:1: (file): unexpected file in data/; expected one of:",
    ),
    "a file in a kind's folder that is not YAML": (
        lambda data: (data / "actions" / "2016-3.md").write_text("x"),
        "data/actions/2016-3.md:1: (file): not a data file; expected a YAML file named <id>.yml in data/actions/",
    ),
    "no edition": (
        lambda data: (data / "edition.yml").unlink(),
        "data/edition.yml:1: (file): the file is missing; expected data/edition.yml with the edition's version and date",
    ),
    "no list of sources": (
        lambda data: (data / "sources.yml").unlink(),
        "data/sources.yml:1: (file): the file is missing; expected data/sources.yml with every cited document, once",
    ),
    "a file that is not UTF-8": (
        lambda data: (data / "actions" / "2016-2.yml").write_bytes(
            VALID_ACTION.replace("two", "tw\xf6").encode("latin-1")
        ),
        "data/actions/2016-2.yml:1: (file): the file is not UTF-8 text (invalid start byte); save it as UTF-8",
    ),
    "no data folder at all": (
        shutil.rmtree,
        "data:1: (folder): the data folder does not exist",
    ),
}


@pytest.mark.parametrize("name", LAYOUT)
def test_a_misplaced_or_unreadable_file_is_reported_with_its_path(data_dir, name):
    change, expected = LAYOUT[name]
    change(data_dir)

    result = check(data_dir)

    assert result.returncode == 1
    assert expected in result.stderr, result.stderr
    assert result.stderr.rstrip().endswith("nothing was built.")


def test_every_problem_is_reported_at_once(data_dir):
    (data_dir / "actions" / "2016-2.yml").write_text(VALID_ACTION.replace("area: alpha", "area: gamma"))
    (data_dir / "reports" / "r10.yml").write_text(
        "ordinal: ten\ntitle: T\ndate: 2025\nhighlights: [x]\nsources: [report-text]\n"
    )
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

UNFINISHED_ACTION = VALID_ACTION.replace(
    "summary: The second action.", 'summary: "FILL IN: what was agreed, in your own words"'
)


def test_check_refuses_a_placeholder_and_says_what_to_write(data_dir):
    (data_dir / "actions" / "2016-2.yml").write_text(UNFINISHED_ACTION)

    result = check(data_dir)

    assert result.returncode == 1
    assert (
        "data/actions/2016-2.yml:4: summary: found a placeholder; expected what was agreed, in your own words"
        in result.stderr
    )
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


# --- The wording of pydantic's errors, for fields the record does not have yet -----------------


class _Sample(Record):
    names: list[str] = Field(min_length=2)
    flag: bool = False
    when: PartialDate | None = None


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"names": ["one"]}, "names: found 1 item; expected at least 2 (lines starting with '- ')"),
        ({"names": ["a", "b"], "flag": "yes"}, "flag: found the text 'yes'; expected true or false"),
        ({"names": ["a", "b"], "when": 2016.5}, "when: found 2016.5; expected a date written YYYY-MM-DD"),
    ],
)
def test_each_kind_of_mistake_is_worded_for_editors(data, expected):
    with pytest.raises(ValidationError) as raised:
        _Sample.model_validate(data)
    (error,) = raised.value.errors(include_url=False)
    assert f"{field_name(error['loc'])}: {explain(error, _Sample)}".startswith(expected)


def test_a_mistake_without_wording_of_its_own_still_names_what_was_found():
    error = {
        "type": "url_too_long",
        "loc": ("url",),
        "msg": "URL should have at most 10 characters",
        "input": "https://x",
    }
    assert explain(error, None) == "URL should have at most 10 characters (found the text 'https://x')"
