"""Command line: ``briefing build | inspect | model``.

User errors (missing model, unreadable file, bad config) end with one line on stderr and a
non-zero exit, never a traceback. Exit codes: 0 success; 1 failure (including ``--strict``
with a skipped source); 2 usage or set-up error; 3 built, but some sources were skipped.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from generator import __version__
from generator.errors import UserError, one_line

EXIT_OK, EXIT_FAIL, EXIT_USAGE, EXIT_SKIPPED = 0, 1, 2, 3


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("briefing: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        message = _user_message(exc)
        if message is None:
            raise
        print(f"briefing: error: {one_line(message)}", file=sys.stderr)
        return EXIT_USAGE


def _user_message(exc: Exception) -> str | None:
    if isinstance(exc, UserError):
        return str(exc).strip() or exc.__class__.__name__
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror or exc}"
    return None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Turn Chinese news sources into a bilingual (Chinese → English) briefing site.",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = sub.add_parser("build", help="read every source in seeds/ and write the digest pages under docs/")
    build.add_argument("--seeds", default=None, help="folder of sources (default: seeds/)")
    build.add_argument("--docs", default=None, help="MkDocs docs folder (default: docs/)")
    build.add_argument("--strict", action="store_true", help="fail (and write nothing) if any source is skipped")
    build.add_argument(
        "--no-translate",
        action="store_true",
        help="build without an English translation (pages say so); for previews without a model",
    )
    build.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    build.add_argument("--no-cache", action="store_true", help="analyse every source again (translations stay cached)")
    build.set_defaults(func=_cmd_build)

    inspect = sub.add_parser("inspect", help="analyse files or folders and print the articles found")
    inspect.add_argument("paths", nargs="+", metavar="PATH")
    inspect.add_argument("--json", action="store_true", help="one JSON object per article per line")
    inspect.add_argument("--no-translate", action="store_true", help="skip translation (summary_en is null)")
    inspect.add_argument("--single-article", action="store_true", help="treat each file as exactly one article")
    inspect.add_argument("--no-cache", action="store_true", help="analyse every source again (translations stay cached)")
    inspect.set_defaults(func=_cmd_inspect)

    model = sub.add_parser("model", help="install or list the zh→en translation model")
    model_sub = model.add_subparsers(dest="model_command", required=True, metavar="ACTION")
    install = model_sub.add_parser("install", help="install from a local .argosmodel file, or from the Argos index")
    install.add_argument("file", nargs="?", help="a local .argosmodel file (offline install)")
    install.set_defaults(func=_cmd_model_install)
    listing = model_sub.add_parser("list", help="list installed translation packages")
    listing.set_defaults(func=_cmd_model_list)
    return parser


def _cmd_build(args: argparse.Namespace) -> int:
    from generator.build import run_build

    report = run_build(
        seeds=args.seeds,
        docs=args.docs,
        strict=args.strict,
        translate=not args.no_translate,
        progress=not args.quiet,
        use_cache=not args.no_cache,
    )
    _say(report.problems, report.warnings)
    print(report.summary_line(), file=sys.stderr)
    if report.aborted:
        return EXIT_FAIL
    return EXIT_SKIPPED if report.problems else EXIT_OK


def _cmd_inspect(args: argparse.Namespace) -> int:
    from generator.build import inspect_sources
    from generator.records import plain_record

    records, problems, warnings = inspect_sources(
        args.paths, translate=not args.no_translate, single_article=args.single_article, use_cache=not args.no_cache
    )
    out = sys.stdout
    for record in records:
        if args.json:
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n")
        else:
            out.write(plain_record(record))
    _say(problems, warnings)
    if not records and problems:
        return EXIT_FAIL
    return EXIT_SKIPPED if problems else EXIT_OK


def _say(skipped: Sequence[object], warnings: Sequence[object]) -> None:
    """One line per source skipped and per warning; names are escaped (a file name may hold
    a newline or a terminal escape sequence)."""
    for problem in skipped:
        print(f"briefing: skipped {one_line(str(problem))}", file=sys.stderr)
    for warning in warnings:
        print(f"briefing: warning: {one_line(str(warning))}", file=sys.stderr)


def _cmd_model_install(args: argparse.Namespace) -> int:
    from generator.translation import packages

    if args.file:
        path = Path(args.file)
        if not path.is_file():
            raise UserError(f"{path}: no such file")
        message = packages.install_from_file(path)
    else:
        message = packages.install_from_index()
    print(message)
    return EXIT_OK


def _cmd_model_list(args: argparse.Namespace) -> int:
    from generator.translation import packages

    installed = packages.list_installed()
    if not installed:
        print("no translation packages installed", file=sys.stderr)
        return EXIT_OK
    for line in installed:
        print(line)
    return EXIT_OK
