"""Lighthouse (mobile, its default) on pages served as GitHub Pages serves them; what each page transfers."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# No request may leave the machine: every host name but the loopback address fails at once.
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update "
    "--disable-sync --no-first-run --disable-quic --disable-dev-shm-usage "
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
)
LOADED_ON_DEMAND = ("search_index.json",)
METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
    "speed-index": "SI",
}


@dataclass
class Audit:
    scores: dict[str, int]  # category -> 0..100
    transferred: int  # bytes over the network, compressed, everything the page loaded
    on_demand: int  # of which the search index
    requests: int
    metrics: dict[str, str] = field(default_factory=dict)
    failing: dict[str, list[str]] = field(default_factory=dict)  # category -> audits that lost points
    # Where the main thread's time went, under the mobile CPU slowdown: Lighthouse's groups, in ms
    # ("Script Evaluation", "Style & Layout", "Rendering", "Parse HTML & CSS", "Other", ...).
    main_thread: dict[str, float] = field(default_factory=dict)
    elements: int = 0  # elements in the page's DOM
    blocking: float = 0  # total blocking time, ms
    # How fast the machine was at the time: Lighthouse's own CPU benchmark (higher is faster; it simulates
    # a phone by slowing the page's measured work 4x, so a busy machine lowers every score) and the load average.
    benchmark_index: float = 0
    load: float = 0


def chromium() -> str:
    found = os.environ.get("CHROME_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        raise SystemExit("Chromium is missing: `apt-get install -y chromium` (make bench does it)")
    return found


def chromium_version() -> str:
    result = subprocess.run([chromium(), "--version"], capture_output=True, text=True, check=False)
    return result.stdout.strip() or "unknown"


def audit(url: str, report: Path, attempts: int = 3) -> Audit:
    """One Lighthouse run on `url`; its JSON report is kept at `report`. A run Lighthouse could not
    finish (a page that never painted in time on a loaded machine) is tried again."""
    for attempt in range(attempts):
        report.unlink(missing_ok=True)
        ran = subprocess.run(
            [
                LIGHTHOUSE,
                url,
                f"--chrome-flags={CHROME_FLAGS}",
                f"--only-categories={','.join(CATEGORIES)}",
                "--output=json",
                f"--output-path={report}",
                "--quiet",
            ],
            env={**os.environ, "CHROME_PATH": chromium()},
            check=False,
        )
        if ran.returncode != 0 or not report.exists():
            problem = f"Lighthouse exited with {ran.returncode}"
        else:
            result = json.loads(report.read_text(encoding="utf-8"))
            if all(result["categories"][c]["score"] is not None for c in CATEGORIES):
                break
            problem = (result.get("runtimeError") or {}).get("message", "a category without a score")
        if attempt == attempts - 1:
            raise SystemExit(f"Lighthouse could not measure {url}: {problem}")
    audits = result["audits"]
    network = audits["network-requests"]["details"]["items"]
    failing = {
        category: [
            f"{ref['id']} ({audits[ref['id']]['title']})"
            for ref in result["categories"][category]["auditRefs"]
            if ref["weight"] > 0 and audits[ref["id"]]["score"] is not None and audits[ref["id"]]["score"] < 1
        ]
        for category in CATEGORIES
    }
    return Audit(
        scores={c: round(result["categories"][c]["score"] * 100) for c in CATEGORIES},
        transferred=sum(item.get("transferSize", 0) for item in network),
        on_demand=sum(item.get("transferSize", 0) for item in network if item["url"].endswith(LOADED_ON_DEMAND)),
        requests=len(network),
        metrics={short: audits[name]["displayValue"] for name, short in METRICS.items()},
        failing=failing,
        main_thread={
            item["groupLabel"]: item["duration"] for item in audits["mainthread-work-breakdown"]["details"]["items"]
        },
        elements=int(audits["dom-size"]["numericValue"]),
        blocking=audits["total-blocking-time"]["numericValue"],
        benchmark_index=result["environment"]["benchmarkIndex"],
        load=os.getloadavg()[0],
    )


def median_audit(runs: list[Audit]) -> Audit:
    """The run with the median performance score stands for the page (the other scores do not vary)."""
    return sorted(runs, key=lambda run: run.scores["performance"])[len(runs) // 2]
