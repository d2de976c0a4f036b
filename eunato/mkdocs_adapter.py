"""The MkDocs adapter: the one module of the package that speaks MkDocs, Material and mkdocs-macros.

hooks.py and macros.py are its entry points. Everything else in the package produces plain values
(a `Site`, pages with their Markdown, files as bytes) that this module turns into MkDocs' own:
front matter for the macros plugin and for Material's tags, the navigation, generated `File`s with
their edit links, and the glossary for the abbr extension.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from jinja2 import TemplateError, TemplateNotFound
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from . import urls
from .cite import Citer
from .editions import Publication, media_type
from .kinds import KINDS, UnknownKind
from .pages import GeneratedPage, generated_pages
from .render import Renderer
from .site import Site

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

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
    """The site's own address: site_url, or the GitHub Pages address of repo_url (hooks.py sets it early,
    but macros.py runs before the hooks do)."""
    url = config.site_url or (config.repo_url and github_pages_url(config.repo_url))
    if not url:
        raise PluginError(
            "the Atom feed of progress reports needs the site's own address: set site_url in mkdocs.yml "
            "(it is derived from repo_url only for a GitHub repository); so do the citations of every page"
        )
    return url if url.endswith("/") else url + "/"


# --- Editions and citations ------------------------------------------------------------------

# The folder where `python -m eunato build` left the PDF and the offline edition for this build.
EDITIONS_FOLDER = "EUNATO_EDITIONS"


def publication(config: MkDocsConfig) -> Publication:
    """Where the site is published, whether this build is the offline edition, and the edition files it carries.

    The files come from the folder named by EUNATO_EDITIONS (set by `python -m eunato build`); without
    it (`make serve`, a plain `mkdocs build`), the pages say that `make build` makes them.
    """
    offline = is_offline(config)
    files: dict[str, Path] = {}
    folder = os.environ.get(EDITIONS_FOLDER)
    if folder and not offline:
        for path in (urls.PDF, urls.OFFLINE_ZIP):
            file = Path(folder) / posixpath.basename(path)
            if not file.is_file():
                raise PluginError(f"{EDITIONS_FOLDER}={folder} has no {file.name}; `python -m eunato build` makes it")
            files[path] = file
    return Publication(require_site_url(config), config.repo_url, offline, files)


def is_offline(config: MkDocsConfig) -> bool:
    """Whether Material's offline plugin is on: the offline edition (OFFLINE=true in mkdocs.yml)."""
    plugin = config.plugins.get("material/offline")
    return bool(plugin is not None and plugin.config.enabled)


def offline_scripts(config: MkDocsConfig) -> None:
    """The offline plugin loads its Web Worker shim from unpkg.com: the offline edition loads our copy."""
    if is_offline(config):
        polyfills = [url for url in config.extra.get("polyfills", []) if "iframe-worker" not in str(url)]
        config.extra["polyfills"] = [*polyfills, urls.IFRAME_WORKER]


def edition_files(config: MkDocsConfig, published: Publication) -> list[File]:
    """The PDF and the offline edition as files of the site, so the links to them are checked."""
    return [File.generated(config, path, abs_src_path=str(file)) for path, file in published.files.items()]


def head_metadata(page: Page, citer: Citer, published: Publication, downloads: dict[str, bytes]) -> None:
    """What reference managers and search engines read in a page's head (overrides/main.html writes it):
    Highwire Press `citation_*` tags, and schema.org JSON-LD; on the Open data page, the record as a Dataset."""
    src_uri = page.file.src_uri
    # The page's own title (its front matter's), not a shorter one the navigation may give it.
    title = str(page.meta.get("title") or page.title or "")
    work = citer.page(src_uri, title, str(page.meta.get("description", "")))
    pdf = published.online(urls.PDF) if urls.PDF in published.files else None
    front = src_uri in ("index.md", urls.DATA_PAGE)
    page.meta["citation_tags"] = citer.meta_tags(work, pdf_url=pdf if front else None)
    distribution = []
    if src_uri == urls.DATA_PAGE:
        paths = [urls.RECORD, *(path for path in downloads if path.endswith(".csv")), *published.files]
        names = {urls.PDF: "The whole record as one PDF", urls.OFFLINE_ZIP: "The offline edition of the site (zip)"}
        distribution = [
            (names.get(path, posixpath.basename(path)), published.online(path), media_type(path)) for path in paths
        ]
    page.meta["json_ld"] = citer.json_ld(work, distribution)


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
