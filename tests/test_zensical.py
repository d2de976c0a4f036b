"""The site built by Zensical, Material's successor: `python -m eunato pages` writes the site's source
(every page's final Markdown, its files, mkdocs.yml), Zensical builds it without our macros and hooks,
and the result has the pages, titles, internal links and downloads of the MkDocs build. The theme's
markup may differ (the README's "Building with Zensical" says how)."""

from __future__ import annotations

import posixpath
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest

from conftest import ROOT, run
from eunato.source import MARK, Refused, write_pages

# Pinned in requirements-test.txt, installed beside pytest.
ZENSICAL = Path(sys.executable).with_name("zensical")
# The elements whose address the browser loads or follows.
REFERENCES = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"))


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pages") / "out"
    result = run(sys.executable, "-m", "eunato", "pages", out, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="module")
def zensical_build(source: Path) -> Path:
    assert ZENSICAL.exists(), f"no Zensical at {ZENSICAL}: `make test` installs it (requirements-test.txt)"
    result = run(ZENSICAL, "build", "--clean", "--strict", "-f", source / "mkdocs.yml", cwd=source)
    assert result.returncode == 0, result.stdout + result.stderr
    return source / "site"


@dataclass(frozen=True)
class Built:
    title: str  # the document's <title>
    heading: str  # its first-level heading
    content_links: frozenset[str]  # files of the site the text links to (a page: its index.html)
    references: frozenset[str]  # every file of the site the page loads or links to, the theme's included


@cache
def read(site_dir: Path) -> dict[str, Built]:
    """Every HTML page of a build, by its path in the site."""
    pages = {}
    for file in sorted(site_dir.rglob("*.html")):
        path = file.relative_to(site_dir).as_posix()
        # lxml alone: BeautifulSoup takes several times as long over the 150 pages of both builds.
        document = lxml.html.fromstring(file.read_bytes())
        content = next(iter(document.xpath("//article[contains(@class, 'md-content__inner')]")), None)
        h1 = content.xpath(".//h1") if content is not None else []
        heading = " ".join(h1[0].text_content().split()).rstrip("¶").strip() if h1 else ""
        links = {_target(site_dir, path, href) for href in (content.xpath(".//a/@href") if content is not None else [])}
        references = {
            _target(site_dir, path, address)
            for tag, attribute in REFERENCES
            for address in document.xpath(f"//{tag}/@{attribute}")
        }
        title = document.xpath("//title")
        pages[path] = Built(
            title[0].text_content() if title else "",
            heading,
            frozenset(links - {None}),  # type: ignore[arg-type]
            frozenset(references - {None}),  # type: ignore[arg-type]
        )
    return pages


def _target(site_dir: Path, page: str, href: object) -> str | None:
    """The file of the site an address within it leads to; None for another site or the page itself."""
    parts = urlsplit(str(href))
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
    return f"{path}/index.html" if (site_dir / path).is_dir() else path


# --- The same site ---------------------------------------------------------------------


def test_zensical_makes_the_same_pages(real_build, zensical_build):
    assert set(read(zensical_build)) == set(read(real_build))


def test_every_page_has_the_same_title_and_heading(real_build, zensical_build):
    mkdocs, zensical = read(real_build), read(zensical_build)
    differ = {
        path: ((page.title, page.heading), (zensical[path].title, zensical[path].heading))
        for path, page in mkdocs.items()
        if (page.title, page.heading) != (zensical[path].title, zensical[path].heading)
    }
    assert not differ
    assert all(page.heading for page in zensical.values())


def test_every_page_links_to_the_same_pages_and_files(real_build, zensical_build):
    mkdocs, zensical = read(real_build), read(zensical_build)
    differ = {path: page.content_links ^ zensical[path].content_links for path, page in mkdocs.items()}
    assert not {path: links for path, links in differ.items() if links}
    assert sum(len(page.content_links) for page in zensical.values()) > 1000


def test_every_address_a_page_uses_is_a_file_of_the_zensical_build(zensical_build):
    # 404.html is served at any address, so its links start from the site's root (site_url's path).
    missing = {
        path: sorted(target for target in page.references if not (zensical_build / target).is_file())
        for path, page in read(zensical_build).items()
        if path != "404.html"
    }
    assert not {path: targets for path, targets in missing.items() if targets}


def test_every_download_is_in_both_builds_byte_for_byte(source, real_build, zensical_build):
    # Every file of the source but its pages: downloads, charts, citations, the feed, the assets.
    files = [path.relative_to(source / "docs") for path in (source / "docs").rglob("*") if path.is_file()]
    downloads = [path for path in files if path.suffix != ".md"]
    assert {"data/record.json", "feed.xml"} <= {path.as_posix() for path in downloads}
    for path in downloads:
        content = (source / "docs" / path).read_bytes()
        assert (real_build / path).read_bytes() == content, path
        assert (zensical_build / path).read_bytes() == content, path


def test_the_source_needs_no_macros_and_no_hooks(source):
    settings = (source / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks:" not in settings
    assert "macros" not in settings
    assert "{{" not in (source / "docs" / "index.md").read_text(encoding="utf-8")
    assert not list((source / "overrides").rglob("*.py"))


# --- The command -------------------------------------------------------------------------


def test_a_folder_the_command_did_not_write_is_refused_and_left_alone(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(Refused, match="was not written by `python -m eunato pages`"):
        write_pages(ROOT / "mkdocs.yml", out)
    assert [path.name for path in out.iterdir()] == ["notes.txt"]


def test_what_the_command_wrote_is_marked_as_its_own(source):
    assert (source / MARK).is_file()


def test_a_problem_in_the_data_is_named_by_file_and_line_and_nothing_is_written(project):
    action = next((project / "data" / "actions").glob("*.yml"))
    text = action.read_text(encoding="utf-8")
    action.write_text(text.replace("title:", "title: [unclosed", 1), encoding="utf-8")
    out = project.parent / "out"
    result = run(sys.executable, "-m", "eunato", "pages", out, cwd=project)
    assert result.returncode == 1
    assert f"data/actions/{action.name}:" in result.stderr
    assert not out.exists()
