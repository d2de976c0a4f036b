"""mkdocs-macros entry point: load the record once per build and publish it to the pages.

`define_env` runs at the start of every build (each `mkdocs serve` rebuild too),
so an edited YAML file is read again; `hooks.py` takes the same `site` object, and the
same renderer to write the generated pages.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from eunato import DataError, load_site
from eunato.render import Renderer


def define_env(env):
    project = Path(env.project_dir)
    try:
        site = load_site(project / "data", root=project)
    except DataError as error:
        raise PluginError(error.report()) from None
    renderer = Renderer(site, Path(env.conf["docs_dir"]) / "templates")
    env.variables.update({"site": site, "renderer": renderer})

    @env.macro
    def render(template: str, kind: str | None = None, id: str | None = None) -> str:
        """`{{ render("action.md", kind="actions", id="2017-01") }}`: a template of docs/templates/ for this page."""
        return renderer.render(template, env.page.file.src_uri, kind=kind, id=id)
