"""Follow every `Reference` field and every prose text of a record, however deeply it is nested.

The model marks which fields name other items (`Reference`) and which text is prose (`Prose`, the
only text that may cite sources inline); this walker is the only code that knows how to find
them, so checks, backlinks, citations and schemas cannot disagree.
"""

from __future__ import annotations

import types
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from . import citations
from .model.base import Prose, Reference
from .problems import Location

Link = tuple[Location, str, str]  # where in the record, which kind, which id


def references(record: BaseModel, location: Location = ()) -> Iterator[Link]:
    """Yield `(location, kind, id)` for every id that `record` names."""
    for name, info in type(record).model_fields.items():
        yield from _walk(getattr(record, name), info.annotation, info.metadata, (*location, name))


def reference_kind(annotation: Any, metadata: Sequence[Any] = ()) -> str | None:
    """The kind an annotated id refers to: `Annotated[str, Reference("areas")]` -> `"areas"`."""
    return _reference_kind(annotation, tuple(metadata))


# The walkers below ask the same few questions of each field's annotation for every value of the
# record, thousands of times per load; the answers depend on the annotation alone.
@cache
def _reference_kind(annotation: Any, metadata: tuple[Any, ...]) -> str | None:
    if get_origin(annotation) is Annotated:
        metadata = (*metadata, *annotation.__metadata__)
    return next((meta.kind for meta in metadata if isinstance(meta, Reference)), None)


@cache
def _item_annotation(annotation: Any) -> Any:
    """What a list field holds: `list[X] | None` -> X."""
    (item,) = get_args(container(annotation, list)) or (Any,)
    return item


@cache
def _entry_annotations(annotation: Any) -> tuple[Any, Any]:
    """What a dict field maps from and to: `dict[K, V]` -> (K, V)."""
    key, value = get_args(container(annotation, dict)) or (Any, Any)
    return key, value


def _walk(value: Any, annotation: Any, metadata: Sequence[Any], location: Location) -> Iterator[Link]:
    if isinstance(value, BaseModel):
        yield from references(value, location)
        return
    if isinstance(value, str):
        kind = reference_kind(annotation, metadata)
        if kind:
            yield location, kind, value
    elif isinstance(value, list):
        item_annotation = _item_annotation(annotation)
        for index, item in enumerate(value):
            yield from _walk(item, item_annotation, (), (*location, index))
    elif isinstance(value, dict):
        key_annotation, value_annotation = _entry_annotations(annotation)
        key_kind = reference_kind(key_annotation)
        for key, item in value.items():
            if key_kind:
                yield (*location, key), key_kind, key
            yield from _walk(item, value_annotation, (), (*location, key))


def container(annotation: Any, origin: type) -> Any:
    """Find `list[...]` or `dict[...]` inside an Annotated or optional annotation."""
    if get_origin(annotation) is Annotated:
        return container(get_args(annotation)[0], origin)
    if get_origin(annotation) in (Union, types.UnionType):
        return next((a for a in get_args(annotation) if get_origin(a) is origin), annotation)
    return annotation


# --- Prose and plain text -----------------------------------------------------------------


def texts(record: BaseModel, location: Location = ()) -> Iterator[tuple[Location, str, bool]]:
    """Yield `(location, text, is_prose)` for every string field of `record`, however deeply nested."""
    for name, info in type(record).model_fields.items():
        yield from _walk_text(getattr(record, name), info.annotation, info.metadata, (*location, name))


def prose(record: BaseModel) -> Iterator[tuple[Location, str]]:
    """Every prose text of `record` with where it sits, in field order."""
    return ((location, text) for location, text, is_prose in texts(record) if is_prose)


def sources_of(item: BaseModel) -> list[str]:
    """Every source `item` rests on, each once: those its prose cites, in the order of first citation,
    then those its fields name (a membership's `joined_source`), then those its `sources` lists."""
    named = [
        source_id for location, kind, source_id in references(item) if kind == "sources" and location[0] != "sources"
    ]
    listed = getattr(item, "sources", [])
    return list(dict.fromkeys([*cited(item), *named, *listed]))


def cited(record: BaseModel) -> list[str]:
    """The source ids `record` cites in its prose, each once, in the order of first citation."""
    ids: dict[str, None] = {}
    for _, text in prose(record):
        try:
            found = citations.parse(text)
        except citations.Malformed:
            continue  # the loader reports it where it stands
        for citation in found:
            ids.update(dict.fromkeys(ref.source_id for ref in citation.refs))
    return list(ids)


def _is_prose(annotation: Any, metadata: Sequence[Any] = ()) -> bool:
    """Whether a field is `Markdown`: marked `Prose` directly, inside `Annotated`, or as one member of `X | None`."""
    return _prose_annotation(annotation, tuple(metadata))


@cache
def _prose_annotation(annotation: Any, metadata: tuple[Any, ...]) -> bool:
    if any(isinstance(meta, Prose) for meta in metadata):
        return True
    if get_origin(annotation) is Annotated:
        return _is_prose(get_args(annotation)[0], annotation.__metadata__)
    if get_origin(annotation) in (Union, types.UnionType):
        return any(_is_prose(argument) for argument in get_args(annotation))
    return False


def _walk_text(
    value: Any, annotation: Any, metadata: Sequence[Any], location: Location
) -> Iterator[tuple[Location, str, bool]]:
    if isinstance(value, BaseModel):
        yield from texts(value, location)
    elif isinstance(value, str):
        yield location, value, _is_prose(annotation, metadata)
    elif isinstance(value, list):
        item_annotation = _item_annotation(annotation)
        for index, item in enumerate(value):
            yield from _walk_text(item, item_annotation, (), (*location, index))
    elif isinstance(value, dict):
        _, value_annotation = _entry_annotations(annotation)
        for key, item in value.items():
            yield from _walk_text(item, value_annotation, (), (*location, key))
