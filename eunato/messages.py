"""Every sentence an editor reads about a problem in the data, worded once.

Each message says what is wrong and ends with what was expected. `explain` turns a pydantic error
into such a sentence; the other functions word the project's own rules. The loader, the rules, the
model's validators and `python -m eunato new` all call these, so one rule is never worded twice.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from .text import count

ID_FORMAT = "lowercase letters, digits and single dashes"
SOURCE_NOT_FINDABLE = (
    "a source needs a way to find it; expected 'number' (official document number), 'url' "
    "(the issuer's own address) or, for a document known only by name, its 'date'"
)


# --- Ids and references ----------------------------------------------------------------


def not_an_id(value: str, example: str | None = None) -> str:
    like = f"e.g. '{example}'" if example else "like 'hybrid-threats' or '2017-01'"
    return f"'{value}' is not a valid id; expected {ID_FORMAT}, {like}"


def where(kind: str, is_registry: bool) -> str:
    """Where the ids of `kind` are defined: `data/areas/`, or `data/sources.yml` for a registry."""
    return f"data/{kind}.yml" if is_registry else f"data/{kind}/"


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(choices), n=3, cutoff=0.6)
    return f" (did you mean {' or '.join(repr(c) for c in close)}?)" if close else ""


def unknown_id(noun: str, value: str, ids: Iterable[str], defined_in: str) -> str:
    """`unknown area 'hybrid' (did you mean 'hybrid-threats'?); expected an id defined in data/areas/, one of: …`"""
    ids = sorted(ids)
    message = f"unknown {noun} '{value}'{did_you_mean(value, ids)}; expected an id defined in {defined_in}"
    if noun == "source":
        return message + " (add the document there first, as CONTRIBUTING.md shows)"
    return message + (f", {one_of(ids)}" if ids and len(ids) <= 12 else "")


def unknown_kind(value: str, kinds: Iterable[str]) -> str:
    return f"unknown kind '{value}'{did_you_mean(value, kinds)}; {expected_one_of(kinds)}"


def listed_twice(value: str) -> str:
    return f"'{value}' is listed twice; list each id once"


def taken(field: str, number: int, by: str, free: int) -> str:
    """`ordinal 3 is already used by another report (data/reports/x.yml); expected a different ordinal, e.g. 11, the next free one`"""
    return f"{field} {number} is already used by {by}; expected a different {field}, e.g. {free}, the next free one"


def expected_one_of(choices: Iterable[str], limit: int = 12) -> str:
    choices = sorted(choices)
    return f"expected {one_of(choices, limit)}" if choices else "none exist yet"


def one_of(choices: Iterable[str], limit: int = 12) -> str:
    choices = sorted(choices)
    shown = ", ".join(choices[:limit])
    return f"one of: {shown}" + (f", … ({len(choices)} in all)" if len(choices) > limit else "")


# --- Citations ----------------------------------------------------------------------------

CITATION_SYNTAX = "[@source-id], [@id-one; @id-two] or [@id, p. 4]"


def malformed_citation(found: str) -> str:
    return f"'{found}' is not a citation; expected {CITATION_SYNTAX}, with ids from data/sources.yml"


def citation_in_plain_text(found: str) -> str:
    return (
        f"found the citation '{found}' in a field of plain text; expected citations only in prose "
        "(a summary, body, role, highlight, milestone or note): move it to the sentence it supports there"
    )


def cites_nothing() -> str:
    return (
        f"this item cites no source; expected a citation such as {CITATION_SYNTAX.split(',', maxsplit=1)[0]} in its text, "
        "or the id of a source under `sources:`"
    )


def uncited_total(number: int) -> str:
    if not number:
        return "every paragraph of prose cites a source."
    return f"{count(number, 'paragraph')} of prose without a citation; cite a source in each that states a fact."


def uncited(paragraph: str) -> str:
    words = " ".join(paragraph.split())
    return f"no citation in the paragraph “{words[:70]}{'…' if len(words) > 70 else ''}”"


# --- Dates and counts --------------------------------------------------------------------


def date_without_source(field: str) -> str:
    return f"'{field}' has no source; expected '{field}_source' with the id of a source that gives the date"


def source_without_date(field: str) -> str:
    return f"'{field}_source' names a source for a date that is not given; expected '{field}' as well, or neither"


def edition_date(found: object) -> str:
    return f"the edition is dated {found}; expected the day it was published, YYYY-MM-DD"


def period_reversed(start: object, end: object) -> str:
    return f"the period starts ({start}) after it ends ({end}); expected start <= end"


def ends_before_start(start: object, end: object) -> str:
    return f"ends ({end}) before it starts ({start}); expected an end on or after the start"


def beyond_set(position: int, set_id: str, size: int) -> str:
    return f"position {position} is beyond the end of set '{set_id}'; expected 1 to {size}"


def more_than_endorsed(held: int, endorsed: int, area: str | None = None) -> str:
    where_held = f"of this set in '{area}'" if area else "of this set"
    noun = "the number the Councils endorsed" if area is None else "the number the set holds in that area"
    return f"data/actions/ holds {count(held, 'action')} {where_held}; expected at most {endorsed}, {noun}"


def area_counts_exceed(total: int, endorsed: int) -> str:
    return f"the area counts add up to {total}; expected at most {endorsed}, the set's count"


# --- Files ----------------------------------------------------------------------------------


def problems_found(number: int) -> str:
    return f"{count(number, 'problem')} in the data; nothing was built."


def placeholders_left(number: int) -> str:
    return (
        f"{count(number, 'placeholder')} from `python -m eunato new` still to write; "
        "`make serve` shows them on the page, and nothing is published until none is left."
    )


def placeholder(expected: str) -> str:
    return f"found a placeholder; expected {expected}"


# --- pydantic's errors, in the editors' words -----------------------------------------------


def describe_value(value: Any) -> str:
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value[:60]!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return repr(value)


_EXPECTATIONS = {
    "string_type": "text",
    "int_type": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list (lines starting with '- ')",
    "dict_type": "a mapping (lines of 'field: value')",
    "model_type": "a mapping (lines of 'field: value')",
    "model_attributes_type": "a mapping (lines of 'field: value')",
}


def explain(error: Any, model: type[BaseModel] | None) -> str:
    """Turn one pydantic error into a sentence that ends with what was expected."""
    kind, found, ctx = error["type"], error.get("input"), error.get("ctx", {})
    location = error["loc"]
    if kind == "missing":
        hint = _description_at(model, location)
        return "this required field is missing; add it" + (f" ({hint})" if hint else "")
    if kind == "extra_forbidden":
        allowed = _fields_at(model, location[:-1])
        key = str(location[-1])
        return f"unknown field '{key}'{did_you_mean(key, allowed)}; {expected_one_of(allowed, limit=30)}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind == "literal_error":
        return f"found {describe_value(found)}; expected one of: {ctx.get('expected')}"
    if kind == "too_short":
        found_items = count(ctx["actual_length"], "item") if ctx.get("actual_length") else "an empty list"
        return f"found {found_items}; expected at least {ctx.get('min_length')} (lines starting with '- ')"
    if kind == "greater_than":
        return f"found {describe_value(found)}; expected a number greater than {ctx.get('gt')}"
    if kind == "string_too_short":
        return "the text is empty; expected some text"
    if kind == "string_pattern_mismatch" and "http" in str(ctx.get("pattern")):
        return f"found {describe_value(found)}; expected a web address starting with https:// or http://"
    if kind in _EXPECTATIONS:
        return f"found {describe_value(found)}; expected {_EXPECTATIONS[kind]}"
    return f"{error['msg']} (found {describe_value(found)})"


def _fields_at(model: type[BaseModel] | None, location: tuple[Any, ...]) -> list[str]:
    """The field names allowed at `location` inside `model`, following nested models.

    Parts that are not fields (list positions, the ids that key a registry) keep the current model.
    """
    model = _model_at(model, location)
    return sorted(model.model_fields) if model is not None else []


def _description_at(model: type[BaseModel] | None, location: tuple[Any, ...]) -> str:
    """What the model says a field holds: `sources` -> `ids from data/sources.yml`."""
    parent, name = _model_at(model, location[:-1]), location[-1] if location else None
    field = parent.model_fields.get(name) if parent is not None and isinstance(name, str) else None
    description = (field.description or "") if field else ""
    return description[:1].lower() + description[1:].rstrip(".")


def _model_at(model: type[BaseModel] | None, location: tuple[Any, ...]) -> type[BaseModel] | None:
    for part in location:
        if model is not None and isinstance(part, str) and part in model.model_fields:
            model = _model_in(model.model_fields[part].annotation)
    return model


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in getattr(annotation, "__args__", ()) or ():
        found = _model_in(argument)
        if found is not None:
            return found
    return None
