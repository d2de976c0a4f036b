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

from . import figures, text
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
    """Every chart of the record."""
    return {name: draw(name, chart_figures) for name, chart_figures in figures.charted(site).items()}


def draw(name: str, chart_figures: tuple[Any, ...]) -> Chart:
    """One chart from its figures (figures.charted), which are all it reads."""
    with matplotlib.rc_context(STYLE):
        return DRAW[name](*chart_figures)


def set_label(set_id: str) -> str:
    return f"Set {set_id}"


# --- The charts ------------------------------------------------------------------------


def _actions_per_area(areas: tuple[str, ...], sets: tuple[str, ...], counts: tuple[tuple[int, ...], ...]) -> Chart:
    title = "Common actions described, per area and set"
    figure, (axes,) = _figure(title, rows=len(areas))
    left = [0] * len(areas)
    for column, (colour, set_id) in enumerate(zip(cycle(SERIES), sets)):
        values = [per_set[column] for per_set in counts]
        axes.barh(range(len(areas)), values, left=left, color=colour, label=set_label(set_id))
        left = [before + value for before, value in zip(left, values, strict=True)]
    for row, total in enumerate(left):
        axes.annotate(str(total), (total, row), xytext=(4, 0), textcoords="offset points", va="center")
    _area_axis(axes, list(areas), "Actions described in this record")
    _legend(figure, axes)
    return Chart(
        "actions-per-area",
        title,
        f"{title}: a bar per cooperation area, split by proposal set. The figures are in the table below.",
        ("Area", *(set_label(s) for s in sets), "Total"),
        [
            (area, *(str(count) for count in per_set), str(total))
            for area, per_set, total in zip(areas, counts, left, strict=True)
        ],
        _svg(figure),
    )


def _coverage(panels_figures: tuple[tuple[str, int, tuple[tuple[str | None, int, int | None], ...]], ...]) -> Chart:
    title = "Actions described against actions endorsed"
    rows = max((len(rows) for _, _, rows in panels_figures), default=1)
    figure, panels = _figure(title, rows=rows, panels=len(panels_figures))
    for axes, colour, (set_id, count, mine) in zip(panels, cycle(SERIES), panels_figures):
        axes.barh(
            range(len(mine)),
            [endorsed or 0 for _, _, endorsed in mine],
            color="none",
            edgecolor=MUTED,
            hatch="///",
            label="Endorsed by the Councils",
        )
        axes.barh(
            range(len(mine)),
            [described for _, described, _ in mine],
            color=colour,
            label=f"Described here ({set_label(set_id)})",
        )
        for position, (_, described, endorsed) in enumerate(mine):
            label = f"{described} of {endorsed}" if endorsed else f"{described} of ? (not published)"
            axes.annotate(
                label,
                (max(described, endorsed or 0), position),
                xytext=(4, 0),
                textcoords="offset points",
                va="center",
            )
        axes.set_xlim(right=max(endorsed or described for _, described, endorsed in mine) * 1.45 + 1)
        axes.set_title(f"{set_label(set_id)}: {count} proposals", loc="left")
        _area_axis(axes, [area or "All areas" for area, _, _ in mine], "Proposals")
    _legend(figure, *panels)
    return Chart(
        "coverage",
        title,
        f"{title}, per proposal set and area; where no source gives how many proposals an area holds, "
        "the chart says not published. The figures are in the table below.",
        ("Set", "Area", "Described here", "Endorsed", "Share described"),
        [
            (
                set_label(set_id),
                area or "All areas",
                str(described),
                str(endorsed) if endorsed else "not published",
                text.share(described, endorsed),
            )
            for set_id, _, mine in panels_figures
            for area, described, endorsed in mine
        ],
        _svg(figure),
    )


def _reports(rows: tuple[tuple[int, str, PartialDate, int | None, int | None], ...]) -> Chart:
    title = "Progress reports and what they mention"
    figure, (axes,) = _figure(title, rows=8)
    when = [mdates.date2num(_middle(date)) for _, _, date, _, _ in rows]
    for offset, colour, column, label in (
        (-40, SERIES[0], 3, "Areas mentioned"),
        (40, SERIES[1], 4, "Actions mentioned"),
    ):
        # Bars side by side at each report's date; a figure the record lacks gets no bar.
        known = [
            (date + offset, value) for date, row in zip(when, rows, strict=True) if (value := row[column]) is not None
        ]
        bars = axes.bar([date for date, _ in known], [value for _, value in known], width=80, color=colour, label=label)
        axes.bar_label(bars, padding=2)
    for date, (_, _, _, areas, actions) in zip(when, rows, strict=True):
        if areas is None and actions is None:
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
    numbers.set_xticks(when, [str(ordinal) for ordinal, *_ in rows])
    numbers.set_xlabel("Report no.")
    numbers.spines["top"].set_visible(False)
    axes.set_ylim(0, max([row[3] or 0 for row in rows] + [row[4] or 0 for row in rows] + [1]) * 1.25)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylabel("Items the record links to the report")
    _date_axis(axes, [_middle(date) for _, _, date, _, _ in rows])
    _legend(figure, axes)
    return Chart(
        "reports",
        title,
        f"{title}: for each progress report, at its date, how many cooperation areas and common actions "
        "this record links to it. The figures are in the table below.",
        ("No.", "Report", "Date", "Areas mentioned", "Actions mentioned"),
        [
            (
                str(ordinal),
                report_title,
                date.display(),
                _known(areas, "not recorded"),
                _known(actions, "not recorded"),
            )
            for ordinal, report_title, date, areas, actions in rows
        ],
        _svg(figure),
    )


Side = tuple[str, str, PartialDate | None, PartialDate | str | None]  # organisation, name, start, end


def _operations(operations: tuple[tuple[str, tuple[Side, ...]], ...], latest: PartialDate | None) -> Chart:
    title = "Operations and mechanisms over time, NATO and EU side by side"
    spans = [side for _, sides in operations for side in sides]
    figure, (axes,) = _figure(title, rows=len(spans) + len(operations))
    ticks, row = [], 0
    for _, sides in operations:
        rows = list(range(row, row + len(sides)))
        for at, side in zip(rows, sides, strict=True):
            _draw_span(axes, at, side, latest)
        ticks.append(sum(rows) / len(rows) if rows else row)
        row += len(sides) + 1  # a blank row between operations
    axes.set_yticks(ticks, [_wrap(operation) for operation, _ in operations])
    # Rows that hold only a note ("dates not known") must stay inside the axes too.
    axes.set_ylim(max(row - 2, 0) + 0.8, -0.8)
    _date_axis(axes, [start.first_day for _, _, start, _ in spans if start] + ([latest.last_day] if latest else []))
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
    for organisation in dict.fromkeys(organisation for organisation, _, _, _ in spans):
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
            (operation, organisation, name, text.date(start), text.date(end))
            for operation, sides in operations
            for organisation, name, start, end in sides
        ],
        _svg(figure),
    )


def _membership(years: tuple[tuple[PartialDate, int, int, int, int, int], ...]) -> Chart:
    title = "Members of the EU, of NATO and of both, year by year"
    figure, (axes,) = _figure(title, rows=9)
    labels = [str(day.year) for day, *_ in years]
    bottom = [0] * len(years)
    for colour, label, counts in (
        (ORGANISATIONS["EU and NATO"], "In both", [both for _, _, _, both, _, _ in years]),
        (ORGANISATIONS["EU"], "EU only", [eu_only for _, _, _, _, eu_only, _ in years]),
        (ORGANISATIONS["NATO"], "NATO only", [nato_only for _, _, _, _, _, nato_only in years]),
    ):
        axes.bar(range(len(years)), counts, bottom=bottom, color=colour, label=label, width=0.85)
        bottom = [below + count for below, count in zip(bottom, counts, strict=True)]
    step = max(1, len(years) // 12)
    axes.set_xticks(range(0, len(years), step), labels[::step])
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylabel("States")
    _legend(figure, axes)
    as_of = f"; the last bar is {years[-1][0].display()}, the date of this edition" if years else ""
    return Chart(
        "membership",
        title,
        f"{title}: for each year, a bar split into the states in both organisations, in the EU only and in NATO "
        f"only, at the end of the year{as_of}. The figures are in the table below.",
        ("Year", "EU members", "NATO Allies", "In both", "EU only", "NATO only"),
        [
            (day.display() if n == len(years) - 1 else str(day.year), *(str(count) for count in counts))
            for n, (day, *counts) in enumerate(years)
        ],
        _svg(figure),
    )


# Each chart's drawing, by name; figures.charted(site) gives what each one is drawn from.
DRAW: dict[str, Callable[..., Chart]] = {
    "actions-per-area": _actions_per_area,
    "coverage": _coverage,
    "reports": _reports,
    "operations": _operations,
    "membership": _membership,
}


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


def _draw_span(axes: Any, row: int, side: Side, latest: PartialDate | None) -> None:
    organisation, _, start_date, end_date = side
    colour = ORGANISATIONS[organisation]
    if start_date is None:
        axes.annotate("dates not known", (0.01, row), xycoords=("axes fraction", "data"), va="center", style="italic")
        return
    start = mdates.date2num(start_date.first_day)
    if end_date is None:
        axes.plot([start], [row], marker="|", markersize=12, color=colour)
        axes.annotate(
            "end not known", (start, row), xytext=(6, 0), textcoords="offset points", va="center", style="italic"
        )
        return
    last_day = end_date.last_day if isinstance(end_date, PartialDate) else (latest or start_date).last_day
    end = mdates.date2num(last_day)
    axes.barh([row], [end - start], left=start, color=colour, height=0.8)
    if end_date == "ongoing":
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
