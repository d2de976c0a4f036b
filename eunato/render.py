"""Templates in docs/templates/ -> Markdown for one page.

Data text is HTML-escaped on output (Markdown in it still works), and the text a template returns
is never parsed again as a template, so `{{ }}` written in a YAML file shows literally. Links are
relative `.md` paths, so MkDocs checks each of them and they survive a change of URL scheme.
Templates only present: the figures they show come from Python (site.py, figures.py), and every
value is written as text by the filters of text.py.
"""

from __future__ import annotations

import posixpath
from functools import partial
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from . import text, urls
from .model import Item
from .site import Site


class Renderer:
    """`Renderer(site, templates).render("action.md", "actions/2017-01.md", kind="actions", item_id="2017-01")`"""

    def __init__(self, site: Site, templates: Path, compiled: Path | None = None, **extra: Any):
        """`extra` is published to every template beside `site`: the downloads, the charts, the figures.

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
        self.env.filters.update(
            date=text.date, span=text.span, count=text.count, share=text.share, size=text.size, cell=text.cell,
        )
        self.env.globals.update(site=site, urls=urls, **extra)

    def render(self, template: str, page_uri: str, kind: str | None = None, item_id: str | None = None) -> str:
        """Render `template` for the page at `page_uri`; item pages name their item by kind and id."""
        context = {"item": self.site.get(kind, item_id)} if kind and item_id else {}
        return self.env.get_template(template).render(
            page_uri=page_uri,
            href=partial(self.href, page_uri),
            link=partial(self.link, page_uri),
            cite=partial(self.cite, page_uri),
            source_link=partial(self.source_link, page_uri),
            **context,
        )

    def href(self, page_uri: str, target: Item | str, anchor: str = "") -> str:
        """Relative path from `page_uri` to an item, or to a docs path such as `timeline.md`."""
        path = target if isinstance(target, str) else urls.page_path(self.site.kind_of(target), target.id)
        # Both rooted at the docs folder, so relpath does not ask the system for the working directory.
        relative = posixpath.relpath(f"/{path}", f"/{posixpath.dirname(page_uri)}")
        return relative + (f"#{anchor}" if anchor else "")

    def link(self, page_uri: str, target: Any, label: str | None = None) -> Markup:
        shown = label if label is not None else target.title
        return Markup(f"[{text.link_text(shown)}]({self.href(page_uri, target)})")

    def source_link(self, page_uri: str, source_id: str) -> Markup:
        """A short pointer to a source in the registry: `[NATO, 5 December 2017](../sources.md#...)`."""
        source = self.site.sources[source_id]
        label = source.issuer + (f", {source.date.display()}" if source.date else "")
        return Markup(f"[{text.link_text(label)}]({self.href(page_uri, urls.SOURCES_PAGE, source_id)})")

    def cite(self, page_uri: str, source_id: str, registry: bool = True) -> Markup:
        """A source as a reader cites it: title, issuer, number, date, address, linked to the registry."""
        source = self.site.sources[source_id]
        parts = [f"*{text.link_text(source.title)}*", escape(source.issuer)]
        if source.number:
            parts.append(escape(source.number))
        if source.date:
            parts.append(source.date.display())
        cited = ", ".join(str(part) for part in parts)
        if source.kind != "official":
            cited += f" ({source.kind})"
        cited += "."
        if source.note:
            cited += f" {escape(source.note)}"
        if source.url:
            cited += f' <a href="{escape(source.url)}">{escape(source.url)}</a>'
        if registry:
            cited += f" [(in the source list)]({self.href(page_uri, urls.SOURCES_PAGE, source_id)})"
        return Markup(cited)
