"""Every built page is valid HTML: the W3C Nu HTML Checker (vnu.jar) finds no error in any of them.

`make test` installs vnu.jar from npm (tests/nu/package-lock.json) and a Java runtime with apt
when `java` is missing. The checker runs once over the whole site: one Java start for every page.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from built_page import built_pages
from conftest import ROOT

VNU_JAR = ROOT / "tests" / "nu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = os.environ.get("JAVA") or "java"
PROBLEMS = {"error", "non-document-error"}  # "info" messages (warnings among them) are advice


def nu_check(folder: Path) -> tuple[list[str], set[Path]]:
    """Run the Nu checker over every HTML file under `folder`: (its errors as `page:line: message`,
    the files it checked)."""
    if not VNU_JAR.exists():
        pytest.fail(f"no {VNU_JAR.relative_to(ROOT)}: `make test` installs it (npm ci in tests/nu)")
    if not shutil.which(JAVA):
        pytest.fail(f"no Java runtime ({JAVA}): `make test` installs one with apt-get, or set JAVA")
    result = subprocess.run(
        [
            JAVA,
            "-jar",
            VNU_JAR,
            "--format",
            "json",
            "--stdout",
            "--verbose",
            "--skip-non-html",
            "--exit-zero-always",
            folder,
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    errors = []
    for message in json.loads(result.stdout)["messages"]:
        if message["type"] in PROBLEMS:
            page = os.path.relpath(unquote(urlsplit(message.get("url", "")).path), folder.resolve())
            errors.append(f"{page}:{message.get('lastLine', '?')}: {message['message']}")
    # --verbose names each file it checks on standard error.
    checked = {Path(line).resolve() for line in result.stderr.splitlines() if line.endswith(".html")}
    return errors, checked


def test_every_built_page_is_valid_html(real_build):
    errors, checked = nu_check(real_build)

    pages = {
        (real_build / path / "index.html" if not path.endswith(".html") else real_build / path).resolve()
        for path in built_pages(real_build)
    }
    assert checked == pages  # every page, and so not vacuously
    assert not errors, f"the Nu HTML checker found {len(errors)} errors:\n" + "\n".join(errors)


BROKEN = """<!doctype html>
<html lang="en"><head><title>Broken on purpose</title></head>
<body>
<label tabindex="">A label</label>
<table><p>text</p></table>
</body></html>
"""


def test_the_check_reports_each_error_with_its_page_and_line(tmp_path):
    (tmp_path / "good").mkdir()
    (tmp_path / "good" / "index.html").write_text(
        "<!doctype html><html lang=en><title>Fine</title><p>Fine.", encoding="utf-8"
    )
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "index.html").write_text(BROKEN, encoding="utf-8")

    errors, checked = nu_check(tmp_path)

    assert checked == {(tmp_path / page / "index.html").resolve() for page in ("good", "broken")}
    assert (
        errors[0]
        == "broken/index.html:4: Bad value “” for attribute “tabindex” on element “label”: The empty string is not a valid integer."
    )
    assert errors[1] == "broken/index.html:5: Start tag “p” seen in “table”."
