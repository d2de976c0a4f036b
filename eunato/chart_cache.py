"""The charts of a record, each drawn again only when its own figures or the drawing code change.

Importing Matplotlib and drawing a chart takes longer than the rest of a build's data layer, and
a chart only changes when what it shows does. Each chart is drawn from its figures alone
(`figures.charted`: plain text, numbers and dates), so each build fingerprints every chart's figures
together with the code and library that draw it, and reuses that chart from the last build with the
same fingerprint. A word changed in an action's title redraws nothing; an action moved to another
area redraws the two charts that count actions per area.

    charts = charts_for(site, cache=Path(".cache/charts"))   # same as charts.draw_charts(site)
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from . import figures
from .figures import Chart
from .site import Site

_DRAWING_CODE = [Path(__file__).with_name(name) for name in ("charts.py", "figures.py", "membership.py")]


def charts_for(site: Site, cache: Path | None) -> dict[str, Chart]:
    charted = figures.charted(site)
    if cache is None:
        return {name: _draw(name, chart_figures) for name, chart_figures in charted.items()}
    charts = {}
    for name, chart_figures in charted.items():
        stored = cache / f"{name}-{fingerprint(name, chart_figures)}.json"
        if stored.exists():
            charts[name] = _chart(json.loads(stored.read_text(encoding="utf-8")))
            continue
        charts[name] = chart = _draw(name, chart_figures)
        cache.mkdir(parents=True, exist_ok=True)
        for old in cache.glob(f"{name}-*.json"):  # only the latest figures of each chart are worth keeping
            old.unlink()
        partial = stored.with_suffix(".part")
        partial.write_text(json.dumps(asdict(chart)), encoding="utf-8")
        partial.replace(stored)  # a build stopped half-way never leaves a truncated file behind
    return charts


def fingerprint(name: str, chart_figures: tuple[Any, ...]) -> str:
    """Changes when the chart's figures change, or the code or Matplotlib version that draws it."""
    digest = hashlib.sha256(_code())
    # The figures are plain values (text, numbers, dates, tuples): their repr spells out every one.
    digest.update(f"{name}\n{chart_figures!r}".encode())
    return digest.hexdigest()[:24]


@cache
def _code() -> bytes:
    """The drawing code and Matplotlib's version; read once per process (`mkdocs serve` reloads no code)."""
    return metadata.version("matplotlib").encode() + b"".join(path.read_bytes() for path in _DRAWING_CODE)


def _draw(name: str, chart_figures: tuple[Any, ...]) -> Chart:
    from .charts import draw  # noqa: PLC0415  # Matplotlib is imported only when something must be drawn

    return draw(name, chart_figures)


def _chart(fields: dict) -> Chart:
    return Chart(**{**fields, "columns": tuple(fields["columns"]), "rows": [tuple(row) for row in fields["rows"]]})
