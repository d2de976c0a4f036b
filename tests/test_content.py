"""The record itself: the facts the site is built to state, checked against the data."""

from __future__ import annotations

from urllib.parse import urlsplit

from eunato.dates import PartialDate

# Addresses that only copy other people's documents: the guide forbids citing them.
MIRRORS = (
    "docslib.org",
    "fanyv88.com",
    "222.178.203.72",
    "government-world.com",
    "euvolution.com",
    "wikipedia.org",
    "wikifwd",
    "glitch.me",
    "s.gtool.pro",
    "fandom.com",
    "pubaffairsbruxelles.eu",
)


def test_the_three_joint_declarations_with_their_dates_and_signatories(real_site):
    declarations = {d.id: d for d in real_site.declarations.values()}
    assert {d.date.iso() for d in declarations.values()} == {"2016-07-08", "2018-07-10", "2023-01-10"}
    warsaw = declarations["2016-warsaw"]
    assert [s.name for s in warsaw.signatories] == ["Donald Tusk", "Jean-Claude Juncker", "Jens Stoltenberg"]
    assert {s.name for s in declarations["2023-brussels"].signatories} == {
        "Charles Michel",
        "Ursula von der Leyen",
        "Jens Stoltenberg",
    }
    assert {"military-mobility", "counter-terrorism", "cbrn-resilience", "women-peace-security"} <= set(
        declarations["2018-brussels"].topics
    )
    assert {
        "critical-infrastructure",
        "emerging-technologies",
        "space",
        "climate-security",
        "disinformation-fimi",
    } <= set(declarations["2023-brussels"].topics)


def test_two_sets_of_42_and_32_make_74_actions(real_site):
    assert {s.date.iso(): s.count for s in real_site.sets.values()} == {"2016-12-06": 42, "2017-12-05": 32}


def test_the_seven_areas_in_the_order_of_the_2016_declaration(real_site):
    assert [(a.number, a.title) for a in real_site.areas.values()] == [
        (1, "Countering hybrid threats"),
        (2, "Operational cooperation including maritime issues"),
        (3, "Cyber security and defence"),
        (4, "Defence capabilities"),
        (5, "Defence industry and research"),
        (6, "Exercises"),
        (7, "Defence and security capacity-building"),
    ]
    assert {a.declaration for a in real_site.areas.values()} == {"2016-warsaw"}


def test_every_action_the_dossier_sourced_is_described(real_site):
    first_seven_of_2017 = [a for a in real_site.actions.values() if a.set == "2017" and a.position]
    assert [(a.position, a.area) for a in first_seven_of_2017][:7] == [(n, "hybrid-threats") for n in range(1, 8)]
    from_2016 = [a for a in real_site.actions.values() if a.set == "2016"]
    assert len(from_2016) >= 14
    assert all(a.position is None for a in from_2016)  # no source gives their place in the list
    assert len(real_site.actions) >= 21


def test_the_first_ten_progress_reports_in_order_with_dates_as_precise_as_the_sources(real_site):
    # The record grows by one report a year: the first ten are pinned, later ones only follow in order.
    reports = list(real_site.reports.values())
    assert [r.ordinal for r in reports] == list(range(1, len(reports) + 1))
    assert len(reports) >= 10
    assert [r.date for r in reports[:10]] == [
        PartialDate.parse(d)
        for d in (
            "2017-06-14",
            "2017-12-05",
            "2018-06-08",
            "2019-06",
            "2020-06-16",
            "2021-06-03",
            "2022-06-20",
            "2023-06-16",
            "2024-06-13",
            "2025",
        )
    ]
    for report in reports[:10]:
        assert 1 <= len(report.highlights) <= 6
    unknown_day = [r for r in reports[:10] if r.date.precision != "day"]
    assert all(r.uncertain for r in unknown_day)  # the page says why the day is missing


def test_operations_and_mechanisms_where_both_act_side_by_side(real_site):
    assert len(real_site.operations) >= 14
    assert {
        "kosovo",
        "somalia",
        "central-mediterranean",
        "aegean",
        "bosnia-and-herzegovina",
        "berlin-plus",
        "capability-group",
        "cyber-technical-arrangement",
        "hybrid-coe",
        "hybrid-fusion-cell",
        "pace",
        "military-mobility-dialogue",
        "resilience-dialogue",
        "ukraine-staff-coordination",
    } <= set(real_site.operations)
    kosovo = real_site.operations["kosovo"]
    assert (kosovo.nato.name, kosovo.eu.name, kosovo.eu.start.iso()) == (
        "Kosovo Force (KFOR)",
        "EU Rule of Law Mission in Kosovo (EULEX)",
        "2008-12-09",
    )
    assert real_site.operations["somalia"].nato.end.iso() == "2016-12-15"
    assert real_site.operations["cyber-technical-arrangement"].start.iso() == "2016-02-10"


def test_the_civil_military_page_discusses_kosovo_and_berlin_plus(real_site):
    page = real_site.analyses["civil-military"]
    assert {"kosovo", "berlin-plus"} <= set(page.operations)
    assert "../operations/kosovo.md" in page.body


def test_the_glossary_explains_at_least_forty_acronyms(real_site):
    assert len(real_site.glossary) >= 40
    assert {"CSDP", "EEAS", "EDA", "NAC", "PSC", "PACE", "KFOR", "EULEX", "FIMI"} <= set(real_site.glossary)


def test_no_source_is_cited_from_a_mirror_or_proxy(real_site):
    for source_id, source in real_site.sources.items():
        if source.url:
            host = urlsplit(source.url).netloc
            assert not any(mirror in host for mirror in MIRRORS), f"{source_id} cites {host}"


def test_every_source_in_the_registry_is_cited(real_site):
    assert [source_id for source_id in real_site.sources if not real_site.citing(source_id)] == []
