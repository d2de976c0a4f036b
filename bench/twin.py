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

`python bench/twin.py PROJECT OUT --zensical ROUNDS` also builds the twin with MkDocs and with
Zensical (pinned in requirements-test.txt) in turn and prints the times: Zensical from a clean
cache (`--clean`, as a first build or CI) and again with its cache (as after an edit).
"""

from __future__ import annotations

import sys
from pathlib import Path

import measure
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


ZENSICAL = Path(sys.executable).with_name("zensical")


def zensical_against_mkdocs(twin_config: Path, rounds: int) -> list[dict[str, measure.Time]]:
    """The twin built by MkDocs and by Zensical (cold, then with its cache), rotating which goes first."""
    out = twin_config.parent
    builds = {
        "mkdocs": lambda: measure.build(twin_config, out / "site-mkdocs"),
        "zensical": lambda: measure.run([ZENSICAL, "build", "--clean", "-f", twin_config], cwd=out),
        "zensical, cached": lambda: measure.run([ZENSICAL, "build", "-f", twin_config], cwd=out),
    }
    for build in builds.values():
        build()  # warms the file cache and the .pyc files
    names = list(builds)
    times = []
    for n in range(rounds):
        # "zensical, cached" always right after "zensical", whose cache it reuses.
        order = names if n % 2 == 0 else names[1:] + names[:1]
        timed = {name: builds[name]() for name in order}
        times.append({name: timed[name] for name in names})
    return times


if __name__ == "__main__":
    twin = make_twin(Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve())
    print(twin)
    if len(sys.argv) > 4 and sys.argv[3] == "--zensical":
        times = zensical_against_mkdocs(twin, int(sys.argv[4]))
        print("| Round | " + " | ".join(f"{name} (wall / CPU)" for name in times[0]) + " |")
        for n, row in enumerate(times):
            print(f"| {n + 1} | " + " | ".join(f"{t.wall:.2f} s / {t.cpu:.2f} s" for t in row.values()) + " |")
        median = {name: measure.median([row[name] for row in times]) for name in times[0]}
        print("| median | " + " | ".join(f"{t.wall:.2f} s / {t.cpu:.2f} s" for t in median.values()) + " |")
        ratio = median["zensical"] / median["mkdocs"]
        print(f"Zensical / MkDocs, clean: {ratio.wall:.2f} wall, {ratio.cpu:.2f} CPU")
