"""The JSON Schemas editors see: generated from the model and the data, committed, and named by every data file."""

from __future__ import annotations

import json
import sys

import pytest
from jsonschema import Draft7Validator

from conftest import FIXTURE_DATA, ROOT, check, run
from eunato.schemas import data_files, generate, header
from eunato.yaml_source import read_document

HOW_TO_FIX = "run `python -m eunato schemas` and commit what it changes"


def validator(data_dir, name: str) -> Draft7Validator:
    return Draft7Validator(json.loads(generate(data_dir)[f"{name}.json"]))


# --- Committed, and in step with the model and the data -------------------------------


def test_the_committed_schemas_are_what_the_model_and_the_data_generate():
    committed = {path.name: path.read_text(encoding="utf-8") for path in (ROOT / "schemas").glob("*.json")}
    generated = generate(ROOT / "data")
    assert sorted(committed) == sorted(generated), HOW_TO_FIX
    for name, text in generated.items():
        assert committed[name] == text, f"schemas/{name} is out of date: {HOW_TO_FIX}"


def test_every_data_file_names_its_schema_on_its_first_line():
    wrong = [
        path.relative_to(ROOT).as_posix()
        for path, name in data_files(ROOT / "data").items()
        if path.read_text(encoding="utf-8").partition("\n")[0] != header(path, ROOT / "schemas", name)
    ]
    assert not wrong, f"these files lack their schema line: {wrong}; {HOW_TO_FIX}"


@pytest.mark.parametrize("name", sorted(generate(FIXTURE_DATA)))
def test_every_schema_is_a_valid_draft_7_schema_that_names_its_origin(name):
    schema = json.loads(generate(FIXTURE_DATA)[name])
    Draft7Validator.check_schema(schema)
    assert "python -m eunato schemas" in schema["$comment"]


def test_every_real_data_file_passes_its_schema():
    schemas = {
        name[: -len(".json")]: Draft7Validator(json.loads(text)) for name, text in generate(ROOT / "data").items()
    }
    for path, name in data_files(ROOT / "data").items():
        errors = list(schemas[name].iter_errors(read_document(path).data))
        assert not errors, f"{path}: {[error.message for error in errors]}"


# --- What an editor sees while typing -------------------------------------------------

REPORT = "ordinal: 4\ntitle: T\ndate: 2024-06-13\nhighlights: [A sentence.]\nsources: [report-text]\n"

ACCEPTED = {
    "a report with one plain highlight": REPORT,
    "a date known only to the year, which YAML reads as a number": REPORT.replace("2024-06-13", "2024"),
    "a highlight citing its source inline": REPORT.replace(
        "highlights: [A sentence.]", "highlights:\n  - A sentence [@press-article, p. 2]."
    ),
    "mentions of ids that exist": REPORT + "mentions:\n  areas: [alpha]\n  actions: [2016-2]\n",
}

FLAGGED = {
    "an area id that does not exist": (
        REPORT + "mentions:\n  areas: [alpah]\n",
        "'alpah' is not one of ['alpha', 'beta']",
    ),
    "a misspelt field": (REPORT + "mentoins: {}\n", "'mentoins' was unexpected"),
    "a missing field": (REPORT.replace("title: T\n", ""), "'title' is a required property"),
    "a source that is not in data/sources.yml": (
        REPORT.replace("report-text", "report-txt"),
        "'report-txt' is not one of",
    ),
    "a date written in words": (REPORT.replace("2024-06-13", "13 June 2024"), "'13 June 2024' does not match"),
}


@pytest.mark.parametrize("name", ACCEPTED)
def test_the_report_schema_accepts_what_check_accepts(tmp_path, name):
    path = tmp_path / "report.yml"
    path.write_text(ACCEPTED[name], encoding="utf-8")
    assert list(validator(FIXTURE_DATA, "reports").iter_errors(read_document(path).data)) == []


@pytest.mark.parametrize("name", FLAGGED)
def test_the_report_schema_flags_the_mistakes_check_flags(tmp_path, name):
    text, expected = FLAGGED[name]
    path = tmp_path / "report.yml"
    path.write_text(text, encoding="utf-8")
    messages = [error.message for error in validator(FIXTURE_DATA, "reports").iter_errors(read_document(path).data)]
    assert any(expected in message for message in messages), messages


def test_a_year_like_set_id_is_accepted_as_the_number_yaml_reads():
    action = {"title": "T", "set": 2016, "area": "alpha", "summary": "S.", "sources": ["declaration-text"]}
    assert list(validator(FIXTURE_DATA, "actions").iter_errors(action)) == []
    assert list(validator(FIXTURE_DATA, "actions").iter_errors({**action, "set": 2019}))


# --- The command ----------------------------------------------------------------------


def test_the_schemas_command_writes_the_schemas_and_every_schema_line_once(project):
    (project / "data" / "areas" / "alpha.yml").write_text(
        "# yaml-language-server: $schema=../old/place.json\n" + (FIXTURE_DATA / "areas" / "alpha.yml").read_text()
    )

    first = run(sys.executable, "-m", "eunato", "schemas", cwd=project)
    again = run(sys.executable, "-m", "eunato", "schemas", cwd=project)

    assert first.returncode == 0, first.stderr
    assert sorted(path.name for path in (project / "schemas").glob("*.json")) == sorted(generate(project / "data"))
    for path, name in data_files(project / "data").items():
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines[0] == header(path, project / "schemas", name)
        assert not any(line.startswith("# yaml-language-server") for line in lines[1:])
    assert header(project / "data" / "reports" / "r1.yml", project / "schemas", "reports").endswith(
        "=../../schemas/reports.json"
    )
    assert "0 files updated" in again.stdout
    assert check(project / "data").returncode == 0
