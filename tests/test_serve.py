"""`make serve` stays correct: on a copy of the project, `mkdocs serve` runs with the Makefile's own
arguments (`--livereload --dirty`, so each rebuild renders again only the pages whose inputs changed),
a data file is edited, and every page and file that showed the old text shows the new one: the
item's page, the pages that list it or link back to it, the timeline, the downloads, the feed, the
search index. Every other page still serves.

How fast the change is served is the benchmark's business (bench/edits.py); the timeouts here are
generous, only so that a rebuild that never comes fails the test instead of hanging it.
"""

from __future__ import annotations

import os
import posixpath
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

from conftest import ROOT, copy_project

STARTED = 240  # seconds for the first build of the whole site, on a busy machine
SHOWN = 120  # seconds for a saved edit to be served


@dataclass(frozen=True)
class Edit:
    """A change to one data file: `before` becomes `after` there, and `shown` becomes `shown_after` in the site."""

    file: str
    before: str
    after: str
    shown: str  # how the site writes the text the edit changes
    shown_after: str
    # Paths that must show it (a page as its folder): the test fails, instead of passing vacuously,
    # if the record changes so that these no longer show the text.
    expected: tuple[str, ...]


EDITS = [
    Edit(
        "data/actions/2016-strategic-communication.yml",
        "title: Cooperation between the strategic communication teams",
        "title: Cooperation between the strategic communication units",
        "Cooperation between the strategic communication teams",
        "Cooperation between the strategic communication units",
        (
            "actions/2016-strategic-communication/",  # its page
            "actions/",  # the index table
            "sets/2016/",  # backlinks: its set, its area, the reports that mention it
            "areas/hybrid-threats/",
            "reports/2022-06/",
            "data/record.json",  # downloads
            "data/actions.csv",
            "data/actions/2016-strategic-communication.json",
            "cite/actions/2016-strategic-communication.ris",
            "search/search_index.json",
        ),
    ),
    Edit(
        "data/sources.yml",
        "title: Progress report on NATO-EU partnership",
        "title: Progress report on NATO-EU relations",
        "Progress report on NATO-EU partnership",
        "Progress report on NATO-EU relations",
        ("sources/", "timeline/", "reports/2022-06/", "data/sources.csv", "data/record.json"),
    ),
    Edit(
        "data/reports/2025.yml",
        "the two organisations intensified substantially",
        "the two organisations deepened substantially",
        "the two organisations intensified substantially",
        "the two organisations deepened substantially",
        # (and the home page while it is the newest report: found by the crawl, not required here)
        ("reports/2025/", "feed.xml", "data/reports.csv", "data/record.json"),
    ),
]


def serve_arguments() -> list[str]:
    """The arguments `make serve` gives `mkdocs serve`, read from the Makefile so that the two cannot drift."""
    recipe = re.search(r"^serve:.*\n\t(.+)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE)
    assert recipe, "the Makefile has no `serve:` target with a recipe"
    command = shlex.split(recipe[1])
    assert command[0].endswith("/mkdocs") and command[1] == "serve", recipe[1]
    return command[2:]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str, Path]]:
    """A copy of the project with the real record, under `mkdocs serve` as `make serve` runs it:
    (project, address, the server's log)."""
    base = tmp_path_factory.mktemp("serve")
    project = copy_project(base / "project", data=ROOT / "data")
    if (ROOT / ".cache").is_dir():  # charts and citations already made: only the first build is quicker
        shutil.copytree(ROOT / ".cache", project / ".cache")
    address = f"127.0.0.1:{free_port()}"
    log = (base / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", *serve_arguments(), "--dev-addr", address],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://{address}/"
    try:
        deadline = time.monotonic() + STARTED
        while fetch(url) is None:
            assert server.poll() is None, (base / "serve.log").read_text(encoding="utf-8")
            assert time.monotonic() < deadline, "mkdocs serve served nothing in time"
            time.sleep(0.5)
        yield project, url, base / "serve.log"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()


def crawl(url: str) -> dict[str, bytes]:
    """Every page and file of the site reachable by its links from the home page, by path."""
    found: dict[str, bytes] = {}
    queue = [""]
    seen = {""}
    while queue:
        path = queue.pop()
        content = fetch(urljoin(url, path))
        assert content is not None, f"{path or 'the home page'} is not served"
        found[path] = content
        if not (path == "" or path.endswith("/")):
            continue
        for href in lxml.html.fromstring(content).xpath("//a/@href | //link/@href"):
            parts = urlsplit(urljoin(urljoin(url, path), href))
            if parts.netloc != urlsplit(url).netloc or parts.path.startswith("/livereload"):
                continue
            # A page by its folder ("actions/", the home page ""), a file by its name ("data/record.json").
            target = posixpath.normpath(parts.path.lstrip("/") or ".")
            target = "" if target == "." else target + ("/" if parts.path.endswith("/") else "")
            if target not in seen:
                seen.add(target)
                queue.append(target)
    found["search/search_index.json"] = fetch(urljoin(url, "search/search_index.json")) or b""
    return found


def rebuilds(log: Path) -> int:
    """How many builds the server has finished since it started serving."""
    return log.read_text(encoding="utf-8").count("Reloading browsers")


def heading(page: bytes) -> str:
    return " ".join(lxml.html.fromstring(page).xpath("string(//article//h1)").split()).rstrip("¶").strip()


def test_the_server_runs_as_make_serve_runs_it():
    assert set(serve_arguments()) >= {"--livereload", "--dirty"}


@pytest.mark.parametrize("edit", EDITS, ids=lambda edit: edit.file)
def test_an_edit_is_served_on_every_page_that_shows_it(served, edit: Edit):
    project, url, log = served
    before = crawl(url)
    shows = sorted(path for path, content in before.items() if edit.shown.encode() in content)
    assert set(edit.expected) <= set(shows), "the record changed: choose what these pages show"
    assert not [path for path, content in before.items() if edit.shown_after.encode() in content]

    data = project / edit.file
    text = data.read_text(encoding="utf-8")
    assert text.count(edit.before) == 1, f"{edit.file} no longer says {edit.before!r}"
    rebuilt = rebuilds(log)
    data.write_text(text.replace(edit.before, edit.after), encoding="utf-8")

    deadline = time.monotonic() + SHOWN
    while rebuilds(log) == rebuilt:  # the whole rebuild done, so no page is read half written
        assert time.monotonic() < deadline, f"no rebuild within {SHOWN} s of saving {edit.file}"
        time.sleep(0.5)
    waiting = set(shows)
    while waiting and time.monotonic() < deadline:
        time.sleep(0.5)
        waiting = {path for path in waiting if edit.shown_after.encode() not in (fetch(urljoin(url, path)) or b"")}
    assert not waiting, f"after {SHOWN} s these still do not show the edit: {sorted(waiting)}"

    # Every page that does not show the text still serves, with its own heading.
    for path, content in before.items():
        if path in shows or not (path == "" or path.endswith("/")):
            continue
        now = fetch(urljoin(url, path))
        assert now is not None, f"{path} is no longer served"
        assert heading(now) == heading(content), path


def test_the_record_is_looked_at_ten_times_a_second(tmp_path: Path):
    """MkDocs polls what it watches every half second; the project's hooks make it a tenth for the
    folders of mkdocs.yml's `watch` (the record), so a save starts the rebuild sooner."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert str(ROOT / "data") in config.watch
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        server = config.plugins.on_serve(server, config=config, builder=lambda: None)
        server.watch(str(tmp_path))
        assert [emitter.timeout for emitter in server.observer.emitters] == [0.1]
    finally:
        server.server_close()
