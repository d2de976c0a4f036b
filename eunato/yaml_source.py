"""Read one YAML file into plain values plus the line of every node.

PyYAML alone is too forgiving for editors: it keeps the last of two equal keys,
turns `no` into False and `2016-02-30` into a traceback without a line. This
loader keeps dates as text (the model parses them), knows only `true`/`false`
as booleans, rejects duplicate keys, and records where each value sits so that
an error about `sources.2` can point at its line.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Location


class _Loader(yaml.SafeLoader):
    """SafeLoader without timestamps and without yes/no/on/off booleans."""


# The same rules on libyaml's parser, about five times faster; the pure-Python loader above only
# reads files that libyaml rejects, for its clearer messages. Without libyaml, both are the same.
class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]  # chosen at import
    """_Loader's rules on libyaml's parser."""


for _loader in (_Loader, _FastLoader):
    _loader.yaml_implicit_resolvers = {
        first: [
            (tag, regexp)
            for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
        ]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    _loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool",
        re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
        list("tTfF"),
    )


class YamlProblem(Exception):
    """A file that cannot be read as a YAML mapping."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class Document:
    """A YAML mapping and the 1-based line of every key, item and value in it."""

    data: dict[str, Any]
    lines: dict[Location, int] = field(default_factory=dict)
    text: str = ""  # the file as written, to find a sentence inside a long value

    def line_of(self, location: Location) -> int:
        """The line of `location`, or of its nearest ancestor that exists.

        A missing field therefore points at the mapping that lacks it.
        """
        for end in range(len(location), -1, -1):
            line = self.lines.get(tuple(location[:end]))
            if line is not None:
                return line
        return 1

    def line_of_text(self, location: Location, words: str) -> int:
        """The line, at or after `location`'s, where the text starting with `words` begins in the file."""
        start = self.line_of(location)
        wanted = " ".join(words.split()[:4])
        for number, line in enumerate(self.text.splitlines()[start - 1 :], start):
            if wanted and wanted in " ".join(line.split()):
                return number
        return start

    def scalars(self) -> Iterator[tuple[Location, Any]]:
        """Every value that is neither a mapping nor a list, with where it sits: `(("highlights", 0), "A sentence.")`."""
        return _scalars(self.data, ())


def _scalars(value: Any, location: Location) -> Iterator[tuple[Location, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _scalars(item, (*location, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _scalars(item, (*location, index))
    else:
        yield location, value


def read_document(path: Path) -> Document:
    """Parse `path`; raise YamlProblem with a line for anything that is not one mapping."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise YamlProblem(1, f"the file is not UTF-8 text ({error.reason}); save it as UTF-8") from None
    try:
        return _parsed(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        problem = " ".join(filter(None, [error.context, error.problem]))
        if error.context_mark and mark and error.context_mark.line != mark.line:
            problem += f" (what is unclosed or wrong started on line {error.context_mark.line + 1})"
        raise YamlProblem(
            line,
            f"YAML syntax error: {problem}; check the indentation, and put text that contains "
            "': ' or starts with a special character in quotes",
        ) from None


# `mkdocs serve` reads the whole record again after every save: a file whose text did not change is
# not parsed again. Documents are only read once made; the bound covers ten times the record.
@functools.lru_cache(maxsize=4096)
def _parsed(text: str) -> Document:
    try:
        return _parse(text, _FastLoader)
    except yaml.YAMLError:
        return _parse(text, _Loader)  # for its wording of the problem


def _parse(text: str, loader_class: type[yaml.SafeLoader]) -> Document:
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise YamlProblem(1, "the file is empty; expected a mapping of fields such as 'title: ...'")
        if not isinstance(root, yaml.MappingNode):
            found = "a list" if isinstance(root, yaml.SequenceNode) else "a single value"
            raise YamlProblem(
                root.start_mark.line + 1,
                f"the file holds {found}; expected a mapping of fields such as 'title: ...'",
            )
        document = Document(data={}, text=text)
        document.data = _build(loader, root, (), document.lines)
        return document
    finally:
        loader.dispose()


def _build(loader: yaml.SafeLoader, node: yaml.Node, location: Location, lines: dict[Location, int]) -> Any:
    lines.setdefault(location, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int)):
                raise YamlProblem(key_node.start_mark.line + 1, f"a key must be a plain word, found {key!r}")
            if key in mapping:
                raise YamlProblem(
                    key_node.start_mark.line + 1,
                    f"the key '{key}' appears twice in the same mapping; keep only one",
                )
            lines[(*location, key)] = key_node.start_mark.line + 1
            mapping[key] = _build(loader, value_node, (*location, key), lines)
        return mapping
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, (*location, index), lines) for index, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)
