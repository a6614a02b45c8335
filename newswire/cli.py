"""The `newswire` command. Parses arguments, sets up a quiet project-local Prefect, calls flows."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path


def prefect_environment(prefect_home: Path) -> dict[str, str]:
    """Ephemeral Prefect with its state in prefect_home, quiet and offline (see ../shared/STACK.md):
    analytics off (a fresh database otherwise logs "database is locked"), a startup timeout
    that two busy cores can meet."""
    return {
        "PREFECT_HOME": str(prefect_home),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "PREFECT_SERVER_UI_ENABLED": "false",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
        "GX_ANALYTICS_ENABLED": "false",
    }


def configure_prefect(project_dir: Path) -> None:
    """Project-local Prefect settings, unless the caller's environment already says otherwise."""
    for key, value in prefect_environment(project_dir / ".prefect").items():
        os.environ.setdefault(key, value)


def _run(args: argparse.Namespace) -> int:
    configure_prefect(Path.cwd())
    from flows.pipeline import release_flow, usable_cores
    from newswire.release import ReleaseLocked
    from newswire.validation import ReleaseBlocked
    from prefect.task_runners import ProcessPoolTaskRunner

    workers = args.workers or usable_cores()
    try:
        summary = release_flow.with_options(task_runner=ProcessPoolTaskRunner(max_workers=workers))(raw_dir=str(args.raw), out_dir=str(args.out), batch_size=args.batch_size,
                               lock_wait=args.wait, progress=not args.quiet,
                               cache_dir=None if args.no_cache else str(args.cache))
    except (ReleaseBlocked, ReleaseLocked, FileNotFoundError) as error:
        print(f"newswire: {error}", file=sys.stderr)
        return 1
    for stage, figures in summary.counts.items():
        print(f"{stage:<12} " + "  ".join(f"{name}={value}" for name, value in figures.items()))
    print(f"{'seconds':<12} " + "  ".join(f"{stage}={seconds:.1f}" for stage, seconds in summary.seconds.items()))
    state = "published" if summary.created else "unchanged, latest release kept"
    print(f"release {summary.version} {state}: {summary.release_path}")
    return 0


def _releases(args: argparse.Namespace) -> int:
    from newswire.release import latest_release, list_releases

    latest = latest_release(args.out)
    for manifest in list_releases(args.out):
        rows = " ".join(f"{t}={v['rows']}" for t, v in sorted(manifest["tables"].items()))
        outcome = manifest.get("validation", {}).get("outcome", "pandera passed")
        marker = "*" if latest is not None and latest.name == manifest["version"] else " "
        print(f"{marker} {manifest['version']}  {manifest['created']}  {outcome}  {rows}")
    return 0


def _dictionary(args: argparse.Namespace) -> int:
    from newswire.dictionary import data_dictionary
    from newswire.readme import update

    if args.update_readme:
        changed = update(args.update_readme)
        print(f"{args.update_readme}: data dictionary {'updated' if changed else 'already up to date'}")
    else:
        print(data_dictionary(), end="")
    return 0


def _release_dir(name: str, out: Path) -> Path | None:
    """A release given by version name (or 'latest') under out, or by path; symlinks resolved."""
    for candidate in (Path(name), out / name):
        if candidate.is_dir() and (any(candidate.glob("*.parquet")) or (candidate / "manifest.json").exists()):
            return candidate.resolve()
    return None


def _validate(args: argparse.Namespace) -> int:
    from newswire.gx_validation import DOCS_FOLDER, validate_release
    from newswire.release import MANIFEST, read_manifest

    release = _release_dir(args.release, args.out)
    if release is None:
        print(f"newswire: no release {args.release!r} (looked for a folder, and in {args.out})", file=sys.stderr)
        return 2
    previous_name = read_manifest(release).get("previous") if (release / MANIFEST).exists() else None
    previous = release.parent / previous_name if previous_name and (release.parent / previous_name).is_dir() else None
    # Releases are immutable: docs written at publish time stay; a re-run writes elsewhere.
    if args.docs is not None:
        docs = args.docs
    elif (release / DOCS_FOLDER).exists():
        docs = Path("ci-artifacts") / "validation" / release.name
    else:
        docs = release / DOCS_FOLDER
    report = validate_release(release, previous, docs)
    for table, outcomes in report.tables.items():
        print(table)
        for outcome in outcomes:
            detail = f"  ({outcome.observed})" if not outcome.success and outcome.observed else ""
            print(f"  {'ok  ' if outcome.success else 'FAIL'}  {outcome.name}{detail}")
    for table in report.skipped:
        print(f"{table}\n  skipped (not in this release)")
    failed = len(report.failures())
    total = sum(len(outcomes) for outcomes in report.tables.values())
    state = "passed" if report.success else f"FAILED ({failed} of {total} expectations)"
    print(f"release {release.name}: {state}; previous release: {previous.name if previous else 'none'}")
    print(f"Data Docs: {report.docs_index or docs}")
    return 0 if report.success else 1


def _diff(args: argparse.Namespace) -> int:
    from newswire.diff import diff_releases

    releases = []
    for name in (args.a, args.b):
        release = _release_dir(name, args.out)
        if release is None:
            print(f"newswire: no release {name!r} (looked for a folder, and in {args.out})", file=sys.stderr)
            return 2
        releases.append(release)
    print(f"{releases[0].name} -> {releases[1].name}")
    for table, diff in diff_releases(*releases).items():
        line = f"{table:<16} added {len(diff.added):>6}  removed {len(diff.removed):>6}  changed {len(diff.changed):>6}"
        if diff.changed_columns:
            line += "  (" + ", ".join(f"{column} {count}" for column, count in diff.changed_columns.items()) + ")"
        if diff.columns_added or diff.columns_removed:
            line += f"  columns +{diff.columns_added} -{diff.columns_removed}"
        print(line)
    return 0


def _report(args: argparse.Namespace) -> int:
    from newswire.release import MANIFEST, read_manifest
    from newswire.report import REPORT_FOLDER, write_report

    release = _release_dir(args.release, args.out)
    if release is None:
        print(f"newswire: no release {args.release!r} (looked for a folder, and in {args.out})", file=sys.stderr)
        return 2
    previous_name = read_manifest(release).get("previous") if (release / MANIFEST).exists() else None
    previous = release.parent / previous_name if previous_name and (release.parent / previous_name).is_dir() else None
    # Releases are immutable: a report written at publish time stays; a re-run writes elsewhere.
    if args.report_dir is not None:
        target = args.report_dir
    elif (release / REPORT_FOLDER).exists():
        target = Path("ci-artifacts") / "report" / release.name
    else:
        target = release / REPORT_FOLDER
    print(f"report: {write_report(release, previous, target)}")
    return 0


def _sql(args: argparse.Namespace) -> int:
    from newswire.sql import connect, repl, run_query

    release = _release_dir(args.release, args.out)
    if release is None:
        print(f"newswire: no release {args.release!r} (looked for a folder, and in {args.out})", file=sys.stderr)
        return 2
    connection = connect(release)
    if args.query is None:
        return repl(connection, args.format, release.name)
    return run_query(connection, args.query, args.format)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newswire", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run the pipeline and publish a release")
    run.add_argument("--raw", type=Path, default=Path("raw"), help="folder of raw articles (default raw/)")
    run.add_argument("--out", type=Path, default=Path("processed"), help="releases folder (default processed/)")
    run.add_argument("--batch-size", type=int, default=200, help="articles per task batch")
    run.add_argument("--wait", type=float, default=600.0, help="seconds to wait for another run's lock")
    run.add_argument("--quiet", action="store_true", help="no progress bar")
    run.add_argument("--cache", type=Path, default=Path(".cache/extract"),
                     help="per-article NLP results, keyed by content hash (default .cache/extract)")
    run.add_argument("--no-cache", action="store_true", help="parse every article again")
    run.add_argument("--workers", type=int, default=0,
                     help="worker processes for the per-batch stages, one spaCy model each (default: usable cores)")
    run.set_defaults(handler=_run)
    releases = commands.add_parser("releases", help="list releases")
    releases.add_argument("--out", type=Path, default=Path("processed"))
    releases.set_defaults(handler=_releases)
    dictionary = commands.add_parser("dictionary", help="print the data dictionary (Markdown) from the schemas")
    dictionary.add_argument("--update-readme", type=Path, metavar="README",
                            help="rewrite the dictionary section of this README instead of printing")
    dictionary.set_defaults(handler=_dictionary)
    validate = commands.add_parser("validate", help="run the Great Expectations suites on a release")
    validate.add_argument("release", nargs="?", default="latest", help="version, 'latest' or a folder (default latest)")
    validate.add_argument("--out", type=Path, default=Path("processed"), help="releases folder (default processed/)")
    validate.add_argument("--docs", type=Path, help="Data Docs folder (default <release>/validation/ when the release "
                          "has none yet, else ci-artifacts/validation/<version>/: releases are never modified)")
    validate.set_defaults(handler=_validate)
    diff = commands.add_parser("diff", help="rows added, removed and changed per table between two releases")
    diff.add_argument("a", help="older release: version, 'latest' or a folder")
    diff.add_argument("b", help="newer release: version, 'latest' or a folder")
    diff.add_argument("--out", type=Path, default=Path("processed"), help="releases folder (default processed/)")
    diff.set_defaults(handler=_diff)
    report = commands.add_parser("report", help="write the HTML report of a release (report/index.html)")
    report.add_argument("release", nargs="?", default="latest", help="version, 'latest' or a folder (default latest)")
    report.add_argument("--out", type=Path, default=Path("processed"), help="releases folder (default processed/)")
    report.add_argument("--report-dir", type=Path, help="where to write (default <release>/report/ when the release "
                        "has none yet, else ci-artifacts/report/<version>/: releases are never modified)")
    report.set_defaults(handler=_report)
    sql = commands.add_parser("sql", help="query a release with DuckDB (read-only); no query: interactive prompt")
    sql.add_argument("query", nargs="?", help="SQL; tables are named after the release's Parquet files")
    sql.add_argument("--release", default="latest", help="version, 'latest' or a folder (default latest)")
    sql.add_argument("--out", type=Path, default=Path("processed"), help="releases folder (default processed/)")
    sql.add_argument("--format", choices=["table", "csv", "json"], default="table",
                     help="table (default), csv, or json (one object per line)")
    sql.set_defaults(handler=_sql)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
