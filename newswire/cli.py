"""The `newswire` command. Parses arguments, sets up a quiet project-local Prefect, calls flows."""

from __future__ import annotations

import argparse
import atexit
import functools
import logging
import os
import signal
import sys
import tempfile
from pathlib import Path
from typing import NoReturn

from newswire.collector import collect_the_oldest_generation_rarely
from newswire.run_guard import guard_this_run


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


class _Parser(argparse.ArgumentParser):
    """argparse, with a bad argument reported in one line rather than usage plus a line."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


class InvocationError(ValueError):
    """Arguments that cannot work, found before any stage runs: one line on stderr, exit 2."""


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def _non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 (one per usable core) or more, not {value}")
    return value


def _non_negative_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number of seconds, not {text!r}") from None
    if not value >= 0:  # also refuses nan
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {text}")
    return value


def _positive_float(text: str) -> float:
    value = _non_negative_float(text)
    if value == 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, not {text}")
    return value


def _writable_folder(folder: Path) -> None:
    """Raise InvocationError unless releases can be written into folder (created if missing)."""
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise InvocationError(f"--out {folder}: {existing} is not a folder")
    # A real write, not os.access: root passes access() on a read-only mount's permission bits
    # only for it to fail with EROFS at publish time, after the whole pipeline has run.
    try:
        with tempfile.TemporaryFile(dir=existing, prefix=".newswire-write-check-"):
            pass
    except OSError as error:
        raise InvocationError(f"--out {folder}: cannot write into {existing} ({error.strerror or error})") from None


def _holds_any_file(folder: Path) -> bool:
    """Anything but folders under folder (files, links, pipes: each becomes an article or a quarantine row)."""
    return any(files or any(os.path.islink(os.path.join(top, d)) for d in dirs) for top, dirs, files in os.walk(folder))


def check_run_arguments(raw: Path, out: Path) -> None:
    """Everything about --raw and --out that would otherwise fail after the pipeline has run, or
    make the next run read its own output as news."""
    if not raw.exists():
        raise InvocationError(f"--raw {raw}: no such folder")
    if not raw.is_dir():
        raise InvocationError(f"--raw {raw}: not a folder (give the folder that holds the articles)")
    if not _holds_any_file(raw):
        raise InvocationError(f"--raw {raw}: the folder holds no files")
    raw_real, out_real = raw.resolve(), out.resolve()
    if out_real == raw_real or out_real.is_relative_to(raw_real):
        raise InvocationError(f"--out {out} is --raw {raw} or inside it: the next run would read the releases' files as "
                              "articles; choose an output folder outside the raw folder")
    if out.exists() and not out.is_dir():
        raise InvocationError(f"--out {out}: not a folder")
    _writable_folder(out)


class _WithoutRunFailures(logging.Filter):
    """Prefect logs a failed task and flow with their tracebacks; the CLI reports the error itself,
    in one line (--debug keeps Prefect's account)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno < logging.ERROR


def _run(args: argparse.Namespace) -> int:
    check_run_arguments(args.raw, args.out)
    collect_the_oldest_generation_rarely()  # from the imports on (newswire.collector)
    guard_this_run()  # before the flow starts Prefect's temporary server: it must not outlive the run
    configure_prefect(Path.cwd())
    from newswire.prefect_api import API_URL_VARIABLE, ServerDidNotStart, local_server

    own_server = not os.environ.get(API_URL_VARIABLE)
    try:
        with local_server(while_starting=functools.partial(_import_pipeline, args)):
            try:
                return _run_flow(args, heartbeats=not own_server)
            finally:
                from newswire.worker_pool import stop_fork_server

                stop_fork_server()
    except ServerDidNotStart as error:
        print(f"newswire: {error}", file=sys.stderr)
        return 1


def _import_pipeline(args: argparse.Namespace) -> None:
    from flows.pipeline import usable_cores  # Prefect, spaCy, pandas: seconds of imports
    from newswire.staged_checks import spawns_checker
    from newswire.stages import load_in_background, workers_expected
    from newswire.worker_pool import start_preloading

    cache = None if args.no_cache else args.cache
    expects_workers = not args.dask and workers_expected(args.raw, args.out, cache, args.workers or usable_cores())
    if expects_workers:
        start_preloading()  # the workers' model loads while the server starts, not while they wait for it
    # most of it while this process waits for the server; with workers, or in an incremental run
    # over a large corpus, Great Expectations is a checker process's (newswire.staged_checks)
    load_in_background(suites_here=not (expects_workers or spawns_checker(args.out, expects_workers)))


def _run_flow(args: argparse.Namespace, heartbeats: bool = True) -> int:
    """Without heartbeats when the run's own server goes with it (nothing would read them to find
    a crashed run): the heartbeat thread otherwise holds every run ~1 s at its end."""
    from flows.pipeline import local_runner, release_flow, usable_cores  # imports Prefect, which configures its loggers
    if not getattr(args, "debug", False):
        for name in ("prefect.flow_runs", "prefect.task_runs"):
            logging.getLogger(name).addFilter(_WithoutRunFailures())
    from newswire.release import ReleaseLocked
    from newswire.validation import ReleaseBlocked
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    workers = args.workers or usable_cores()
    runner = _dask_runner(args.dask, workers) if args.dask else local_runner(workers)
    try:
        with temporary_settings(updates={} if heartbeats else {PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
            summary = release_flow.with_options(task_runner=runner)(
                raw_dir=str(args.raw), out_dir=str(args.out), batch_size=args.batch_size, lock_wait=args.wait,
                progress=not args.quiet, accept_drift=args.accept_drift,
                cache_dir=None if args.no_cache else str(args.cache))
    except (ReleaseBlocked, ReleaseLocked, FileNotFoundError) as error:
        print(f"newswire: {error}", file=sys.stderr)
        return 1
    print("\n".join(summary.lines()))
    return 0


def _dask_runner(where: str, workers: int):
    """prefect-dask's runner: a LocalCluster of one-threaded worker processes ("local[:N]"), or
    the scheduler at an address. Each worker loads the spaCy model once and parses with one
    process (a Dask worker is daemonic: it cannot start spaCy's own worker processes)."""
    from prefect_dask import DaskTaskRunner

    if where == "local" or where.startswith("local:"):
        count = int(where.partition(":")[2] or workers)
        return DaskTaskRunner(cluster_kwargs={"n_workers": count, "threads_per_worker": 1, "processes": True,
                                              "dashboard_address": None})
    return DaskTaskRunner(address=where)


def _dask_address(text: str) -> str:
    if text == "local" or (text.startswith("local:") and text[6:].isdigit() and int(text[6:]) > 0):
        return text
    if text.startswith("local"):
        raise argparse.ArgumentTypeError(f"local clusters are 'local' or 'local:N' with N >= 1, not {text!r}")
    host, _, port = text.removeprefix("tcp://").rpartition(":")
    if not host or not port.isdigit():
        raise argparse.ArgumentTypeError(f"give a scheduler address such as tcp://host:8786, or local[:N], not {text!r}")
    return text if text.startswith("tcp://") else f"tcp://{text}"


def _serve(args: argparse.Namespace) -> int:
    """Run the release flow on a schedule with Prefect's own scheduling. Without PREFECT_API_URL
    a full local Prefect server (the embedded one cannot schedule) is started first and stopped
    when serving ends (Ctrl-C or SIGTERM)."""
    check_run_arguments(args.raw, args.out)
    guard_this_run()
    configure_prefect(Path.cwd())
    from newswire.prefect_api import ServerDidNotStart, local_server

    # SIGTERM (systemd, docker stop) ends serving as Ctrl-C does: Prefect's runner shuts down
    # on SIGINT, then the server is stopped
    signal.signal(signal.SIGTERM, lambda *_: os.kill(os.getpid(), signal.SIGINT))
    if not getattr(args, "debug", False):
        # the runner's last API poll, cut short by the shutdown, is logged as a stray task error
        logging.getLogger("asyncio").setLevel(logging.CRITICAL)
    try:
        # Prefect is imported once the server's address is in the environment: its settings are
        # read at import, and without the address the runner would talk to an in-process server
        with local_server(full=True) as url:
            from flows.pipeline import release_flow
            from newswire.served_runs import SERVED_DEPLOYMENT, drop_runs_left_scheduled, flow_runs_forked
            from newswire.report_painter import painter_service
            from newswire.staged_checks import checker_service

            schedule = f"cron {args.cron!r}" if args.cron else f"every {args.interval:g} s"
            print(f"newswire serve: {schedule}, Prefect API {url}; Ctrl-C to stop", flush=True)
            dropped = drop_runs_left_scheduled(release_flow.name)
            if dropped:
                print(f"newswire serve: dropped {dropped} run(s) an earlier serve left scheduled (its options, "
                      "not these)", flush=True)
            with flow_runs_forked(args.raw.resolve(), None if args.no_cache else args.cache.resolve()), \
                    checker_service(), painter_service():
                release_flow.serve(
                    name=SERVED_DEPLOYMENT, cron=args.cron, interval=None if args.cron else args.interval, limit=1,
                    print_starting_message=False, pause_on_shutdown=False,
                    parameters={"raw_dir": str(args.raw.resolve()), "out_dir": str(args.out.resolve()),
                                "batch_size": args.batch_size, "lock_wait": args.wait, "progress": False,
                                "cache_dir": None if args.no_cache else str(args.cache.resolve()), "announce": True})
    except ServerDidNotStart as error:
        print(f"newswire: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("newswire serve: stopped", file=sys.stderr)
    return 0


def _cache(args: argparse.Namespace) -> int:
    from newswire.cache_maintenance import cache_info, current_versions, prune

    versions = current_versions()
    if args.action == "prune":
        pruned = prune(args.cache, args.out, versions)
        print(f"{args.cache}: removed {pruned.entries} entries ({pruned.size / 2**20:.1f} MiB) of old code versions "
              f"or of articles no release in {args.out} holds; kept {pruned.kept}")
        return 0
    figures = cache_info(args.cache, versions)
    if not figures:
        print(f"{args.cache}: empty")
    for stage in sorted({folder.stage for folder in figures}):
        current = [f for f in figures if f.stage == stage and f.current]
        old = [f for f in figures if f.stage == stage and not f.current]
        print(f"{stage:<10} current code: {sum(f.entries for f in current):>7} entries "
              f"{sum(f.size for f in current) / 2**20:>8.1f} MiB   older code: {sum(f.entries for f in old):>7} entries "
              f"{sum(f.size for f in old) / 2**20:>8.1f} MiB")
    if any(not f.current for f in figures):
        print("`newswire cache prune` removes entries of older code and of articles no release holds")
    return 0


def _releases(args: argparse.Namespace) -> int:
    from newswire.release import latest_release, list_releases

    latest = latest_release(args.out)
    for listed in list_releases(args.out):
        marker = "*" if latest is not None and latest.name == listed.name else " "
        if listed.manifest is None:
            print(f"{marker} {listed.name}  DAMAGED: {listed.problem}")
            continue
        rows = " ".join(f"{t}={v.get('rows')}" for t, v in sorted(listed.manifest["tables"].items()))
        outcome = listed.manifest.get("validation", {}).get("outcome", "pandera passed")
        print(f"{marker} {listed.name}  {listed.manifest.get('created')}  {outcome}  {rows}")
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
    from newswire.gx_validation import DRIFT, INTEGRITY, validate_release
    from newswire.release import MANIFEST, DamagedRelease, check_release, read_manifest

    release = _release_dir(args.release, args.out)
    if release is None:
        print(f"newswire: no release {args.release!r} (looked for a folder, and in {args.out})", file=sys.stderr)
        return 2
    previous_name = read_manifest(release).get("previous") if (release / MANIFEST).exists() else None
    previous = release.parent / previous_name if previous_name and (release.parent / previous_name).is_dir() else None
    if previous is not None:
        try:
            check_release(previous)
        except DamagedRelease as error:
            print(f"newswire: {error}; drift rules run without it", file=sys.stderr)
            previous = None
    # Releases are immutable: docs written at publish time stay, and a re-run writes elsewhere,
    # also for a release whose validation/ folder is missing.
    docs = args.docs if args.docs is not None else Path("ci-artifacts") / "validation" / release.name
    report = validate_release(release, previous, docs)
    for table, outcomes in report.tables.items():
        print(table)
        for outcome in outcomes:
            detail = f"  ({outcome.observed})" if not outcome.success and outcome.observed else ""
            state = "ok  " if outcome.success else "FAIL" if outcome.severity == INTEGRITY else "WARN"
            print(f"  {state}  {outcome.name}{detail}")
    for table in report.skipped:
        print(f"{table}\n  skipped (not in this release)")
    failed = len(report.failures())
    total = sum(len(outcomes) for outcomes in report.tables.values())
    drift = len(report.failures(DRIFT))
    if report.success:
        state = "passed"
    elif report.passes(accept_drift=True):
        state = (f"drift: {drift} of {total} expectations (WARN) against the previous release or usual coverage; "
                 + ("accepted" if args.accept_drift else "pass --accept-drift if the input really changed"))
    else:
        state = f"FAILED ({failed} of {total} expectations)"
    print(f"release {release.name}: {state}; previous release: {previous.name if previous else 'none'}")
    print(f"Data Docs: {report.docs_index or docs}")
    return 0 if report.passes(args.accept_drift) else 1


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


def _add_run_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--raw", type=Path, default=Path("raw"), help="folder of raw articles (default raw/)")
    command.add_argument("--out", type=Path, default=Path("processed"), help="releases folder (default processed/)")
    command.add_argument("--batch-size", type=_positive_int, default=200, help="articles per extraction task batch (structure batches are sized by the stage)")
    command.add_argument("--wait", type=_non_negative_float, default=600.0,
                         help="seconds to wait for another run's lock")
    command.add_argument("--cache", type=Path, default=Path(".cache/extract"),
                         help="per-article structure and NLP results, keyed by content hash (default .cache/extract)")
    command.add_argument("--no-cache", action="store_true", help="structure and parse every article again")


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="show the full traceback of an unexpected error")
    parser = _Parser(prog="newswire", description=__doc__, parents=[common])
    commands = parser.add_subparsers(dest="command", required=True)
    add_parser = functools.partial(commands.add_parser, parents=[common])
    run = add_parser("run", help="run the pipeline and publish a release")
    _add_run_options(run)
    run.add_argument("--quiet", action="store_true", help="no progress bar")
    run.add_argument("--dask", type=_dask_address, metavar="ADDRESS",
                     help="run the batch stages on a Dask cluster: a scheduler address (tcp://host:8786) or "
                          "local[:N] for a LocalCluster of N worker processes (default N: --workers or usable cores)")
    run.add_argument("--workers", type=_non_negative_int, default=0,
                     help="worker processes for the per-batch stages, one spaCy model each (default: usable cores)")
    run.add_argument("--accept-drift", action="store_true",
                     help="publish although drift rules (row counts, null shares, coverage against the previous release) "
                          "fail, because the input really changed; the waived rules are recorded in the manifest")
    run.set_defaults(handler=_run)
    serve = add_parser("serve", help="publish releases on a schedule (Prefect's scheduler; starts a local "
                                     "Prefect server when PREFECT_API_URL is not set)")
    _add_run_options(serve)
    when = serve.add_mutually_exclusive_group(required=True)
    when.add_argument("--cron", help='cron expression, e.g. "*/15 * * * *"')
    when.add_argument("--interval", type=_positive_float, help="seconds between runs")
    serve.set_defaults(handler=_serve)
    cache = add_parser("cache", help="what the structure/parse/extractor cache holds (info), or drop entries of old "
                                     "code versions and of articles no release holds (prune)")
    cache.add_argument("action", choices=["info", "prune"])
    cache.add_argument("--cache", type=Path, default=Path(".cache/extract"), help="cache folder (default .cache/extract)")
    cache.add_argument("--out", type=Path, default=Path("processed"), help="releases folder (default processed/)")
    cache.set_defaults(handler=_cache)
    releases = add_parser("releases", help="list releases")
    releases.add_argument("--out", type=Path, default=Path("processed"))
    releases.set_defaults(handler=_releases)
    dictionary = add_parser("dictionary", help="print the data dictionary (Markdown) from the schemas")
    dictionary.add_argument("--update-readme", type=Path, metavar="README",
                            help="rewrite the dictionary section of this README instead of printing")
    dictionary.set_defaults(handler=_dictionary)
    validate = add_parser("validate", help="run the Great Expectations suites on a release")
    validate.add_argument("release", nargs="?", default="latest", help="version, 'latest' or a folder (default latest)")
    validate.add_argument("--out", type=Path, default=Path("processed"), help="releases folder (default processed/)")
    validate.add_argument("--docs", type=Path, help="Data Docs folder (default ci-artifacts/validation/<version>/: "
                          "releases are never modified)")
    validate.add_argument("--accept-drift", action="store_true",
                          help="exit 0 when only drift rules fail (they are still shown, as WARN)")
    validate.set_defaults(handler=_validate)
    diff = add_parser("diff", help="rows added, removed and changed per table between two releases")
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
    """Bad arguments and unexpected errors end in one line on stderr (the traceback with --debug)."""
    from newswire.release_errors import DamagedRelease

    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except InvocationError as error:
        print(f"newswire {args.command}: {error}", file=sys.stderr)
        return 2
    except DamagedRelease as error:
        if getattr(args, "debug", False):
            raise
        print(f"newswire {args.command}: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"newswire {args.command}: interrupted", file=sys.stderr)
        return 130
    except Exception as error:
        if getattr(args, "debug", False):
            raise
        message = " ".join(str(error).split()) or type(error).__name__
        print(f"newswire {args.command}: {type(error).__name__}: {message} (run again with --debug for the traceback)",
              file=sys.stderr)
        return 1


def console() -> NoReturn:
    """The `newswire` command: main(), then out of the process without tearing its heap down.

    Freeing every object of a run (the spaCy model, Great Expectations, the tables) one by one
    took ~1-1.5 s after the last line was printed. The exit handlers still run (logging flushed,
    temporary folders removed, child processes joined), then the process leaves at once, as
    the operating system reclaims its memory whole."""
    from newswire.process_exit import leave_now

    code = main()
    atexit._run_exitfuncs()
    leave_now(code)


if __name__ == "__main__":
    console()
