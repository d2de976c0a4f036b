"""Problems in the data, worded for editors: `file:line: field: what is wrong; what was expected`."""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"

    def github_annotation(self, level: str = "error") -> str:
        """The same problem as a GitHub Actions annotation on the file and line."""
        text = f"{self.field}: {self.message}".replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{level} file={self.file},line={self.line}::{text}"


def print_github_annotations(problems: Iterable[Problem], level: str = "error") -> None:
    """In GitHub Actions, show each problem on its file and line in the pull request; elsewhere do nothing."""
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for problem in problems:
            print(problem.github_annotation(level), flush=True)


class DataError(Exception):
    """Every problem found in data/, raised once after all files were read; placeholders are listed too."""

    def __init__(self, problems: Iterable[Problem], placeholders: Iterable[Problem] = ()):
        self.placeholders = sorted(set(placeholders))
        self.problems = sorted(set(problems) | set(self.placeholders))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [str(problem) for problem in self.problems]
        lines.append(f"{count} problem{'s' * (count != 1)} in the data; nothing was built.")
        return "\n".join(lines)


def placeholders_left(placeholders: list[Problem]) -> str:
    count = len(placeholders)
    return (
        f"{count} placeholder{'s' * (count != 1)} from `python -m eunato new` still to write; "
        "`make serve` shows them on the page, and nothing is published until none is left."
    )


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(choices), n=3, cutoff=0.6)
    return f" (did you mean {' or '.join(repr(c) for c in close)}?)" if close else ""


def unknown_id(kind: str, value: str, ids: Iterable[str], where: str) -> str:
    """`unknown area 'hybrid' (did you mean 'hybrid-threats'?); expected an id defined in data/areas/, one of: …`"""
    ids = sorted(ids)
    message = f"unknown {kind[:-1]} '{value}'{did_you_mean(value, ids)}; expected an id defined in {where}"
    if kind == "sources":
        return message + " (add the document there first, as CONTRIBUTING.md shows)"
    return message + (f", {one_of(ids)}" if ids and len(ids) <= 12 else "")


def expected_one_of(choices: Iterable[str], limit: int = 12) -> str:
    choices = sorted(choices)
    return f"expected {one_of(choices, limit)}" if choices else "none exist yet"


def one_of(choices: Iterable[str], limit: int = 12) -> str:
    choices = sorted(choices)
    shown = ", ".join(choices[:limit])
    return f"one of: {shown}" + (f", … ({len(choices)} in all)" if len(choices) > limit else "")


def field_name(location: Iterable[str | int]) -> str:
    """`('highlights', 2, 'text')` -> `highlights[3].text`: items are counted from 1, like an editor does."""
    name = ""
    for part in location:
        if part == "[key]":
            continue
        name += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or "(file)"


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


def explain(error: dict[str, Any], model: type[BaseModel] | None) -> str:
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
        found_items = f"{ctx.get('actual_length', 0)} items" if ctx.get("actual_length") else "an empty list"
        return f"found {found_items}; expected at least {ctx.get('min_length')} (lines starting with '- ')"
    if kind == "greater_than":
        return f"found {describe_value(found)}; expected a number greater than {ctx.get('gt')}"
    if kind == "string_too_short":
        return "the text is empty; expected some text"
    if kind == "string_pattern_mismatch" and "http" in str(ctx.get("pattern")):
        return f"found {describe_value(found)}; expected a web address starting with https:// or http://"
    expectations = {
        "string_type": "text",
        "int_type": "a whole number",
        "bool_type": "true or false",
        "list_type": "a list (lines starting with '- ')",
        "dict_type": "a mapping (lines of 'field: value')",
        "model_type": "a mapping (lines of 'field: value')",
        "model_attributes_type": "a mapping (lines of 'field: value')",
    }
    if kind in expectations:
        return f"found {describe_value(found)}; expected {expectations[kind]}"
    return f"{error['msg']} (found {describe_value(found)})"


def _fields_at(model: type[BaseModel] | None, location: tuple) -> list[str]:
    """The field names allowed at `location` inside `model`, following nested models.

    Parts that are not fields (list positions, the ids that key a registry) keep the current model.
    """
    model = _model_at(model, location)
    return sorted(model.model_fields) if model is not None else []


def _description_at(model: type[BaseModel] | None, location: tuple) -> str:
    """What the model says a field holds: `sources` -> `ids from data/sources.yml`."""
    parent, name = _model_at(model, location[:-1]), location[-1] if location else None
    field = parent.model_fields.get(name) if parent is not None and isinstance(name, str) else None
    description = (field.description or "") if field else ""
    return description[:1].lower() + description[1:].rstrip(".")


def _model_at(model: type[BaseModel] | None, location: tuple) -> type[BaseModel] | None:
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
