"""`python -m eunato check|schemas|new`: the editors' commands; each says what it did or what is wrong."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import DataError, load_site
from .problems import placeholders_left, print_github_annotations
from .schemas import write_headers, write_schemas


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eunato", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate every file of data/ and list all problems")
    check.add_argument("data", nargs="?", default="data", type=Path, help="the data folder (default: data)")
    schemas = commands.add_parser(
        "schemas", help="regenerate schemas/ from the model and the ids in data/, and put each data file's schema on its first line"
    )
    schemas.add_argument("data", nargs="?", default="data", type=Path, help="the data folder (default: data)")
    arguments = parser.parse_args(argv)
    return {"check": _check, "schemas": _schemas}[arguments.command](arguments)


def _check(arguments: argparse.Namespace) -> int:
    try:
        site = load_site(arguments.data, root=Path.cwd())
    except DataError as error:
        print(error.report(), file=sys.stderr)
        print_github_annotations(error.problems)
        return 1
    if site.placeholders:
        print("\n".join(map(str, site.placeholders)), file=sys.stderr)
        print(placeholders_left(site.placeholders), file=sys.stderr)
        print_github_annotations(site.placeholders)
        return 1
    counts = ", ".join(f"{count} {kind}" for kind, count in site.counts().items())
    print(f"data is valid: {counts}, {len(site.sources)} sources")
    return 0


def _schemas(arguments: argparse.Namespace) -> int:
    schemas_dir = arguments.data.parent / "schemas"
    changed = write_schemas(arguments.data, schemas_dir) + write_headers(arguments.data, schemas_dir)
    for path in changed:
        print(f"updated {path.as_posix()}")
    print(f"{len(changed)} file{'s' * (len(changed) != 1)} updated; schemas/ and every data file's schema line are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
