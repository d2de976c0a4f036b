"""`python -m eunato check|schemas|new`: the editors' commands; each says what it did or what is wrong."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import DataError, load_site
from .problems import placeholders_left, print_github_annotations
from .pages import SINGULAR
from .render import count
from .scaffold import new
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
    _add_new(commands)
    arguments = parser.parse_args(argv)
    if arguments.command == "new":
        options = {key: value for key, value in vars(arguments).items() if key not in ("command", "what", "data")}
        return new(arguments.what, arguments.data, **options)
    return {"check": _check, "schemas": _schemas}[arguments.command](arguments)


def _add_new(commands: argparse._SubParsersAction) -> None:
    new_parser = commands.add_parser("new", help="start a new data file with every field in place; it says what to fill in")
    kinds = new_parser.add_subparsers(dest="what", required=True)
    report = kinds.add_parser("report", help="the next progress report")
    report.add_argument("--date", required=True, help="the report's date: YYYY-MM-DD, or YYYY-MM when only the month is known")
    report.add_argument("--ordinal", type=int, help="its number (default: the next free one)")
    report.add_argument("--id", dest="item_id", help="its id and file name (default: YYYY-MM of its date)")
    action = kinds.add_parser("action", help="a common action of a proposal set")
    action.add_argument("item_id", metavar="id", help="its id and file name, e.g. 2017-08")
    action.add_argument("--set", dest="set_id", required=True, help="the id of its set in data/sets/")
    action.add_argument("--area", required=True, help="the id of its area in data/areas/")
    action.add_argument("--position", type=int, help="its number in the set, only where a source gives it")
    operation = kinds.add_parser("operation", help="an operation or mechanism where both act")
    operation.add_argument("item_id", metavar="id", help="its id and file name, e.g. black-sea")
    operation.add_argument("--start", required=True, help="when it started: YYYY-MM-DD, YYYY-MM or YYYY")
    operation.add_argument("--kind", choices=["operation", "mechanism"], default="operation")
    for parser in (report, action, operation):
        parser.add_argument(
            "--source", help="cite this existing id of data/sources.yml (default: add a new entry for you to describe)"
        )
        parser.add_argument("--data", default="data", type=Path, help="the data folder (default: data)")


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
    counts = ", ".join(count(number, SINGULAR[kind], kind) for kind, number in site.counts().items())
    print(f"data is valid: {counts}, {count(len(site.sources), 'source')}")
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
