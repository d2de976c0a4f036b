"""Dates as precise as the sources: a day, a month, or only a year.

Progress reports and operations are often known only to the month ("June 2019");
the data says so by writing `2019-06`, and every page shows the month alone
rather than inventing a day.
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re
from dataclasses import dataclass
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic_core import core_schema

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
EXPECTED = "expected a date written YYYY-MM-DD, or YYYY-MM when only the month is known, or YYYY"


@functools.total_ordering
@dataclass(frozen=True)
class PartialDate:
    """`PartialDate.parse("2019-06")` is June 2019, with no day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise ValueError(f"found {value!r}; {EXPECTED}")  # noqa: TRY004  # pydantic reports ValueErrors only
        match = _PATTERN.match(str(value).strip())
        if not match:
            raise ValueError(f"'{value}' is not a date; {EXPECTED}")
        year_text, month_text, day_text = match.groups()
        year, month, day = int(year_text), int(month_text) if month_text else None, int(day_text) if day_text else None
        try:
            datetime.date(year, month or 1, day or 1)
        except ValueError:
            raise ValueError(f"'{value}' is not a date that exists; {EXPECTED}") from None
        return cls(year, month, day)

    def __lt__(self, other: PartialDate) -> bool:
        # A month sorts before the days inside it: 2019-06 < 2019-06-17 < 2019-07.
        return self.sort_key < other.sort_key

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> datetime.date:
        month = self.month or 12
        return datetime.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def iso(self) -> str:
        """`2019-06` for a month, `2016-07-08` for a day."""
        parts = [f"{self.year:04d}"] + [f"{part:02d}" for part in (self.month, self.day) if part]
        return "-".join(parts)

    def display(self) -> str:
        """`8 July 2016`, `June 2019` or `2025`."""
        month = calendar.month_name[self.month] if self.month else ""
        if self.day:
            return f"{self.day} {month} {self.year}"
        return f"{month} {self.year}" if month else str(self.year)

    def __str__(self) -> str:
        return self.iso()

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(cls.parse, serialization=core_schema.to_string_ser_schema())

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        return dict(JSON_SCHEMA)


# What an editor may type: `2019-06-17`, `2019-06`, or a year, which YAML reads as a number.
JSON_SCHEMA: dict[str, Any] = {
    "type": ["string", "integer"],
    "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
    "minimum": 1000,
    "maximum": 9999,
    "description": "YYYY-MM-DD, or YYYY-MM when only the month is known, or YYYY",
}
