"""A synthetic record N times the real one, for measuring how the build scales.

At 1x every proposal set is full: 74 actions (42 + 32), made by repeating the real actions of each
set, with the real reports, operations and the rest. At Nx the sets hold N times their proposals,
and reports and operations are copied N times; copy k of an item is `x<k>-<id>`, and the copies'
mentions point at the copies of what the original mentions. Declarations, areas, analyses and the
registries (sources, topics, glossary), and any other kind, are the real ones. The result passes
`python -m eunato check`.
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import yaml

from eunato import load_site
from eunato.yaml_source import read_document

MULTIPLIED = ("sets", "actions", "reports", "operations")


def copy_id(item_id: str, copy: int) -> str:
    return item_id if copy == 1 else f"x{copy}-{item_id}"


def generate(data: Path, factor: int, out: Path) -> dict[str, int]:
    """Write the record at `factor` times the real one into `out`; return how many items of each kind."""
    site = load_site(data)  # the real record must be valid before it is multiplied
    raw = {kind: {p.stem: read_document(p).data for p in sorted((data / kind).glob("*.yml"))} for kind in site.counts()}
    written: dict[str, dict[str, dict]] = {kind: {} for kind in raw}

    for kind, items in raw.items():
        if kind not in MULTIPLIED:
            written[kind] = items
    for set_id, proposal_set in raw["sets"].items():
        actions = _fill_set(raw["actions"], set_id, proposal_set["count"], factor)
        written["actions"].update(actions)
        written["sets"][set_id] = {
            **proposal_set,
            "count": proposal_set["count"] * factor,
            "area_counts": dict(Counter(action["area"] for action in actions.values())),
        }
    copies_of = Counter(_original(action_id) for action_id in written["actions"])

    def rewire(ids: list[str], copy: int, kind: str) -> list[str]:
        if kind != "actions":
            return ids
        return [copy_id(i, copy) if copy <= copies_of[i] else i for i in ids]

    last_ordinal = max(report["ordinal"] for report in raw["reports"].values())
    for copy in range(1, factor + 1):
        for report_id, report in raw["reports"].items():
            mentions = report.get("mentions", {})
            written["reports"][copy_id(report_id, copy)] = {
                **report,
                "ordinal": report["ordinal"] + (copy - 1) * last_ordinal,
                "mentions": {kind: rewire(ids, copy, kind) for kind, ids in mentions.items()},
            }
        for operation_id, operation in raw["operations"].items():
            written["operations"][copy_id(operation_id, copy)] = {
                **operation,
                "actions": rewire(operation.get("actions", []), copy, "actions"),
            }

    if out.exists():
        shutil.rmtree(out)
    for kind, items in written.items():
        (out / kind).mkdir(parents=True)
        for item_id, fields in items.items():
            without_id = {key: value for key, value in fields.items() if key != "id"}
            (out / kind / f"{item_id}.yml").write_text(
                yaml.safe_dump(without_id, allow_unicode=True, sort_keys=False), encoding="utf-8"
            )
    for registry in data.glob("*.yml"):
        shutil.copy(registry, out / registry.name)
    return load_site(out).counts()


def _fill_set(actions: dict[str, dict], set_id: str, count: int, factor: int) -> dict[str, dict]:
    """`count * factor` actions of one set: the real ones, then copies of them in turn, each with a free position."""
    real = {i: a for i, a in actions.items() if str(a["set"]) == str(set_id)}
    if not real:
        return {}
    taken = {a["position"] for a in real.values() if a.get("position")}
    free = iter(p for p in range(1, count * factor + 1) if p not in taken)
    filled = dict(real)
    templates = list(real.items())
    for n in range(len(real), count * factor):
        template_id, template = templates[n % len(templates)]
        filled[copy_id(template_id, n // len(templates) + 1)] = {**template, "position": next(free)}
    return filled


def _original(item_id: str) -> str:
    head, _, rest = item_id.partition("-")
    return rest if head.startswith("x") and head[1:].isdigit() else item_id


if __name__ == "__main__":
    import sys

    print(generate(Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])))
