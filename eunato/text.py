"""How values are written as text, once for the pages, the charts, the downloads and the command line.

    count(2, "action")              -> "2 actions"
    date(PartialDate.parse("2019-06"))   -> "June 2019"
    span(start, "ongoing")          -> "since June 1999 (ongoing)"
    share(3, 4)                     -> "75%"
    size(b"x" * 2400)               -> "2.4 kB"

Templates get these as filters (render.py); nothing else formats a count, a date or a share.
"""

from __future__ import annotations

import html
import re
from typing import Any

from markupsafe import Markup, escape

from . import citations
from .dates import PartialDate


def natural_key(value: str) -> tuple[str | int, ...]:
    """Sort '2' before '10': `sorted(ids, key=natural_key)`."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", value))


def count(number: int, noun: str, plural: str | None = None) -> str:
    """`count(1, "action")` -> `1 action`; `count(2, "action")` -> `2 actions`; `count(2, "analysis", "analyses")`."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def date(value: PartialDate | str | None, missing: str = "not known") -> str:
    """A date as precise as the sources: `8 July 2016`, `June 2019`, `2025`; `ongoing` as it is."""
    if value is None:
        return missing
    return value if isinstance(value, str) else value.display()


def on(value: PartialDate) -> str:
    """A date with the preposition English gives it: `on 8 July 2016`, `in June 2019`, `in 2025`."""
    return f"{'on' if value.day else 'in'} {value.display()}"


def span(start: PartialDate | None, end: PartialDate | str | None) -> str:
    """`since June 1999 (ongoing)`, `October 2008 to 15 December 2016`, `start not known, ongoing`."""
    if end == "ongoing":
        return f"since {start.display()} (ongoing)" if start else "ongoing; start not known"
    if start and end:
        return f"{start.display()} to {date(end)}"
    if start:
        return f"from {start.display()}; end not known"
    return f"until {date(end)}; start not known" if end else "not known"


def share(part: int, whole: int | None) -> str:
    """`share(3, 4)` -> `75%`; a dash where the whole is not known or zero."""
    return f"{part / whole:.0%}" if whole else "—"


def size(content: bytes | str | int) -> str:
    """How much a file weighs (its content, or its length in bytes): `640 bytes`, `36.6 kB`, `2.4 MB`."""
    if isinstance(content, int):
        length = content
    else:
        length = len(content.encode("utf-8") if isinstance(content, str) else content)
    if length < 1000:
        return f"{length} bytes"
    return f"{length / 1000:.1f} kB" if length < 1_000_000 else f"{length / 1_000_000:.1f} MB"


def cell(value: Any) -> Markup:
    """Data text safe inside a Markdown table cell: one line, HTML escaped, pipes escaped."""
    return Markup(" ".join(str(escape(value)).split()).replace("|", "&#124;"))


def link_text(value: str) -> Markup:
    """Data text safe as the text of a Markdown link, in a table cell too."""
    # Brackets would end the link text; a pipe would split a table cell.
    return Markup(str(escape(value)).replace("[", "\\[").replace("]", "\\]").replace("|", "&#124;"))


def plain(value: str, limit: int | None = None) -> str:
    """One line for an HTML attribute or a title: no Markdown markers, HTML escaped, no braces for the macros engine."""
    value = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", " ".join(citations.strip(value).split()))
    value = re.sub(r"[*_`]", "", value)
    if limit and len(value) > limit:
        value = value[: limit - 1].rsplit(" ", 1)[0] + "…"
    return html.escape(value).replace("{", "&#123;").replace("}", "&#125;")
