"""Templates in docs/templates/ -> Markdown for one page.

Data text is HTML-escaped on output (Markdown in it still works), and the text
a template returns is never parsed again as a template, so `{{ }}` written in a
YAML file shows literally. Links are relative `.md` paths, so MkDocs checks
each of them and they survive a change of URL scheme.
"""

from __future__ import annotations

import html
import posixpath
import re
from functools import partial
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from .dates import PartialDate
from .site import Site
from .timeline import timeline

SOURCES_PAGE = "sources.md"


def page_path(kind: str, item_id: str | None = None) -> str:
    """Where a page lives in the docs tree: `page_path("actions", "2017-01")` -> `actions/2017-01.md`."""
    return f"{kind}/{item_id}.md" if item_id else f"{kind}/index.md"


def plain(text: str, limit: int | None = None) -> str:
    """One line for an HTML attribute or a title: no Markdown markers, HTML escaped, no braces for the macros engine."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", " ".join(text.split()))
    text = re.sub(r"[*_`]", "", text)
    if limit and len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return html.escape(text).replace("{", "&#123;").replace("}", "&#125;")


class Renderer:
    """`Renderer(site, templates).render("action.md", "actions/2017-01.md", item=...)`"""

    def __init__(self, site: Site, templates: Path, compiled: Path | None = None, **extra: Any):
        """`extra` is published to every template beside `site`: the downloads, the charts.

        `compiled` keeps the compiled templates between builds (Jinja checks each against its source).
        """
        self.site = site
        if compiled is not None:
            compiled.mkdir(parents=True, exist_ok=True)
        self.env = Environment(
            loader=FileSystemLoader(templates),
            bytecode_cache=FileSystemBytecodeCache(str(compiled)) if compiled is not None else None,
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters.update(date=_date, cell=_cell, span=_span, count=count, size=_size)
        self.env.globals.update(site=site, timeline=partial(timeline, site), **extra)

    def render(self, template: str, page_uri: str, kind: str | None = None, id: str | None = None) -> str:
        """Render `template` for the page at `page_uri`; item pages name their item by kind and id."""
        context = {"item": self.site.get(kind, id)} if kind and id else {}
        return self.env.get_template(template).render(
            page_uri=page_uri,
            href=partial(self.href, page_uri),
            link=partial(self.link, page_uri),
            cite=partial(self.cite, page_uri),
            source_link=partial(self.source_link, page_uri),
            **context,
        )

    def href(self, page_uri: str, target: Any, anchor: str = "") -> str:
        """Relative path from `page_uri` to an item, or to a docs path such as `timeline.md`."""
        path = target if isinstance(target, str) else page_path(self.site.kind_of(target), target.id)
        # Both rooted at the docs folder, so relpath does not ask the system for the working directory.
        relative = posixpath.relpath(f"/{path}", f"/{posixpath.dirname(page_uri)}")
        return relative + (f"#{anchor}" if anchor else "")

    def link(self, page_uri: str, target: Any, text: str | None = None) -> Markup:
        label = text if text is not None else target.title
        return Markup(f"[{_link_text(label)}]({self.href(page_uri, target)})")

    def source_link(self, page_uri: str, source_id: str) -> Markup:
        """A short pointer to a source in the registry: `[NATO, 5 December 2017](../sources.md#...)`."""
        source = self.site.sources[source_id]
        label = source.issuer + (f", {source.date.display()}" if source.date else "")
        return Markup(f"[{_link_text(label)}]({self.href(page_uri, SOURCES_PAGE, source_id)})")

    def cite(self, page_uri: str, source_id: str, registry: bool = True) -> Markup:
        """A source as a reader cites it: title, issuer, number, date, address, linked to the registry."""
        source = self.site.sources[source_id]
        parts = [f"*{_link_text(source.title)}*", escape(source.issuer)]
        if source.number:
            parts.append(escape(source.number))
        if source.date:
            parts.append(source.date.display())
        text = ", ".join(str(part) for part in parts)
        if source.kind != "official":
            text += f" ({source.kind})"
        text += "."
        if source.note:
            text += f" {escape(source.note)}"
        if source.url:
            text += f' <a href="{escape(source.url)}">{escape(source.url)}</a>'
        if registry:
            text += f" [(in the source list)]({self.href(page_uri, SOURCES_PAGE, source_id)})"
        return Markup(text)


def tooltips(site: Site) -> dict[str, str]:
    """The glossary as Markdown's abbr extension takes it, so every acronym gets a tooltip wherever it appears."""
    return {term: " ".join(expansion.split()) for term, expansion in site.glossary.items()}


def _link_text(text: str) -> Markup:
    # Brackets would end the link text; a pipe would split a table cell.
    return Markup(str(escape(text)).replace("[", "\\[").replace("]", "\\]").replace("|", "&#124;"))


def _date(value: PartialDate | str | None, missing: str = "not known") -> str:
    if value is None:
        return missing
    return value if isinstance(value, str) else value.display()


def _span(start: PartialDate | None, end: PartialDate | str | None) -> str:
    """`since June 1999 (ongoing)`, `October 2008 to 15 December 2016`, `start not known, ongoing`."""
    if end == "ongoing":
        return f"since {start.display()} (ongoing)" if start else "ongoing; start not known"
    if start and end:
        return f"{start.display()} to {end.display()}"
    if start:
        return f"from {start.display()}; end not known"
    return f"until {end.display()}; start not known" if end else "not known"


def count(number: int, noun: str, plural: str | None = None) -> str:
    """`1 | count("action")` -> `1 action`; `2 | count("action")` -> `2 actions`."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def _size(content: bytes | str) -> str:
    """How much a file weighs: `640 bytes`, `36.6 kB`, `2.4 MB`."""
    size = len(content.encode("utf-8") if isinstance(content, str) else content)
    if size < 1000:
        return f"{size} bytes"
    return f"{size / 1000:.1f} kB" if size < 1_000_000 else f"{size / 1_000_000:.1f} MB"


def _cell(text: Any) -> Markup:
    """Data text safe inside a Markdown table cell: one line, pipes escaped."""
    return Markup(" ".join(str(escape(text)).split()).replace("|", "&#124;"))
