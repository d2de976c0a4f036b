"""`make bench`: what the data layer costs, how the build scales, how heavy and fast the pages are.

Machines are noisy, so a time is only ever compared with another taken side by side in the same run:
the real build against its plain-Markdown twin (alternating), the 1x, 5x and 10x records in turn.
Writes every figure, with the machine and the versions, to bench/RESULTS.md and prints it.

    .venv/bin/python bench/run.py            # the full run (about five minutes on two cores)
    .venv/bin/python bench/run.py --quick    # fewer repetitions, for trying a change
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import importlib.metadata
import os
import platform
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import lighthouse
import measure
import synthetic
from measure import PYTHON, Time
from serve import serve

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "RESULTS.md"
FACTORS = (1, 5, 10)
PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "Markdown", "Jinja2", "pydantic", "PyYAML")


class Report:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []  # what, measured, target, met
        self.sections: list[str] = []

    def figure(self, what: str, measured: str, target: str = "", met: bool | None = None) -> None:
        self.rows.append((what, measured, target, "" if met is None else ("yes" if met else "**no**")))

    def section(self, title: str, *lines: str) -> None:
        self.sections.append("\n".join([f"## {title}", "", *lines]))


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


def heaviest(site_dir: Path, kind: str) -> str:
    """The page of `kind` whose HTML weighs most once compressed, as a URL path like `actions/2017-01/`."""
    files = list((site_dir / kind).glob("*/index.html"))
    page = max(files, key=lambda p: len(gzip.compress(p.read_bytes())))
    return f"{kind}/{page.parent.name}/"


def page_weight(report: Report, work: Path, runs: int) -> None:
    site_dir = work / "served"
    measure.build(ROOT / "mkdocs.yml", site_dir)
    pages = {"home": "", **{kind[:-1]: heaviest(site_dir, kind) for kind in ("areas", "actions", "reports")}}
    reports = work / "lighthouse"
    reports.mkdir()
    audits = {}
    with serve(site_dir) as base:
        for name, path in pages.items():
            runs_ = [lighthouse.audit(base + path, reports / f"{name}-{n}.json") for n in range(runs)]
            audits[name] = lighthouse.median_audit(runs_)
    for name, path in pages.items():
        audit = audits[name]
        kept = audit.transferred - audit.on_demand
        report.figure(
            f"Page `/{path}`: transferred, gzip, without the search index",
            f"{kept / 1000:.0f} kB",
            "≤ 150 kB",
            kept <= 150_000,
        )
        scores = audit.scores
        met = (
            scores["performance"] >= 95
            and scores["accessibility"] == 100
            and scores["best-practices"] == 100
            and scores["seo"] == 100
        )
        report.figure(
            f"Page `/{path}`: Lighthouse mobile performance / accessibility / best practices / SEO",
            " / ".join(str(scores[c]) for c in lighthouse.CATEGORIES),
            "≥ 95 / 100 / 100 / 100",
            met,
        )
    failing = sorted({f"{c}: {a}" for audit in audits.values() for c, items in audit.failing.items() for a in items})
    report.section(
        "Pages",
        f"The real site served from 127.0.0.1 the way GitHub Pages serves it (gzip for text, `Cache-Control: "
        f"max-age=600`; bench/serve.py). Lighthouse {lighthouse_version()} with its mobile defaults (simulated slow "
        f"4G, 4× CPU slowdown), {runs} run{'s' * (runs != 1)} per page; the run with the median performance score is "
        "shown. Material's search worker fetches the search index as soon as a page loads; it is counted in "
        "*Transferred* but left out of the 150 kB target. "
        "Pages: the home page and the heaviest area, action and report page (largest compressed HTML).",
        "",
        "| Page | Transferred | of which search index | Requests | Perf | A11y | BP | SEO | FCP | LCP | TBT | CLS |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
        *(
            f"| `/{path}` | {a.transferred / 1000:.0f} kB | {a.on_demand / 1000:.0f} kB | {a.requests} | "
            + " | ".join(str(a.scores[c]) for c in lighthouse.CATEGORIES)
            + " | "
            + " | ".join(a.metrics[m] for m in ("FCP", "LCP", "TBT", "CLS"))
            + " |"
            for name, path in pages.items()
            if (a := audits[name])
        ),
        "",
        "Audits that lost points on any of these pages:" if failing else "No audit lost points.",
        "",
        *(f"- {line}" for line in failing),
    )


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions: a rough figure in a few minutes")
    arguments = parser.parse_args()
    pairs, rounds, runs = (3, 1, 1) if arguments.quick else (9, 3, 3)  # overhead rounds, scale rounds, Lighthouse runs

    lighthouse.chromium()  # fail before the long part if a tool is missing
    if not lighthouse.LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: `npm ci` in bench/ (make bench does it)")
    started, load_before = datetime.datetime.now(), os.getloadavg()[0]
    report = Report()
    with tempfile.TemporaryDirectory(prefix="eunato-bench-") as folder:
        work = Path(folder)
        for step in (
            lambda: validation(report, 7),
            lambda: overhead(report, work, pairs),
            lambda: scale(report, work, rounds),
            lambda: page_weight(report, work, runs),
        ):
            step()
    took = (datetime.datetime.now() - started).total_seconds()

    text = "\n".join(
        [
            "# Benchmark results",
            "",
            (
                f"`{'python bench/run.py --quick' if arguments.quick else 'make bench'}` on {started:%Y-%m-%d}, "
                f"{took / 60:.0f} minutes. "
                f"Machine: {machine()}. Load average {load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end "
                "(other work on the machine slows both sides of each ratio alike, not the ratio)."
            ),
            "",
            "| What | Measured | Target | Met |",
            "|---|---|---|---|",
            *(f"| {what} | {measured} | {target} | {met} |" for what, measured, target, met in report.rows),
            "",
            *(section + "\n" for section in report.sections),
        ]
    )
    RESULTS.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
