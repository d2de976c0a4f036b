"""The built site: a page for every item, links both ways, sources, edit links, data shown as text."""

from __future__ import annotations

import pytest

from built_page import Page
from conftest import build
from eunato.kinds import NAMES as KINDS


def item_page(site_dir, kind, item_id):
    return Page(site_dir, f"{kind}/{item_id}/")


# --- One page per item, one index per kind --------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_every_item_has_a_page_titled_after_it(built, kind):
    site, site_dir = built
    for item in site.items(kind):
        assert item_page(site_dir, kind, item.id).title == item.title


@pytest.mark.parametrize("kind", KINDS)
def test_the_fixture_record_holds_every_kind_so_no_test_over_kinds_passes_on_nothing(fixture_site, kind):
    assert fixture_site.items(kind)


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_has_an_index_that_links_every_item(real_site, real_build, kind):
    index = Page(real_build, f"{kind}/")
    assert index.content.find("table") is not None
    assert {f"{kind}/{item.id}/" for item in real_site.items(kind)} <= index.links()


# --- Cross-links in both directions ---------------------------------------------------


def test_an_area_lists_its_actions_and_each_action_links_back_to_its_area(real_site, real_build):
    for action in real_site.actions.values():
        assert f"actions/{action.id}/" in item_page(real_build, "areas", action.area).links()
        assert f"areas/{action.area}/" in item_page(real_build, "actions", action.id).links()


def test_a_set_lists_its_actions_and_each_action_links_back_to_its_set(real_site, real_build):
    for action in real_site.actions.values():
        assert f"actions/{action.id}/" in item_page(real_build, "sets", action.set).links()
        assert f"sets/{action.set}/" in item_page(real_build, "actions", action.id).links()


def test_a_report_links_to_all_it_mentions_and_each_links_back(real_site, real_build):
    for report in real_site.reports.values():
        report_page = item_page(real_build, "reports", report.id)
        for kind in ("areas", "actions", "operations", "states"):
            for target in getattr(report.mentions, kind):
                assert f"{kind}/{target}/" in report_page.links()
                assert f"reports/{report.id}/" in item_page(real_build, kind, target).links()


def test_an_operation_links_to_its_areas_and_actions_and_they_link_back(real_site, real_build):
    for operation in real_site.operations.values():
        operation_page = item_page(real_build, "operations", operation.id)
        for kind in ("areas", "actions"):
            for target in getattr(operation, kind):
                assert f"{kind}/{target}/" in operation_page.links()
                assert f"operations/{operation.id}/" in item_page(real_build, kind, target).links()


def test_an_action_nobody_mentions_says_so(fixture_build):
    page = item_page(fixture_build, "actions", "lonely")
    assert "No progress report in this record mentions this action by name." in page.text
    assert "No operation or mechanism in this record is tied to this action." in page.text


# --- Sources and edit links ------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_every_page_lists_its_sources_with_their_addresses(built, kind):
    real_site, real_build = built
    for item in real_site.items(kind):
        page = item_page(real_build, kind, item.id)
        sources = page.section("Sources")
        listed = [li["id"].removeprefix("source-") for li in sources.select("ol.sources > li")]
        # The item's own sources, then those of what the page quotes from other items (a strategy on an area's page).
        assert set(item.sources) <= set(listed)
        assert {a["href"].removeprefix("#source-") for a in page.content.select("sup.citation a")} <= set(listed)
        for source_id in item.sources:
            source = real_site.sources[source_id]
            text = " ".join(sources.get_text().split())
            assert source.title in text
            assert (source.url or source.number or source.date.display()) in text


def test_the_sources_page_lists_every_source_and_who_cites_it(real_site, real_build):
    page = Page(real_build, "sources/")
    for source_id in real_site.sources:
        assert page.content.find(id=source_id) is not None
    action = next(iter(real_site.actions.values()))
    entry = page.content.find(id=action.sources[0])
    assert f"actions/{action.id}/" in page.links(entry)


@pytest.mark.parametrize("kind", KINDS)
def test_the_edit_link_of_every_item_opens_its_yaml_file(built, kind):
    site, site_dir = built
    for item in site.items(kind):
        assert item_page(site_dir, kind, item.id).edit_link.endswith(f"/edit/main/data/{kind}/{item.id}.yml")


# --- Reading details ------------------------------------------------------------------


def test_a_date_known_to_the_month_is_shown_as_a_month(fixture_build):
    page = item_page(fixture_build, "reports", "r2")
    assert "December 2017, the date of the report (the sources give the month, not the day)" in page.text
    assert "not stated in the sources" in page.text


def test_navigation_and_index_pages_sort_naturally(fixture_build):
    nav = Page(fixture_build, "").nav_links()
    assert nav.index("reports/r2/") < nav.index("reports/r10/")
    index = Page(fixture_build, "actions/")
    rows = [index.resolve(a["href"]) for a in index.content.select("tbody a")]
    assert rows.index("actions/2016-2/") < rows.index("actions/2016-10/")


def test_the_navigation_lists_the_short_kinds_and_only_the_index_of_those_that_grow(fixture_build):
    nav = Page(fixture_build, "").nav_links()
    assert {"declarations/first/", "areas/alpha/", "sets/2016/", "reports/r1/", "analyses/side-by-side/"} <= set(nav)
    assert {"actions/", "operations/"} <= set(nav)
    assert not [link for link in nav if link.startswith(("actions/", "operations/")) and link.count("/") > 1]


def test_an_item_left_out_of_the_navigation_sits_in_its_section_and_leads_to_its_neighbours(fixture_build):
    page = item_page(fixture_build, "actions", "2016-2")
    assert [page.resolve(a["href"]) for a in page.soup.select(".md-path a")] == ["./", "actions/"]
    assert page.resolve(page.soup.select_one("a.md-footer__link--prev")["href"]) == "actions/lonely/"
    assert page.resolve(page.soup.select_one("a.md-footer__link--next")["href"]) == "actions/2016-10/"


def test_the_home_page_shows_every_area_with_its_counts_and_the_latest_report(real_site, real_build):
    home = Page(real_build, "")
    cards = home.content.select(".grid.cards li")
    assert len(cards) == len(real_site.areas)
    for card, area in zip(cards, real_site.areas.values(), strict=False):
        actions = len(real_site.referrers("areas", area.id, "actions"))
        assert f"areas/{area.id}/" in home.links(card)
        assert f"{actions} action{'' if actions == 1 else 's'} described" in card.get_text(" ")
    assert f"reports/{real_site.latest_report.id}/" in home.links(home.section("Latest progress report"))


def test_glossary_acronyms_become_tooltips(fixture_build):
    page = item_page(fixture_build, "actions", "2016-10")
    assert page.content.find("abbr", title="Parallel and coordinated exercises").get_text() == "PACE"


def test_no_page_loads_fonts_from_google(real_build):
    for html_file in real_build.rglob("*.html"):
        assert "fonts.googleapis.com" not in html_file.read_text(encoding="utf-8"), html_file


# --- Data text is shown, never executed -------------------------------------------------


def test_html_and_template_syntax_in_data_show_as_text(project, tmp_path):
    action = project / "data" / "actions" / "2016-2.yml"
    action.write_text(
        "title: 'Action <b>two</b> {{ site }}'\nset: 2016\narea: alpha\n"
        "summary: 'Watch <script>alert(\"x\")</script> and {{ site.actions }} and {% if true %}x{% endif %} *here*'\n"
        "sources: [declaration-text]\n"
    )
    site_dir = tmp_path / "built"

    result = build(project, site_dir)

    assert result.returncode == 0, result.stderr
    page = item_page(site_dir, "actions", "2016-2")
    assert "<script>alert" not in page.html
    assert "<b>two</b>" not in page.html
    assert 'Watch <script>alert("x")</script> and {{ site.actions }} and {% if true %}x{% endif %} here' in page.text
    assert page.title == "Action <b>two</b> {{ site }}"
    assert page.content.find("em").get_text() == "here"  # Markdown in data still works
    assert "<title>Action &lt;b&gt;two&lt;/b&gt; &#123;&#123; site &#125;&#125; -" in page.html


def test_a_pipe_in_a_title_stays_inside_its_table_cell(project, tmp_path):
    (project / "data" / "actions" / "2016-2.yml").write_text(
        "title: 'Either | or'\nset: 2016\narea: alpha\nsubheading: 'Left | right'\nsummary: S.\nsources: [declaration-text]\n"
    )
    site_dir = tmp_path / "built"

    result = build(project, site_dir)

    assert result.returncode == 0, result.stderr
    table = item_page(site_dir, "areas", "alpha").content.find("table")
    row = next(tr for tr in table.find_all("tr") if "Either" in tr.get_text())
    cells = row.find_all("td")
    assert len(cells) == len(table.find("thead").find_all("th"))
    assert cells[0].get_text(strip=True) == "Either | or"
    assert cells[0].find("a") is not None
    assert cells[-1].get_text(strip=True) == "Left | right"


def test_every_page_names_the_edition_of_the_record_it_shows(fixture_site, fixture_build):
    edition = f"Edition {fixture_site.edition.version} of {fixture_site.edition.date.display()}."
    for path in ("", "actions/2016-10/", "sources/"):
        assert edition in " ".join(Page(fixture_build, path).soup.select_one("footer").get_text().split())


# --- Pages made from all the data at once -----------------------------------------------


def test_the_timeline_lists_every_dated_event_in_order(fixture_build):
    page = Page(fixture_build, "timeline/")
    rows = [
        " ".join(row.get_text(" ").split()) for row in page.content.select("tbody tr") if not row.find_parent("details")
    ]
    assert rows[0].startswith("29 March 2004 Eastland joins NATO")
    assert rows[1].startswith("October 2008 NATO patrol starts")
    assert any(row.startswith("March 2012 The EU patrol widens its area") for row in rows)
    assert rows[-1].startswith("2025 Report ten published")
    # declaration, set, reports, patrol sides (2 starts, 1 end), milestone, Eastland joining NATO and
    # Westland leaving the EU (enlargements since 1999), two strategies, one turning point
    assert len(rows) == 1 + 1 + 3 + 3 + 1 + 2 + 2 + 1


def test_the_coverage_page_counts_described_against_endorsed(fixture_build):
    page = Page(fixture_build, "coverage/")
    by_set = page.section("By set").get_text(" ")
    assert " ".join(by_set.split()).count("First set 4 3 75%") == 1
    by_area = " ".join(page.section("By area and set").get_text(" ").split())
    assert "Area alpha 2 of 3 2" in by_area
    assert "Area beta 1 of not published 1" in by_area


def test_the_glossary_lists_every_acronym(fixture_build):
    assert "PACE Parallel and coordinated exercises" in Page(fixture_build, "glossary/").text


def test_an_analysis_links_to_what_it_discusses_and_they_appear_in_its_body(fixture_build):
    page = item_page(fixture_build, "analyses", "side-by-side")
    assert {"operations/joint-patrol/", "areas/alpha/"} <= page.links()
    assert "A section of its own" in [h2.get_text().rstrip("¶") for h2 in page.content.find_all("h2")]


def test_the_key_facts_stop_before_the_summary(fixture_build):
    page = item_page(fixture_build, "actions", "2016-10")
    key_facts = page.content.find("dl")  # the first list of terms; "Cite this page" ends the page with another
    facts = {
        dt.get_text(strip=True): dd.get_text(" ", strip=True)
        for dt, dd in zip(key_facts.find_all("dt"), key_facts.find_all("dd"), strict=False)
    }
    assert list(facts) == ["Set", "Area"]
    assert "The tenth action" not in facts["Area"]
    assert "The tenth action" in page.section("What was agreed").get_text()


def test_each_row_of_the_actions_index_carries_its_area_set_and_topics(real_site, real_build):
    # What docs/assets/tables.js filters by; without JavaScript the same rows read in full.
    index = Page(real_build, "actions/")
    rows = index.content.select("#actions-table tbody tr")
    assert [row.find("a")["href"].strip("/") for row in rows] == list(real_site.actions)
    for row, action in zip(rows, real_site.actions.values(), strict=False):
        assert (row["data-area"], row["data-set"], row["data-topics"].split()) == (
            action.area,
            action.set,
            action.topics,
        )
        assert f"areas/{action.area}/" in index.links(row)
