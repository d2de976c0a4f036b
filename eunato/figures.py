"""The numbers behind the charts, taken from the Site once: a chart draws them, its table lists them.

Where the record does not know a figure, it is `None` here and says "not published"
or "not recorded" in the table, never 0: a chart must not turn a gap in the sources
into a fact.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from . import membership
from .dates import PartialDate
from .model import Action, Area, Operation, ProposalSet, Report, Strategy
from .site import Site


@dataclass(frozen=True)
class Chart:
    name: str
    title: str
    description: str  # the image's accessible name: what it shows and where its figures are
    columns: tuple[str, ...]
    rows: list[tuple[str, ...]]
    svg: str

    @property
    def path(self) -> str:
        """Where the SVG is in the built site: `charts/coverage.svg`."""
        return f"charts/{self.name}.svg"

    @property
    def size(self) -> tuple[int, int]:
        """Width and height in CSS pixels, from the SVG's viewBox (in points), so the page keeps its room."""
        box = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', self.svg)
        return (round(float(box[1]) * 4 / 3), round(float(box[2]) * 4 / 3)) if box else (768, 480)


@dataclass(frozen=True)
class Coverage:
    """Actions of `proposal_set` described in this record, against those the Councils endorsed."""

    proposal_set: Any  # None: all sets together
    area: Any | None  # None: all areas of the set
    described: int
    endorsed: int | None  # None: no source gives the figure

    @property
    def missing(self) -> int | None:
        """Proposals endorsed but not yet described here; None where the endorsed figure is not known."""
        return None if self.endorsed is None else self.endorsed - self.described


@dataclass(frozen=True)
class Mentioned:
    report: Any
    areas: int | None  # None: the record does not list what the report mentions
    actions: int | None


@dataclass(frozen=True)
class Span:
    """One organisation's side of an operation, from start to end as far as they are known."""

    operation: Any
    organisation: str  # "NATO", "EU", or "EU and NATO" for the operation as a whole
    name: str
    start: PartialDate | None
    end: PartialDate | str | None  # a date, "ongoing", or None when not known


def actions_per_area(site: Site) -> dict[tuple[str, str], int]:
    """`{(area id, set id): actions described}` for every area and set, zeros included."""
    counts = Counter((action.area, action.set) for action in site.of(Action).values())
    return {
        (area, proposal_set): counts[(area, proposal_set)]
        for area in site.of(Area)
        for proposal_set in site.of(ProposalSet)
    }


def coverage(site: Site) -> list[Coverage]:
    """For each set: all its areas together, then area by area."""
    counts = actions_per_area(site)
    rows = []
    for proposal_set in site.of(ProposalSet).values():
        described = sum(counts[(area, proposal_set.id)] for area in site.of(Area))
        rows.append(Coverage(proposal_set, None, described, proposal_set.count))
        for area in site.of(Area).values():
            endorsed = proposal_set.area_counts.get(area.id)
            rows.append(Coverage(proposal_set, area, counts[(area.id, proposal_set.id)], endorsed))
    return rows


def coverage_by_set(site: Site) -> list[Coverage]:
    """One row per set, all its areas together."""
    return [row for row in coverage(site) if row.area is None]


def coverage_total(site: Site) -> Coverage:
    """All sets together: actions described against all proposals endorsed."""
    by_set = coverage_by_set(site)
    return Coverage(None, None, sum(row.described for row in by_set), sum(row.endorsed or 0 for row in by_set))


def coverage_of_area(site: Site, area_id: str) -> list[Coverage]:
    """One row per set for one area: described here, and endorsed where a source gives the figure."""
    return [row for row in coverage(site) if row.area is not None and row.area.id == area_id]


def topics_used(site: Site, kind: str) -> list[tuple[str, Any]]:
    """The topics that items of `kind` name, as `(id, topic)` in the order of data/topics.yml."""
    used = {topic for item in site.items(kind) for topic in getattr(item, "topics", [])}
    return [(topic_id, topic) for topic_id, topic in site.topics.items() if topic_id in used]


@dataclass(frozen=True)
class Stance:
    """What one strategy or summit text says: about the other organisation, or in one area."""

    strategy: Any
    text: str


def stances_on_partner(site: Site, issuer: str) -> list[Stance]:
    """What the texts of `issuer` ('nato' or 'eu') say about the other organisation, oldest first."""
    return [Stance(s, s.on_partner) for s in site.of(Strategy).values() if s.issuer == issuer and s.on_partner]


def stances_in_area(site: Site, area_id: str, issuer: str) -> list[Stance]:
    """What the texts of `issuer` ask of the partnership in one area, oldest first."""
    return [
        Stance(s, s.areas[area_id]) for s in site.of(Strategy).values() if s.issuer == issuer and area_id in s.areas
    ]


def mentions(site: Site) -> list[Mentioned]:
    # An empty list means the record has not listed them, as the report page says.
    return [
        Mentioned(report, len(report.mentions.areas) or None, len(report.mentions.actions) or None)
        for report in site.of(Report).values()
    ]


def spans(site: Site) -> list[Span]:
    """Each operation's NATO and EU sides, with their own dates.

    Where no side has a date of its own (a mechanism recorded as a whole, or sides without
    dates), the operation's own dates stand for both, in one span.
    """
    rows = []
    for operation in site.of(Operation).values():
        sides = operation.sides()
        if any(side.start for _, side in sides):
            rows += [Span(operation, organisation, side.name, side.start, side.end) for organisation, side in sides]
        else:
            rows.append(Span(operation, "EU and NATO", operation.title, operation.start, operation.end))
    return rows


# --- What each chart shows ------------------------------------------------------------------
# A chart is drawn from these plain values alone (text, numbers, dates and tuples of them, never an
# item), so it changes only when they do: chart_cache.py draws a chart again when its own figures
# change, not whenever the record does. charts.py draws `charts.DRAW[name](*figures)`.


def charted(site: Site) -> dict[str, tuple[Any, ...]]:
    """Every chart's figures, by chart name, in the order the charts are drawn."""
    return {
        "actions-per-area": _per_area(site),
        "coverage": _coverage_panels(site),
        "reports": _report_rows(site),
        "operations": _operation_rows(site),
        "membership": _membership_rows(site),
    }


def _per_area(site: Site) -> tuple[Any, ...]:
    """Area titles, set ids, and for each area the actions described per set."""
    counts, sets = actions_per_area(site), site.of(ProposalSet)
    return (
        tuple(area.title for area in site.of(Area).values()),
        tuple(sets),
        tuple(tuple(counts[(area, set_id)] for set_id in sets) for area in site.of(Area)),
    )


def _coverage_panels(site: Site) -> tuple[Any, ...]:
    """Per set: its id, its count, and rows of (area title or None for all areas, described, endorsed)."""
    rows = coverage(site)
    return (
        tuple(
            (
                proposal_set.id,
                proposal_set.count,
                tuple(
                    (row.area.title if row.area else None, row.described, row.endorsed)
                    for row in rows
                    if row.proposal_set is proposal_set
                ),
            )
            for proposal_set in site.of(ProposalSet).values()
        ),
    )


def _report_rows(site: Site) -> tuple[Any, ...]:
    """Per report: ordinal, title, date, areas and actions mentioned (None: not recorded)."""
    return (tuple((m.report.ordinal, m.report.title, m.report.date, m.areas, m.actions) for m in mentions(site)),)


def _operation_rows(site: Site) -> tuple[Any, ...]:
    """Per operation: its title and its spans (organisation, name, start, end); then the record's latest date."""
    by_operation: dict[str, list[tuple[Any, ...]]] = {operation: [] for operation in site.of(Operation)}
    for span in spans(site):
        by_operation[span.operation.id].append((span.organisation, span.name, span.start, span.end))
    operations = site.of(Operation)
    return (
        tuple((operations[key].title, tuple(sides)) for key, sides in by_operation.items()),
        site.latest_date,
    )


def _membership_rows(site: Site) -> tuple[Any, ...]:
    """Per year: the day, then how many states are in the EU, in NATO, in both, in the EU only, in NATO only."""
    return (
        tuple(
            (row.day, len(row.eu), len(row.nato), len(row.both), len(row.eu_only), len(row.nato_only))
            for row in membership.by_year(site)
        ),
    )
