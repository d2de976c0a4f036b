"""CONTRIBUTING.md is true: its commands print what it shows, its worked example builds, its mistakes give its messages.

The guide's worked example adds the second progress report to a record that holds only the first,
so each test runs on a copy of the real record without the later reports.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from built_page import Page
from conftest import ROOT, build, copy_project, run
from eunato.yaml_source import read_document

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
EXAMPLE = "data/reports/2017-12.yml"


def blocks(text: str) -> list[tuple[str, str, str]]:
    """Every fenced block as (the heading above it, its language, its text)."""
    found, heading = [], ""
    for match in re.finditer(r"^(#{2,3}) ([^\n]+)$|^```(\w*)\n(.*?)^```$", text, re.MULTILINE | re.DOTALL):
        if match[1]:
            heading = match[2]
        else:
            found.append((heading, match[3], match[4]))
    return found


def block(heading: str, language: str) -> str:
    return next(body for title, lang, body in blocks(GUIDE) if title == heading and lang == language)


def sessions(text: str) -> list[tuple[str, list[str]]]:
    """A console block as (command, the lines it prints)."""
    found: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        if line.startswith("$ "):
            found.append((line[2:], []))
        else:
            found[-1][1].append(line)
    return found


def run_as_the_guide_says(command: str, project: Path):
    program = {"make check": [sys.executable, "-m", "eunato", "check"]}.get(command)
    if program is None:
        assert command.startswith(".venv/bin/python -m eunato "), command
        program = [sys.executable, *command.split()[1:]]
    return run(*program, cwd=project)


def assert_prints(result, expected: list[str]) -> None:
    """`…` alone stands for the rest of the output; a line ending in `…` for the rest of that line."""
    printed = (result.stdout + result.stderr).splitlines()
    for index, line in enumerate(expected):
        if line == "…":
            return
        assert index < len(printed), f"expected {line!r}; the output ends:\n" + "\n".join(printed)
        if line.endswith("…"):
            assert printed[index].startswith(line[:-1]), (printed[index], line)
        else:
            assert printed[index] == line
    assert len(printed) == len(expected), "\n".join(printed)


@pytest.fixture
def record(tmp_path) -> Path:
    """A copy of the project around the real record, as it stood before the second report."""
    project = copy_project(tmp_path / "project", data=ROOT / "data")
    shutil.copytree(ROOT / "schemas", project / "schemas")
    for path in (project / "data" / "reports").glob("*.yml"):
        if read_document(path).data.get("ordinal") != 1:
            path.unlink()
    return project


def finished_example(record: Path) -> Path:
    """The worked example as the guide shows it, finished."""
    first = sessions(block("1. Start a branch and the file", "text"))[0][0]
    assert run_as_the_guide_says(first, record).returncode == 0
    path = record / EXAMPLE
    path.write_text(block("2. Fill it in", "yaml"), encoding="utf-8")
    return path


# --- The commands print what the guide shows -----------------------------------------------

COMMANDS = [body for _, language, body in blocks(GUIDE) if language == "text" and body.startswith("$ .venv/bin/python")]


@pytest.mark.parametrize(
    "text", COMMANDS, ids=lambda text: text.splitlines()[0][len("$ .venv/bin/python -m eunato ") :]
)
def test_each_command_in_the_guide_prints_what_the_guide_shows(record, text):
    ((command, expected),) = sessions(text)
    assert_prints(run_as_the_guide_says(command, record), expected)


# --- The worked example ----------------------------------------------------------------------


def test_the_worked_example_passes_the_check_and_builds_with_its_links(record, tmp_path):
    finished_example(record)
    ((command, expected),) = sessions(block("4. Check it", "text"))

    assert_prints(run_as_the_guide_says(command, record), expected)
    result = build(record, tmp_path / "site")

    assert result.returncode == 0, result.stderr
    page = Page(tmp_path / "site", "reports/2017-12/")
    assert page.title == "Second progress report (December 2017)"
    assert {"reports/2017-06/", "reports/", "sources/"} <= page.links()
    assert "reports/2017-12/" in Page(tmp_path / "site", "reports/").links()
    first_report = Page(tmp_path / "site", "reports/2017-06/")
    assert "reports/2017-12/" in first_report.links(first_report.section("Before and after"))
    sources = Page(tmp_path / "site", "sources/")
    assert "reports/2017-12/" in sources.links(sources.content.find(id="nato-2017-common-set"))


# --- Each mistake gives the message the guide shows --------------------------------------------

HIGHLIGHT = """\
  - >-
    Dated 5 December 2017 [@ep-2018-resolution-eu-nato], the day the two Councils endorsed a
    second common set of 32 proposals [@nato-2017-common-set]."""
SECOND_LINE = "    second common set of 32 proposals [@nato-2017-common-set]."

MISTAKES: dict[
    str, tuple[str | None, Any]
] = {  # heading in the guide: (what the finished example has, what the mistake makes of it)
    "A date that does not exist": ("date: 2017-12-05", "date: 2017-12-35"),
    "An area that does not exist": ("  areas: []", "  areas: [hybrid]"),
    "An ordinal another report has": ("ordinal: 2", "ordinal: 1"),
    "A source that is not in data/sources.yml": (
        "    Dated 5 December 2017 [@ep-2018-resolution-eu-nato], the day the two Councils endorsed a",
        "    Dated 5 December 2017 [@ep-2018-resolution], the day the two Councils endorsed a",
    ),
    "A citation that breaks the syntax": (
        SECOND_LINE,
        "    second common set of 32 proposals [@nato-2017-common-set p. 2].",
    ),
    "A citation in a title": (
        "title: Second progress report (December 2017)\n",
        "title: Second progress report (December 2017) [@nato-2017-common-set]\n",
    ),
    # Every citation deleted: a change the guide describes in words rather than shows.
    "No source at all": (None, lambda text: re.sub(r" \[@[^\]]*\]", "", text)),
    "A placeholder left": (HIGHLIGHT, '  - "FILL IN: one thing the report says, in your own words"'),
    "A bracket left open": ("  areas: []", "  areas: [hybrid-threats"),
    "A colon in a title": (
        "title: Second progress report (December 2017)",
        "title: Second progress report: December 2017",
    ),
}


def test_the_guide_shows_each_mistake_the_test_makes():
    section = GUIDE.split("## When `make check` says no")[1].split("\n## ")[0]
    assert re.findall(r"^### (.+)$", section, re.MULTILINE) == list(MISTAKES)


@pytest.mark.parametrize("heading", MISTAKES)
def test_each_mistake_in_the_guide_gives_the_message_the_guide_shows(record, heading):
    old, new = MISTAKES[heading]
    path = finished_example(record)
    text = path.read_text(encoding="utf-8")
    if callable(new):
        broken = new(text)
        assert broken != text
    else:
        assert old is not None
        assert block(heading, "yaml").rstrip("\n") == new.rstrip("\n")
        assert text.count(old) == 1, old
        broken = text.replace(old, new)
    path.write_text(broken, encoding="utf-8")
    ((command, expected),) = sessions(block(heading, "text"))

    result = run_as_the_guide_says(command, record)

    assert result.returncode == 1
    assert_prints(result, expected)


def test_the_readme_shows_a_message_the_guide_shows():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"^# (data/\S+: .+)$", readme, re.MULTILINE)
    assert example.rstrip("…").rstrip() in GUIDE
