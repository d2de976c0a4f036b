"""Reading a built page the way a reader does: its heading, its text, where its links go."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag


class Page:
    def __init__(self, site_dir: Path, path: str):
        """`Page(site_dir, "actions/2017-01/")` reads site_dir/actions/2017-01/index.html."""
        self.path = path
        self.file = site_dir / path / "index.html" if not path.endswith(".html") else site_dir / path
        self.html = self.file.read_text(encoding="utf-8")
        self.soup = BeautifulSoup(self.html, "html.parser")
        self.content = self.soup.select_one("article.md-content__inner")

    @property
    def title(self) -> str:
        return " ".join(self.content.h1.get_text().split()).rstrip("¶").strip()

    @property
    def text(self) -> str:
        """The visible text with whitespace collapsed (inline tags such as <abbr> do not add spaces)."""
        return " ".join(self.content.get_text().split())

    def section(self, heading: str) -> BeautifulSoup:
        """The elements between the h2 called `heading` and the next h2, as one soup."""
        start = next(h for h in self.content.find_all("h2") if h.get_text(strip=True).rstrip("¶") == heading)
        parts = []
        for sibling in start.find_next_siblings():
            if sibling.name == "h2":
                break
            parts.append(str(sibling))
        return BeautifulSoup("".join(parts), "html.parser")

    def links(self, within: Tag | None = None) -> set[str]:
        """Site pages linked from the content (or from `within`), as paths like `areas/alpha/`."""
        return {
            target for a in (within or self.content).find_all("a", href=True) if (target := self.resolve(a["href"]))
        }

    def resolve(self, href: object) -> str | None:
        parts = urlsplit(str(href))
        if parts.scheme or parts.netloc or not parts.path:
            return None
        path = posixpath.normpath(posixpath.join(self.path, parts.path))
        # A page is its folder ("areas/alpha/"); a file keeps its name ("data/record.json").
        return path if posixpath.splitext(path)[1] else path + "/"

    @property
    def edit_link(self) -> str | None:
        button = self.soup.select_one("a.md-content__button[href*='/edit/']")
        return str(button["href"]) if button else None

    def nav_links(self) -> list[str]:
        """Every page of the primary navigation, in order."""
        nav = self.soup.select_one("nav.md-nav--primary")
        return [target for a in nav.find_all("a", href=True) if (target := self.resolve(a["href"]))]


def built_pages(site_dir: Path) -> list[str]:
    """Every HTML page of a built site, as the path a reader asks for: "", "actions/2017-01/", "404.html"."""
    pages = []
    for file in sorted(site_dir.rglob("*.html")):
        relative = file.relative_to(site_dir).as_posix()
        pages.append(relative.removesuffix("index.html") if file.name == "index.html" else relative)
    return pages


def read_built(site_dir: Path, path: str) -> str:
    """The HTML a reader gets at `path` (a path from built_pages)."""
    return (site_dir / path if path.endswith(".html") else site_dir / path / "index.html").read_text(encoding="utf-8")
