"""The checks between files: every id a record names exists, and every citation is well formed, in prose,
and names a source that exists. Paragraphs of prose that cite nothing are noted for `check --uncited`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from pydantic import BaseModel

from . import citations, kinds, links, messages
from .kinds import KINDS, REGISTRIES
from .links import references
from .model import PLACEHOLDER
from .problems import Location, Problem, field_name
from .reader import REGISTRY_KEY, DataFile, Reader, known_ids


def check_references(reader: Reader) -> None:
    known = {name: known_ids(reader, name) for name in reader.files}
    for kind in KINDS:
        for file in reader.valid(kind.name).values():
            seen: Counter[tuple[Location, str]] = Counter()
            for location, target_kind, target_id in references(file.record):
                in_list = isinstance(location[-1], int)
                seen[(location[:-1], target_id)] += in_list
                if in_list and seen[(location[:-1], target_id)] == 2:
                    reader.problems.append(file.problem(location, messages.listed_twice(target_id)))
                ids = known[target_kind]
                if ids is None or target_id in ids:
                    continue
                defined_in = messages.where(target_kind, kinds.is_registry(target_kind))
                reader.problems.append(
                    file.problem(location, messages.unknown_id(kinds.noun(target_kind), target_id, ids, defined_in))
                )


def _records_with_text(reader: Reader) -> Iterator[tuple[DataFile, Location, BaseModel]]:
    """Every valid record whose text may hold citations: each item, and each entry of a registry."""
    for kind in KINDS:
        for file in reader.valid(kind.name).values():
            yield file, (), file.record
    for registry in REGISTRIES:
        entries = reader.files[registry.name].get(REGISTRY_KEY)
        if entries is not None and isinstance(entries.record, dict):
            for key, entry in entries.record.items():
                if isinstance(entry, BaseModel):
                    yield entries, (key,), entry


def check_citations(reader: Reader) -> None:
    """Citations only in prose, well formed, naming sources that exist; and note each paragraph that has none."""
    sources = known_ids(reader, "sources") or set()
    for file, at, record in _records_with_text(reader):
        for location, text, is_prose in links.texts(record):
            where = (*at, *location)
            if not is_prose:
                if "[@" in text:
                    reader.problems.append(file.problem(where, messages.citation_in_plain_text(_first_citation(text))))
                continue
            try:
                found = citations.parse(text)
            except citations.Malformed as malformed:
                reader.problems.append(file.problem(where, messages.malformed_citation(malformed.found)))
                continue
            for ref in (ref for citation in found for ref in citation.refs):
                if ref.source_id not in sources:
                    message = messages.unknown_id("source", ref.source_id, sources, messages.where("sources", True))
                    reader.problems.append(file.problem(where, message))
            for paragraph in citations.paragraphs(text):
                if not citations.has_citation(paragraph) and not paragraph.startswith(PLACEHOLDER):
                    line = file.document.line_of_text(where, paragraph)
                    reader.uncited.append(Problem(file.name, line, field_name(where), messages.uncited(paragraph)))
    for kind in KINDS:
        for file in reader.valid(kind.name).values():
            if not links.sources_of(file.record):
                reader.problems.append(file.problem(("sources",), messages.cites_nothing()))


def _first_citation(text: str) -> str:
    start = text.index("[@")
    end = text.find("]", start)
    return text[start : end + 1 if end != -1 else start + 30]
