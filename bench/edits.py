"""The editor's loop: from saving a data file under `make serve` to the change being served.

`make serve` runs `mkdocs serve`; an editor saves a YAML file and looks at the page. This starts the
same command on a copy of a project, makes an edit, and asks the server for every page that shows
the changed fact (the item's page, the pages that list or cite it, its neighbours, the downloads,
the feed, the search index) until each of them has the new text. The server holds every request
while it rebuilds, so the time measured is the editor's: detection, rebuild and the first answer.

    with Serving(project) as server:
        for edit in edits(load_site(project / "data")):
            seconds = server.apply(edit, token="Quokka1")
"""

from __future__ import annotations

import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENVIRONMENT = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def serve_arguments(makefile: Path = ROOT / "Makefile") -> list[str]:
    """The arguments `make serve` gives mkdocs (`serve --livereload …`): what is measured is what editors run."""
    match = re.search(r"^serve:.*\n\t\$\(BIN\)/mkdocs (serve[^\n]*)$", makefile.read_text(encoding="utf-8"), re.M)
    if not match:
        raise SystemExit(f"{makefile}: no `serve:` rule running `$(BIN)/mkdocs serve …`")
    return shlex.split(match[1])


@dataclass
class Edit:
    """A change an editor makes to one data file, and the addresses that must show it once saved."""

    name: str  # what the editor did: "a word in an action's title"
    file: str  # the data file, from the project folder
    change: Callable[[str, str], str]  # (the file's text, a new word) -> the file's new text
    pages: list[str] = field(default_factory=list)  # addresses within the site, "" for the home page


def edits(site) -> list[Edit]:
    """Three edits of any record: a word in an action's title, a new highlight in the latest report, a source's title."""
    from eunato import urls  # noqa: PLC0415  # the benchmark runs from bench/, the package only once installed

    def page(src_uri: str) -> str:
        return src_uri.removesuffix("index.md").removesuffix(".md") + ("/" if not src_uri.endswith("index.md") else "")

    def item_page(item) -> str:
        return page(urls.page_path(site.kind_of(item), item.id))

    # An action some report mentions, so the change shows on its page, its lists and a report.
    action = next(a for a in site.items("actions") if site.referrers("actions", a.id, "reports"))
    before, after = site.neighbours("actions", action.id)
    action_pages = [
        item_page(action),
        page(urls.page_path("actions")),
        item_page(site.get("areas", action.area)),
        item_page(site.get("sets", action.set)),
        *(item_page(r) for r in site.referrers("actions", action.id, "reports")[:3]),
        *(item_page(n) for n in (before, after) if n),
        urls.table_path("actions"),
        urls.item_json_path("actions", action.id),
        urls.RECORD,
        "search/search_index.json",
    ]
    report = site.latest_report
    report_pages = [
        item_page(report),
        "",  # the home page shows the latest report's first highlights
        urls.FEED,
        urls.item_json_path("reports", report.id),
        urls.RECORD,
        "search/search_index.json",
    ]
    # The source cited by the most items, so the change shows on many pages.
    source_id = max(site.sources, key=lambda s: sum(len(found) for found in site.citing(s).values()))
    citing = [item for found in site.citing(source_id).values() for item in found]
    source_pages = [page(urls.SOURCES_PAGE), *(item_page(item) for item in citing[:4]), urls.table_path("sources")]
    return [
        Edit("a word in an action's title", urls.data_file("actions", action.id), _prefix_title, action_pages),
        Edit("a new highlight in a report", urls.data_file("reports", report.id), _new_highlight, report_pages),
        Edit("a source's title", "data/sources.yml", _source_title(source_id), source_pages),
    ]


def _prefix_title(text: str, word: str) -> str:
    """`title: Cyber exercises` -> `title: Quokka1 Cyber exercises` (after an opening quote if there is one)."""
    return re.sub(r"^(title: [\"']?)", rf"\g<1>{word} ", text, count=1, flags=re.M)


def _new_highlight(text: str, word: str) -> str:
    """A new first highlight, indented as the others are."""
    return re.sub(r"^(highlights:\n)(\s*- )", rf"\1\2New highlight about {word}.\n\2", text, count=1, flags=re.M)


def _source_title(source_id: str) -> Callable[[str, str], str]:
    def change(text: str, word: str) -> str:
        pattern = rf"^({re.escape(source_id)}:\n(?:\s+\S.*\n)*?\s+title: [\"']?)"
        changed, found = re.subn(pattern, rf"\g<1>{word} ", text, count=1, flags=re.M)
        if not found:
            raise SystemExit(f"no title for the source {source_id} in sources.yml")
        return changed

    return change


class Serving:
    """`mkdocs serve` as the project's `make serve` runs it, on a free port of 127.0.0.1, for the duration
    of the block; `env` is the environment it runs in (a baseline's PYTHONPATH)."""

    def __init__(self, project: Path, env: dict[str, str] | None = None, timeout: float = 600):
        self.project, self.env, self.timeout = project, env or ENVIRONMENT, timeout
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}/"
        self.log = project / "serve.log"

    def __enter__(self) -> Serving:
        arguments = serve_arguments(self.project / "Makefile")
        command = [sys.executable, "-m", "mkdocs", *arguments, "-a", f"127.0.0.1:{self.port}"]
        self.process = subprocess.Popen(
            command, cwd=self.project, env=self.env, stdout=subprocess.DEVNULL, stderr=self.log.open("w")
        )
        start = time.perf_counter()
        while self.get("") is None:
            if self.process.poll() is not None or time.perf_counter() - start > self.timeout:
                raise SystemExit(f"`mkdocs serve` did not start:\n{self.log.read_text()}")
            time.sleep(0.1)
        return self

    def __exit__(self, *exc: object) -> None:
        self.process.send_signal(signal.SIGINT)  # lets mkdocs remove its temporary site folder
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def get(self, path: str) -> str | None:
        try:
            with urllib.request.urlopen(self.base + path, timeout=self.timeout) as response:
                return response.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError):
            return None

    def cpu(self) -> float:
        """Seconds of CPU the server has used so far (Linux), to tell its own work from the machine's load."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def apply(self, edit: Edit, word: str) -> dict[str, float]:
        """Save the edit with `word` in it; seconds until each of its pages shows `word` (the server waits
        for a rebuild to finish before it answers)."""
        path = self.project / edit.file
        changed = edit.change(path.read_text(encoding="utf-8"), word)
        if word not in changed:
            raise SystemExit(f"{edit.name}: the change did not apply to {edit.file}")
        for page in edit.pages:
            if word in (self.get(page) or ""):
                raise SystemExit(f"{page} shows {word} before the edit")
        start = time.perf_counter()
        path.write_text(changed, encoding="utf-8")
        seen: dict[str, float] = {}
        while len(seen) < len(edit.pages):
            if time.perf_counter() - start > self.timeout:
                missing = ", ".join(p for p in edit.pages if p not in seen)
                raise SystemExit(f"{edit.name}: after {self.timeout:.0f} s, still not served on {missing}")
            for page in edit.pages:
                if page not in seen and word in (self.get(page) or ""):
                    seen[page] = time.perf_counter() - start
            time.sleep(0.01)
        return seen
