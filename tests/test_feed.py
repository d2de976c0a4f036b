"""The Atom feed of progress reports: valid Atom, one entry per report, newest first, linked from every page."""

from __future__ import annotations

from xml.etree import ElementTree

import feedparser
from bs4 import BeautifulSoup

from built_page import Page
from conftest import build
from eunato import citations

ATOM = "{http://www.w3.org/2005/Atom}"


def site_url(site_dir):
    """The site's own address, as its home page declares it."""
    return Page(site_dir, "").soup.find("link", rel="canonical")["href"]


def test_the_feed_is_atom_with_every_element_atom_requires(built):
    site, site_dir = built
    root = ElementTree.parse(site_dir / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    for element in ("id", "title", "updated", "author/" + ATOM + "name"):
        assert (root.findtext(ATOM + element) or "").strip(), element
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == site_url(site_dir) + "feed.xml"
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(site.reports)
    for entry in entries:
        for element in ("id", "title", "updated", "content"):
            assert (entry.findtext(ATOM + element) or "").strip(), element
        assert entry.find(f"{ATOM}link").get("href")


def test_a_feed_reader_sees_each_report_newest_first_linking_to_its_page(built):
    site, site_dir = built
    feed = feedparser.parse((site_dir / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    newest_first = sorted(site.reports.values(), key=lambda report: report.date, reverse=True)
    assert [entry.title for entry in feed.entries] == [report.title for report in newest_first]
    for entry, report in zip(feed.entries, newest_first, strict=False):
        assert entry.link == f"{site_url(site_dir)}reports/{report.id}/"
        assert entry.id == entry.link
        assert (site_dir / "reports" / report.id / "index.html").exists()
        first = BeautifulSoup(entry.content[0].value, "html.parser").find("li").get_text(" ", strip=True)
        assert " ".join(first.split()) == " ".join(citations.strip(report.highlights[0]).split())


def test_entries_are_dated_at_noon_utc_on_the_first_day_the_date_allows(fixture_build):
    feed = feedparser.parse((fixture_build / "feed.xml").read_bytes())
    dated = {entry.title: entry.updated for entry in feed.entries}
    assert dated == {
        "Report ten": "2025-01-01T12:00:00+00:00",  # known to the year
        "Report two": "2017-12-01T12:00:00+00:00",  # known to the month
        "Report one": "2017-06-14T12:00:00+00:00",  # known to the day
    }
    assert feed.feed.updated == "2025-01-01T12:00:00+00:00"  # the newest entry, not the time of the build
    assert "December 2017" in next(e for e in feed.entries if e.title == "Report two").content[0].value


def test_every_page_announces_the_feed_and_the_home_page_links_it(real_build):
    for path in ("", "reports/", "areas/", "data/"):
        page = Page(real_build, path)
        link = page.soup.find("link", rel="alternate", type="application/atom+xml")
        assert page.resolve(link["href"]) == "feed.xml", path
    assert "feed.xml" in Page(real_build, "").links(Page(real_build, "").section("Latest progress report"))


def test_without_the_sites_address_the_build_says_what_to_set(project, tmp_path):
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("repo_url:")
    config.write_text(text[:start] + "repo_url: https://git.example.org/record\n" + text[text.index("\n", start) + 1 :])

    result = build(project, tmp_path / "site")

    assert result.returncode != 0
    assert "the Atom feed of progress reports needs the site's own address: set site_url in mkdocs.yml" in result.stderr
