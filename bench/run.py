"""`make bench`: what the data layer costs, how the build scales, how heavy and fast the pages are.

Machines are noisy, so a time is only ever compared with another taken side by side in the same run:
the real build against its plain-Markdown twin (alternating), the 1x, 5x and 10x records in turn.
Writes every figure, with the machine and the versions, to bench/RESULTS.md and prints it.

    .venv/bin/python bench/run.py --baseline 026c42f   # what make bench runs (README: how long)
    .venv/bin/python bench/run.py --quick    # fewer repetitions, for trying a change
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import gzip
import importlib.metadata
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import edits
import lighthouse
import measure
import synthetic
import versions as versions_
from measure import PYTHON, Time
from serve import serve

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "RESULTS.md"
FACTORS = (1, 5, 10)
PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "Markdown", "Jinja2", "pydantic", "PyYAML")


class Report:
    """The figures and sections of each step, and how each step's were measured (bench/results.json keeps them,
    so that `--keep` can measure some steps again and keep the others' figures)."""

    def __init__(self) -> None:
        self.step = ""  # the step running: what it reports is filed under it
        self.rows: list[dict[str, str]] = []  # step, what, measured, target, met
        self.sections: list[dict[str, str]] = []  # step, text
        self.runs: dict[str, dict[str, str]] = {}  # step -> how it was measured: the command, day, minutes, load

    def figure(self, what: str, measured: str, target: str = "", met: bool | None = None) -> None:
        met_text = "" if met is None else ("yes" if met else "**no**")
        self.rows.append({"step": self.step, "what": what, "measured": measured, "target": target, "met": met_text})

    def section(self, title: str, *lines: str) -> None:
        self.sections.append({"step": self.step, "text": "\n".join([f"## {title}", "", *lines])})

    def keep(self, previous: Report, steps: list[str]) -> None:
        """The figures of `previous` for the steps not run this time, in the order of STEPS."""
        kept = [step for step in previous.runs if step not in steps]
        self.runs = {step: previous.runs[step] for step in kept} | self.runs
        self.rows = [row for row in previous.rows if row["step"] in kept] + self.rows
        self.sections = [section for section in previous.sections if section["step"] in kept] + self.sections
        order = {step: n for n, step in enumerate(STEPS)}
        self.rows.sort(key=lambda row: order.get(row["step"], -1))
        self.sections.sort(key=lambda section: order.get(section["step"], -1))

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(vars(self), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Report:
        report = cls()
        if path.exists():
            report.__dict__.update(json.loads(path.read_text(encoding="utf-8")))
        return report

    def markdown(self, machine: str) -> str:
        commands: dict[str, list[str]] = {}
        for step, run in self.runs.items():
            commands.setdefault(f"`{run['command']}` on {run['day']}, {run['load']}", []).append(
                f"{step} {run['minutes']} min"
            )
        how = [f"- {command} ({', '.join(steps)})" for command, steps in commands.items()]
        return "\n".join(
            [
                "# Benchmark results",
                "",
                f"Machine: {machine}. Measured by:",
                "",
                *how,
                "",
                (
                    "Other work on the machine slows both sides of each ratio alike, not the ratio; Lighthouse's "
                    "performance scores and the wall times do depend on it (the load average is the 1-minute one, "
                    "median and range over the run)."
                ),
                "",
                "| What | Measured | Target | Met |",
                "|---|---|---|---|",
                *(f"| {r['what']} | {r['measured']} | {r['target']} | {r['met']} |" for r in self.rows),
                "",
                *(section["text"] + "\n" for section in self.sections),
            ]
        )


def validation(report: Report, runs: int) -> None:
    from eunato import load_site  # noqa: PLC0415  # the benchmark runs from bench/, the package only once installed

    check = measure.median([measure.run([PYTHON, "-m", "eunato", "check"], cwd=ROOT) for _ in range(runs)])
    loads = []
    for _ in range(runs):
        start = time.perf_counter()
        load_site(ROOT / "data", root=ROOT)
        loads.append(time.perf_counter() - start)
    report.figure(
        "Validation: `python -m eunato check` on `data/` (start-up included)",
        f"{check.wall:.2f} s",
        "< 0.5 s",
        check.wall < 0.5,
    )
    report.figure("Validation: `load_site(data/)` inside a running build", f"{statistics.median(loads) * 1000:.0f} ms")


def alternate(configs: dict[str, Path], work: Path, rounds: int) -> list[dict[str, Time]]:
    """Build each mkdocs.yml in turn, `rounds` times, rotating which goes first; one warm-up build each."""
    sites = {name: work / f"site-{name}" for name in configs}
    for name, config in configs.items():
        measure.build(config, sites[name])  # warms the file cache and the .pyc files
    pages = {name: sorted(p.relative_to(site) for p in site.rglob("*.html")) for name, site in sites.items()}
    if len({tuple(found) for found in pages.values()}) != 1:
        raise SystemExit(f"these builds do not write the same pages: {', '.join(configs)}")
    names = list(configs)
    times = []
    for n in range(rounds):
        order = names[n % len(names) :] + names[: n % len(names)]
        times.append({name: measure.build(configs[name], sites[name]) for name in order})
    return times


def twin_of(project: Path, work: Path) -> Path:
    """The plain-Markdown twin of the site in `project` (bench/twin.py), made in a process of its own."""
    measure.run([PYTHON, ROOT / "bench" / "twin.py", project, work], cwd=project)
    return work / "mkdocs.yml"


def overhead(report: Report, work: Path, rounds: int) -> None:
    """The real build against its plain-Markdown twin, and the twin with the macros plugin doing nothing."""
    twin = twin_of(ROOT, work / "twin")
    configs = {"real": ROOT / "mkdocs.yml", "twin": twin, "twin+macros": twin.with_name("mkdocs-macros.yml")}
    times = alternate(configs, work, rounds)
    ratio = measure.median([t["real"] / t["twin"] for t in times])
    plugin = measure.median([t["twin+macros"] / t["twin"] for t in times])
    median = {name: measure.median([t[name] for t in times]) for name in configs}
    report.figure(
        "Data layer: real build / the same pages as plain Markdown (wall)",
        f"{ratio.wall:.3f} ({median['real'].wall:.2f} s / {median['twin'].wall:.2f} s)",
        "≤ 1.15",
        ratio.wall <= 1.15,
    )
    report.figure(
        "Data layer: the same, CPU time", f"{ratio.cpu:.3f} ({median['real'].cpu:.2f} s / {median['twin'].cpu:.2f} s)"
    )
    report.figure(
        "Of which the mkdocs-macros plugin alone: plain Markdown + the plugin / plain Markdown (wall)",
        f"{plugin.wall:.3f} (CPU {plugin.cpu:.3f})",
    )
    pages = measure.pages(work / "site-real")
    report.section(
        "Data layer overhead",
        "`mkdocs build --strict` of the real site (*real*); of its twin (*twin*): the Markdown each page had after "
        "the macros and hooks ran, written out as static files and built with the same nav, theme, extensions "
        "and their settings, and CSS, without macros or hooks (bench/twin.py); and of the twin with the "
        "mkdocs-macros plugin on but given nothing to do (*twin+macros*), which shows what the plugin itself "
        f"costs. All three write the same {pages} HTML files. {rounds} rounds, rotating which goes first; each "
        "figure is the median of the rounds' ratios.",
        "",
        "| Round | Real (wall) | Twin (wall) | Twin+macros (wall) | Real / twin | Real (CPU) | Twin (CPU) | "
        "Twin+macros (CPU) | Real / twin (CPU) |",
        "|---|---|---|---|---|---|---|---|---|",
        *(
            f"| {n + 1} | {t['real'].wall:.2f} s | {t['twin'].wall:.2f} s | {t['twin+macros'].wall:.2f} s | "
            f"{t['real'].wall / t['twin'].wall:.3f} | {t['real'].cpu:.2f} s | {t['twin'].cpu:.2f} s | "
            f"{t['twin+macros'].cpu:.2f} s | {t['real'].cpu / t['twin'].cpu:.3f} |"
            for n, t in enumerate(times)
        ),
    )


def scale(report: Report, work: Path, rounds: int) -> None:
    """Synthetic records at 1x, 5x and 10x, built in turn `rounds` times."""
    projects, counts, checks = {}, {}, {}
    for factor in FACTORS:
        project = projects[factor] = work / f"x{factor}"
        project.mkdir()
        for name in measure.PROJECT_FILES:
            (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, project / name)
        counts[factor] = synthetic.generate(ROOT / "data", factor, project / "data")
        checks[factor] = measure.run([PYTHON, "-m", "eunato", "check"], cwd=project)
    builds: dict[int, list[Time]] = {factor: [] for factor in FACTORS}
    for _ in range(rounds):
        for factor in FACTORS:
            builds[factor].append(measure.build(projects[factor] / "mkdocs.yml", work / f"site-x{factor}"))
    built = {factor: measure.median(builds[factor]) for factor in FACTORS}
    page_count = {factor: measure.pages(work / f"site-x{factor}") for factor in FACTORS}
    per_page = {factor: built[factor] / page_count[factor] for factor in FACTORS}
    first, last = FACTORS[0], FACTORS[-1]
    page_ratio = per_page[last] / per_page[first]
    total_ratio = built[last] / built[first]
    report.figure(
        f"Scale: time per page, {last}× / {first}× record (wall)",
        f"{page_ratio.wall:.2f} (CPU {page_ratio.cpu:.2f})",
        "≤ 10 (≤ 1 is linear)",
        page_ratio.wall <= 10,
    )
    report.figure(
        f"Scale: whole build, {last}× / {first}× record (wall), for {page_count[last] / page_count[first]:.1f}× the pages",
        f"{total_ratio.wall:.2f} (CPU {total_ratio.cpu:.2f})",
        "≤ 10 (linear or better)",
        total_ratio.wall <= 10,
    )
    report.figure(f"Validation of the {last}× record (`python -m eunato check`)", f"{checks[last].wall:.2f} s")
    twin = twin_of(projects[last], work / f"twin-x{last}")
    large = alternate({"real": projects[last] / "mkdocs.yml", "twin": twin}, work / f"x{last}-overhead", rounds)
    ratio = measure.median([t["real"] / t["twin"] for t in large])
    report.figure(
        f"Data layer at {last}× the record: real build / the same pages as plain Markdown (wall)",
        f"{ratio.wall:.3f} (CPU {ratio.cpu:.3f})",
    )
    report.section(
        "Scale",
        "Synthetic records made by bench/synthetic.py from the real one: at 1× both proposal sets are full "
        "(74 actions), with the real 10 reports and 17 operations; at N× the sets hold N times as many actions and "
        "reports and operations are copied N times, their mentions pointing at the copies. Declarations, areas, "
        f"analyses and sources stay as they are. Each record built {rounds} time{'s' * (rounds != 1)} in turn; "
        f"medians. The {last}× record was also built against its own plain-Markdown twin, as above.",
        "",
        "| Record | Actions | Reports | Operations | Pages | Build (wall) | Build (CPU) | Per page (wall) | "
        "Per page (CPU) | `eunato check` |",
        "|---|---|---|---|---|---|---|---|---|---|",
        *(
            f"| {f}× | {counts[f]['actions']} | {counts[f]['reports']} | {counts[f]['operations']} | {page_count[f]} | "
            f"{built[f].wall:.2f} s | {built[f].cpu:.2f} s | {per_page[f].wall * 1000:.1f} ms | "
            f"{per_page[f].cpu * 1000:.1f} ms | {checks[f].wall:.2f} s |"
            for f in FACTORS
        ),
    )


def zensical(report: Report, work: Path, rounds: int, sizes: tuple[int, ...] = (1, FACTORS[-1])) -> None:
    """The site's source (`python -m eunato pages`, as the twin) built by MkDocs and by Zensical, at 1x and 10x."""
    from twin import zensical_against_mkdocs  # noqa: PLC0415  # imports the eunato package, like the steps above

    lines = []
    for factor in sizes:
        data = ROOT / "data" if factor == 1 else synthetic_record(work, factor)
        project = versions_.CURRENT.project(data, work / f"zensical-x{factor}")
        twin = twin_of(project, work / f"zensical-twin-x{factor}")
        times = zensical_against_mkdocs(twin, rounds)
        median = {name: measure.median([t[name] for t in times]) for name in times[0]}
        pages = measure.pages(twin.parent / "site-mkdocs")
        clean, cached = (median[name] / median["mkdocs"] for name in ("zensical", "zensical, cached"))
        report.figure(
            f"Zensical at {factor}×: the site's source built by Zensical / by MkDocs with Material ({pages} pages, wall)",
            f"{clean.wall:.2f} clean, {cached.wall:.2f} with its cache "
            f"({median['zensical'].wall:.2f} s, {median['zensical, cached'].wall:.2f} s / {median['mkdocs'].wall:.2f} s)",
        )
        lines += [
            f"| {factor}× | {pages} | {n + 1} | "
            + " | ".join(f"{t[name].wall:.2f} s | {t[name].cpu:.2f} s" for name in median)
            + " |"
            for n, t in enumerate(times)
        ]
        lines.append(
            f"| {factor}× | {pages} | median | "
            + " | ".join(f"**{m.wall:.2f} s** | {m.cpu:.2f} s" for m in median.values())
            + " |"
        )
    report.section(
        "Zensical",
        "What `python -m eunato pages` writes (every page's Markdown, the downloads, charts and feed, the navigation "
        "and settings: the plain-Markdown twin of *Data layer overhead*) built by MkDocs with Material "
        "(`mkdocs build --strict`) and by Zensical (`zensical build`, the version pinned in requirements-test.txt): "
        "from a clean cache (`--clean`, as a first build or CI), and again with its cache (as after an edit). "
        f"At 1× (the real record) and {FACTORS[-1]}× (the synthetic record of *Scale*); {rounds} round{'s' * (rounds != 1)}, rotating "
        "which goes first, after one warm-up build each.",
        "",
        "| Record | Pages | Round | MkDocs (wall) | MkDocs (CPU) | Zensical, clean (wall) | Zensical, clean (CPU) | "
        "Zensical, cached (wall) | Zensical, cached (CPU) |",
        "|---|---|---|---|---|---|---|---|---|",
        *lines,
    )


def heaviest(site_dir: Path, kind: str) -> str:
    """The page of `kind` whose HTML weighs most once compressed, as a URL path like `actions/2017-01/`."""
    files = list((site_dir / kind).glob("*/index.html"))
    page = max(files, key=lambda p: len(gzip.compress(p.read_bytes())))
    return f"{kind}/{page.parent.name}/"


# Pages that are neither an index nor an item: the home page and the reference pages.
REFERENCE = ("", "timeline/", "sources/", "glossary/", "coverage/", "data/", "tags/", "side-by-side/", "about/")


def audited_pages(site_dir: Path) -> list[str]:
    """Every kind of page: the home and reference pages, each kind's index, and its heaviest item page."""
    from eunato.kinds import KINDS  # noqa: PLC0415  # the benchmark runs from bench/, the package only once installed

    pages = [*REFERENCE, *(f"{kind.name}/" for kind in KINDS), *(heaviest(site_dir, kind.name) for kind in KINDS)]
    missing = [page for page in pages if not (site_dir / page / "index.html").exists()]
    if missing:
        raise SystemExit(f"no such page in {site_dir}: {', '.join(missing)}")
    return pages


GOAL = {1: 95, 10: 90}  # Lighthouse mobile performance every page must reach, by size of the record
# What a page may weigh at 1x (transferred, compressed), leaving out the search index its search fetches.
WEIGHT = 150_000


def lighthouse_pages(
    report: Report, work: Path, runs: int, versions: list[versions_.Version], only: list[str] | None = None
) -> None:
    """Lighthouse (mobile) on every kind of page, at 1x (the real record) and 10x, for each version in turn."""
    reports = work / "lighthouse"
    reports.mkdir()
    lines: list[str] = []
    everything: list[lighthouse.Audit] = []  # every run of every page and version, for the audits that lost points
    unmeasured: list[str] = []
    for factor, goal in GOAL.items():
        data = ROOT / "data" if factor == 1 else synthetic_record(work, factor)
        sites = {}
        for n, version in enumerate(versions):
            project = version.project(data, work / f"pages-{n}-x{factor}")
            sites[version.name] = work / f"pages-{n}-x{factor}-site"
            measure.build(project / "mkdocs.yml", sites[version.name], env=version.env)
        pages = [page for page in audited_pages(sites[versions[0].name]) if not only or page in only]
        audits: dict[tuple[str, str], list[lighthouse.Audit]] = {}
        with contextlib.ExitStack() as stack:
            bases = {name: stack.enter_context(serve(site)) for name, site in sites.items()}
            for page in pages:
                for run in range(runs):
                    for version in versions[:: 1 if run % 2 == 0 else -1]:
                        n = versions.index(version)
                        try:
                            found = lighthouse.audit(
                                bases[version.name] + page,
                                reports / f"x{factor}-{n}-{page.replace('/', '_')}-{run}.json",
                            )
                        except SystemExit as error:  # one page Lighthouse could not measure; the others still count
                            unmeasured.append(f"`/{page}` at {factor}×, {version.name}: {error}")
                            continue
                        audits.setdefault((version.name, page), []).append(found)
        pages = [page for page in pages if all((version.name, page) in audits for version in versions)]
        median = {key: lighthouse.median_audit(found) for key, found in audits.items()}
        after, before = versions[0].name, versions[-1].name if len(versions) > 1 else None
        below = [page for page in pages if median[(after, page)].scores["performance"] < goal]
        imperfect = [
            page
            for page in pages
            if any(median[(after, page)].scores[c] < 100 for c in ("accessibility", "best-practices", "seo"))
        ]
        report.figure(
            f"Pages at {factor}×: Lighthouse mobile performance ≥ {goal} ({len(pages)} pages)",
            f"{len(pages) - len(below)} of {len(pages)}"
            + (f"; below: {', '.join(f'`/{p}`' for p in below)}" if below else ""),
            f"all {len(pages)}",
            not below,
        )
        weights = {page: median[(after, page)].transferred - median[(after, page)].on_demand for page in pages}
        heaviest_page = max(pages, key=lambda page: weights[page])
        heavy = [page for page in pages if weights[page] > WEIGHT]
        report.figure(
            f"Pages at {factor}×: transferred, compressed, without the search index",
            f"{len(pages) - len(heavy)} of {len(pages)} within {WEIGHT // 1000} kB; heaviest `/{heaviest_page}` "
            f"{weights[heaviest_page] / 1000:.0f} kB"
            + (f"; above: {', '.join(f'`/{p}`' for p in heavy)}" if heavy else ""),
            f"≤ {WEIGHT // 1000} kB each" if factor == 1 else "",
            not heavy if factor == 1 else None,
        )
        report.figure(
            f"Pages at {factor}×: accessibility, best practices and SEO 100",
            f"{len(pages) - len(imperfect)} of {len(pages)}"
            + (f"; not: {', '.join(f'`/{p}`' for p in imperfect)}" if imperfect else ""),
            f"all {len(pages)}",
            not imperfect,
        )

        lines += [
            "",
            f"### {'The real record (1×)' if factor == 1 else f'{factor}× the record (synthetic)'}",
            "",
            *page_table(pages, median, after, before),
            "",
            *in_the_way([(page, median[(after, page)]) for page in below], goal),
        ]
        everything += [audit for found in audits.values() for audit in found]
    failing = sorted(
        {f"{c}: {a}" for audit in everything for c, items in audit.failing.items() if c != "performance" for a in items}
    )
    compared = f" Each cell is *{versions[1].name} → {versions[0].name}*." if len(versions) > 1 else ""
    report.section(
        "Pages",
        "Every kind of page: the home page, the reference pages, each kind's index and the heaviest item page of "
        "each kind (largest compressed HTML), at 1× (the real record) and 10× (the synthetic record of *Scale*). "
        f"Served from 127.0.0.1 the way GitHub Pages serves them (gzip, `Cache-Control: max-age=600`; "
        f"bench/serve.py). Lighthouse {lighthouse_version()} with its mobile defaults (simulated slow 4G, 4× CPU "
        f"slowdown), {runs} run{'s' * (runs != 1)} per page and version, alternating; the run with the median "
        f"performance score is shown.{compared} *Weight*: what the page transferred, compressed, but the search "
        "index, which *Search index* shows (fetched by the search as the page loads). *Script*, *Style & layout* and *Other work* are where the main "
        "thread's time went in that run (ms, under the CPU slowdown; *Other work*: parsing, rendering, garbage "
        "collection and the rest), from Lighthouse's main-thread breakdown. *Machine index*: Lighthouse's own measure "
        "of the machine's speed in that run (its `benchmarkIndex`; higher is faster), and *Load* the load average "
        "then: Lighthouse simulates a phone by multiplying the page's measured main-thread work by 4, so a busy "
        "machine lowers the performance score of every page alike.",
        *lines,
        "",
        "Audits other than performance that lost points on any page, in any run:" if failing else "",
        "",
        *(f"- {line}" for line in failing),
        "",
        "Not measured (Lighthouse failed three times):" if unmeasured else "",
        *(f"- {line}" for line in unmeasured),
        "",
        PROFILES,
    )


# What traces of these pages (Chromium's performance trace under Lighthouse, `lighthouse -GA`) showed,
# beside the figures of each run above.
PROFILES = """### What the profiles show

- **Material's script and the search index stood before the first paint.** The script sat at the end of the body
  without `defer`, so Lighthouse's simulation counted it as render-blocking: when the browser happened to paint
  after running it, its whole first task (about 1.1 s on the sources page, slowed 4×) came before the first paint,
  which is why the first paint took 2.1 s on some pages and 1.1 s on others. The search index (113 kB compressed
  at 1×, 380 kB at 10×) was fetched, and indexed by the search worker, at every page load, and the largest paint
  waited for it (2.5–2.8 s). The script is now deferred and the index fetched when the reader opens the search
  (overrides/partials/search-when-opened.html; the offline edition already did so): first paint 1.1 s on every
  page, largest paint 1.2–2.3 s.
- **Material's start-up restyled the whole page two or three more times**: its palette component sets
  `data-md-color-switching` on `<body>` (a rule of its palette.css then restyles every element), adds a
  `<meta name="color-scheme">` (a colour-scheme change, every element again) and removes the attribute; the
  no-js/js and focus-visible classes on `<html>` changed too. On the sources page that was about 400 ms of the
  script's 465 ms first task in the trace. The attribute is now set only when a colour really changes, and the
  meta and classes are in the head from the start (overrides/partials/restyle-once.html).
- **Selectors that count from the end** (`:last-of-type`, `:nth-last-child`) had Chromium restyle every earlier
  sibling each time the parser appended one: 412 whole-subtree restyles on the sources page. The first and last
  tables and the last sources are now marked with classes in the HTML (overrides/tables.py, the sources template).
- **Material's script moved every table after loading** (into its scrolling wrapper), which had the browser style
  and lay out the whole table again: overrides/tables.py writes the wrapper in the HTML, so the script leaves
  tables alone. `content-visibility: auto` (docs/assets/site.css) keeps entries far below the screen out of the
  first style pass.
- **What remains is the size of the pages that list the record at 10×**: the actions index is one sortable,
  filterable table of all 740 actions (8,086 elements; `content-visibility` does not apply to table rows), the
  timeline has 9,791 elements, the heaviest area page 4,346, the operations index 3,930; their style, layout and
  parsing come in long tasks. Splitting them by page of rows would lose sorting and filtering across the record.
  On every page, Material's own start-up (some 60–90 ms of real time, four times that on the simulated phone)
  is most of the rest of the blocking time.
- **The machine**: the performance score multiplies the page's measured work by 4 to simulate a phone, so
  every figure above moves with the load of this shared 2-core machine (see *Machine index* and *Load*)."""


def in_the_way(missed: list[tuple[str, lighthouse.Audit]], goal: int) -> list[str]:
    """For each page below the goal, what its profile says took the time."""
    if not missed:
        return [f"Every page reached {goal}."]

    def largest(audit: lighthouse.Audit) -> str:
        group, duration = max(audit.main_thread.items(), key=lambda item: item[1])
        return f"{group.lower()} {duration:.0f} ms"

    return [
        f"Below {goal}, with where the main thread's time went most:",
        "",
        *(
            f"- `/{page}` ({audit.scores['performance']}): total blocking time {audit.blocking:.0f} ms, "
            f"LCP {audit.metrics['LCP']}, {largest(audit)}, {audit.elements:,} elements"
            for page, audit in missed
        ),
    ]


def editing(
    report: Report, work: Path, rounds: int, versions: list[versions_.Version], sizes: tuple[int, ...] = (1, 10)
) -> None:
    """From saving a data file under `make serve` to the change being served, at 1x and 10x (bench/edits.py)."""
    from eunato import load_site  # noqa: PLC0415  # the benchmark runs from bench/, the package only once installed

    lines = []
    after, before = versions[0].name, versions[-1].name if len(versions) > 1 else None
    for factor in sizes:
        data = ROOT / "data" if factor == 1 else synthetic_record(work, factor)
        chosen = edits.edits(load_site(data))
        projects = {v.name: v.project(data, work / f"edits-{n}-x{factor}") for n, v in enumerate(versions)}
        builds: dict[str, list[Time]] = {v.name: [] for v in versions}
        for run in range(2):
            for v in versions[:: 1 if run % 2 == 0 else -1]:
                builds[v.name].append(measure.build(projects[v.name] / "mkdocs.yml", work / "edits-site", env=v.env))
        full = {name: measure.median(times) for name, times in builds.items()}
        served: dict[tuple[str, str], list[tuple[float, float]]] = {}
        with contextlib.ExitStack() as stack:
            servers = {v.name: stack.enter_context(edits.Serving(projects[v.name], env=v.env)) for v in versions}
            for run in range(rounds):
                for n, edit in enumerate(chosen):
                    for v in versions[:: 1 if (run + n) % 2 == 0 else -1]:
                        server = servers[v.name]
                        cpu = server.cpu()
                        seen = server.apply(edit, f"Quokka{factor}r{run}e{n}")
                        served.setdefault((v.name, edit.name), []).append((max(seen.values()), server.cpu() - cpu))
        for edit in chosen:
            wall = {name: statistics.median(t for t, _ in served[(name, edit.name)]) for name in full}
            cpu = {name: statistics.median(c for _, c in served[(name, edit.name)]) for name in full}
            share = wall[after] / full[after].wall
            limit = min(1.0, full[after].wall / 2) if factor == 1 else full[after].wall / 2
            was = f"{wall[before]:.2f} s → " if before else ""
            report.figure(
                f"Editor's loop at {factor}×: {edit.name}, saved → served on its {len(edit.pages)} pages "
                f"(full build {full[after].wall:.1f} s)",
                f"{was}{wall[after]:.2f} s ({share:.0%} of a full build)",
                "≤ 1 s and ≤ half a full build" if factor == 1 else "≤ half a full build",
                wall[after] <= limit,
            )
            lines.append(
                f"| {factor}× | {edit.name} | {', '.join(f'`/{p}`' for p in edit.pages)} | "
                + " | ".join(
                    f"{wall[name]:.2f} s | {cpu[name]:.2f} s | {full[name].wall:.2f} s | {wall[name] / full[name].wall:.0%}"
                    for name in (versions[-1].name, versions[0].name)[: len(versions)]
                )
                + " |"
            )
    heads = [f"{v.name}: " for v in reversed(versions)] if before else [""]
    columns = [f"{h}{c}" for h in heads for c in ("served after", "server CPU", "full build", "share")]
    report.section(
        "The editor's loop",
        "`make serve` (the same `mkdocs serve` arguments as the Makefile's, bench/edits.py) on a copy of the project, "
        "at 1× (the real record) and 10× (the synthetic record). Each edit is saved to its data file, then every page "
        "that shows the changed fact is asked for until all of them show it (the server holds requests while it "
        "rebuilds): the item's page, the pages that list, mention or cite it, its neighbours, the downloads, the "
        f"feed, the search index. {rounds} round{'s' * (rounds != 1)} of the three edits, "
        + ("alternating versions; " if before else "")
        + "medians. *Served after*: from saving to the last page showing the change; *server CPU*: what the "
        "server spent meanwhile (its own work, whatever the load); *full build*: `mkdocs build --strict` of the same "
        "project in the same run (median of two).",
        "",
        f"| Record | Edit | Pages checked | {' | '.join(columns)} |",
        f"|---|---|---|{'---|' * len(columns)}",
        *lines,
        "",
        LOOP_PROFILE,
    )


# Where a rebuild's time went (phases timed in process), beside the figures of each run above.
LOOP_PROFILE = """### What stands in the way of a second

One rebuild under `make serve`, timed phase by phase in process on the real record with the machine idle
(2026-12-01, median of three rebuilds, each MkDocs event marked by a plugin added for the purpose): 0.93 s after a
new highlight (4 pages rendered again), 1.21 s after an action's title (10 pages, the sources page among them,
whose Markdown alone takes 177 ms), 1.99 s after a source's title (54 pages: every state cites the source the
membership tables rest on). The server adds up to 0.1 s until it sees the save (it looks ten times a second)
and 0.1 s that MkDocs waits for a save to settle.

- **What every rebuild does, whatever changed: about 0.65 s.** MkDocs reads `mkdocs.yml` and runs every
  plugin's set-up again (30 ms, Material's search 30 ms); the record is loaded and checked (75 ms; files whose
  text did not change are not parsed again); the downloads, charts, citations and renderer made (about 60 ms,
  their unchanged parts kept from the last rebuild); every generated page's Markdown written again from its
  template (140 ms for 139 pages), because a page's Markdown is what tells whether it changed; the hand-written
  pages' macros run and every page's inputs fingerprinted (70 ms); the 404 page, sitemap and search index.
- **Then each page whose inputs changed: 25–35 ms**, its Markdown turned into HTML by Python-Markdown (most of
  it; 177 ms for the sources page's 203 entries), the theme's template rendered with the whole navigation, and
  its search entries made.
- **Kept out since the last figures**: every download, chart and citation file was written again at each
  save (150 ms, now 5 ms); the theme's 14,500 files were listed at each build (77 ms, now 4 ms); citations,
  schemas, parsed files and annotations' questions are kept for the process; git was asked thirteen questions
  at each rebuild for the macros plugin's `git` variable, which no page uses.
- Below this, the next step is MkDocs itself: a build is a whole build, with plugins set up again and every
  page's Markdown made to be compared. Zensical's own server, on the output of `python -m eunato pages`,
  is the route the README describes."""


MAIN_THREAD = ("Script Evaluation", "Style & Layout")


def page_table(
    pages: list[str], median: dict[tuple[str, str], lighthouse.Audit], after: str, before: str | None
) -> list[str]:
    """One row per page: its scores, metrics, DOM size and main-thread breakdown; `before → after` with a baseline."""

    def shown(page: str, value: Callable[[lighthouse.Audit], str]) -> str:
        now = value(median[(after, page)])
        return f"{value(median[(before, page)])} → {now}" if before else now

    def score(category: str) -> Callable[[lighthouse.Audit], str]:
        return lambda audit: str(audit.scores[category])

    def metric(name: str) -> Callable[[lighthouse.Audit], str]:
        return lambda audit: audit.metrics[name]

    def thread(group: str) -> Callable[[lighthouse.Audit], str]:
        return lambda audit: f"{audit.main_thread.get(group, 0):.0f}"

    columns = [
        lambda audit: f"{(audit.transferred - audit.on_demand) / 1000:.0f} kB",
        lambda audit: f"{audit.on_demand / 1000:.0f} kB",
        *(score(c) for c in lighthouse.CATEGORIES),
        *(metric(m) for m in ("FCP", "LCP", "TBT", "CLS")),
        lambda audit: str(audit.elements),
        *(thread(g) for g in MAIN_THREAD),
        other_work,
        lambda audit: f"{audit.benchmark_index:.0f}",
        lambda audit: f"{audit.load:.1f}",
    ]
    return [
        (
            "| Page | Weight | Search index | Perf | A11y | BP | SEO | FCP | LCP | TBT | CLS | Elements | Script "
            "| Style & layout | Other work | Machine index | Load |"
        ),
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        *(f"| `/{page}` | " + " | ".join(shown(page, column) for column in columns) + " |" for page in pages),
    ]


def other_work(audit: lighthouse.Audit) -> str:
    return f"{sum(v for k, v in audit.main_thread.items() if k not in MAIN_THREAD):.0f}"


def synthetic_record(work: Path, factor: int) -> Path:
    """The synthetic record at `factor` (bench/synthetic.py), made once per run."""
    data = work / f"record-x{factor}"
    if not data.exists():
        synthetic.generate(ROOT / "data", factor, data)
    return data


def lighthouse_version() -> str:
    result = subprocess.run([lighthouse.LIGHTHOUSE, "--version"], capture_output=True, text=True, check=False)
    return result.stdout.strip()


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    import yaml  # noqa: PLC0415  # only to report whether PyYAML has libyaml

    versions = ", ".join(f"{name} {importlib.metadata.version(name)}" for name in PACKAGES)
    node = subprocess.run(["node", "--version"], capture_output=True, text=True, check=False).stdout.strip()
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB; {platform.platform()}; Python {platform.python_version()}; "
        f"{versions} (libyaml {'yes' if yaml.__with_libyaml__ else 'no'}); Node {node}, Lighthouse "
        f"{lighthouse_version()}, {lighthouse.chromium_version()}"
    )


STEPS = ("validation", "overhead", "scale", "zensical", "pages", "edits")


class LoadSampler:
    """The machine's load average every few seconds while the benchmark runs: Lighthouse and wall times depend on it."""

    def __init__(self, every: float = 5) -> None:
        self.samples: list[float] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.sample, args=(every,), daemon=True)

    def sample(self, every: float) -> None:
        while not self.stop.wait(every):
            self.samples.append(os.getloadavg()[0])

    def __enter__(self) -> LoadSampler:
        self.samples.append(os.getloadavg()[0])
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()
        self.samples.append(os.getloadavg()[0])

    def summary(self) -> str:
        return (
            f"load average (1 min) {statistics.median(self.samples):.1f} median, "
            f"{min(self.samples):.1f}–{max(self.samples):.1f} over the run"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions: a rough figure in a few minutes")
    parser.add_argument(
        "--baseline",
        metavar="REF",
        help="also measure the pages and the editor's loop of this commit (e.g. main), side by side: before → after",
    )
    parser.add_argument(
        "--baseline-steps",
        default="pages,edits",
        help="which steps measure the baseline too (pages,edits): the pages twice take as long again",
    )
    parser.add_argument(
        "--steps",
        default=",".join(STEPS),
        help=f"which steps, comma-separated, run in that order (all: {','.join(STEPS)})",
    )
    parser.add_argument(
        "--pages", help="only these pages, comma-separated addresses (`timeline/,`): for trying a change"
    )
    parser.add_argument(
        "--lighthouse-runs",
        type=int,
        metavar="N",
        help="Lighthouse runs per page and version (1); the median run is shown",
    )
    parser.add_argument(
        "--edit-sizes", default="1,10", help="the sizes of the record the editor's loop is measured at (1,10)"
    )
    parser.add_argument("--results", type=Path, default=RESULTS, help="where to write the results (bench/RESULTS.md)")
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the figures of the steps not run this time, from the JSON beside the results (bench/results.json)",
    )
    arguments = parser.parse_args()
    steps = arguments.steps.split(",")
    only = arguments.pages.split(",") if arguments.pages is not None else None
    if unknown := set(steps) - set(STEPS):
        raise SystemExit(f"unknown steps: {', '.join(sorted(unknown))}; expected some of {', '.join(STEPS)}")
    # Overhead rounds, scale rounds, Lighthouse runs per page and version, rounds of edits.
    # One Lighthouse run per page and version: 56 pages, twice with a baseline, already take most of an hour.
    pairs, rounds, runs, edit_rounds = (3, 1, 1, 1) if arguments.quick else (9, 3, 1, 3)
    runs = arguments.lighthouse_runs or runs
    edit_sizes = tuple(int(size) for size in arguments.edit_sizes.split(","))

    lighthouse.chromium()  # fail before the long part if a tool is missing
    if "pages" in steps and not lighthouse.LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: `npm ci` in bench/ (make bench does it)")
    started = datetime.datetime.now()
    report = Report()
    took_step: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="eunato-bench-") as folder, LoadSampler() as load:
        work = Path(folder)
        versions = [versions_.CURRENT]
        if arguments.baseline:
            versions.append(versions_.baseline(arguments.baseline, work))

        def compared(step: str) -> list[versions_.Version]:
            return versions if step in arguments.baseline_steps.split(",") else versions[:1]

        run_step = {
            "validation": lambda: validation(report, 7),
            "overhead": lambda: overhead(report, work, pairs),
            "scale": lambda: scale(report, work, rounds),
            "zensical": lambda: zensical(report, work, rounds),
            "pages": lambda: lighthouse_pages(report, work, runs, compared("pages"), only),
            "edits": lambda: editing(report, work, edit_rounds, compared("edits"), edit_sizes),
        }
        for name in steps:  # in the order given
            start = time.perf_counter()
            report.step = name
            try:
                run_step[name]()
            except (Exception, SystemExit) as error:  # the other steps' figures are still worth writing
                report.figure(f"Step `{name}`", "**failed**", "", False)
                report.section(f"Step `{name}` failed", "```text", str(error) or repr(error), "```")
            took_step[name] = time.perf_counter() - start

    command = " ".join(["python bench/run.py", *sys.argv[1:]])
    for name, seconds in took_step.items():
        report.runs[name] = {
            "command": command,
            "day": f"{started:%Y-%m-%d}",
            "load": load.summary(),
            "minutes": f"{seconds / 60:.0f}",
        }
    kept = arguments.results.with_name("results.json")
    if arguments.keep:
        report.keep(Report.load(kept), steps)
    report.save(kept)
    text = report.markdown(machine())
    arguments.results.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
