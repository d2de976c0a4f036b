"""Charts: SVG files drawn at build time, each with a title, an accessible name and its figures in a table."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest

from built_page import Page
from eunato.charts import draw_charts
from eunato.kinds import NAMES
from eunato.site import Site

SVG = "{http://www.w3.org/2000/svg}"
CHARTS = {
    "actions-per-area": "Common actions described, per area and set",
    "coverage": "Actions described against actions endorsed",
    "reports": "Progress reports and what they mention",
    "operations": "Operations and mechanisms over time, NATO and EU side by side",
}


def chart_table(page: Page, name: str) -> list[list[str]]:
    """The rows of the table that follows the chart `name` on `page`, header first."""
    image = next(img for img in page.content.select("figure.chart img") if img["src"].endswith(f"charts/{name}.svg"))
    details = image.find_parent("figure").find_next_sibling("details")
    return [[cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])] for row in details.find_all("tr")]


def svg_texts(site_dir, name) -> list[str]:
    return svg_text_of((site_dir / "charts" / f"{name}.svg").read_text(encoding="utf-8"))


def svg_text_of(svg: str) -> list[str]:
    """Every text of an SVG, as a reader sees it (svg.fonttype none keeps them as <text>)."""
    root = ElementTree.fromstring(svg.encode("utf-8"))
    return [" ".join(text.itertext()).strip() for text in root.iter(f"{SVG}text")]


def replace(site: Site, kind: str, *items) -> Site:
    """A copy of `site` whose `kind` holds `items` instead."""
    records = {name: {item.id: item for item in site.items(name)} for name in NAMES}
    return Site({**records, kind: {item.id: item for item in items}}, site.sources, site.topics, site.glossary)


# --- The files ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", CHARTS)
def test_each_chart_is_an_svg_file_with_its_title_as_real_text(real_build, name):
    svg = (real_build / "charts" / f"{name}.svg").read_text(encoding="utf-8")
    assert ElementTree.parse(real_build / "charts" / f"{name}.svg").getroot().tag == f"{SVG}svg"
    assert CHARTS[name] in svg_texts(real_build, name)
    assert 'xlink:href="http' not in svg and "<image" not in svg  # nothing loaded from elsewhere
    assert "<dc:date>" not in svg  # no build date: the same data draws the same file


def test_the_same_record_draws_the_same_files(real_site, real_build):
    first, second = draw_charts(real_site), draw_charts(real_site)
    for name in CHARTS:
        assert first[name].svg == second[name].svg
        assert (real_build / "charts" / f"{name}.svg").read_text(encoding="utf-8") == first[name].svg


# --- Where they appear, and their text alternative ------------------------------------------


@pytest.mark.parametrize(
    "path, names",
    [
        ("", ["actions-per-area", "reports"]),
        ("coverage/", ["coverage"]),
        ("timeline/", ["operations"]),
        ("areas/", ["actions-per-area", "coverage"]),
        ("reports/", ["reports"]),
        ("operations/", ["operations"]),
    ],
)
def test_charts_appear_with_an_accessible_name_and_their_figures_as_a_table(real_build, path, names):
    page = Page(real_build, path)
    images = {img["src"].rsplit("/", 1)[-1]: img for img in page.content.select("figure.chart img")}
    assert list(images) == [f"{name}.svg" for name in names]
    for name in names:
        image = images[f"{name}.svg"]
        assert page.resolve(image["src"]) == f"charts/{name}.svg"
        assert image["alt"].startswith(CHARTS[name])
        assert "table below" in image["alt"]
        # Below the fold: fetched when scrolled to, its room kept so the page does not jump.
        assert (image["loading"], int(str(image["width"])) > 0, int(str(image["height"])) > 0) == ("lazy", True, True)
        summary = image.find_parent("figure").find_next_sibling("details").summary.get_text()
        assert CHARTS[name] in summary
        assert len(chart_table(page, name)) > 1


def test_every_area_page_and_report_page_shows_its_chart(real_site, real_build):
    for area in real_site.areas.values():
        assert chart_table(Page(real_build, f"areas/{area.id}/"), "coverage")
    for report in real_site.reports.values():
        assert chart_table(Page(real_build, f"reports/{report.id}/"), "reports")


# --- The figures ------------------------------------------------------------------------------


def test_actions_per_area_counts_each_areas_actions_in_each_set(real_site, real_build):
    header, *rows = chart_table(Page(real_build, "areas/"), "actions-per-area")
    assert header == ["Area", *(f"Set {set_id}" for set_id in real_site.sets), "Total"]
    for area, row in zip(real_site.areas.values(), rows, strict=True):
        mine = [action for action in real_site.actions.values() if action.area == area.id]
        per_set = [str(sum(action.set == set_id for action in mine)) for set_id in real_site.sets]
        assert row == [area.title, *per_set, str(len(mine))]


def test_coverage_shows_endorsed_only_where_a_source_gives_it(fixture_site, fixture_build):
    # The fixture's set 2016 endorsed 4 proposals, 3 of them in area alpha; beta's share is not published.
    header, *rows = chart_table(Page(fixture_build, "areas/"), "coverage")
    assert header == ["Set", "Area", "Described here", "Endorsed", "Share described"]
    assert rows == [
        ["Set 2016", "All areas", "3", "4", "75%"],
        ["Set 2016", "Area alpha", "2", "3", "67%"],
        ["Set 2016", "Area beta", "1", "not published", "—"],
    ]
    assert "1 of ? (not published)" in svg_texts(fixture_build, "coverage")


def test_reports_chart_counts_mentions_and_says_when_they_are_not_recorded(fixture_build):
    header, *rows = chart_table(Page(fixture_build, "reports/r1/"), "reports")
    assert header == ["No.", "Report", "Date", "Areas mentioned", "Actions mentioned"]
    assert rows == [
        ["1", "Report one", "14 June 2017", "1", "1"],
        ["2", "Report two", "December 2017", "not recorded", "1"],
        ["10", "Report ten", "2025", "not recorded", "not recorded"],
    ]


def test_operations_chart_shows_each_side_with_its_own_dates(fixture_build):
    header, *rows = chart_table(Page(fixture_build, "operations/"), "operations")
    assert header == ["Operation", "Side", "Name", "From", "To"]
    assert rows == [
        ["Joint patrol", "NATO", "NATO patrol", "October 2008", "15 December 2016"],
        ["Joint patrol", "EU", "EU patrol", "8 December 2008", "ongoing"],
    ]
    assert "ongoing" in svg_texts(fixture_build, "operations")


def test_unknown_dates_are_drawn_as_unknown_and_undated_sides_fall_back_to_the_whole(fixture_site):
    operation = fixture_site.operations["joint-patrol"]
    undated = {"start": None, "end": None}
    site = replace(
        fixture_site,
        "operations",
        operation.model_copy(
            update={
                "nato": operation.nato.model_copy(update={"end": None}),
                "eu": operation.eu.model_copy(update=undated),
            }
        ),
        operation.model_copy(update={"id": "no-sides", "title": "No sides", "nato": None, "eu": None}),
        operation.model_copy(
            update={
                "id": "undated-sides",
                "title": "Undated sides",
                "end": None,
                "nato": operation.nato.model_copy(update=undated),
                "eu": operation.eu.model_copy(update=undated),
            }
        ),
    )

    chart = draw_charts(site)["operations"]

    assert chart.rows == [
        ("Joint patrol", "NATO", "NATO patrol", "October 2008", "not known"),
        ("Joint patrol", "EU", "EU patrol", "not known", "not known"),
        ("No sides", "EU and NATO", "No sides", "8 December 2008", "ongoing"),
        ("Undated sides", "EU and NATO", "Undated sides", "8 December 2008", "not known"),
    ]
    texts = svg_text_of(chart.svg)
    assert texts.count("end not known") == 2 and texts.count("dates not known") == 1
