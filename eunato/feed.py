"""An Atom feed of the progress reports, so that a feed reader shows each new report.

    atom_feed(site, "https://example.org/record/", page_url)   # -> the bytes of feed.xml

Dates. Atom wants a moment and the record knows a report's date to the day, the
month or only the year. An entry is dated at noon UTC on the first day its date
allows: 14 June 2017 -> 2017-06-14T12:00:00Z, June 2017 -> 2017-06-01T12:00:00Z,
2025 -> 2025-01-01T12:00:00Z. Noon keeps the calendar day in every time zone from
UTC-11 to UTC+11; the first day keeps the site's order (a month before the days in
it). The entry's text gives the date as the sources do ("June 2017"). The feed is
`updated` as of its newest entry, not of the build, so the same record makes the
same file and a reader sees a change only when the record has one.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from urllib.parse import urljoin

import markdown
from feedgen.feed import FeedGenerator
from markupsafe import escape

from . import citations
from .dates import PartialDate
from .model import Report
from .site import Site
from .urls import FEED, page_path

TITLE = "EU–NATO Cooperation Record: progress reports"


def timestamp(date: PartialDate) -> datetime.datetime:
    """Noon UTC on the first day `date` allows (see the module's docstring)."""
    return datetime.datetime.combine(date.first_day, datetime.time(12), tzinfo=datetime.UTC)


def atom_feed(site: Site, site_url: str, page_url: Callable[[str], str]) -> bytes:
    """The feed, newest report first; `page_url("reports/x.md")` gives that page's address within the site."""
    feed = FeedGenerator()
    feed.id(site_url)
    feed.title(TITLE)
    feed.subtitle("Each joint progress report on EU–NATO cooperation, as this record describes it.")
    feed.author({"name": "EU–NATO Cooperation Record"})
    feed.link(href=urljoin(site_url, FEED), rel="self", type="application/atom+xml")
    feed.link(href=urljoin(site_url, page_url(page_path("reports"))), rel="alternate", type="text/html")
    feed.language("en")
    reports = sorted(site.of(Report).values(), key=lambda report: (report.date, report.ordinal), reverse=True)
    for report in reports:
        _entry(feed, report, urljoin(site_url, page_url(page_path("reports", report.id))))
    # With no report yet, the record's latest date; with an empty record, any fixed moment keeps the file stable.
    newest = reports[0].date if reports else site.latest_date or PartialDate(1970, 1, 1)
    feed.updated(timestamp(newest))
    return feed.atom_str(pretty=True)


def _entry(feed: FeedGenerator, report: Report, url: str) -> None:
    entry = feed.add_entry(order="append")
    entry.id(url)  # the page's address: stable as long as the site's address and the report's id are
    entry.title(report.title)
    entry.link(href=url, rel="alternate", type="text/html")
    entry.published(timestamp(report.date))
    entry.updated(timestamp(report.date))
    entry.content(_content(report), type="html")


def _content(report: Report) -> str:
    """The report as its page begins: number, date as the sources give it, highlights (data text escaped, Markdown kept)."""
    # The entry leads to the report's page, which gives the sources; the feed's text goes without the marks.
    highlights = "".join(f"<li>{markdown.markdown(str(escape(citations.strip(h))))}</li>" for h in report.highlights)
    return f"<p>Progress report no. {report.ordinal}, {report.date.display()}.</p><ul>{highlights}</ul>"
