"""Follow every `Reference` field of a record, however deeply it is nested.

The model marks which fields name other items; this walker is the only code
that knows how to find them, so checks, backlinks and schemas cannot disagree.
"""

from __future__ import annotations

import types
from collections.abc import Iterator, Sequence
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from .model import Reference
from .problems import Location

Link = tuple[Location, str, str]  # where in the record, which kind, which id


def references(record: BaseModel, location: Location = ()) -> Iterator[Link]:
    """Yield `(location, kind, id)` for every id that `record` names."""
    for name, info in type(record).model_fields.items():
        yield from _walk(getattr(record, name), info.annotation, info.metadata, (*location, name))


def reference_kind(annotation: Any, metadata: Sequence[Any] = ()) -> str | None:
    """The kind an annotated id refers to: `Annotated[str, Reference("areas")]` -> `"areas"`."""
    if get_origin(annotation) is Annotated:
        metadata = [*metadata, *annotation.__metadata__]
    return next((meta.kind for meta in metadata if isinstance(meta, Reference)), None)


def _walk(value: Any, annotation: Any, metadata: Sequence[Any], location: Location) -> Iterator[Link]:
    if isinstance(value, BaseModel):
        yield from references(value, location)
        return
    kind = reference_kind(annotation, metadata)
    if isinstance(value, str) and kind:
        yield location, kind, value
    elif isinstance(value, list):
        (item_annotation,) = get_args(_container(annotation, list)) or (Any,)
        for index, item in enumerate(value):
            yield from _walk(item, item_annotation, [], (*location, index))
    elif isinstance(value, dict):
        key_annotation, value_annotation = get_args(_container(annotation, dict)) or (Any, Any)
        for key, item in value.items():
            key_kind = reference_kind(key_annotation)
            if key_kind:
                yield (*location, key), key_kind, key
            yield from _walk(item, value_annotation, [], (*location, key))


def _container(annotation: Any, origin: type) -> Any:
    """Find `list[...]` or `dict[...]` inside an Annotated or optional annotation."""
    if get_origin(annotation) is Annotated:
        return _container(get_args(annotation)[0], origin)
    if get_origin(annotation) in (Union, types.UnionType):
        return next((a for a in get_args(annotation) if get_origin(a) is origin), annotation)
    return annotation
