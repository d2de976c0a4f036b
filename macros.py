"""mkdocs-macros entry point: load the record once per build and publish it to the pages.

`define_env` runs at the start of every build (each `mkdocs serve` rebuild too), so an edited YAML
file is read again. The renderer, the downloads and the charts are made here, once, from that
record; hooks.py takes the same objects to write the generated pages and add the files.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from eunato import DataError, figures, load_site, membership
from eunato import mkdocs_adapter as adapter
from eunato.chart_cache import charts_for
from eunato.cite import Citer, TextCache, cite_all
from eunato.exports import export_files, tables
from eunato.pages import generated_pages
from eunato.problems import print_github_annotations
from eunato.render import Renderer

log = logging.getLogger("mkdocs.plugins.eunato")


def define_env(env: Any) -> None:
    """Load and check the record, make what the pages need, and publish it as variables and one macro."""
    project = Path(env.project_dir)
    try:
        site = load_site(project / "data", root=project)
    except DataError as error:
        print_github_annotations(error.problems)
        raise PluginError(error.report()) from None
    for placeholder in site.placeholders:
        # A warning: `mkdocs serve` still shows the page being written, `mkdocs build --strict` stops.
        log.warning(str(placeholder))
    print_github_annotations(site.placeholders, "warning")
    # Work that only changes with its inputs is kept in .cache/ between builds (and serve rebuilds).
    cache = project / ".cache"
    downloads, charts = export_files(site), charts_for(site, cache=cache / "charts")
    # Every item page, and the record as a whole, cited in two styles and three formats.
    publication = adapter.publication(env.conf)
    with TextCache(cache / "citations.json") as texts:
        citer = Citer(site, env.conf["site_name"], publication.site_url, env.conf["site_description"] or "", texts)
        items = [(page.src_uri, page.title, page.description) for page in generated_pages(site) if page.item_id]
        cited, citation_files = cite_all(citer, items)
    templates = Path(env.conf["docs_dir"]) / "templates"
    # Published to every template: the downloads, the charts, the modules that compute what pages show,
    # each item page's citation and where the site is published (with its PDF and offline edition).
    published = {
        "downloads": downloads,
        "tables": tables(),
        "charts": charts,
        "figures": figures,
        "membership": membership,
        "cited": cited,
        "published": publication,
    }
    renderer = Renderer(site, templates, cache / "templates", **published)
    env.variables.update(
        {
            "site": site,
            "renderer": renderer,
            "downloads": downloads,
            "charts": charts,
            "citer": citer,
            "citation_files": citation_files,
            "published": publication,
        }
    )

    @env.macro
    def render(template: str) -> str:
        """`{{ render("blocks/coverage.md") }}`: a template of docs/templates/ for this hand-written page."""
        return adapter.render(renderer, template, env.page.file.src_uri)
