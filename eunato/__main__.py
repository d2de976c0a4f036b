"""`python -m eunato check|schemas|new|citation|build|pages`: the editors' commands; each says what it did or what is wrong."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import DataError, load_site, messages
from .cite import citation_file
from .kinds import KINDS
from .model.strategies import ISSUERS, TYPES
from .problems import print_github_annotations
from .scaffold import NEXT_STEPS, Refused, create
from .schemas import write_headers, write_schemas
from .text import count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eunato", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate every file of data/ and list all problems")
    check.add_argument("data", nargs="?", default="data", type=Path, help="the data folder (default: data)")
    check.add_argument(
        "--uncited",
        action="store_true",
        help="also list every paragraph of prose that cites no source, with its file and line",
    )
    schemas = commands.add_parser(
        "schemas",
        help="regenerate schemas/ from the model and the ids in data/, and put each data file's schema on its first line",
    )
    schemas.add_argument("data", nargs="?", default="data", type=Path, help="the data folder (default: data)")
    _add_new(commands)
    citation = commands.add_parser(
        "citation", help="write data/edition.yml's version and date into CITATION.cff, which cites the whole record"
    )
    citation.add_argument("data", nargs="?", default="data", type=Path, help="the data folder (default: data)")
    build = commands.add_parser(
        "build",
        help="build the site with --strict, the PDF of the whole record and the offline edition beside its pages "
        "(what `make build` runs; needs Chromium)",
    )
    build.add_argument("--site-dir", default=Path("site"), type=Path, help="where to write the site (default: site)")
    build.add_argument(
        "--work-dir", default=Path("build"), type=Path, help="where the offline build and the files go (default: build)"
    )
    pages = commands.add_parser(
        "pages",
        help="write the whole site's source to OUT: every page's final Markdown, the downloads, charts and feed, "
        "and a mkdocs.yml with the expanded navigation and settings, for MkDocs or Zensical without macros or hooks",
    )
    pages.add_argument(
        "out", type=Path, help="the folder to write (replaced if this command wrote it; else new or empty)"
    )
    pages.add_argument(
        "-f", "--config-file", default=Path("mkdocs.yml"), type=Path, help="the site's settings (default: mkdocs.yml)"
    )
    arguments = parser.parse_args(argv)
    if arguments.command == "new":
        options = {key: value for key, value in vars(arguments).items() if key not in ("command", "what", "data")}
        return _new(arguments.what, arguments.data, options)
    run = {"check": _check, "schemas": _schemas, "citation": _citation, "build": _build, "pages": _pages}
    return run[arguments.command](arguments)


def _add_new(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    new_parser = commands.add_parser(
        "new", help="start a new data file with every field in place; it says what to fill in"
    )
    what = new_parser.add_subparsers(dest="what", required=True)
    report = what.add_parser("report", help="the next progress report")
    report.add_argument(
        "--date", required=True, help="the report's date: YYYY-MM-DD, or YYYY-MM when only the month is known"
    )
    report.add_argument("--ordinal", type=int, help="its number (default: the next free one)")
    report.add_argument("--id", dest="item_id", help="its id and file name (default: YYYY-MM of its date)")
    action = what.add_parser("action", help="a common action of a proposal set")
    action.add_argument("item_id", metavar="id", help="its id and file name, e.g. 2017-08")
    action.add_argument("--set", dest="set_id", required=True, help="the id of its set in data/sets/")
    action.add_argument("--area", required=True, help="the id of its area in data/areas/")
    action.add_argument("--position", type=int, help="its number in the set, only where a source gives it")
    operation = what.add_parser("operation", help="an operation or mechanism where both act")
    operation.add_argument("item_id", metavar="id", help="its id and file name, e.g. black-sea")
    operation.add_argument("--start", required=True, help="when it started: YYYY-MM-DD, YYYY-MM or YYYY")
    operation.add_argument("--kind", choices=["operation", "mechanism"], default="operation")
    state = what.add_parser("state", help="a state: its membership of the EU, NATO and the Partnership for Peace")
    state.add_argument("item_id", metavar="id", help="its id and file name, e.g. north-macedonia")
    state.add_argument("--name", required=True, help="its short name in English, e.g. 'North Macedonia'")
    strategy = what.add_parser("strategy", help="a strategy, summit declaration or set of Council conclusions")
    strategy.add_argument("item_id", metavar="id", help="its id and file name, e.g. nato-2026-ankara-declaration")
    strategy.add_argument("--issuer", required=True, choices=list(ISSUERS))
    strategy.add_argument("--type", dest="kind", required=True, choices=list(TYPES))
    strategy.add_argument("--date", required=True, help="when it was adopted: YYYY-MM-DD")
    turning_point = what.add_parser("turning-point", help="an event that changed the partnership")
    turning_point.add_argument("item_id", metavar="id", help="its id and file name, e.g. 2022-russia-invades-ukraine")
    turning_point.add_argument("--date", required=True, help="when it happened: YYYY-MM-DD, YYYY-MM or YYYY")
    for parser in (report, action, operation, state, strategy, turning_point):
        parser.add_argument(
            "--source", help="cite this existing id of data/sources.yml (default: add a new entry for you to describe)"
        )
        parser.add_argument("--data", default="data", type=Path, help="the data folder (default: data)")


def _check(arguments: argparse.Namespace, quiet: bool = False) -> int:
    try:
        site = load_site(arguments.data, root=Path.cwd())
    except DataError as error:
        print(error.report(), file=sys.stderr)
        print_github_annotations(error.problems)
        return 1
    if site.placeholders:
        print("\n".join(map(str, site.placeholders)), file=sys.stderr)
        print(messages.placeholders_left(len(site.placeholders)), file=sys.stderr)
        print_github_annotations(site.placeholders)
        return 1
    if quiet:
        return 0
    counts = ", ".join(row.count(len(site.items(row.name))) for row in KINDS)
    print(f"data is valid: {counts}, {count(len(site.sources), 'source')}")
    if arguments.uncited:
        # A list to work through, not an error: a paragraph that only introduces or connects may stay uncited.
        print("\n".join(map(str, site.uncited)))
        print(messages.uncited_total(len(site.uncited)))
    return 0


def _schemas(arguments: argparse.Namespace) -> int:
    schemas_dir = arguments.data.parent / "schemas"
    changed = write_schemas(arguments.data, schemas_dir) + write_headers(arguments.data, schemas_dir)
    for path in changed:
        print(f"updated {path.as_posix()}")
    print(f"{count(len(changed), 'file')} updated; schemas/ and every data file's schema line are up to date")
    return 0


def _citation(arguments: argparse.Namespace) -> int:
    site = load_site(arguments.data, root=Path.cwd())
    path = arguments.data.parent / "CITATION.cff"
    text = path.read_text(encoding="utf-8")
    updated = citation_file(text, site)
    edition = f"edition {site.edition.version} of {site.edition.date.iso()}" if site.edition else "no edition"
    if updated != text:
        path.write_text(updated, encoding="utf-8")
        print(f"updated {path.as_posix()}: {edition}")
    else:
        print(f"{path.as_posix()} already names {edition}")
    return 0


def _build(arguments: argparse.Namespace) -> int:
    from .publish import BuildError, build  # noqa: PLC0415  # needs what `make build` installs

    try:
        times = build(Path.cwd(), arguments.site_dir, arguments.work_dir)
    except (BuildError, DataError) as error:
        print(error, file=sys.stderr)
        return 1
    steps = ", ".join(f"{step} {seconds:.1f} s" for step, seconds in times.items())
    print(f"built {arguments.site_dir.as_posix()}/ with the PDF and the offline edition: {steps}")
    return 0


def _pages(arguments: argparse.Namespace) -> int:
    """The record checked first, as `check` does (every problem as file:line), then built into OUT."""
    from mkdocs.exceptions import MkDocsException  # noqa: PLC0415  # only this command builds in this process

    from .source import Refused, write_pages  # noqa: PLC0415

    project = arguments.config_file.resolve().parent
    checked = _check(argparse.Namespace(data=project / "data", uncited=False), quiet=True)
    if checked:
        return checked
    try:
        count_written = write_pages(arguments.config_file, arguments.out)
    except (Refused, MkDocsException) as error:
        print(f"{error}\nNothing was written.", file=sys.stderr)
        return 1
    print(f"wrote {arguments.out.as_posix()}/: {count(count_written, 'page')}, their files and mkdocs.yml")
    return 0


def _new(what: str, data_dir: Path, options: dict[str, object]) -> int:
    """Write the draft, then say what is left to write; or say why nothing was written."""
    try:
        written = create(what, data_dir, **options)
    except Refused as refused:
        print("\n".join([*refused.reasons, "Nothing was written."]), file=sys.stderr)
        return 1
    draft = written.draft
    print(f"Wrote {written.path.as_posix()}: {draft.summary}.")
    if draft.source_entry:
        print(f"Added the source '{draft.source_id}' to {(data_dir / 'sources.yml').as_posix()}, for you to describe.")
    if written.schemas_updated:
        print("Updated schemas/, so your editor knows the new ids.")
    left = written.placeholders
    these = "this value" if len(left) == 1 else f"these {len(left)} values"
    print(f"\nWrite {these}; until then `make check` fails and nothing is published:")
    print("\n".join(f"  {placeholder}" for placeholder in left))
    print(NEXT_STEPS[what])
    return 0


if __name__ == "__main__":
    sys.exit(main())
