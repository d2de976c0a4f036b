"""The whole record as one PDF, read back with a PDF library (pypdf) as a reader's viewer reads it:
its pages, its text, its bookmarks, its links, its page size, its title page and contents.

Printing it needs Chromium, so these tests are browser tests (`make test-fast` leaves them out).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from eunato import urls
from eunato.kinds import KINDS
from eunato.print_edition import combined, parts

A4_WIDTH, LETTER_WIDTH, A4_HEIGHT = 595.3, 612.0, 842.0  # points; a little slack for Chromium's rounding


@pytest.fixture(scope="module")
def pdf(published_build) -> PdfReader:
    return PdfReader(published_build / urls.PDF)


@cache
def page_texts(path: Path) -> list[str]:
    return [words(page.extract_text() or "") for page in PdfReader(path).pages]


@pytest.fixture(scope="module")
def texts(published_build) -> list[str]:
    return page_texts(published_build / urls.PDF)


def words(text: str) -> str:
    """Text compared as a reader sees it: one space between words, ligatures (ﬀ, ﬁ) as their letters."""
    return " ".join(unicodedata.normalize("NFKC", text).replace("\u00ad", "").split())


def squashed(text: str) -> str:
    """Text without its spaces: Chromium's bookmarks drop the space where a heading wraps."""
    return words(text).replace(" ", "")


def outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """Every bookmark as (depth, title without spaces, page from 1), in order."""
    found: list[tuple[int, str, int]] = []

    def walk(entries: list, depth: int) -> None:
        for entry in entries:
            if isinstance(entry, list):
                walk(entry, depth + 1)
            else:
                number = reader.get_destination_page_number(entry)
                assert number is not None, entry.title
                found.append((depth, squashed(entry.title), number + 1))

    walk(reader.outline, 0)
    return found


def test_the_pdf_has_a_page_for_every_item_and_then_some(pdf, real_site):
    items = sum(len(real_site.items(kind.name)) for kind in KINDS)
    assert items < len(pdf.pages) < 1000


def test_every_action_report_and_operation_title_is_in_the_pdf(texts, real_site):
    whole = words(" ".join(texts))
    missing = [
        item.title
        for kind in ("actions", "reports", "operations")
        for item in real_site.items(kind)
        if words(item.title) not in whole
    ]
    assert missing == []


def test_the_title_page_names_the_record_its_edition_and_date(texts, real_site):
    first = texts[0]
    assert "EU–NATO Cooperation Record" in first
    assert f"Edition {real_site.edition.version} of {real_site.edition.date.display()}" in first


def test_bookmarks_nest_each_item_under_its_kind(pdf, real_site):
    bookmarks = outline(pdf)
    assert bookmarks, "the PDF has no outline"
    top = [title for depth, title, _ in bookmarks if depth == 0]
    for kind in KINDS:
        assert squashed(kind.title) in top, kind.title
        start = next(i for i, (depth, text, _) in enumerate(bookmarks) if depth == 0 and text == squashed(kind.title))
        end = next((i for i in range(start + 1, len(bookmarks)) if bookmarks[i][0] == 0), len(bookmarks))
        titles = [squashed(item.title) for item in real_site.items(kind.name)]
        # Under the kind: its index page's own sections, then its items, in the kind's order.
        under = [text for depth, text, _ in bookmarks[start + 1 : end] if depth == 1 and text in titles]
        assert under == titles, kind.name


def test_each_bookmark_leads_to_the_page_that_shows_its_heading(pdf, texts):
    for depth, title, number in outline(pdf):
        if depth <= 1:
            assert title in texts[number - 1].replace(" ", ""), (title, number)


def test_the_contents_give_the_page_on_which_each_part_starts(pdf, texts, real_site):
    bookmarks = {(title, depth): number for depth, title, number in outline(pdf)}
    contents = " ".join(texts[1:6])
    for item in real_site.items("reports"):
        number = bookmarks[(squashed(item.title), 1)]
        assert re.search(rf"{re.escape(words(item.title))}\s*\.*\s*{number}\b", contents), item.title


def test_every_internal_link_leads_to_a_page_of_the_pdf(pdf):
    """Links within the record (contents, citation marks, links between items) name a destination
    of the PDF, which is on one of its pages; links to the web are left alone."""
    named = {str(name).removeprefix("/"): dest for name, dest in pdf.named_destinations.items()}
    internal, broken = 0, []
    for number, page in enumerate(pdf.pages, 1):
        for reference in page.get("/Annots") or []:
            annotation = reference.get_object()
            if annotation.get("/Subtype") != "/Link" or "/Dest" not in annotation:
                continue
            internal += 1
            name = str(annotation["/Dest"]).removeprefix("/")
            if name not in named or not 0 <= pdf.get_destination_page_number(named[name]) < len(pdf.pages):
                broken.append(f"page {number}: {name}")
    assert internal > 1000  # the contents, the citation marks, the links between items
    assert broken == []


@pytest.fixture(scope="module")
def combined_document(published_build, real_site) -> BeautifulSoup:
    """The document Chromium printed, made again from the same offline build."""
    offline = published_build.parent / "work" / "offline" / f"eu-nato-record-{real_site.edition.version}"
    return BeautifulSoup(combined(offline, real_site), "lxml")


def test_every_link_within_the_printed_document_has_its_target(combined_document):
    """Chromium drops a link whose target is missing rather than print it broken, so the PDF alone
    cannot tell: the document it printed must hold a target for each of its own links."""
    ids = {str(element["id"]) for element in combined_document.select("[id]")}
    links = [str(a["href"])[1:] for a in combined_document.select('a[href^="#"]')]
    assert len(links) > 1000
    assert sorted({link for link in links if link not in ids}) == []


def test_each_part_of_the_document_is_a_destination_of_the_pdf(pdf, combined_document):
    named = {str(name).removeprefix("/") for name in pdf.named_destinations}
    parts_ = [str(section["id"]) for section in combined_document.select("section.print-page")]
    assert parts_ and set(parts_) <= named


def test_no_page_is_wider_than_a4_or_letter(pdf):
    sizes = {(round(float(page.mediabox.width)), round(float(page.mediabox.height))) for page in pdf.pages}
    assert all(width <= LETTER_WIDTH and height <= A4_HEIGHT + 1 for width, height in sizes), sizes
    assert all(width <= A4_WIDTH + 1 for width, _ in sizes)


def test_the_pdf_follows_the_sites_navigation(published_build, real_site, texts):
    """The parts printed are the site's pages in its navigation's order: every item page among them."""
    found = parts(
        published_build.parent / "work" / "offline" / f"eu-nato-record-{real_site.edition.version}", real_site
    )
    printed = {part.path for part in found}
    for kind in KINDS:
        for item in real_site.items(kind.name):
            assert f"{kind.name}/{item.id}.html" in printed


def test_the_home_and_open_data_pages_link_to_the_pdf_and_the_offline_edition(published_build):
    from built_page import Page  # noqa: PLC0415

    for path in ("", "data/"):
        page = Page(published_build, path)
        targets = page.links()
        assert urls.PDF in targets and urls.OFFLINE_ZIP in targets, path
    assert (published_build / urls.PDF).stat().st_size > 100_000
    assert (published_build / urls.OFFLINE_ZIP).stat().st_size > 100_000
