"""Static SVG charts of the record, drawn once per build with Matplotlib (pure: Site -> SVG text).

    charts = draw_charts(site)
    charts["coverage"].svg      # the file, served at charts/coverage.svg
    charts["coverage"].rows     # the same figures, for the table beside it

Text stays text in the SVG (svg.fonttype none) and the output is the same for the
same data (fixed svg.hashsalt, no date in the metadata). Charts are drawn dark on
a transparent background; site.css inverts them for the dark palette.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Callable
from itertools import cycle
from typing import Any

import matplotlib
from matplotlib import dates as mdates
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from matplotlib.typing import RcKeyType

from . import figures, membership, text
from .dates import PartialDate
from .figures import Chart
from .site import Site

TEXT, MUTED = "#212121", "#616161"
# Okabe-Ito colours: told apart with every common colour-vision deficiency.
SERIES = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"]
ORGANISATIONS = {"NATO": SERIES[0], "EU": SERIES[1], "EU and NATO": SERIES[2]}
STYLE: dict[RcKeyType, Any] = {
    "svg.fonttype": "none",
    "svg.hashsalt": "eunato",
    "font.family": "sans-serif",
    "font.size": 10,
    "text.color": TEXT,
    "axes.labelcolor": TEXT,
    "axes.edgecolor": MUTED,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.color": TEXT,
    "ytick.color": TEXT,
    "legend.frameon": False,
    "savefig.transparent": True,
}
WIDTH = 8  # inches; the page scales the SVG to its column


def draw_charts(site: Site) -> dict[str, Chart]:
    with matplotlib.rc_context(STYLE):
        return {chart.name: chart for chart in (draw(site) for draw in CHARTS)}


def set_label(proposal_set: Any) -> str:
    return f"Set {proposal_set.id}"


# --- The charts ------------------------------------------------------------------------


def _actions_per_area(site: Site) -> Chart:
    title = "Common actions described, per area and set"
    counts, areas, sets = figures.actions_per_area(site), site.items("areas"), site.items("sets")
    figure, (axes,) = _figure(title, rows=len(areas))
    left = [0] * len(areas)
    for colour, proposal_set in zip(cycle(SERIES), sets):
        values = [counts[(area.id, proposal_set.id)] for area in areas]
        axes.barh(range(len(areas)), values, left=left, color=colour, label=set_label(proposal_set))
        left = [before + value for before, value in zip(left, values, strict=True)]
    for row, total in enumerate(left):
        axes.annotate(str(total), (total, row), xytext=(4, 0), textcoords="offset points", va="center")
    _area_axis(axes, [area.title for area in areas], "Actions described in this record")
    _legend(figure, axes)
    return Chart(
        "actions-per-area",
        title,
        f"{title}: a bar per cooperation area, split by proposal set. The figures are in the table below.",
        ("Area", *(set_label(s) for s in sets), "Total"),
        [
            (area.title, *(str(counts[(area.id, s.id)]) for s in sets), str(total))
            for area, total in zip(areas, left, strict=True)
        ],
        _svg(figure),
    )


def _coverage(site: Site) -> Chart:
    title = "Actions described against actions endorsed"
    rows, sets = figures.coverage(site), site.items("sets")
    labels = ["All areas", *(area.title for area in site.items("areas"))]
    figure, panels = _figure(title, rows=len(labels), panels=len(sets))
    for axes, colour, proposal_set in zip(panels, cycle(SERIES), sets):
        mine = [row for row in rows if row.proposal_set is proposal_set]
        axes.barh(
            range(len(mine)),
            [row.endorsed or 0 for row in mine],
            color="none",
            edgecolor=MUTED,
            hatch="///",
            label="Endorsed by the Councils",
        )
        axes.barh(
            range(len(mine)),
            [row.described for row in mine],
            color=colour,
            label=f"Described here ({set_label(proposal_set)})",
        )
        for position, row in enumerate(mine):
            label = f"{row.described} of {row.endorsed}" if row.endorsed else f"{row.described} of ? (not published)"
            axes.annotate(
                label,
                (max(row.described, row.endorsed or 0), position),
                xytext=(4, 0),
                textcoords="offset points",
                va="center",
            )
        axes.set_xlim(right=max(row.endorsed or row.described for row in mine) * 1.45 + 1)
        axes.set_title(f"{set_label(proposal_set)}: {proposal_set.count} proposals", loc="left")
        _area_axis(axes, labels, "Proposals")
    _legend(figure, *panels)
    return Chart(
        "coverage",
        title,
        f"{title}, per proposal set and area; where no source gives how many proposals an area holds, "
        "the chart says not published. The figures are in the table below.",
        ("Set", "Area", "Described here", "Endorsed", "Share described"),
        [
            (
                set_label(row.proposal_set),
                row.area.title if row.area else "All areas",
                str(row.described),
                str(row.endorsed) if row.endorsed else "not published",
                text.share(row.described, row.endorsed),
            )
            for row in rows
        ],
        _svg(figure),
    )


def _reports(site: Site) -> Chart:
    title = "Progress reports and what they mention"
    rows = figures.mentions(site)
    figure, (axes,) = _figure(title, rows=8)
    when = [mdates.date2num(_middle(row.report.date)) for row in rows]
    for offset, colour, field, label in (
        (-40, SERIES[0], "areas", "Areas mentioned"),
        (40, SERIES[1], "actions", "Actions mentioned"),
    ):
        # Bars side by side at each report's date; a figure the record lacks gets no bar.
        known = [
            (date + offset, value)
            for date, row in zip(when, rows, strict=True)
            if (value := getattr(row, field)) is not None
        ]
        bars = axes.bar([date for date, _ in known], [value for _, value in known], width=80, color=colour, label=label)
        axes.bar_label(bars, padding=2)
    for date, row in zip(when, rows, strict=True):
        if row.areas is None and row.actions is None:
            axes.annotate(
                "not\nrecorded",
                (date, 0),
                xytext=(0, 3),
                textcoords="offset points",
                ha="center",
                va="bottom",
                color=MUTED,
                style="italic",
            )
    numbers = axes.secondary_xaxis("top")
    numbers.set_xticks(when, [str(row.report.ordinal) for row in rows])
    numbers.set_xlabel("Report no.")
    numbers.spines["top"].set_visible(False)
    axes.set_ylim(0, max([row.areas or 0 for row in rows] + [row.actions or 0 for row in rows] + [1]) * 1.25)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylabel("Items the record links to the report")
    _date_axis(axes, [_middle(row.report.date) for row in rows])
    _legend(figure, axes)
    return Chart(
        "reports",
        title,
        f"{title}: for each progress report, at its date, how many cooperation areas and common actions "
        "this record links to it. The figures are in the table below.",
        ("No.", "Report", "Date", "Areas mentioned", "Actions mentioned"),
        [
            (
                str(row.report.ordinal),
                row.report.title,
                row.report.date.display(),
                _known(row.areas, "not recorded"),
                _known(row.actions, "not recorded"),
            )
            for row in rows
        ],
        _svg(figure),
    )


def _operations(site: Site) -> Chart:
    title = "Operations and mechanisms over time, NATO and EU side by side"
    spans, latest = figures.spans(site), site.latest_date
    operations = site.items("operations")
    figure, (axes,) = _figure(title, rows=len(spans) + len(operations))
    row_of: dict[str, list[int]] = {}
    for position, span in enumerate(spans):
        row = position + operations.index(span.operation)  # a blank row between operations
        row_of.setdefault(span.operation.id, []).append(row)
        _draw_span(axes, row, span, latest)
    axes.set_yticks(
        [sum(rows) / len(rows) for rows in row_of.values()], [_wrap(operation.title) for operation in operations]
    )
    # Rows that hold only a note ("dates not known") must stay inside the axes too.
    axes.set_ylim(max((row for rows in row_of.values() for row in rows), default=0) + 0.8, -0.8)
    _date_axis(axes, [span.start.first_day for span in spans if span.start] + ([latest.last_day] if latest else []))
    if latest:
        axes.axvline(mdates.date2num(latest.last_day), color=MUTED, linestyle=":", linewidth=1)
        axes.annotate(
            f"end of the record: {latest.display()}",
            (mdates.date2num(latest.last_day), 1),
            xycoords=("data", "axes fraction"),
            xytext=(-4, 0),
            textcoords="offset points",
            ha="right",
            va="bottom",
            color=MUTED,
        )
    for organisation in dict.fromkeys(span.organisation for span in spans):
        axes.barh([0], [0], color=ORGANISATIONS[organisation], label=organisation)
    _legend(figure, axes)
    as_of = f" (the record's latest date, {latest.display()})" if latest else ""
    return Chart(
        "operations",
        title,
        f"{title}: a bar from start to end for the NATO side and one for the EU side of each operation or "
        f"mechanism; ongoing ones are drawn up to the end of the record{as_of}. The figures are in the table below.",
        ("Operation", "Side", "Name", "From", "To"),
        [
            (span.operation.title, span.organisation, span.name, text.date(span.start), text.date(span.end))
            for span in spans
        ],
        _svg(figure),
    )


def _membership(site: Site) -> Chart:
    title = "Members of the EU, of NATO and of both, year by year"
    years = membership.by_year(site)
    figure, (axes,) = _figure(title, rows=9)
    labels = [str(row.day.year) for row in years]
    bottom = [0] * len(years)
    for colour, label, counts in (
        (ORGANISATIONS["EU and NATO"], "In both", [len(row.both) for row in years]),
        (ORGANISATIONS["EU"], "EU only", [len(row.eu_only) for row in years]),
        (ORGANISATIONS["NATO"], "NATO only", [len(row.nato_only) for row in years]),
    ):
        axes.bar(range(len(years)), counts, bottom=bottom, color=colour, label=label, width=0.85)
        bottom = [below + count for below, count in zip(bottom, counts, strict=True)]
    step = max(1, len(years) // 12)
    axes.set_xticks(range(0, len(years), step), labels[::step])
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylabel("States")
    _legend(figure, axes)
    as_of = f"; the last bar is {years[-1].day.display()}, the date of this edition" if years else ""
    return Chart(
        "membership",
        title,
        f"{title}: for each year, a bar split into the states in both organisations, in the EU only and in NATO "
        f"only, at the end of the year{as_of}. The figures are in the table below.",
        ("Year", "EU members", "NATO Allies", "In both", "EU only", "NATO only"),
        [
            (
                row.day.display() if row is years[-1] else str(row.day.year),
                str(len(row.eu)),
                str(len(row.nato)),
                str(len(row.both)),
                str(len(row.eu_only)),
                str(len(row.nato_only)),
            )
            for row in years
        ],
        _svg(figure),
    )


CHARTS: list[Callable[[Site], Chart]] = [_actions_per_area, _coverage, _reports, _operations, _membership]


# --- Drawing helpers -------------------------------------------------------------------


def _figure(title: str, rows: int, panels: int = 1) -> tuple[Figure, list[Any]]:
    height = 0.9 + panels * (0.45 + 0.3 * max(rows, 1))
    figure = Figure(figsize=(WIDTH, height), layout="constrained")
    figure.suptitle(title, x=0.01, ha="left", fontsize=13, fontweight="bold")
    return figure, list(figure.subplots(max(panels, 1), 1, squeeze=False)[:, 0])


def _area_axis(axes: Any, labels: list[str], xlabel: str) -> None:
    axes.set_yticks(range(len(labels)), [_wrap(label) for label in labels])
    axes.invert_yaxis()
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel(xlabel)


def _date_axis(axes: Any, dates: list[Any]) -> None:
    """Years along the bottom, about eight ticks whatever the span, with room for labels on the right."""
    years = 1
    if dates:
        first, last = min(dates), max(dates)
        axes.set_xlim(mdates.date2num(first) - 200, mdates.date2num(last) + 500)
        years = max(1, round((last.year - first.year + 2) / 8))
    axes.xaxis.set_major_locator(mdates.YearLocator(base=years))
    axes.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))


def _legend(figure: Figure, *panels: Any) -> None:
    """One legend under the chart, clear of the bars and their labels; each label once."""
    entries = {
        label: handle for axes in panels for handle, label in zip(*axes.get_legend_handles_labels(), strict=True)
    }
    if entries:
        figure.legend(entries.values(), entries.keys(), loc="outside lower center", ncols=min(len(entries), 3))


def _draw_span(axes: Any, row: int, span: figures.Span, latest: PartialDate | None) -> None:
    colour = ORGANISATIONS[span.organisation]
    if span.start is None:
        axes.annotate("dates not known", (0.01, row), xycoords=("axes fraction", "data"), va="center", style="italic")
        return
    start = mdates.date2num(span.start.first_day)
    if span.end is None:
        axes.plot([start], [row], marker="|", markersize=12, color=colour)
        axes.annotate(
            "end not known", (start, row), xytext=(6, 0), textcoords="offset points", va="center", style="italic"
        )
        return
    end_date = span.end.last_day if isinstance(span.end, PartialDate) else (latest or span.start).last_day
    end = mdates.date2num(end_date)
    axes.barh([row], [end - start], left=start, color=colour, height=0.8)
    if span.end == "ongoing":
        axes.annotate("ongoing", (end, row), xytext=(4, 0), textcoords="offset points", va="center", style="italic")


def _middle(date: PartialDate) -> Any:
    """A report known to the month or year is drawn in the middle of it."""
    return date.first_day + (date.last_day - date.first_day) / 2


def _wrap(label: str) -> str:
    return "\n".join(textwrap.wrap(label, 34))


def _known(value: int | None, unknown: str) -> str:
    return unknown if value is None else str(value)


def _svg(figure: Figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()
