"""The MkDocs adapter: the one module of the package that speaks MkDocs, Material and mkdocs-macros.

hooks.py and macros.py are its entry points. Everything else in the package produces plain values
(a `Site`, pages with their Markdown, files as bytes) that this module turns into MkDocs' own:
front matter for the macros plugin and for Material's tags, the navigation, generated `File`s with
their edit links, and the glossary for the abbr extension.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import yaml
from jinja2 import TemplateError, TemplateNotFound
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from . import urls
from .kinds import KINDS, UnknownKind
from .pages import GeneratedPage, generated_pages
from .render import Renderer
from .site import Site

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's, when PyYAML has it: many times faster


def published(config: MkDocsConfig) -> dict[str, Any]:
    """What macros.py published for this build: the site, its renderer, downloads and charts."""
    plugin = config.plugins.get("macros")
    if plugin is None:
        raise PluginError(
            "hooks.py needs the mkdocs-macros plugin, which loads the record: add `- macros: {module_name: macros}` "
            "under `plugins:` in mkdocs.yml (before the hooks run)"
        )
    return plugin.variables


def site_of(config: MkDocsConfig) -> Site:
    return published(config)["site"]


# --- Configuration ------------------------------------------------------------------------


def navigation(nav: list[Any], site: Site) -> list[Any]:
    """Expand each `Title: <kind>/index.md` entry of mkdocs.yml into a section: the index, then each item if listed.

    Every kind needs its entry; a kind without one stops the build with the line to add.
    """
    expanded = _expand(nav, site)
    listed = set(_targets(expanded))
    for kind in KINDS:
        if urls.page_path(kind.name) not in listed:
            raise PluginError(
                f"mkdocs.yml: the navigation has no entry for the kind '{kind.name}'; "
                f"expected a line such as `- {kind.title}: {urls.page_path(kind.name)}` under nav:"
            )
    return expanded


def _targets(nav: list[Any]) -> list[str]:
    found: list[str] = []
    for entry in nav:
        values = entry.values() if isinstance(entry, dict) else [entry]
        for value in values:
            found += _targets(value) if isinstance(value, list) else [value]
    return found


def _expand(nav: list[Any], site: Site) -> list[Any]:
    expanded = []
    for entry in nav:
        if isinstance(entry, dict) and len(entry) == 1:
            ((title, target),) = entry.items()
            kind = next((k for k in KINDS if target == urls.page_path(k.name)), None)
            if kind:
                items = site.items(kind.name) if kind.in_nav else []
                expanded.append({title: [target, *(urls.page_path(kind.name, item.id) for item in items)]})
                continue
            if isinstance(target, list):
                expanded.append({title: _expand(target, site)})
                continue
        expanded.append(entry)
    return expanded


def copyright_line(written: str | None, site: Site) -> str:
    """mkdocs.yml's copyright line with the record's edition, so every page says what edition it shows."""
    edition = f"Edition {site.edition.version} of {site.edition.date.display()}." if site.edition else ""
    return " ".join(part for part in (written, edition) if part)


def tooltips(site: Site) -> dict[str, str]:
    """The glossary as Markdown's abbr extension takes it, so every acronym gets a tooltip wherever it appears."""
    return {term: " ".join(expansion.split()) for term, expansion in site.glossary.items()}


def github_pages_url(repo_url: str) -> str | None:
    """`https://github.com/owner/name` is published at `https://owner.github.io/name/`.

    The repository `owner/owner.github.io` is the owner's own site, at `https://owner.github.io/`.
    """
    match = re.match(r"^https://github\.com/([^/]+)/([^/]+?)(?:\.git)?/?$", repo_url)
    if not match:
        return None
    owner, name = match[1].lower(), match[2]
    return (
        f"https://{owner}.github.io/" if name.lower() == f"{owner}.github.io" else f"https://{owner}.github.io/{name}/"
    )


# --- Files --------------------------------------------------------------------------------


def page_files(config: MkDocsConfig, site: Site, renderer: Renderer) -> list[File]:
    """One generated file per page, its edit button opening the YAML file (or template) it comes from."""
    files = []
    for page in generated_pages(site):
        inclusion = InclusionLevel.INCLUDED if page.listed else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, page.src_uri, content=markdown(page, renderer), inclusion=inclusion)
        # Relative to edit_uri (which points at docs/), so the edit button opens the YAML file.
        file.edit_uri = posixpath.relpath(page.source, "docs")
        files.append(file)
    return files


def markdown(page: GeneratedPage, renderer: Renderer) -> str:
    """The page as MkDocs reads it: front matter, then the Markdown its template renders."""
    # The macros engine leaves the page alone: nothing from YAML reaches it as template code.
    front: dict[str, Any] = {"title": page.title, "render_macros": False}
    if page.description:
        front["description"] = page.description
    if page.tags:
        front["tags"] = list(page.tags)  # the topics' titles, for Material's tags plugin
    body = render(renderer, page.template, page.src_uri, page.kind, page.item_id)
    return f"---\n{yaml.dump(front, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)}---\n\n{body}"


def render(
    renderer: Renderer, template: str, page_uri: str, kind: str | None = None, item_id: str | None = None
) -> str:
    """A template rendered for a page; a mistake in a template stops the build with a message naming both."""
    try:
        return renderer.render(template, page_uri, kind=kind, item_id=item_id)
    except TemplateNotFound as error:
        raise PluginError(
            f"docs/templates/{error.name} is missing (needed for {page_uri}); expected a template for each kind: "
            "<kind>.md for its index page and <singular>.md for one item, as kinds.py names them"
        ) from None
    except (TemplateError, UnknownKind, KeyError, AttributeError) as error:
        raise PluginError(f"docs/templates/{template}, rendering {page_uri}: {type(error).__name__}: {error}") from None


def data_files(config: MkDocsConfig, contents: dict[str, bytes | str]) -> list[File]:
    """Downloads, charts, the feed: each at its path in the site, checked like pages by MkDocs' link validation."""
    return [File.generated(config, path, content=content) for path, content in contents.items()]


def page_url(files: Files) -> Callable[[str], str]:
    """`page_url(files)("reports/x.md")` -> the page's address within the site, as MkDocs made it."""

    def url(src_uri: str) -> str:
        file = files.get_file_from_path(src_uri)
        if file is None:
            raise PluginError(f"no page at {src_uri}")
        return file.url

    return url


def require_site_url(config: MkDocsConfig) -> str:
    if not config.site_url:
        raise PluginError(
            "the Atom feed of progress reports needs the site's own address: set site_url in mkdocs.yml "
            "(it is derived from repo_url only for a GitHub repository)"
        )
    return config.site_url


# --- Navigation -------------------------------------------------------------------------


def place_unlisted(files: Files, site: Site) -> None:
    """An item left out of the navigation still sits in its kind's section (breadcrumbs, highlighted
    entry), and its footer leads to the items before and after it."""

    def page(src_uri: str) -> Any:
        return files.get_file_from_path(src_uri).page  # type: ignore[union-attr]

    for kind in KINDS:
        if kind.in_nav:
            continue
        section = page(urls.page_path(kind.name)).parent
        for item in site.items(kind.name):
            this = page(urls.page_path(kind.name, item.id))
            before, after = site.neighbours(kind.name, item.id)
            this.parent = section
            this.previous_page = before and page(urls.page_path(kind.name, before.id))
            this.next_page = after and page(urls.page_path(kind.name, after.id))
