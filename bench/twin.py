"""The site's plain-Markdown twin: the same pages, nav, theme, extensions and CSS, without macros or hooks.

The twin is what `python -m eunato pages` writes (eunato/source.py): the real build is run once with
one more plugin that keeps, after the macros and hooks have done their work, each page's Markdown
(front matter included) and each file the hooks generate, and the settings the hooks computed (the
expanded nav, site_url, the glossary given to abbr). Building the twin therefore costs what MkDocs,
Material and Markdown cost for these pages; the difference from the real build is the data layer.
The pages differ only in their edit links (the twin's point at its own Markdown) and, for items the
navigation does not list, in the breadcrumb and neighbour links that the hook adds. Zensical builds
the same twin (the README's "Building with Zensical").

Beside the twin's mkdocs.yml, mkdocs-macros.yml is the same site with the macros plugin switched on
but given nothing to do: what the plugin itself costs.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from eunato.source import write_pages


def make_twin(project: Path, out: Path) -> Path:
    """Write the twin of the site in `project` to `out` (new, or written by this function before); its mkdocs.yml."""
    write_pages(project / "mkdocs.yml", out)
    twin_config = out / "mkdocs.yml"

    # The twin plus the macros plugin with nothing to run: what the plugin alone costs.
    plugin = next(
        p
        for p in yaml_load((project / "mkdocs.yml").read_text(encoding="utf-8"))["plugins"]
        if not isinstance(p, str) and "macros" in p
    )
    settings = yaml_load(twin_config.read_text(encoding="utf-8"))
    (out / "empty_macros.py").write_text("def define_env(env):\n    pass\n", encoding="utf-8")
    settings["plugins"].append({"macros": {**(plugin["macros"] or {}), "module_name": "empty_macros"}})
    (out / "mkdocs-macros.yml").write_text(
        yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return twin_config


if __name__ == "__main__":
    import sys

    print(make_twin(Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()))
