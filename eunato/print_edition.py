"""The whole record as one document to print: every page of a built site, in the navigation's order,
with a title page and a table of contents; Chromium prints it to PDF (eunato/publish.py).

    html = combined(site_dir, site)   # site_dir: a build with file names (the offline edition)

Made from the site's own pages (the article of each built page), so the PDF says exactly what the
pages say. Each page becomes a section whose ids are prefixed with the page's own (`p12-sources`);
links between pages become links within the document, links to downloads the files' online
addresses. Headings are shifted so that the PDF's bookmarks nest: kinds (and the navigation's
sections) at the first level, their items and pages at the second, the items' sections below.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from . import urls
from .kinds import KINDS
from .site import Site

# What it reads of the built pages, which Material writes: the navigation of the home page, each
# page's article, its stylesheets. The only markup of the theme this module knows.
NAVIGATION = "nav.md-nav--primary"
NAVIGATION_LINK = "a.md-nav__link[href]"
NAVIGATION_SECTION = "md-nav__item--nested"
ARTICLE = "article.md-content__inner"
CONTENT_CLASS = "md-typeset"  # the class Material's stylesheet styles content by

# Where the combined document is written, in the built site's folder so that its stylesheets and
# charts load by the same relative paths; removed once printed.
FILE_NAME = "print-edition.html"
# Left out of a page's content: buttons, permalink marks, the actions table's filters, scripts.
DROPPED = "a.md-content__button, a.headerlink, .table-filters, script, .cite-copy"
# The document's own layout: title page, contents, page breaks (beside print.css, which pages link).
STYLESHEET = "assets/print-edition.css"
# The placeholder of a page number in the table of contents, as wide as a real one.
NO_PAGE = "000"


@dataclass(frozen=True)
class Part:
    path: str  # the page's file in the built site: "actions/2017-01.html"
    level: int  # 1: a kind, a top-level page or a section; 2: an item or a page in a section
    anchor: str  # its id in the combined document: "p12"
    section: str = ""  # the navigation section it opens (a heading of its own), e.g. "Reference"


def parts(site_dir: Path, site: Site) -> list[Part]:
    """The pages in the order of the site's navigation; after each kind's index page, every one of its
    items the navigation leaves out (actions, operations), in the kind's order."""
    home = BeautifulSoup((site_dir / "index.html").read_text(encoding="utf-8"), "lxml")
    nav = home.select_one(NAVIGATION)
    indexes = {urls.page_path(kind.name).removesuffix(".md") + ".html": kind for kind in KINDS}
    items = {f"{kind.name}/{item.id}.html" for kind in KINDS for item in site.items(kind.name)}
    found: list[Part] = []
    seen: set[str] = set()
    opened: set[str] = set()

    def add(path: str, level: int, section: str = "") -> None:
        if path not in seen and (site_dir / path).is_file():
            seen.add(path)
            found.append(Part(path, level, f"p{len(found) + 1}", section))

    for link in nav.select(NAVIGATION_LINK) if nav else []:
        path = posixpath.normpath(urlsplit(str(link["href"])).path)
        if not path.endswith(".html") or path in seen:
            continue
        sections = [
            li for li in link.parents if li.name == "li" and NAVIGATION_SECTION in li.get_attribute_list("class")
        ]
        label = sections[0].find("label") if sections else None
        title = " ".join(label.get_text().split()) if label else ""
        if path in indexes:
            add(path, 1)
            kind = indexes[path]
            for item in site.items(kind.name):
                add(f"{kind.name}/{item.id}.html", 2)
        elif path in items:
            add(path, 2)
        elif sections and title:
            add(path, 2, title if title not in opened else "")
            opened.add(title)
        else:
            add(path, 1)
    return found


def combined(site_dir: Path, site: Site) -> str:
    """The combined document, as HTML to be saved as FILE_NAME in `site_dir`.

    The site's name, address and description are read where reference managers read them: the
    citation tags of its home page."""
    found = parts(site_dir, site)
    anchors = {part.path: part.anchor for part in found}
    home = BeautifulSoup((site_dir / "index.html").read_text(encoding="utf-8"), "lxml")
    site_name, site_url, description = (
        str(meta["content"]) if (meta := home.select_one(f'meta[name="{name}"]')) else ""
        for name in ("citation_publisher", "citation_public_url", "description")
    )
    document = BeautifulSoup("<!DOCTYPE html><html><head></head><body></body></html>", "lxml")
    root, head, body = _one(document, "html"), _one(document, "head"), _one(document, "body")
    root["lang"] = _one(home, "html").get("lang") or "en"
    head.append(_new(document, "meta", charset="utf-8"))
    edition = site.edition
    head.append(_new(document, "title", f"{site_name}, edition {edition.version}" if edition else site_name))
    for link in home.select('head link[rel="stylesheet"]'):
        head.append(_new(document, "link", rel="stylesheet", href=_from_root("index.html", str(link["href"]))))
    head.append(_new(document, "link", rel="stylesheet", href=STYLESHEET))
    for name, value in _one(home, "body").attrs.items():
        body[name] = value
    content = _new(document, "div", **{"class": f"{CONTENT_CLASS} print-edition"})
    body.append(content)
    content.append(_title_page(document, site, site_name, site_url, description))
    content.append(_contents(document, found, site_dir))
    for part in found:
        if part.section:
            content.append(
                _new(document, "h1", part.section, id=f"{part.anchor}-section", **{"class": "print-section"})
            )
        content.append(_page(document, part, site_dir, anchors, site_url))
    return str(document)


def with_page_numbers(html: str, pages: dict[str, int]) -> str:
    """The document with the page on which each part starts written into its table of contents."""
    document = BeautifulSoup(html, "lxml")
    for number in document.select(".toc-page[data-for]"):
        number.string = str(pages.get(str(number["data-for"]), ""))
    return str(document)


# --- Pieces --------------------------------------------------------------------------------------


def _one(node: Tag, selector: str) -> Tag:
    """The element `selector` finds in `node`; a page without it is not a page of this site."""
    found = node.select_one(selector)
    if found is None:
        raise ValueError(f"no {selector} in the built page")
    return found


def _new(document: BeautifulSoup, name: str, text: str = "", **attributes: str) -> Tag:
    element = document.new_tag(name, attrs=attributes)
    if text:
        element.string = text
    return element


def _title_page(document: BeautifulSoup, site: Site, site_name: str, site_url: str, description: str) -> Tag:
    page = _new(document, "section", **{"class": "print-title"})
    page.append(_new(document, "p", site_name, **{"class": "print-title__name"}))
    page.append(_new(document, "p", description, **{"class": "print-title__about"}))
    if site.edition:
        edition = f"Edition {site.edition.version} of {site.edition.date.display()}"
        page.append(_new(document, "p", edition, **{"class": "print-title__edition"}))
    where = _new(document, "p", "Online, with the open data: ", **{"class": "print-title__where"})
    where.append(_new(document, "a", site_url, href=site_url, **{"class": "print-no-address"}))
    page.append(where)
    page.append(
        _new(
            document,
            "p",
            "The record's text is offered under the Creative Commons Attribution 4.0 licence (CC BY 4.0); "
            "the facts cite their sources.",
        )
    )
    return page


def _contents(document: BeautifulSoup, found: list[Part], site_dir: Path) -> Tag:
    nav = _new(document, "nav", **{"class": "print-toc"})
    nav.append(_new(document, "h1", "Contents", id="contents"))
    top = _new(document, "ol")
    nav.append(top)
    current = top
    for part in found:
        if part.section:
            entry = _new(document, "li")
            entry.append(_toc_line(document, part.section, f"{part.anchor}-section"))
            top.append(entry)
            current = _new(document, "ol")
            entry.append(current)
        entry = _new(document, "li")
        entry.append(_toc_line(document, _page_title(site_dir / part.path), part.anchor))
        if part.level == 1:
            top.append(entry)
            current = _new(document, "ol")
            entry.append(current)
        else:
            current.append(entry)
    for empty in nav.select("ol:empty"):
        empty.decompose()
    return nav


def _toc_line(document: BeautifulSoup, text: str, anchor: str) -> Tag:
    line = _new(document, "span", **{"class": "toc-line"})
    line.append(_new(document, "a", text, href=f"#{anchor}"))
    line.append(_new(document, "span", NO_PAGE, **{"class": "toc-page", "data-for": anchor}))
    return line


def _page_title(file: Path) -> str:
    page = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
    heading = page.select_one(f"{ARTICLE} h1")
    if heading is None:
        return file.stem
    for mark in heading.select("a.headerlink"):
        mark.decompose()
    return " ".join(heading.get_text().split())


def _page(document: BeautifulSoup, part: Part, site_dir: Path, anchors: dict[str, str], site_url: str) -> Tag:
    page = BeautifulSoup((site_dir / part.path).read_text(encoding="utf-8"), "lxml")
    article = page.select_one(ARTICLE)
    section = _new(document, "section", id=part.anchor, **{"class": f"print-page print-page--level-{part.level}"})
    if article is None:
        return section
    for dropped in article.select(DROPPED):
        dropped.decompose()
    for details in article.select("details"):
        details["open"] = ""
    prefix = part.anchor
    for element in article.select("[id]"):
        element["id"] = f"{prefix}-{element['id']}"
    for attribute in ("aria-labelledby", "aria-describedby", "for", "headers"):
        for element in article.select(f"[{attribute}]"):
            element[attribute] = " ".join(f"{prefix}-{name}" for name in str(element[attribute]).split())
    for link in article.select("a[href]"):
        link["href"] = _link(part.path, str(link["href"]), anchors, site_url)
    for image in article.select("img[src]"):
        image["src"] = _from_root(part.path, str(image["src"]))
    if part.level > 1:
        # Deepest first, so no heading is shifted twice.
        for level in range(5, 0, -1):
            for heading in article.select(f"h{level}"):
                heading.name = f"h{level + 1}"
    for child in list(article.children):
        section.append(child.extract())
    return section


def _link(page: str, href: str, anchors: dict[str, str], site_url: str) -> str:
    """A link of `page` as the combined document needs it."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return href
    if not parts.path:  # within the page
        return f"#{anchors[page]}-{parts.fragment}" if parts.fragment else f"#{anchors[page]}"
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), parts.path))
    if target in anchors:
        return f"#{anchors[target]}-{parts.fragment}" if parts.fragment else f"#{anchors[target]}"
    # Not a page of the document (a download, a page left out): its online address.
    if target.endswith(".html"):
        target = target.removesuffix("index.html") if target.endswith("index.html") else target[:-5] + "/"
    return site_url + target + (f"#{parts.fragment}" if parts.fragment else "")


def _from_root(page: str, src: str) -> str:
    """A relative address of `page` as seen from the site's root, where the combined document is."""
    if urlsplit(src).scheme or src.startswith("/"):
        return src
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), src))
