"""The site's plain-Markdown twin: the same pages, nav, theme, extensions and CSS, without macros or hooks.

The real build is run once with one more plugin that, after the macros and hooks have done their
work, writes each page's Markdown (front matter included) and each file the hooks generate out as
static files, and notes the nav, site_url and Markdown extension settings (the glossary) that the
hooks computed. Building the twin therefore costs what MkDocs, Material and Markdown cost for these
pages; the difference from the real build is the data layer. The pages differ only in their edit
links (the twin's point at its own Markdown) and, for items the navigation does not list, in the
breadcrumb and neighbour links that the hook adds.

Beside the twin's mkdocs.yml, mkdocs-macros.yml is the same site with the macros plugin switched on
but given nothing to do: what the plugin itself costs.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.utils.yaml import yaml_load


class Capture(BasePlugin):
    """Writes every page's final Markdown to `docs`; runs after all other plugins and hooks."""

    def __init__(self, docs: Path):
        self.docs = docs
        self.nav: list = []
        self.site_url = ""
        self.extensions: list = []

    @event_priority(-100)
    def on_config(self, config):
        self.nav, self.site_url = config.nav, config.site_url
        self.extensions = [
            {name: config.mdx_configs[name]} if name in config.mdx_configs else name
            for name in config.markdown_extensions
        ]
        return config

    @event_priority(-100)
    def on_files(self, files, config):
        # Files the hooks make (downloads, images, feeds...) become static files of the twin.
        for file in files:
            if file.generated_by and not file.is_documentation_page():
                target = self.docs / file.src_uri
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(file.content_bytes)
        return files

    @event_priority(-100)
    def on_page_markdown(self, markdown, page, config, files):
        target = self.docs / page.file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        front = f"---\n{yaml.safe_dump(page.meta, allow_unicode=True, sort_keys=False)}---\n\n" if page.meta else ""
        target.write_text(front + markdown, encoding="utf-8")
        return markdown


def make_twin(project: Path, out: Path) -> Path:
    """Write the twin of the site in `project` to `out`; return its mkdocs.yml."""
    if out.exists():
        shutil.rmtree(out)
    docs = out / "docs"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(out / "site"))
    capture = Capture(docs)
    config.plugins["bench-capture"] = capture
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    shutil.rmtree(out / "site")

    source_docs = project / config.docs_dir if not Path(config.docs_dir).is_absolute() else Path(config.docs_dir)
    for path in source_docs.rglob("*"):
        if path.is_file() and path.suffix != ".md":
            (docs / path.relative_to(source_docs)).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, docs / path.relative_to(source_docs))

    with open(project / "mkdocs.yml", encoding="utf-8") as file:
        settings = yaml_load(file)
    for key in ("hooks", "watch"):
        settings.pop(key, None)
    settings["plugins"] = [p for p in settings["plugins"] if (p if isinstance(p, str) else next(iter(p))) != "macros"]
    settings["nav"] = capture.nav
    settings["site_url"] = capture.site_url
    settings["markdown_extensions"] = capture.extensions
    if settings.get("theme", {}).get("custom_dir"):
        settings["theme"]["custom_dir"] = str((project / settings["theme"]["custom_dir"]).resolve())
    twin_config = out / "mkdocs.yml"
    twin_config.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")

    # The twin plus the macros plugin with nothing to run: what the plugin alone costs.
    plugin = next(
        p
        for p in yaml_load((project / "mkdocs.yml").read_text(encoding="utf-8"))["plugins"]
        if not isinstance(p, str) and "macros" in p
    )
    (out / "empty_macros.py").write_text("def define_env(env):\n    pass\n", encoding="utf-8")
    settings["plugins"].append({"macros": {**(plugin["macros"] or {}), "module_name": "empty_macros"}})
    (out / "mkdocs-macros.yml").write_text(
        yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return twin_config


if __name__ == "__main__":
    import sys

    print(make_twin(Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()))
