"""The context a reader needs: who belongs to both, the strategies that frame the partnership, the turning points.

In the fixture record, on its edition's date (30 November 2026): Northland is in both organisations,
Southland in the EU only, Eastland and Westland in NATO only (Westland left the EU on 31 January 2020).
"""

from __future__ import annotations

import csv
import re

import pytest

from built_page import Page
from conftest import build
from eunato import membership
from eunato.dates import PartialDate

COUNTS = "1 of the EU's 2 members are among NATO's 3 Allies"


def sentence(page: Page) -> str:
    return " ".join(page.text.split())


# --- Counting ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "eu", "nato", "both"),
    [
        ("1949-04-03", [], [], []),
        ("1949-04-04", [], ["Northland", "Westland"], []),
        ("1973-01-01", ["Northland", "Westland"], ["Northland", "Westland"], ["Northland", "Westland"]),
        (
            "2020-01-31",
            ["Northland", "Southland", "Westland"],
            ["Eastland", "Northland", "Westland"],
            ["Northland", "Westland"],
        ),
        ("2020-02-01", ["Northland", "Southland"], ["Eastland", "Northland", "Westland"], ["Northland"]),
    ],
)
def test_membership_on_a_day_counts_the_day_of_joining_and_the_last_day_before_leaving(
    fixture_site, day, eu, nato, both
):
    overlap = membership.overlap(fixture_site, PartialDate.parse(day))
    assert sorted(s.name for s in overlap.eu) == eu
    assert sorted(s.name for s in overlap.nato) == nato
    assert sorted(s.name for s in overlap.both) == both


def test_the_home_page_and_the_members_page_state_the_counts_of_the_editions_date(fixture_build):
    assert f"on 30 November 2026, {COUNTS}" in sentence(Page(fixture_build, ""))
    members = sentence(Page(fixture_build, "states/"))
    assert f"On 30 November 2026, the date of this edition of the record, {COUNTS}." in members
    assert "1 EU member outside NATO: Southland." in members
    assert "2 Allies outside the EU: Eastland, Westland." in members


def test_when_a_state_joins_every_count_on_the_site_changes(project, tmp_path):
    southland = project / "data" / "states" / "southland.yml"
    southland.write_text(
        southland.read_text().replace(
            "  - body: pfp", "  - body: nato\n    joined: 2026-11-01\n    joined_source: press-article\n  - body: pfp"
        )
    )
    site = tmp_path / "site"

    result = build(project, site)

    assert result.returncode == 0, result.stderr
    after = "2 of the EU's 2 members are among NATO's 4 Allies"
    assert after in sentence(Page(site, "")) and after in sentence(Page(site, "states/"))
    assert "EU member outside NATO" not in sentence(Page(site, "states/"))
    last = Page(site, "states/").content.select("details table tbody tr")[-1]
    assert [cell.get_text(strip=True) for cell in last.find_all("td")] == ["30 November 2026", "2", "4", "2", "0", "2"]
    with open(site / "data" / "memberships.csv", encoding="utf-8", newline="") as file:
        rows = [row for row in csv.DictReader(file) if row["state"] == "southland"]
    assert {row["body"] for row in rows} == {"eu", "nato", "pfp"}


def test_the_chart_table_has_a_row_per_year_from_the_first_membership(fixture_build):
    rows = Page(fixture_build, "states/").content.select("details table tbody tr")
    years = [row.find("td").get_text(strip=True) for row in rows]
    assert years[0] == "1949" and years[-2] == "2025" and years[-1] == "30 November 2026"
    assert len(years) == 2026 - 1949 + 1


# --- A state's page ------------------------------------------------------------------------------


def test_each_membership_date_carries_the_source_that_gives_it(fixture_build):
    page = Page(fixture_build, "states/westland/")
    rows = page.content.find("table").find("tbody").find_all("tr")
    eu = rows[0].find_all("td")
    assert eu[1].get_text(" ", strip=True).startswith("1 January 1973")
    assert eu[1].select_one("sup.citation a")["href"] == "#source-declaration-text"
    assert eu[2].select_one("sup.citation a")["href"] == "#source-press-article"
    listed = [li["id"] for li in page.section("Sources").select("ol.sources > li")]
    assert {"source-declaration-text", "source-press-article"} <= set(listed)


def test_a_state_links_to_where_it_appears_and_those_pages_link_back(fixture_build):
    state = Page(fixture_build, "states/eastland/")
    assert {"operations/joint-patrol/", "turning-points/a-war/"} <= state.links(
        state.section("Where it appears in the record")
    )
    assert "states/eastland/" in Page(fixture_build, "operations/joint-patrol/").links()
    assert "states/eastland/" in Page(fixture_build, "turning-points/a-war/").links()


def test_a_partner_named_nowhere_else_says_so(fixture_build):
    assert "No other page of the record names Northland yet." in Page(fixture_build, "states/northland/").text


# --- Strategies ----------------------------------------------------------------------------------


def test_a_strategy_page_says_what_it_asks_in_each_area_and_the_area_links_back(fixture_build):
    strategy = Page(fixture_build, "strategies/first-concept/")
    assert "It asks for closer work against hybrid threats" in strategy.text
    assert "areas/alpha/" in strategy.links(strategy.section("Area by area"))
    area = Page(fixture_build, "areas/alpha/")
    assert "strategies/first-concept/" in area.links(area.section("What the strategies ask in this area"))


def test_the_side_by_side_page_sets_each_organisation_against_the_other(fixture_build):
    page = Page(fixture_build, "side-by-side/")
    assert "strategies/first-concept/" in page.links(page.section("What each says about the other"))
    area = page.section("Area by area").get_text(" ")
    assert "It asks for closer work against hybrid threats" in area
    assert "Not recorded: no EU text read so far speaks to this area." in area


def test_a_strategy_that_says_nothing_recorded_about_the_other_says_so(fixture_build):
    assert "What this text says about NATO is not recorded yet." in Page(fixture_build, "strategies/a-compass/").text


# --- The timeline --------------------------------------------------------------------------------


def test_the_timeline_gains_turning_points_and_enlargements_since_1999(fixture_build):
    rows = [" ".join(row.get_text(" ").split()) for row in Page(fixture_build, "timeline/").content.select("tbody tr")]
    assert any(row.startswith("24 February 2022 A war in the east") for row in rows)
    assert any(row.startswith("29 March 2004 Eastland joins NATO") for row in rows)
    assert any(row.startswith("31 January 2020 Westland leaves the EU") for row in rows)
    assert not any(re.search(r"\b(1949|1958|1973)\b", row) and "joins" in row for row in rows)
