"""`python -m eunato new report|action|operation|state|strategy|turning-point`: start a data file with every field in place.

What the command knows it writes (the next ordinal, the date, ids the editor named and that
exist); what only the editor knows it leaves as a placeholder (`FILL IN: …`), which the
preview shows and `check` refuses, so nothing invented is ever published. Optional fields are
written as comments that say when to use them.

    create("report", Path("data"), date="2017-12-05")   # -> Written, or raises Refused saying why
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import kinds, messages, urls
from .dates import PartialDate
from .load import load_site, suggest_id
from .model import ID_PATTERN, Report
from .model.strategies import ISSUERS
from .problems import DataError, Problem
from .schemas import header, write_schemas
from .site import Site

DRAFTS_DIR = Path(__file__).parent / "drafts"
ORDINALS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
]


class Refused(Exception):
    """Why nothing was written: one line per reason, each naming the option to change."""

    def __init__(self, reasons: list[str]):
        super().__init__("\n".join(reasons))
        self.reasons = reasons


@dataclass(frozen=True)
class Draft:
    kind: str  # "reports"
    item_id: str  # "2017-12"
    text: str  # the new file, less its schema line (`write` adds it)
    source_id: str  # what it cites
    source_entry: str  # text to append to data/sources.yml, or "" when the source exists
    summary: str  # "progress report no. 2 of 5 December 2017"


@dataclass(frozen=True)
class Written:
    """What `create` did: the new file, its draft, and the values the editor must still write."""

    path: Path
    draft: Draft
    placeholders: list[Problem]
    schemas_updated: bool


def create(what: str, data_dir: Path, **options: Any) -> Written:
    """Write the draft of a new `what` into `data_dir`, or raise `Refused` saying why nothing was written.

    The record must be valid before, and the new file must leave it valid (but for its placeholders):
    a value only the whole record can judge, such as a position, undoes the writing.
    """
    try:
        site = load_site(data_dir, root=Path.cwd())
    except DataError as error:
        raise Refused([*map(str, error.problems), "Fix these first (`make check` lists them)."]) from None
    draft = DRAFTS[what](site, data_dir, **options)
    sources_before = (data_dir / "sources.yml").read_text(encoding="utf-8")
    path = write(draft, data_dir)
    try:
        site = load_site(data_dir, root=Path.cwd())
    except DataError as error:
        undo(draft, data_dir, sources_before)
        problems = [str(problem) for problem in error.problems if problem not in error.placeholders]
        raise Refused([*problems, "The new file would not pass `make check`."]) from None
    left = [
        p
        for p in site.placeholders
        if Path(p.file).resolve() == path.resolve()
        or (Path(p.file).name == "sources.yml" and p.field.split(".")[0] == draft.source_id)
    ]
    updated = bool(write_schemas(data_dir, data_dir.parent / "schemas"))
    return Written(path, draft, left, updated)


def report_draft(
    site: Site,
    data_dir: Path,
    date: str,
    ordinal: int | None = None,
    source: str | None = None,
    item_id: str | None = None,
) -> Draft:
    reasons: list[str] = []
    when = _date("--date", date, reasons)
    taken = {report.ordinal: report for report in site.of(Report).values()}
    free = max(taken, default=0) + 1
    if ordinal is not None and ordinal in taken:
        by = urls.data_file("reports", taken[ordinal].id)
        reasons.append(f"--ordinal: {messages.taken('ordinal', ordinal, by, free)}")
    elif ordinal is not None and ordinal < 1:
        reasons.append(f"--ordinal: found {ordinal}; expected 1 for the first report, 2 for the second, and so on")
    ordinal = ordinal or free
    item_id = item_id or (when.iso()[:7] if when else "")
    _new_id(site, data_dir, "reports", item_id, "--id", reasons)
    source_id, entry = _source(site, source, f"report-{item_id}", when, "report", reasons)
    if reasons or when is None:
        raise Refused(reasons)
    name = (
        f"{ORDINALS[ordinal - 1].capitalize()} progress report"
        if ordinal <= len(ORDINALS)
        else f"Progress report no. {ordinal}"
    )
    title = f"{name} ({PartialDate(when.year, when.month).display()})"
    text = _draft("report", ordinal=ordinal, title=title, date=when.iso(), source=source_id)
    return Draft("reports", item_id, text, source_id, entry, f"progress report no. {ordinal} of {when.display()}")


def action_draft(
    site: Site,
    data_dir: Path,
    item_id: str,
    set_id: str,
    area: str,
    position: int | None = None,
    source: str | None = None,
) -> Draft:
    reasons: list[str] = []
    _new_id(site, data_dir, "actions", item_id, "id", reasons)
    _existing(site, "sets", set_id, "--set", reasons)
    _existing(site, "areas", area, "--area", reasons)
    source_id, entry = _source(site, source, f"action-{item_id}", None, "action", reasons)
    if reasons:
        raise Refused(reasons)
    position_line = (
        f"position: {position}" if position else "# position: N  # its number in the set, only where a source gives it"
    )
    text = _draft("action", set=set_id, area=area, position=position_line, source=source_id)
    return Draft("actions", item_id, text, source_id, entry, f"an action of set {set_id} in area {area}")


def operation_draft(
    site: Site, data_dir: Path, item_id: str, start: str, kind: str = "operation", source: str | None = None
) -> Draft:
    reasons: list[str] = []
    _new_id(site, data_dir, "operations", item_id, "id", reasons)
    when = _date("--start", start, reasons)
    source_id, entry = _source(site, source, f"operation-{item_id}", None, "operation", reasons)
    if reasons or when is None:
        raise Refused(reasons)
    text = _draft("operation", kind=kind, start=when.iso(), source=source_id)
    kind_with_article = {"operation": "an operation", "mechanism": "a mechanism"}[kind]
    return Draft("operations", item_id, text, source_id, entry, f"{kind_with_article} starting {when.display()}")


def state_draft(site: Site, data_dir: Path, item_id: str, name: str, source: str | None = None) -> Draft:
    reasons: list[str] = []
    _new_id(site, data_dir, "states", item_id, "id", reasons)
    source_id, entry = _source(site, source, f"state-{item_id}", None, "state", reasons)
    if reasons:
        raise Refused(reasons)
    text = _draft("state", name=json.dumps(name, ensure_ascii=False), source=source_id)
    return Draft("states", item_id, text, source_id, entry, f"the state {name}")


def strategy_draft(
    site: Site, data_dir: Path, item_id: str, issuer: str, kind: str, date: str, source: str | None = None
) -> Draft:
    reasons: list[str] = []
    _new_id(site, data_dir, "strategies", item_id, "id", reasons)
    when = _date("--date", date, reasons)
    source_id, entry = _source(site, source, f"{item_id}-text", when, "strategy", reasons)
    if reasons or when is None:
        raise Refused(reasons)
    text = _draft("strategy", issuer=issuer, type=kind, date=when.iso(), source=source_id)
    return Draft("strategies", item_id, text, source_id, entry, f"a text of {ISSUERS[issuer]} of {when.display()}")


def turning_point_draft(site: Site, data_dir: Path, item_id: str, date: str, source: str | None = None) -> Draft:
    reasons: list[str] = []
    _new_id(site, data_dir, "turning-points", item_id, "id", reasons)
    when = _date("--date", date, reasons)
    source_id, entry = _source(site, source, f"turning-point-{item_id}", None, "turning-point", reasons)
    if reasons or when is None:
        raise Refused(reasons)
    text = _draft("turning-point", date=when.iso(), source=source_id)
    return Draft("turning-points", item_id, text, source_id, entry, f"a turning point of {when.display()}")


def write(draft: Draft, data_dir: Path) -> Path:
    """Write the new file (never over an existing one) and append its source entry, if any."""
    path = data_dir / draft.kind / f"{draft.item_id}.yml"
    first_line = header(path, data_dir.parent / "schemas", draft.kind)
    with path.open("x", encoding="utf-8") as new_file:
        new_file.write(f"{first_line}\n{draft.text}")
    if draft.source_entry:
        sources = data_dir / "sources.yml"
        existing = sources.read_text(encoding="utf-8")
        sources.write_text(existing + ("" if existing.endswith("\n") else "\n") + draft.source_entry, encoding="utf-8")
    return path


def undo(draft: Draft, data_dir: Path, sources_before: str) -> None:
    (data_dir / draft.kind / f"{draft.item_id}.yml").unlink(missing_ok=True)
    (data_dir / "sources.yml").write_text(sources_before, encoding="utf-8")


# --- Checks on what the editor typed ----------------------------------------------------


def _date(option: str, text: str, reasons: list[str]) -> PartialDate | None:
    try:
        return PartialDate.parse(text)
    except ValueError as error:
        reasons.append(f"{option}: {error}")
        return None


def _new_id(site: Site, data_dir: Path, kind: str, item_id: str, option: str, reasons: list[str]) -> None:
    if not item_id:
        return  # the date was wrong, and says so
    if not re.match(ID_PATTERN, item_id):
        reasons.append(f"{option}: {messages.not_an_id(item_id, example=suggest_id(item_id))}")
    elif site.has(kind, item_id) or (data_dir / kind / f"{item_id}.yml").exists():
        reasons.append(f"{option}: data/{kind}/{item_id}.yml exists already; expected an id of its own")


def _existing(site: Site, kind: str, item_id: str, option: str, reasons: list[str]) -> None:
    if not site.has(kind, item_id):
        ids = [item.id for item in site.items(kind)]
        reasons.append(f"{option}: {messages.unknown_id(kinds.noun(kind), item_id, ids, messages.where(kind, False))}")


def _source(
    site: Site, source: str | None, new_id: str, date: PartialDate | None, made_for: str, reasons: list[str]
) -> tuple[str, str]:
    """The source to cite: the one named (which must exist), or a new entry to fill in."""
    if source is not None:
        if source not in site.sources:
            reasons.append(
                f"--source: {messages.unknown_id('source', source, site.sources, messages.where('sources', True))}"
            )
        return source, ""
    if new_id in site.sources:
        return new_id, ""
    date_line = f"  date: {date.iso()}" if date else "  # date: YYYY-MM-DD, as the document gives it"
    return new_id, _draft("source", made_for=made_for, source=new_id, date=date_line)


def _draft(draft_name: str, **values: object) -> str:
    """eunato/drafts/<name>.yml with its `{fields}` filled in; what is left to write says `FILL IN:`."""
    return (DRAFTS_DIR / f"{draft_name}.yml").read_text(encoding="utf-8").format(**values)


DRAFTS: dict[str, Callable[..., Draft]] = {
    "report": report_draft,
    "action": action_draft,
    "operation": operation_draft,
    "state": state_draft,
    "strategy": strategy_draft,
    "turning-point": turning_point_draft,
}
NEXT_STEPS = {
    "report": "Then list under `mentions:` what the report speaks of, preview with `make serve`, and run `make check`.",
    "action": "Then preview with `make serve`, and run `make check`.",
    "operation": "Then list its areas and actions, preview with `make serve`, and run `make check`.",
    "state": "Then add its memberships, each date with its source, preview with `make serve`, and run `make check`.",
    "strategy": "Then add what it says about the other organisation and its areas, preview with `make serve`, and run `make check`.",
    "turning-point": "Then list the states it concerns, preview with `make serve`, and run `make check`.",
}
