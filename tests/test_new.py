"""`python -m eunato new`: what an editor does to add a report, from the scaffold to the built site."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from jsonschema import Draft7Validator

from built_page import Page
from conftest import build, check, copy_project, run
from eunato.yaml_source import read_document


def new(project: Path, *arguments: str):
    return run(sys.executable, "-m", "eunato", "new", *arguments, cwd=project)


def files_of(project: Path) -> dict[str, bytes]:
    return {
        path.relative_to(project).as_posix(): path.read_bytes()
        for folder in ("data", "schemas")
        for path in sorted((project / folder).rglob("*"))
        if path.is_file()
    }


def fill_in(path: Path, replacements: dict[str, str]) -> None:
    """Edit a file as an editor does: replace lines, leave the rest as it is."""
    text = path.read_text(encoding="utf-8")
    for old, new_text in replacements.items():
        assert old in text, old
        text = text.replace(old, new_text)
    path.write_text(text, encoding="utf-8")


def placeholder_lines(output: str) -> list[str]:
    return [line.strip() for line in output.splitlines() if "found a placeholder" in line]


# --- The whole way: scaffold, fill in, check, build ------------------------------------

REPORT_FILLED_IN = {
    '  - "FILL IN: one thing the report says, in your own words"': "  - Both staffs met twice on beta.",
    "  areas: []       # ids from data/areas/": "  areas: [beta]",
    "  actions: []     # ids from data/actions/": "  actions: [lonely]",
    "  operations: []  # ids from data/operations/": "  operations: [joint-patrol]",
}
SOURCE_FILLED_IN = {
    '''  title: "FILL IN: the document's title, as its issuer gives it"''': "  title: Eleventh progress report",
    '''  issuer: "FILL IN: who issued it, e.g. NATO or Council of the European Union"''': "  issuer: Council of the European Union",
    '''  number: "FILL IN: its official document number; if it has none, delete this line and give its url"''': "  number: '9999/26'",
}


@pytest.fixture(scope="module")
def added_report(tmp_path_factory):
    """The fixture record (reports 1, 2 and 10) with report 11 added the way CONTRIBUTING.md says, then built."""
    base = tmp_path_factory.mktemp("added-report")
    project = copy_project(base / "project")
    scaffold = new(project, "report", "--date", "2026-06-15")
    assert scaffold.returncode == 0, scaffold.stderr
    unfinished = check(project / "data")
    fill_in(project / "data" / "reports" / "2026-06.yml", REPORT_FILLED_IN)
    fill_in(project / "data" / "sources.yml", SOURCE_FILLED_IN)
    finished = check(project / "data")
    built = build(project, base / "site")
    return scaffold, unfinished, finished, built, base / "site"


def test_the_scaffold_names_the_file_and_every_value_left_to_write(added_report):
    scaffold, unfinished, *_ = added_report
    assert "Wrote data/reports/2026-06.yml: progress report no. 11 of 15 June 2026." in scaffold.stdout
    assert "Added the source 'report-2026-06' to data/sources.yml, for you to describe." in scaffold.stdout
    assert unfinished.returncode == 1
    assert placeholder_lines(scaffold.stdout) == placeholder_lines(unfinished.stderr)
    assert len(placeholder_lines(scaffold.stdout)) == 4


def test_once_filled_in_the_report_passes_the_check_and_the_strict_build(added_report):
    *_, finished, built, _ = added_report
    assert finished.returncode == 0, finished.stderr
    assert "4 reports" in finished.stdout
    assert built.returncode == 0, built.stderr


def test_the_new_report_has_its_page_with_its_title_date_and_links(added_report):
    site = added_report[-1]
    page = Page(site, "reports/2026-06/")
    assert page.title == "Eleventh progress report (June 2026)"
    assert "15 June 2026" in page.text
    assert "Both staffs met twice on beta." in page.text
    assert {"areas/beta/", "actions/lonely/", "operations/joint-patrol/", "reports/r10/"} <= page.links()


def test_the_reports_index_lists_the_new_report_last(added_report):
    index = Page(added_report[-1], "reports/")
    rows = index.content.find("table").find("tbody").find_all("tr")
    assert rows[-1].find("td").get_text(strip=True) == "11"
    assert "reports/2026-06/" in index.links(rows[-1])


def test_what_the_new_report_mentions_links_back_to_it(added_report):
    site = added_report[-1]
    for path in ("areas/beta/", "actions/lonely/", "operations/joint-patrol/"):
        assert "reports/2026-06/" in Page(site, path).links(), path
    assert "No progress report in this record mentions this action" not in Page(site, "actions/lonely/").text


def test_the_new_report_becomes_the_latest_and_follows_the_one_before(added_report):
    site = added_report[-1]
    home = Page(site, "")
    assert "reports/2026-06/" in home.links(home.section("Latest progress report"))
    assert "reports/2026-06/" in Page(site, "reports/r10/").links(
        Page(site, "reports/r10/").section("Before and after")
    )
    assert "reports/2026-06/" in Page(site, "sources/").links(Page(site, "sources/").content.find(id="report-2026-06"))


def test_the_new_report_appears_on_the_timeline(added_report):
    assert "reports/2026-06/" in Page(added_report[-1], "timeline/").links()


# --- What the scaffold writes -------------------------------------------------------------

SCAFFOLDS = {
    "report": ("report", "--date", "2026-06"),
    "action": ("action", "2016-3", "--set", "2016", "--area", "beta"),
    "action citing a source that exists": (
        "action",
        "2016-4",
        "--set",
        "2016",
        "--area",
        "beta",
        "--source",
        "declaration-text",
    ),
    "operation": ("operation", "joint-training", "--start", "2019", "--kind", "mechanism"),
    "state": ("state", "gammaland", "--name", "Gammaland"),
    "strategy": ("strategy", "nato-2026-x", "--issuer", "nato", "--type", "summit-declaration", "--date", "2026-07-07"),
    "turning point": ("turning-point", "a-treaty", "--date", "2026-05"),
}


@pytest.mark.parametrize("name", SCAFFOLDS)
def test_a_scaffolded_file_is_valid_but_for_its_placeholders(project, name):
    result = new(project, *SCAFFOLDS[name])
    assert result.returncode == 0, result.stderr
    written = project / re.search(r"^Wrote (\S+):", result.stdout, re.MULTILINE)[1]
    kind = written.parent.name

    first_line = written.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == f"# yaml-language-server: $schema=../../schemas/{kind}.json"
    schema = json.loads((project / "schemas" / f"{kind}.json").read_text(encoding="utf-8"))
    assert list(Draft7Validator(schema).iter_errors(read_document(written).data)) == []
    unfinished = check(project / "data")
    # What `check` refuses is exactly what the scaffold said is left to write, and something is.
    assert placeholder_lines(unfinished.stderr) == placeholder_lines(result.stdout) != []
    assert len(placeholder_lines(unfinished.stderr)) == len(unfinished.stderr.splitlines()) - 1, unfinished.stderr
    for path in (written, project / "data" / "sources.yml"):
        path.write_text(re.sub(r'"FILL IN: [^"]*"', "Written by the editor.", path.read_text(encoding="utf-8")))
    assert check(project / "data").returncode == 0


def test_a_new_id_is_offered_by_the_schemas_at_once(project):
    new(project, "action", "2016-3", "--set", "2016", "--area", "beta")
    reports = json.loads((project / "schemas" / "reports.json").read_text(encoding="utf-8"))
    assert "2016-3" in reports["$defs"]["Mentions"]["properties"]["actions"]["items"]["enum"]


# --- Mistakes: a message that says what to change, and nothing written --------------------

MISTAKES = {
    "a date that does not exist": (
        ("report", "--date", "2026-02-30"),
        "--date: '2026-02-30' is not a date that exists; expected a date written YYYY-MM-DD, or YYYY-MM when only "
        "the month is known, or YYYY",
    ),
    "an ordinal that another report has": (
        ("report", "--date", "2026-06", "--ordinal", "2"),
        "--ordinal: ordinal 2 is already used by data/reports/r2.yml; expected a different ordinal, e.g. 11, the next free one",
    ),
    "a source that is not in data/sources.yml": (
        ("report", "--date", "2026-06", "--source", "report-txt"),
        "--source: unknown source 'report-txt' (did you mean 'report-text'?); expected an id defined in data/sources.yml",
    ),
    "a report id that exists": (
        ("report", "--date", "2026-06", "--id", "r2"),
        "--id: data/reports/r2.yml exists already; expected an id of its own",
    ),
    "an area that does not exist": (
        ("action", "2016-3", "--set", "2016", "--area", "gama"),
        "--area: unknown area 'gama'; expected an id defined in data/areas/, one of: alpha, beta",
    ),
    "an id that is not an id": (
        ("operation", "Joint Training", "--start", "2019"),
        "id: 'Joint Training' is not a valid id; expected lowercase letters, digits and single dashes, e.g. 'joint-training'",
    ),
    "a position beyond the end of its set": (
        ("action", "2016-3", "--set", "2016", "--area", "beta", "--position", "9"),
        "data/actions/2016-3.yml:7: position: position 9 is beyond the end of set '2016'; expected 1 to 4",
    ),
}


@pytest.mark.parametrize("name", MISTAKES)
def test_a_mistake_in_the_command_says_what_to_change_and_writes_nothing(project, name):
    arguments, expected = MISTAKES[name]
    before = files_of(project)

    result = new(project, *arguments)

    assert result.returncode == 1
    assert expected in result.stderr, result.stderr
    assert result.stderr.rstrip().endswith("Nothing was written.")
    assert "found a placeholder" not in result.stderr
    assert files_of(project) == before


def test_the_scaffold_refuses_to_work_on_data_with_errors(data_dir):
    (data_dir / "areas" / "beta.yml").write_text("number: two\n")

    result = new(data_dir.parent, "report", "--date", "2026-06")

    assert result.returncode == 1
    assert "data/areas/beta.yml:1: number: found the text 'two'; expected a whole number" in result.stderr
    assert "Fix these first (`make check` lists them).\nNothing was written." in result.stderr
    assert not (data_dir / "reports" / "2026-06.yml").exists()
