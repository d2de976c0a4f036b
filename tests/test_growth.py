"""The record grows: an eleventh progress report, added as CONTRIBUTING.md says, keeps every test green.

The tests describe the record as it can grow, not as it stands: this test adds the next report to
a copy of the project with `python -m eunato new report`, fills in what the command leaves to the
editor, and runs the whole fast suite (`-m "not browser"`) on that copy.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, check, run


def copy_repository(destination: Path) -> Path:
    """The files git tracks, and the test tools' installed packages, which git does not."""
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for name in tracked.splitlines():
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    if (ROOT / "tests" / "nu" / "node_modules").exists():
        shutil.copytree(ROOT / "tests" / "nu" / "node_modules", destination / "tests" / "nu" / "node_modules")
    if (ROOT / "tests" / "cff" / ".venv").exists():  # cffconvert's own environment, used where it was made
        (destination / "tests" / "cff" / ".venv").symlink_to(ROOT / "tests" / "cff" / ".venv")
    return destination


def test_an_eleventh_report_added_as_the_guide_says_keeps_the_fast_suite_green(tmp_path):
    project = copy_repository(tmp_path / "project")
    last = max(
        int(re.search(r"^ordinal: (\d+)", path.read_text(encoding="utf-8"), re.MULTILINE)[1])
        for path in (project / "data" / "reports").glob("*.yml")
    )

    scaffold = run(
        sys.executable, "-m", "eunato", "new", "report", "--date", "2026-06-15", "--id", "2026-06-test", cwd=project
    )
    assert scaffold.returncode == 0, scaffold.stderr
    assert f"progress report no. {last + 1} of 15 June 2026" in scaffold.stdout
    report, sources = project / "data" / "reports" / "2026-06-test.yml", project / "data" / "sources.yml"
    report.write_text(
        report.read_text(encoding="utf-8").replace(
            '"FILL IN: one thing the report says, in your own words"',
            "The staffs report progress in every area [@report-2026-06-test, p. 2].",
        ),
        encoding="utf-8",
    )
    sources.write_text(
        re.sub(r'"FILL IN: [^"]*"', "Written by the editor", sources.read_text(encoding="utf-8")), encoding="utf-8"
    )
    assert check(project / "data").returncode == 0

    suite = run(
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-x",
        "-p",
        "no:cacheprovider",
        "-m",
        "not browser",
        "--deselect",
        "tests/test_growth.py",
        cwd=project,
    )

    assert suite.returncode == 0, suite.stdout[-4000:]
    assert re.search(r"\d+ passed", suite.stdout)
