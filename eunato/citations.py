"""Inline citations in prose, in Pandoc's syntax: `[@source-id]`, `[@one; @two]`, `[@id, para. 9]`.

    parse("Signed in Warsaw [@nato-2016-statement, para. 1].")
    # -> [Citation(start=17, end=49, refs=(Ref("nato-2016-statement", "para. 1"),))]

Any field of the model typed `Markdown` is prose and may cite; anything else is plain text and may
not. This module knows the syntax only: links.py finds the prose of a record, load.py checks the ids
cited, render.py turns citations into marks, and `python -m eunato check --uncited` lists the
paragraphs that carry none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A bracket that opens with @ is meant as a citation, well formed or not.
_CANDIDATE = re.compile(r"\[@[^\[\]]*\]")
_REF = re.compile(r"^@([a-z0-9]+(?:-[a-z0-9]+)*)(?:,\s*(\S.*))?$")
# A citation begun and never closed, or with its brackets broken inside.
_UNCLOSED = re.compile(r"\[@(?![^\[\]]*\])")


@dataclass(frozen=True)
class Ref:
    source_id: str
    locator: str = ""  # "para. 9", "p. 4"; empty when the whole document is meant


@dataclass(frozen=True)
class Citation:
    start: int  # where `[@` begins in the text
    end: int  # just after the closing `]`
    refs: tuple[Ref, ...]


class Malformed(ValueError):
    """Text that opens a citation with `[@` but does not follow the syntax."""

    def __init__(self, found: str):
        super().__init__(found)
        self.found = found


def parse(text: str) -> list[Citation]:
    """Every citation in `text`, in order; raises `Malformed` for the first that breaks the syntax."""
    unclosed = _UNCLOSED.search(text)
    if unclosed:
        raise Malformed(text[unclosed.start() : unclosed.start() + 40].split("\n", maxsplit=1)[0])
    found = []
    for match in _CANDIDATE.finditer(text):
        refs = []
        for part in match.group(0)[1:-1].split(";"):
            ref = _REF.match(part.strip())
            if not ref:
                raise Malformed(match.group(0))
            refs.append(Ref(ref[1], (ref[2] or "").strip()))
        found.append(Citation(match.start(), match.end(), tuple(refs)))
    return found


def strip(text: str) -> str:
    """The text without its citations, for a title, a description or a feed: `Signed [@x].` -> `Signed.`"""
    return re.sub(r"\s*\[@[^\[\]]*\]", "", text)


def has_citation(text: str) -> bool:
    return _CANDIDATE.search(text) is not None


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a prose text: blocks between blank lines, each list item apart; headings left out."""
    found = []
    for block in re.split(r"\n\s*\n", text):
        items = re.split(r"\n(?=\s*(?:[-*+]|\d+\.)\s)", block.strip())
        found += [item.strip() for item in items if item.strip() and not item.lstrip().startswith("#")]
    return found
