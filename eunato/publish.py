"""`python -m eunato build`: the site as `make build` publishes it, with the whole record as a PDF and
as an offline edition beside the pages.

1. The offline edition: `mkdocs build --strict` with OFFLINE=true (Material's offline plugin: file
   names instead of folders, the search index as a script) into build/offline/eu-nato-record-<version>/,
   then zipped into build/editions/.
2. The PDF: that build's pages combined into one document (print_edition.py), printed by Chromium
   through Playwright with bookmarks and page numbers, read back with pypdf to write the page of
   each part into the table of contents, and printed again.
3. The site: `mkdocs build --strict` with EUNATO_EDITIONS naming build/editions/, so both files are
   added at their stable addresses (urls.PDF, urls.OFFLINE_ZIP) and every link to them is checked.

The offline build comes first because the site links to what it makes; it has the same pages, so
the PDF says what the site says. `make serve` runs none of this.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

from . import load_site, urls
from .print_edition import FILE_NAME, combined, with_page_numbers
from .site import Site

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# Chromium resolves no host name but our own: printing asks nothing of the network.
CHROMIUM_ARGS = ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--disable-gpu"]
PAGE_FOOTER = (
    '<div style="font-size: 8px; width: 100%; margin: 0 16mm; display: flex; justify-content: space-between;">'
    '<span class="title"></span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>'
)


class BuildError(RuntimeError):
    pass


def build(project: Path, site_dir: Path, work: Path | None = None) -> dict[str, float]:
    """Build the site into `site_dir` with its PDF and offline edition; the seconds each step took."""
    project = project.resolve()
    work = (work or project / "build").resolve()
    site = load_site(project / "data", root=project)
    version = site.edition.version if site.edition else "draft"
    offline = work / "offline" / f"eu-nato-record-{version}"
    editions = work / "editions"
    for folder in (offline.parent, editions):
        shutil.rmtree(folder, ignore_errors=True)
    editions.mkdir(parents=True)
    times = {}
    start = time.monotonic()
    _mkdocs(project, offline, {"OFFLINE": "true"})
    times["offline build"] = time.monotonic() - start
    start = time.monotonic()
    zip_folder(offline, editions / Path(urls.OFFLINE_ZIP).name, site)
    times["zip"] = time.monotonic() - start
    start = time.monotonic()
    print_pdf(offline, editions / Path(urls.PDF).name, site)
    times["PDF"] = time.monotonic() - start
    start = time.monotonic()
    _mkdocs(project, site_dir.resolve(), {"EUNATO_EDITIONS": str(editions)})
    times["site build"] = time.monotonic() - start
    return times


def zip_folder(folder: Path, target: Path, site: Site) -> None:
    """The folder as a zip that unpacks to one folder of its name; the same files give the same zip."""
    day = site.edition.date.first_day if site.edition else None
    stamp = (day.year, day.month, day.day, 0, 0, 0) if day else None
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for file in sorted(path for path in folder.rglob("*") if path.is_file()):
            name = f"{folder.name}/{file.relative_to(folder).as_posix()}"
            info = zipfile.ZipInfo(name, date_time=stamp or (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, file.read_bytes())


def print_pdf(site_dir: Path, target: Path, site: Site) -> int:
    """Print the combined pages of `site_dir` to `target`; the number of pages."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415  # only `make build` needs a browser
    from pypdf import PdfReader  # noqa: PLC0415

    if not CHROMIUM.exists():
        raise BuildError(f"no Chromium at {CHROMIUM}: `make build` installs it, or set CHROMIUM")
    document = site_dir.resolve() / FILE_NAME
    html = combined(site_dir, site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            pages: dict[str, int] = {}
            # Twice: the second print has each part's page in the table of contents, whose numbers
            # take the place of equally wide placeholders, so no page moves; a third only if one did.
            for _ in range(3):
                document.write_text(with_page_numbers(html, pages) if pages else html, encoding="utf-8")
                page.goto(document.as_uri(), wait_until="load")
                page.emulate_media(media="print")
                pdf = page.pdf(
                    path=target,
                    format="A4",
                    margin={"top": "16mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
                    display_header_footer=True,
                    header_template="<span></span>",
                    footer_template=PAGE_FOOTER,
                    outline=True,
                    tagged=True,
                )
                found = _starts(PdfReader(target))
                if found == pages:
                    break
                pages = found
            browser.close()
        return len(PdfReader(target).pages) if pdf else 0
    finally:
        document.unlink(missing_ok=True)


def _starts(reader: Any) -> dict[str, int]:
    """The page (from 1) of each named destination: Chromium names one for every element linked to."""
    return {
        str(name).removeprefix("/"): reader.get_destination_page_number(dest) + 1
        for name, dest in reader.named_destinations.items()
    }


def _mkdocs(project: Path, site_dir: Path, environment: dict[str, str]) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml")]
    result = subprocess.run(
        [*command, "-d", str(site_dir)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **environment},
        check=False,
    )
    if result.returncode:
        raise BuildError(f"mkdocs build failed ({' '.join(f'{k}={v}' for k, v in environment.items())})")
