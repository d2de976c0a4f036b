"""The charts of a record, drawn again only when the record or the drawing code has changed.

Importing Matplotlib and drawing four charts takes longer than the rest of a build's data layer;
a chart only changes when its inputs do. Each build fingerprints the whole record together with
the code and library that draw it, and reuses the charts of the last build with that fingerprint:

    charts = charts_for(site, cache=Path(".cache/charts"))   # same as charts.draw_charts(site)
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from importlib import metadata
from pathlib import Path

from .figures import Chart
from .kinds import KINDS
from .site import Site

_DRAWING_CODE = [Path(__file__).with_name(name) for name in ("charts.py", "figures.py", "membership.py")]


def charts_for(site: Site, cache: Path | None) -> dict[str, Chart]:
    if cache is None:
        return _draw(site)
    stored = cache / f"{fingerprint(site)}.json"
    if stored.exists():
        return {name: _chart(fields) for name, fields in json.loads(stored.read_text(encoding="utf-8")).items()}
    charts = _draw(site)
    cache.mkdir(parents=True, exist_ok=True)
    for old in cache.glob("*.json"):  # only the latest record's charts are worth keeping
        old.unlink()
    partial = stored.with_suffix(".part")
    partial.write_text(json.dumps({name: asdict(chart) for name, chart in charts.items()}), encoding="utf-8")
    partial.replace(stored)  # a build stopped half-way never leaves a truncated file behind
    return charts


def fingerprint(site: Site) -> str:
    """Changes when any item, topic or glossary entry changes, or the code or Matplotlib version that draws."""
    digest = hashlib.sha256(metadata.version("matplotlib").encode())
    for path in _DRAWING_CODE:
        digest.update(path.read_bytes())
    for kind in KINDS:
        for item in site.items(kind.name):
            digest.update(item.model_dump_json().encode())
    digest.update(json.dumps({key: value.model_dump() for key, value in site.topics.items()}, sort_keys=True).encode())
    return digest.hexdigest()[:24]


def _draw(site: Site) -> dict[str, Chart]:
    from .charts import draw_charts  # noqa: PLC0415  # Matplotlib is imported only when something must be drawn

    return draw_charts(site)


def _chart(fields: dict) -> Chart:
    return Chart(**{**fields, "columns": tuple(fields["columns"]), "rows": [tuple(row) for row in fields["rows"]]})
