"""`python -m eunato check [data-folder]`: validate the data without building the site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import DataError, load_site
from .problems import print_github_annotations


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eunato", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate every file of data/ and list all problems")
    check.add_argument("data", nargs="?", default="data", type=Path, help="the data folder (default: data)")
    arguments = parser.parse_args(argv)

    try:
        site = load_site(arguments.data, root=Path.cwd())
    except DataError as error:
        print(error.report(), file=sys.stderr)
        print_github_annotations(error.problems)
        return 1
    counts = ", ".join(f"{count} {kind}" for kind, count in site.counts().items())
    print(f"data is valid: {counts}, {len(site.sources)} sources")
    return 0


if __name__ == "__main__":
    sys.exit(main())
