"""The MkDocs adapter: the one module of the package that speaks MkDocs, Material and mkdocs-macros.

hooks.py and macros.py are its entry points. Everything else in the package produces plain values
(a `Site`, pages with their Markdown, files as bytes) that this module turns into MkDocs' own:
front matter for the macros plugin and for Material's tags, the navigation, generated `File`s with
their edit links, and the glossary for the abbr extension.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import posixpath
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from jinja2 import FileSystemBytecodeCache, FileSystemLoader, TemplateError, TemplateNotFound
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils.yaml import yaml_load
from mkdocs_macros import context

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

_log = logging.getLogger("mkdocs.plugins.eunato")
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


def keep_compiled_theme(env: Any, config: MkDocsConfig) -> None:
    """The theme's templates, compiled once and kept in .cache/theme: MkDocs makes a new Jinja environment
    for every build (and every `mkdocs serve` rebuild), which would compile Material's templates again.
    Jinja checks each kept template against its source, so an edited one is compiled anew."""
    if config.config_file_path:
        folder = Path(config.config_file_path).parent / ".cache" / "theme"
        folder.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(folder))


def list_theme_once(config: MkDocsConfig) -> None:
    """Every build, MkDocs lists the theme's files to copy its assets: some 14,500 for Material, nearly
    all of them the icons of its hidden `.icons` folder, which MkDocs then leaves out one by one. Here the
    theme's environment lists no hidden file or folder (MkDocs copies none), and lists an installed theme
    once per process (a `mkdocs serve` rebuild lists only the project's own overrides again)."""
    theme = config.theme
    make_env = theme.get_env
    project = theme.custom_dir

    def get_env() -> Any:
        env = make_env()
        env.loader = _ThemeLoader(theme.dirs, project)
        return env

    theme.get_env = get_env  # type: ignore[method-assign]


_THEME_FILES: dict[str, list[str]] = {}  # an installed theme's folder -> its files, not hidden


class _ThemeLoader(FileSystemLoader):
    def __init__(self, folders: list[str], project: str | None) -> None:
        super().__init__(folders)
        self.project = project

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for folder in self.searchpath:
            if folder == self.project or folder not in _THEME_FILES:
                _THEME_FILES[folder] = _visible_files(folder)
            found.update(_THEME_FILES[folder])
        return sorted(found)


def _visible_files(folder: str) -> list[str]:
    names = []
    for parent, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        relative = Path(parent).relative_to(folder)
        names += [(relative / name).as_posix() for name in files if not name.startswith(".")]
    return names


# --- Files --------------------------------------------------------------------------------


def page_files(config: MkDocsConfig, site: Site, renderer: Renderer) -> list[File]:
    """One generated file per page, its edit button opening the YAML file (or template) it comes from."""
    files = []
    for page in generated_pages(site):
        inclusion = InclusionLevel.INCLUDED if page.listed else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, page.src_uri, content=markdown(page, renderer), inclusion=inclusion)
        rebuilds(config).titles[page.src_uri] = page.title
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


# --- Rebuilding only what changed ---------------------------------------------------------
# `make serve` runs `mkdocs serve --dirty`: each rebuild after a save renders again only the pages
# whose File says it is modified. A generated page is held in memory, so MkDocs would take it as
# always modified; here a page is modified when its inputs differ from those of the HTML last
# written for it: its Markdown (for a hand-written page, as its macros render it from the record),
# its title, its neighbours and section, and what every page shows (the navigation with its titles,
# the settings, the glossary, the hand-written pages and the theme's overrides). The topics page is
# always rendered: the tags plugin makes its list, which every page's topic links need, only then.
# What a skipped page gives the others is restored from the last build: its title and front matter
# (the navigation, the topics page) and its entries in the search index. Downloads, charts and the feed, also
# held in memory, are written again only when their content changed.


class Rebuilds:
    """What this process last wrote for one site folder: each page's fingerprint and search entries."""

    def __init__(self) -> None:
        self.titles: dict[str, str] = {}  # generated page -> its title, from the record
        self.fingerprints: dict[str, str] = {}  # page -> the fingerprint of its inputs in this build
        self.written: dict[str, str] = {}  # page -> the fingerprint of the HTML in the site folder
        self.destinations: dict[str, str] = {}  # generated page or download -> its file in the site folder
        self.pages: list[str] = []  # this build's pages, in order
        self.skipped: set[str] = set()  # pages this build does not render
        self.search: dict[str, list[dict[str, Any]]] = {}  # page -> its entries in the search index
        self.copied: dict[str, str] = {}  # download, chart or feed -> the digest of the file in the site folder
        self.copying: dict[str, str] = {}  # the same, for this build's files, kept once the build is done
        self.indexed = 0  # entries of this build's search index already assigned to a page


_REBUILDS: dict[str, Rebuilds] = {}


def rebuilds(config: MkDocsConfig) -> Rebuilds:
    return _REBUILDS.setdefault(config.site_dir, Rebuilds())


# MkDocs looks at the watched folders every half second, so a save waited on average a quarter of a
# second before the rebuild began. Looking at the record ten times a second costs a snapshot of its
# folder each time: 1.6 ms of stat calls for the record's 130 files, 7 ms at ten times its size.
POLL_SECONDS = 0.1


def poll_often(server: Any) -> None:
    """Under `mkdocs serve` (on_serve): the folders watched from now on (mkdocs.yml's `watch`, the
    record among them) are looked at every POLL_SECONDS. MkDocs sets no other interval, and its server
    schedules those folders after this event, with its observer's timeout."""
    server.observer._timeout = POLL_SECONDS  # watchdog's BaseObserver has no setter


def git_once() -> None:
    """mkdocs-macros runs git thirteen times at every build for its `git` variable (no page here uses
    it): under `mkdocs serve`, once per process, since a commit changes no page."""
    context.get_git_info = functools.cache(context.get_git_info)


def quiet_dirty_warning() -> None:
    """MkDocs warns on every dirty build that its navigation may be wrong; here it is not (see above)."""
    logging.getLogger("mkdocs.commands.build").addFilter(
        lambda record: not record.getMessage().startswith("A 'dirty' build is being performed")
    )


def mark_unchanged(files: Files, config: MkDocsConfig) -> None:
    """Tell MkDocs which pages need no rendering: those whose inputs are those of the HTML already
    written for them. Run once the navigation is complete (on_nav)."""
    state = rebuilds(config)
    state.indexed, state.skipped, state.copying = 0, set(), {}
    pages = [file for file in files.documentation_pages() if file.page is not None]
    state.pages = [file.src_uri for file in pages]
    everywhere = _shown_on_every_page(config, files, state)
    macros: Any = config.plugins["macros"]
    for file in pages:
        page: Any = file.page
        if file.generated_by:
            markdown = file.content_string
        else:
            # A hand-written page shows what its macros render from the record.
            page.read_source(config)
            markdown = macros.on_page_markdown(page.markdown, page=page, config=config, files=files)
            if "<!-- material/tags" in markdown:
                # The topics page: its list of topics is what makes every page's topics links,
                # and the tags plugin makes that list only while rendering it.
                file.is_modified = _modified  # type: ignore[method-assign]
                continue
        digest = hashlib.sha256(everywhere.encode())
        for part in (
            markdown,
            page.title or "",
            *(_neighbour(other, state) for other in (page.previous_page, page.next_page)),
            *(ancestor.title or "" for ancestor in page.ancestors),
        ):
            digest.update(b"\0" + part.encode())
        fingerprint = state.fingerprints[file.src_uri] = digest.hexdigest()
        unchanged = state.written.get(file.src_uri) == fingerprint
        file.is_modified = _unmodified if unchanged else _modified  # type: ignore[method-assign]
        if unchanged:
            state.skipped.add(file.src_uri)
            if file.generated_by:
                page.read_source(config)  # its title and front matter, for the other pages
    for file in files:
        if file.generated_by and not file.is_documentation_page():
            # A download, chart or feed: written again only when its content changed.
            content = state.copying[file.src_uri] = hashlib.sha256(file.content_bytes).hexdigest()
            if state.copied.get(file.src_uri) == content and os.path.isfile(file.abs_dest_path):
                file.is_modified = _unmodified  # type: ignore[method-assign]
    made = {file.src_uri: file.abs_dest_path for file in files if file.generated_by}
    for gone in set(state.destinations) - set(made):
        # An item deleted or renamed: its page and downloads go from the site folder too.
        Path(state.destinations[gone]).unlink(missing_ok=True)
        state.written.pop(gone, None)
    state.destinations = made


def _modified() -> bool:
    return True


def _unmodified() -> bool:
    return False


def _shown_on_every_page(config: MkDocsConfig, files: Files, state: Rebuilds) -> str:
    """A digest of what every page shows or is made with, besides its own Markdown."""
    digest = hashlib.sha256()
    listed = [
        (file.src_uri, state.titles.get(file.src_uri, ""))
        for file in files.documentation_pages()
        if file.inclusion.is_in_nav()
    ]
    settings = (
        config.nav,
        listed,
        config.mdx_configs,
        config.copyright,
        config.site_url,
        config.repo_url,
        config.theme.get("features"),
        config.extra,
    )
    digest.update(repr(settings).encode())
    for folder in (config.docs_dir, *(config.theme.dirs[:1] if config.theme.custom_dir else [])):
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                digest.update(f"\0{path}\0".encode() + path.read_bytes())
    if config.config_file_path:
        digest.update(Path(config.config_file_path).read_bytes())
    return digest.hexdigest()


def _neighbour(page: Any, state: Rebuilds) -> str:
    if page is None:
        return ""
    return f"{page.file.src_uri}\0{state.titles.get(page.file.src_uri) or page.title or ''}"


def note_written(page: Any, config: MkDocsConfig) -> None:
    """After a page is rendered (on_post_page): its HTML now stands for these inputs."""
    state = rebuilds(config)
    if page.file.src_uri in state.fingerprints:
        state.written[page.file.src_uri] = state.fingerprints[page.file.src_uri]


def note_search_entries(page: Any, config: MkDocsConfig) -> None:
    """After the search plugin has indexed a page (on_page_context): keep its entries for the builds that skip it."""
    plugin = _search_plugin(config)
    if plugin is None:
        return
    entries = plugin.search_index.entries
    state = rebuilds(config)
    state.search[page.file.src_uri] = entries[state.indexed :]
    state.indexed = len(entries)


def note_copied(config: MkDocsConfig) -> None:
    """Once a build is done (on_post_build): the downloads, charts and feed it wrote are in the site folder."""
    state = rebuilds(config)
    state.copied = state.copying


def complete_search_index(config: MkDocsConfig) -> None:
    """Before the search index is written (on_post_build): the pages skipped keep their entries of the last
    build, in the order of a full build."""
    plugin = _search_plugin(config)
    if plugin is None:
        return
    state = rebuilds(config)
    plugin.search_index.entries = [entry for src_uri in state.pages for entry in state.search.get(src_uri, [])]
    plugin.search_index_prev = None  # Material's own merging assumes that one page changed
    rendered = len(state.pages) - len(state.skipped)
    _log.info(f"Rendered {rendered} of {len(state.pages)} pages; the inputs of the others did not change")
    _log.debug("Rendered: " + ", ".join(uri for uri in state.pages if uri not in state.skipped))


def complete_tags(files: Files, config: MkDocsConfig) -> None:
    """Before the tags plugin lists pages by topic (on_env): the pages skipped are listed too, in page order."""
    plugin = config.plugins.get("material/tags")
    state = rebuilds(config)
    if plugin is None or not state.skipped:
        return
    mappings = plugin.mappings
    found = dict(mappings.data)
    mappings.data = {}
    for file in files.documentation_pages():
        page = file.page
        if page is None:
            continue
        if file.src_uri in state.skipped:
            mappings.add(page, page.markdown or "")
        elif page.url in found:
            mappings.data[page.url] = found[page.url]


def _search_plugin(config: MkDocsConfig) -> Any:
    return config.plugins.get("material/search") or config.plugins.get("search")


# --- The site's source as plain files (python -m eunato pages) --------------------------------
# A real build, with one more plugin that runs after the macros and the hooks: it keeps each page's
# final Markdown with its front matter, every file the build copies or generates (assets, downloads,
# charts, the feed), and the settings the hooks computed. What it writes needs neither macros nor
# hooks: MkDocs with Material builds it, and so does Zensical, which reads mkdocs.yml.

SOURCE_HEADER = (
    "# Written by `python -m eunato pages` from the record in data/: do not edit, write it again.\n"
    "# Build it with `mkdocs build` or `zensical build`; the eunato.captions extension needs the eunato\n"
    "# package importable (the project's requirements.txt installs it).\n"
)


def write_source(config_file: Path, folder: Path) -> int:
    """Build the site of `config_file` with --strict and write its source into `folder`: `docs/` (pages
    and files), `overrides/` (the theme's templates) and `mkdocs.yml`; the number of pages.

    A problem in the record or a template raises PluginError, a warning Abort (both MkDocsException)."""
    docs = folder / "docs"
    with tempfile.TemporaryDirectory(prefix="eunato-site-") as site_dir:
        config = load_config(str(config_file), site_dir=site_dir, strict=True)
        capture = _Capture(docs)
        config.plugins["eunato-source"] = capture
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()

    settings = yaml_load(config_file.read_text(encoding="utf-8"))
    for key in ("hooks", "watch"):  # only the hooks and the macros use them
        settings.pop(key, None)
    settings["plugins"] = [entry for entry in settings.get("plugins", []) if _plugin_name(entry) != "macros"]
    settings.update(capture.settings)
    theme = settings.get("theme", {})
    if isinstance(theme, dict) and theme.get("custom_dir"):
        # The theme's templates; its Python (hooks) stays behind, as no hook runs on this source.
        shutil.copytree(config_file.parent / theme["custom_dir"], folder / "overrides", ignore=_python)
        theme["custom_dir"] = "overrides"
    text = yaml.dump(settings, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)
    (folder / "mkdocs.yml").write_text(SOURCE_HEADER + text, encoding="utf-8")
    return capture.pages


def _plugin_name(entry: Any) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def _python(folder: str, names: list[str]) -> list[str]:
    return [name for name in names if name.endswith(".py") or name == "__pycache__"]


class _Capture(BasePlugin):
    """Runs after the other plugins and hooks of each event (the tags plugin aside), and keeps what they made."""

    def __init__(self, docs: Path) -> None:
        self.docs = docs
        self.settings: dict[str, Any] = {}
        self.markdown: dict[str, str] = {}
        self.pages = 0

    @event_priority(-1000)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """The settings the hooks computed: the expanded navigation, the glossary for abbr, site_url."""
        self.settings = {
            "site_url": config.site_url,
            "copyright": config.copyright,
            "nav": config.nav,
            "markdown_extensions": [
                {name: config.mdx_configs[name]} if name in config.mdx_configs else name
                for name in config.markdown_extensions
            ],
            "extra": dict(config.extra),
        }
        return config

    @event_priority(-1000)
    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        """The static files of docs/ and every file the hooks generated; not the theme's own."""
        docs_dir = Path(config.docs_dir)
        unlisted = [f"/{file.src_uri}" for file in files.documentation_pages() if file.inclusion.is_not_in_nav()]
        if unlisted:  # pages left out of the navigation on purpose, so a strict build does not warn
            self.settings["not_in_nav"] = "\n".join(unlisted) + "\n"
        for file in files:
            if file.is_documentation_page() or not file.inclusion.is_included():
                continue
            if file.generated_by or Path(file.abs_src_path or "").is_relative_to(docs_dir):
                self._write(file.src_uri, file.content_bytes)
        return env

    # After the macros (0), before Material's tags plugin (-50) turns its `<!-- material/tags -->` into its own marks.
    @event_priority(-40)
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.markdown[page.file.src_uri] = markdown
        return markdown

    @event_priority(-1000)  # after hooks.py has put the citation metadata in page.meta
    def on_page_context(self, context: Any, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        """The page's final Markdown, with its front matter as the theme reads it (the head metadata too)."""
        meta = dict(page.meta)  # render_macros: false stays, so a macros plugin would still leave the page alone
        if "citation_tags" in meta:
            meta["citation_tags"] = [list(tag) for tag in meta["citation_tags"]]
        front = f"---\n{yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)}---\n\n" if meta else ""
        self._write(page.file.src_uri, (front + self.markdown[page.file.src_uri]).encode())
        self.pages += 1
        return context

    def _write(self, src_uri: str, content: bytes) -> None:
        target = self.docs / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
