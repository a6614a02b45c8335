"""Versioned, immutable releases under processed/, made visible atomically.

A release is written into processed/.staging-<version>/, re-read and checked, then renamed
to processed/<version>/ (one rename on one filesystem: readers see all of it or none of it).
processed/latest is a symlink swapped with os.replace, also atomic. A lock file serialises
concurrent runs; staging folders left by a killed run are removed by the next one.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import logging
import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator, Mapping
from concurrent import futures
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

import newswire
from newswire.release_errors import DamagedRelease, ReleaseLocked, StagingAbandoned
from schemas import TABLES, arrow_schema

LATEST = "latest"
LOCK_FILE = ".lock"
STAGING_PREFIX = ".staging-"
# In a staging folder: the run filling it (StagedAhead) no longer wants what is made of it (it stopped
# before staging every table, or its tables are the latest release's): the checks and the drawing
# asked ahead end at their next table or section (given_up).
ABANDONED_MARK = ".abandoned"
# Data Docs of a blocked release are kept here (under the releases folder; hidden, so never
# listed as a release) because the staging folder they were built in is deleted (blocked_docs_dir).
BLOCKED_FOLDER = ".blocked"
MANIFEST = "manifest.json"
# Actor, quote cluster and event ids kept across releases (newswire/registry.py); not a release: no manifest, never listed.
REGISTRY = ".registry"
_PROJECT_ROOT = Path(__file__).resolve().parent.parent


# Why a run said what it said about earlier releases: printed by the CLI, kept in the manifest.
log = logging.getLogger("newswire.release")


@dataclass(frozen=True)
class PublishResult:
    version: str
    path: Path
    created: bool  # False when the tables were identical to the latest release's
    # the tables published (or found in the earlier release), as validation gave them
    tables: Mapping[str, pd.DataFrame] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Arrival:
    """The tables a run is still staging as its checks start (StagedAhead): its corpus resolution
    stages each table once it is final, and each table's suite runs as soon as the table and
    those its cross-table rules read are staged, while the rest are made. tables: the tables that
    will come; writer_pid: the process staging them (a check waits for them only while it lives
    and has not marked the folder ABANDONED_MARK)."""
    tables: tuple[str, ...]
    writer_pid: int
    poll_seconds: float = 0.01


def arrivals(folder: Path, arrival: Arrival, meanwhile: Callable[[], bool] | None = None) -> Iterator[list[str]]:
    """The tables of arrival newly staged in folder, a list at a time, until every one is: waits
    between (polling), and raises StagingAbandoned when the run staging them stops first.
    meanwhile() is called instead of each wait while it says it did some work (a piece at a time:
    the next table is looked for after each)."""
    left = list(arrival.tables)
    while left:
        staged = [table for table in left if (folder / f"{table}.parquet").exists()]
        if staged:
            left = [table for table in left if table not in staged]
            yield staged
            continue
        given_up(folder)
        try:
            os.kill(arrival.writer_pid, 0)
        except ProcessLookupError:
            raise StagingAbandoned(f"{folder}: the run staging it (pid {arrival.writer_pid}) ended before "
                                   f"staging {', '.join(left)}") from None
        except PermissionError:
            pass  # alive, another user's
        if meanwhile is None or not meanwhile():
            time.sleep(arrival.poll_seconds)


def given_up(folder: Path) -> None:
    """Raises StagingAbandoned when the run staging folder marked it abandoned or removed it."""
    if (folder / ABANDONED_MARK).exists() or not folder.is_dir():
        raise StagingAbandoned(f"{folder}: the run staging it gave it up")


# validate(tables) -> (the tables to publish, the manifest's validation entries); raises to block
Validator = Callable[[Mapping[str, pd.DataFrame]], tuple[Mapping[str, pd.DataFrame], dict]]


def code_version() -> dict[str, str]:
    """Package version, git commit when available, and a hash of the code that makes the tables."""
    digest = hashlib.sha256()
    for folder in ("newswire", "flows", "schemas"):
        for path in sorted((_PROJECT_ROOT / folder).rglob("*")):
            if path.is_file() and path.suffix in {".py", ".json", ".txt"}:
                digest.update(path.relative_to(_PROJECT_ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    version = {"package": newswire.__version__, "source_sha256": digest.hexdigest()}
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        commit = subprocess.run(["git", "-C", str(_PROJECT_ROOT), "rev-parse", "HEAD"], capture_output=True,
                                text=True, timeout=5)
        if commit.returncode == 0:
            version["git_commit"] = commit.stdout.strip()
    return version


@contextlib.contextmanager
def release_lock(out_dir: Path, wait_seconds: float = 0.0) -> Iterator[None]:
    """Exclusive lock over out_dir; waits up to wait_seconds, then raises ReleaseLocked."""
    out_dir.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_seconds
    with open(out_dir / LOCK_FILE, "a+") as handle:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as error:
                if error.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    raise ReleaseLocked(f"another newswire run is publishing into {out_dir} (lock {out_dir / LOCK_FILE} is held); "
                                        "wait for it to finish or pass a longer --wait") from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def remove_stale_staging(out_dir: Path) -> list[str]:
    """Delete staging folders of runs that died before renaming them (call under the lock).

    Also the temporary `latest` links of runs killed inside point_latest: named by pid, they
    were never reused or removed and piled up.
    """
    removed = []
    for path in sorted(out_dir.glob(STAGING_PREFIX + "*")):
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path.name)
    for path in sorted(out_dir.glob(f".{LATEST}.*")):
        if path.is_symlink():
            path.unlink(missing_ok=True)
            removed.append(path.name)
    return removed


def write_table(df: pd.DataFrame, table: str, path: Path) -> None:
    spec = TABLES[table]
    schema = arrow_schema(spec.model, table, spec.version)
    # one thread: pyarrow's default converts the columns on a pool of Python threads, which for
    # these tables (Arrow-backed strings, lists held by Python objects) costs more than it saves
    # (the mentions table: ~10 -> ~1 ms), and contends for the interpreter with corpus resolution
    arrow_table = pa.Table.from_pandas(df, schema=schema, preserve_index=False, nthreads=1)
    # No timestamps and no row-order dependence in the file: same rows, same bytes.
    pq.write_table(arrow_table, path, compression="zstd", write_statistics=True)


def sha256_path(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def registry_dir(out_dir: Path) -> Path:
    return out_dir / REGISTRY


def latest_release(out_dir: Path) -> Path | None:
    link = out_dir / LATEST
    if link.is_symlink() and (target := link.resolve()).is_dir():
        return target
    return None


def read_manifest(release_dir: Path) -> dict:
    """The release's manifest; DamagedRelease when it is missing, not JSON, or not a manifest."""
    try:
        manifest = json.loads((release_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise DamagedRelease(f"release {release_dir.name}: {MANIFEST} is unreadable "
                             f"({type(error).__name__}: {' '.join(str(error).split())})") from None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("tables"), dict):
        raise DamagedRelease(f"release {release_dir.name}: {MANIFEST} is not a newswire manifest (no tables)")
    return manifest


@contextlib.contextmanager
def _read_as_parquet(path: Path) -> Iterator[None]:
    """DamagedRelease, naming the release and the file, when reading path as Parquet fails within."""
    try:
        yield
    except (OSError, pa.ArrowException) as error:
        raise DamagedRelease(f"release {path.parent.name}: {path.name} is not a readable Parquet file "
                             f"({' '.join(str(error).split())})") from None


def check_parquet(path: Path) -> None:
    """DamagedRelease unless path is a Parquet file whose footer (schema, row groups) reads."""
    with _read_as_parquet(path):
        pq.read_metadata(path)


def read_table(path: Path) -> pd.DataFrame:
    """A release's table; DamagedRelease when the file cannot be read as Parquet."""
    with _read_as_parquet(path):
        return pd.read_parquet(path)


def read_arrow_table(path: Path) -> pa.Table:
    """read_table's table as Arrow gives it; DamagedRelease when the file cannot be read as Parquet."""
    with _read_as_parquet(path):
        return pq.read_table(path)


def check_release(release_dir: Path) -> dict:
    """The manifest of a release whose manifest and every listed table can be read; else DamagedRelease.

    Footers only, not checksums: cheap enough for every run to ask of the previous release.
    """
    manifest = read_manifest(release_dir)
    for table in manifest["tables"]:
        check_parquet(release_dir / f"{table}.parquet")
    return manifest


def readable_previous(out_dir: Path) -> tuple[Path | None, str | None]:
    """(the latest release if it can be read, why it cannot): a damaged latest release must not
    stop every later run; it is treated as absent for drift checks, and the run says so."""
    previous = latest_release(out_dir)
    if previous is None:
        return None, None
    try:
        check_release(previous)
    except DamagedRelease as error:
        problem = f"{error}; treated as absent: no drift checks against it"
        log.warning("%s", problem)
        return None, problem
    return previous, None


def _displace_latest(out_dir: Path) -> str | None:
    """Move a `latest` that is not a symlink (a folder or file put there by hand) out of the way,
    so that publishing can point `latest` at the new release; say where it went."""
    link = out_dir / LATEST
    if link.is_symlink() or not link.exists():
        return None
    aside = out_dir / f".{LATEST}-displaced-{datetime.now(timezone.utc):%Y%m%dT%H%M%S%fZ}"
    os.rename(link, aside)
    problem = f"{link} was a {'folder' if aside.is_dir() else 'file'}, not a link to a release: moved to {aside.name}"
    log.warning("%s", problem)
    return problem


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def point_latest(out_dir: Path, version: str) -> None:
    temporary = out_dir / f".{LATEST}.{os.getpid()}"
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()
    temporary.symlink_to(version, target_is_directory=True)
    os.replace(temporary, out_dir / LATEST)
    _fsync_dir(out_dir)


class StagedAhead:
    """A release's staging folder made before its tables are (under the release lock, which the run
    then holds until it has published): corpus resolution stages each table as soon as it is final
    (stage). The checks, asked at once (check_staged(staging, previous, arrival)), check each table
    as it comes, on the core that corpus resolution leaves idle, rather than all of them after it;
    so does the report's drawing (draw(staging, previous, arrival): each table compared with the
    previous release's as it comes). Either is asked ahead only where it runs in a process of its
    own. publish(..., ahead=) then writes only the tables it has not seen staged and takes their
    answers. Use staged_ahead(), which abandons the folder when the run stops before publishing.
    """

    def __init__(self, out_dir: Path, check_staged: Callable[[Path, Path | None, Arrival], dict] | None,
                 draw: Callable[[Path, Path | None, Arrival], object] | None = None) -> None:
        self.now = datetime.now(timezone.utc)
        self.path = out_dir / f"{STAGING_PREFIX}{self.now:%Y%m%dT%H%M%S%fZ}-{os.getpid()}"
        self.path.mkdir(parents=True)
        self.problems = [problem for problem in (_displace_latest(out_dir),) if problem]
        self.previous, problem = readable_previous(out_dir)
        self.problems += [problem] if problem else []
        self.staged: dict[str, tuple[pd.DataFrame, str]] = {}  # table -> (the frame written, its file's sha256)
        self.taken = False  # by publish, which renames or removes the folder
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="staged ahead")
        arrival = Arrival(tuple(TABLES), os.getpid())
        self.checking, self.drawing = (None if work is None else self._pool.submit(work, self.path, self.previous, arrival)
                                       for work in (check_staged, draw))

    def stage(self, table: str, df: pd.DataFrame) -> None:
        """Write a final table into the folder (the checks start on it once the tables it refers to are there)."""
        self.staged[table] = (df, _write_staged(df, table, self.path))

    def take(self, tables: Mapping[str, pd.DataFrame]) -> dict[str, str]:
        """The sha256 of each table's file: tables staged as these very frames are kept, the others
        written (and the files of tables not among them removed)."""
        self.taken = True
        hashes = {}
        for table, df in tables.items():
            written = self.staged.get(table)
            hashes[table] = written[1] if written is not None and written[0] is df else _write_staged(df, table, self.path)
        for table in self.staged.keys() - tables.keys():
            (self.path / f"{table}.parquet").unlink(missing_ok=True)
        return hashes

    def give_up(self) -> None:
        """Tell the checks and the drawing that what they make is not wanted (or that no more tables
        will come): they end at their next table or section."""
        with contextlib.suppress(OSError):
            (self.path / ABANDONED_MARK).touch()

    def abandon(self) -> None:
        """give_up, and remove the folder once the checks and the drawing have ended (nothing writes
        into it after)."""
        self.give_up()
        _settled(self.checking, self.drawing)
        shutil.rmtree(self.path, ignore_errors=True)

    def close(self) -> None:
        self._pool.shutdown(wait=True)


@contextlib.contextmanager
def staged_ahead(out_dir: Path, check_staged: Callable[[Path, Path | None, Arrival], dict] | None,
                 draw: Callable[[Path, Path | None, Arrival], object] | None = None) -> Iterator[StagedAhead]:
    """A StagedAhead for the block (call under release_lock, which must be held until publish()
    returns); abandoned unless publish took it."""
    ahead = StagedAhead(out_dir, check_staged, draw)
    try:
        yield ahead
    finally:
        if not ahead.taken:
            ahead.abandon()
        ahead.close()


def _settled(*maybe: futures.Future | None) -> None:
    """Once the futures have ended (their outcome, an exception too, is left to whoever asks for it)."""
    futures.wait([future for future in maybe if future is not None])


def publish(tables: Mapping[str, pd.DataFrame], out_dir: Path, manifest_extra: Mapping[str, object],
            check_staged: Callable[[Path, Path | None], dict] | None = None,
            validate: Validator | None = None, ahead: StagedAhead | None = None,
            meanwhile: Callable[[], None] = lambda: None) -> PublishResult:
    """Write tables as a new release, unless they are byte-identical to the latest release.

    validate(tables) gives the tables to publish and the manifest's validation entries (pandera:
    a row that fails goes to quarantine) or raises to block the release. check_staged(staging_dir,
    previous_release) runs on the written files before they become visible (Great Expectations
    suites), on a thread beside the drawing of the report; it returns validation facts for the
    manifest and raises to block the release. The dataset card (README.md, datapackage.json), the
    report (report/index.html) and DuckDB views (newswire.sql) are written into the staging folder
    too, so they are part of the release. Call under release_lock.

    Validation nearly always passes every row unchanged, so the tables are staged before it ends,
    and the checks and the drawing work on them while it runs (pandera took ~0.45 s of a served
    run's end alone: newswire serve's checker and painter waited for it). When validation changes
    the tables, that work is discarded, and the tables it gives are staged, checked and drawn.
    Tables identical to an earlier release's are validated first: what they publish is nothing new.
    ahead: the staging folder that corpus resolution filled (StagedAhead), with its checks and
    drawing when it asked for them (then they are not asked again, unless validation changes the tables).
    meanwhile(): this process's own work while the checks and the drawing run, after validation
    (again if validation changed the tables); not called when nothing is published.
    """
    if ahead is not None and ahead.taken:  # a retry after a failed attempt, which removed it
        ahead = None
    checked_ahead, drawn_ahead = (ahead.checking, ahead.drawing) if ahead is not None else (None, None)
    if ahead is not None:
        now, staging = ahead.now, ahead.path
    else:
        now = datetime.now(timezone.utc)
        staging = out_dir / f"{STAGING_PREFIX}{now:%Y%m%dT%H%M%S%fZ}-{os.getpid()}"
        staging.mkdir(parents=True)
    try:
        validation: dict = {}
        if ahead is not None:
            table_hashes = ahead.take(tables)
            problems, previous = list(ahead.problems), ahead.previous
        else:
            table_hashes = _stage(tables, staging)
            problems = [problem for problem in (_displace_latest(out_dir),) if problem]
            previous, problem = readable_previous(out_dir)
            problems += [problem] if problem else []
        while True:
            fingerprint = hashlib.sha256(json.dumps(table_hashes, sort_keys=True).encode()).hexdigest()
            earlier = _release_with(out_dir, previous, fingerprint)
            if earlier is not None and ahead is not None:
                # what the checks and the drawing asked ahead find is not wanted, whatever validation
                # says next (the same tables: nothing to publish; other tables: checked afresh)
                ahead.give_up()
            if earlier is not None and validate is not None:
                valid, validation = validate(tables)
                validate = None
                if not _same_tables(valid, tables):
                    _settled(checked_ahead, drawn_ahead)  # before the folder is emptied
                    checked_ahead = drawn_ahead = None
                    tables, table_hashes = valid, _stage(valid, staging, fresh=True)
                    continue
            if earlier is not None:
                _remove_staging(staging, ahead)  # the checks and the drawing asked ahead are not wanted
                if earlier != previous:
                    # a run killed between the rename and the switch of `latest` left this complete,
                    # validated release unpublished: make it visible rather than write a twin
                    point_latest(out_dir, earlier.name)
                return PublishResult(earlier.name, earlier, created=earlier != previous, tables=tables)
            version = f"{now:%Y%m%dT%H%M%SZ}-{fingerprint[:8]}"
            # The report's tables and charts are drawn (in serve's painter when it runs:
            # newswire.report_painter) while the checks run (in a process of their own when
            # newswire.staged_checks started one) and while validation runs here; leaving the
            # block waits for the checks and the drawing, also when validation raises, so nothing
            # writes into the staging folder once it is removed.
            from newswire.report_painter import draw  # in newswire serve's painter when it runs

            with ThreadPoolExecutor(max_workers=2, thread_name_prefix="staged release") as pool:
                checking = checked_ahead or (pool.submit(check_staged, staging, previous) if check_staged is not None else None)
                drawing = drawn_ahead or pool.submit(draw, staging, previous)
                checked_ahead = drawn_ahead = None
                try:
                    valid, validation = validate(tables) if validate is not None else (tables, validation)
                    meanwhile()
                except BaseException:
                    futures.wait([f for f in (checking, drawing) if f is not None])
                    _discard_checks(checking, staging)
                    raise
            if validate is not None and not _same_tables(valid, tables):
                log.info("validation set rows aside: staging, checking and drawing the tables it gave")
                _settled(checking, drawing)
                _discard_checks(checking, staging)
                validate = None
                tables, table_hashes = valid, _stage(valid, staging, fresh=True)
                continue
            break
        manifest = {
            "version": version,
            "created": now.isoformat(timespec="seconds"),
            "code_version": code_version(),
            "fingerprint": fingerprint,
            "previous": previous.name if previous else None,
            **({"previous_problems": problems} if problems else {}),
            "tables": {table: {"rows": len(df), "sha256": table_hashes[table], "schema_version": TABLES[table].version}
                       for table, df in tables.items()},
            **manifest_extra,
        }
        # The card, the report and the DuckDB views read the staged files and ship inside the
        # immutable release; the views name the files where they will be after the rename.
        from newswire.card import table_files, write_card
        from newswire.report import write_report  # imports Altair and vl-convert: only when publishing
        from newswire.sql import write_views_file

        table_files_read = table_files(staging)  # while the checks finish
        manifest["validation"] = {**manifest.get("validation", {}), **validation,
                                  **(checking.result() if checking is not None else {})}
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True, default=str) + "\n",
                                        encoding="utf-8")
        write_card(staging, files=table_files_read)
        write_report(staging, previous, drawing=drawing.result())
        write_views_file(staging, (out_dir / version).resolve())
        for path in staging.rglob("*"):
            if path.is_file():
                with open(path, "rb") as handle:
                    os.fsync(handle.fileno())
        final = out_dir / version
        os.rename(staging, final)
        _fsync_dir(out_dir)
        point_latest(out_dir, version)
        return PublishResult(version, final, created=True, tables=tables)
    except BaseException:
        _remove_staging(staging, ahead)  # its checks may still wait for tables
        raise


def _remove_staging(staging: Path, ahead: StagedAhead | None) -> None:
    """Remove the staging folder, once what was asked ahead of it has ended."""
    if ahead is not None:
        ahead.abandon()
    shutil.rmtree(staging, ignore_errors=True)


def _stage(tables: Mapping[str, pd.DataFrame], staging: Path, fresh: bool = False) -> dict[str, str]:
    """Write the tables into the staging folder (emptied first when fresh); their files' sha256."""
    if fresh:
        shutil.rmtree(staging)
        staging.mkdir()
    return {table: _write_staged(df, table, staging) for table, df in tables.items()}


def _write_staged(df: pd.DataFrame, table: str, staging: Path) -> str:
    """Write one table into the staging folder, whole or not at all (renamed into place: checks
    that wait for it never read half a file); its file's sha256."""
    path = staging / f"{table}.parquet"
    partial = staging / f".{table}.parquet.partial"
    write_table(df, table, partial)
    if pq.read_metadata(partial).num_rows != len(df):
        raise OSError(f"{path} re-read with a different row count than written")
    os.replace(partial, path)
    return sha256_path(path)


def _release_with(out_dir: Path, previous: Path | None, fingerprint: str) -> Path | None:
    """The latest release when it holds these tables; else the newest release folder when it does
    (complete but never made visible); else None."""
    if previous is not None and read_manifest(previous).get("fingerprint") == fingerprint:
        return previous
    newest = max((p for p in out_dir.iterdir() if p.is_dir() and (p / MANIFEST).exists()
                  and not p.name.startswith(".") and not p.is_symlink()), default=None, key=lambda p: p.name)
    if newest is not None and _fingerprint(newest) == fingerprint:
        return newest
    return None


def _same_tables(validated: Mapping[str, pd.DataFrame], staged: Mapping[str, pd.DataFrame]) -> bool:
    """Whether validation gave back the staged tables: the same tables, each the same frame or an
    equal one (same columns, dtypes, index and values)."""
    return validated.keys() == staged.keys() and all(
        validated[table] is staged[table] or validated[table].equals(staged[table]) for table in staged)


def blocked_docs_dir(staging: Path) -> Path:
    """Where the Data Docs of a staged release its checks blocked are kept: the staging folder goes."""
    return staging.parent / BLOCKED_FOLDER / staging.name.removeprefix(STAGING_PREFIX)


def _discard_checks(checking: futures.Future | None, staging: Path) -> None:
    """Forget checks that ran on tables validation then changed or blocked: a release they blocked
    is not the one validation decided on, so the Data Docs they kept go too."""
    if checking is not None and checking.exception() is not None:
        shutil.rmtree(blocked_docs_dir(staging), ignore_errors=True)


def _fingerprint(release_dir: Path) -> str | None:
    try:
        return read_manifest(release_dir).get("fingerprint")
    except DamagedRelease:
        return None


@dataclass(frozen=True)
class ListedRelease:
    name: str
    manifest: dict | None  # None when damaged
    problem: str | None = None


def list_releases(out_dir: Path) -> list[ListedRelease]:
    """Every release folder under out_dir, oldest first; damaged ones with what is wrong."""
    releases = []
    for path in sorted(out_dir.iterdir() if out_dir.is_dir() else []):
        if path.is_dir() and not path.is_symlink() and not path.name.startswith(".") and (path / MANIFEST).exists():
            try:
                releases.append(ListedRelease(path.name, check_release(path)))
            except DamagedRelease as error:
                releases.append(ListedRelease(path.name, None, str(error)))
    return releases
