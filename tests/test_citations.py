"""Every claim traceable: inline citations in prose become numbered marks that lead to the page's Sources list.

The fixture's action `2016-10` cites `press-article` (at p. 5 and p. 7, and once without a page),
then `declaration-text`, and lists `report-text` without citing it.
"""

from __future__ import annotations

import json
import re
import sys

import pytest

from built_page import Page, built_pages, read_built
from conftest import build, check, run
from eunato import citations
from eunato.citations import Citation, Malformed, Ref

# --- The syntax -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Signed [@nato-2016].", [(7, 19, (Ref("nato-2016"),))]),
        ("Two [@a-1; @b-2].", [(4, 16, (Ref("a-1"), Ref("b-2")))]),
        (
            "Where [@a, para. 9] and [@b, p. 4; @c].",
            [(6, 19, (Ref("a", "para. 9"),)), (24, 38, (Ref("b", "p. 4"), Ref("c")))],
        ),
        ("No citation [here] or in an e-mail a@b.c.", []),
    ],
)
def test_a_citation_is_pandoc_syntax_with_one_or_more_ids_and_an_optional_locator(text, expected):
    assert citations.parse(text) == [Citation(*found) for found in expected]


@pytest.mark.parametrize("text", ["[@]", "[@Bad_Id]", "[@a p. 4]", "[@a,]", "open [@a and never closed", "[@a; b]"])
def test_a_bracket_opened_with_at_that_breaks_the_syntax_is_malformed(text):
    with pytest.raises(Malformed):
        citations.parse(text)


# --- What the check says ----------------------------------------------------------------------

ACTION = "title: Action two\nset: 2016\narea: alpha\nsummary: {summary}\nsources: [declaration-text]\n"

MISTAKES = {
    "a citation of an unknown source": (
        "actions/2016-2.yml",
        ACTION.format(summary="Agreed [@press-artcle]."),
        "data/actions/2016-2.yml:4: summary: unknown source 'press-artcle' (did you mean 'press-article'?); "
        "expected an id defined in data/sources.yml",
    ),
    "a malformed citation": (
        "actions/2016-2.yml",
        ACTION.format(summary="Agreed [@press-article p. 4]."),
        "data/actions/2016-2.yml:4: summary: '[@press-article p. 4]' is not a citation; "
        "expected [@source-id], [@id-one; @id-two] or [@id, p. 4], with ids from data/sources.yml",
    ),
    "a citation in a title": (
        "actions/2016-2.yml",
        ACTION.format(summary="Agreed.").replace("Action two", "Action two [@press-article]"),
        "data/actions/2016-2.yml:1: title: found the citation '[@press-article]' in a field of plain text; "
        "expected citations only in prose",
    ),
    "a citation in a source's note": (
        "sources.yml",
        "declaration-text:\n  title: T\n  issuer: NATO\n  date: 2016\n  note: See [@report-text].\n"
        "report-text:\n  title: R\n  issuer: EU\n  number: '1'\npress-article:\n  title: P\n  issuer: N\n  url: https://example.org\n",
        "data/sources.yml:5: declaration-text.note: found the citation '[@report-text]' in a field of plain text",
    ),
    "an unknown source cited in a topic's summary": (
        "topics.yml",
        "resilience:\n  title: Resilience\n  summary: Old [@nowhere].\n",
        "data/topics.yml:3: resilience.summary: unknown source 'nowhere'",
    ),
    "a citation in a highlight, far down a long report": (
        "reports/r2.yml",
        "ordinal: 2\ntitle: Report two\ndate: 2017-12\nhighlights:\n  - One [@report-text].\n"
        "  - >-\n    Two, written over\n    two lines [@report-txt, p. 3].\n",
        "data/reports/r2.yml:6: highlights[2]: unknown source 'report-txt' (did you mean 'report-text'?)",
    ),
}


@pytest.mark.parametrize("name", MISTAKES)
def test_a_citation_mistake_is_reported_with_file_line_and_field(data_dir, name):
    relative, text, expected = MISTAKES[name]
    (data_dir / relative).write_text(text, encoding="utf-8")

    result = check(data_dir)

    assert result.returncode == 1
    assert expected in result.stderr, result.stderr


def test_inline_citations_are_enough_to_source_an_item(data_dir):
    (data_dir / "actions" / "2016-2.yml").write_text(
        ACTION.format(summary="Agreed [@press-article].").replace("sources: [declaration-text]\n", "")
    )
    assert check(data_dir).returncode == 0


def test_check_uncited_lists_each_paragraph_without_a_citation_by_file_and_line(data_dir):
    (data_dir / "actions" / "2016-2.yml").write_text(
        ACTION.format(
            summary="|\n  First paragraph [@press-article].\n\n  Second paragraph, sourced nowhere.\n\n  - A list item [@report-text].\n  - Another without."
        )
    )

    result = run(sys.executable, "-m", "eunato", "check", "--uncited", "data", cwd=data_dir.parent)

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert (
        "data/actions/2016-2.yml:7: summary: no citation in the paragraph “Second paragraph, sourced nowhere.”" in lines
    )
    assert "data/actions/2016-2.yml:10: summary: no citation in the paragraph “- Another without.”" in lines
    assert not any("First paragraph" in line or "A list item" in line for line in lines)
    assert re.search(r"^\d+ paragraphs of prose without a citation", lines[-1])


# --- On the page ----------------------------------------------------------------------------------


def _visible(link) -> str:
    """The text of a mark a sighted reader sees: what is not visually hidden."""
    return "".join(
        part for part in link.find_all(string=True) if "visually-hidden" not in (part.parent.get("class") or [])
    )


def test_citations_are_numbered_in_order_of_first_citation_and_repeat_their_number(fixture_build):
    page = Page(fixture_build, "actions/2016-10/")
    sups = page.content.select("sup.citation")
    assert [[a["href"] for a in sup.select("a")] for sup in sups] == [
        ["#source-press-article", "#source-declaration-text"],
        ["#source-press-article"],
        ["#source-press-article"],
    ]
    assert [[_visible(a) for a in sup.select("a")] for sup in sups] == [["1", "2"], ["1"], ["1"]]
    assert [sup.get_text("", strip=False).startswith("[") for sup in sups] == [True] * 3


def test_the_sources_list_follows_the_numbering_then_lists_what_the_item_names_without_citing(fixture_build):
    page = Page(fixture_build, "actions/2016-10/")
    entries = page.section("Sources").select("ol.sources > li")
    assert [entry["id"] for entry in entries] == [
        "source-press-article",
        "source-declaration-text",
        "source-report-text",
    ]
    assert "Cited for: p. 5; p. 7." in entries[0].get_text(" ", strip=True)
    assert "Cited for" not in entries[1].get_text()
    for sup in page.content.select("sup.citation a"):
        assert page.content.find(id=sup["href"][1:]) is not None  # every mark lands on its entry


def test_a_mark_names_its_source_for_a_mouse_over_and_for_a_screen_reader(fixture_build):
    page = Page(fixture_build, "actions/2016-10/")
    first = page.content.select_one("sup.citation a")
    assert first["title"] == "An article about it, p. 5"
    spoken = " ".join(first.get_text(" ").split())
    assert spoken == "Source 1 : An article about it, p. 5"


def test_pages_other_than_an_item_link_a_citation_to_the_list_of_all_sources(fixture_build):
    page = Page(fixture_build, "timeline/")  # shows the milestone "The EU patrol widens its area [@press-article]"
    sources = Page(fixture_build, "sources/")
    links = page.content.select("sup.citation a")
    assert [_visible(link) for link in links] == ["A newspaper"]
    for link in links:
        target, anchor = link["href"].split("#")
        assert page.resolve(target) == "sources/"
        assert sources.content.find(id=anchor) is not None


def test_no_page_shows_a_citation_as_raw_text(built):
    _, site_dir = built
    for path in built_pages(site_dir):
        text = re.sub(r"<[^>]+>", "", read_built(site_dir, path))
        assert "[@" not in text.replace("[@source-id]", "").replace("[@id-one; @id-two]", "").replace(
            "[@id, p. 4]", ""
        ), path


def test_titles_and_descriptions_leave_citations_out(fixture_build):
    html = read_built(fixture_build, "actions/2016-10/")
    description = re.search(r'<meta name="description" content="([^"]*)"', html)[1]
    assert description.startswith(
        "The tenth action, tested in PACE. Both organisations agreed to it, and to report on it."
    )


def test_the_json_keeps_the_citations_in_the_text_and_lists_every_source_cited(fixture_build):
    item = json.loads((fixture_build / "data" / "actions" / "2016-10.json").read_text(encoding="utf-8"))
    assert "[@press-article, p. 5; @declaration-text]" in item["summary"]
    assert item["sources"] == ["press-article", "declaration-text", "report-text"]


def test_an_edited_citation_moves_the_source_in_the_numbering(project, tmp_path):
    path = project / "data" / "actions" / "2016-10.yml"
    path.write_text(
        path.read_text().replace(
            "[@press-article, p. 5; @declaration-text]", "[@declaration-text; @press-article, p. 5]"
        )
    )

    result = build(project, tmp_path / "site")

    assert result.returncode == 0, result.stderr
    entries = Page(tmp_path / "site", "actions/2016-10/").section("Sources").select("ol.sources > li")
    assert [entry["id"] for entry in entries][:2] == ["source-declaration-text", "source-press-article"]
