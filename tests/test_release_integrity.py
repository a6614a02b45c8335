"""Releases survive kills, concurrent runs and reruns.

(a) A run killed with SIGKILL at any point leaves the previous release and `latest` intact and
    byte-identical; the next run completes and removes what the dead one left behind.
(b) Two runs at once never corrupt anything: one waits on the lock or exits with a clear message.
(c) The same input twice gives byte-identical tables and no new release; a changed input gives
    a new release and leaves the old one byte-identical.

The kill-point matrix runs `newswire.release.publish` in child processes (cheap), blocked at a
chosen point by monkeypatching inside the child. A few `newswire run` CLI processes (≈ 15-40 s
each: an ephemeral Prefect server) are killed or locked out for the end-to-end check.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import pickle
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from hostile_corpus import run_stages
from newswire import release

PROJECT_ROOT = Path(__file__).resolve().parent.parent
STARTUP_TIMEOUT = 240  # seconds for a child to reach its kill point on a loaded 2-core machine


# --- helpers -------------------------------------------------------------------------------------

def tree_hashes(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def snapshot(out_dir: Path) -> dict:
    """Where latest points and the bytes of every visible release."""
    link = out_dir / release.LATEST
    return {
        "latest": os.readlink(link) if link.is_symlink() else None,
        "releases": {p.name: tree_hashes(p) for p in sorted(out_dir.iterdir())
                     if p.is_dir() and not p.is_symlink() and not p.name.startswith(".")},
    }


def assert_consistent(out_dir: Path) -> None:
    """Every visible release is complete (manifest matches its files) and latest points at one."""
    for path in sorted(out_dir.iterdir()):
        if path.name.startswith(".") or path.is_symlink():
            continue
        manifest = release.read_manifest(path)
        assert manifest["version"] == path.name
        for table, entry in manifest["tables"].items():
            file = path / f"{table}.parquet"
            assert release.sha256_path(file) == entry["sha256"], file
            assert pq.read_metadata(file).num_rows == entry["rows"], file
    latest = release.latest_release(out_dir)
    assert latest is not None and (latest / release.MANIFEST).is_file()


def leftovers(out_dir: Path) -> list[str]:
    return sorted(p.name for p in out_dir.iterdir()
                  if p.name.startswith((release.STAGING_PREFIX, f".{release.LATEST}.")))


def wait_for(predicate, process: subprocess.Popen, timeout: float = STARTUP_TIMEOUT, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if process.poll() is not None:
            out, err = process.communicate()
            pytest.fail(f"child exited ({process.returncode}) before {what}:\n{out}\n{err}")
        if time.monotonic() > deadline:
            kill_group(process)
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.05)


def kill_group(process: subprocess.Popen) -> None:
    """SIGKILL the child and everything it started (the ephemeral Prefect server)."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.communicate(timeout=60)


# --- tables --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def raw_dirs(tmp_path_factory, seeds_dir) -> dict[str, Path]:
    """'old': the five seeds; 'new': the same plus one changed article (a new input)."""
    base = tmp_path_factory.mktemp("raw")
    old, new = base / "old", base / "new"
    shutil.copytree(seeds_dir, old)
    shutil.copytree(seeds_dir, new)
    for path in (*old.iterdir(), *new.iterdir()):
        path.chmod(0o644)
    seed = (seeds_dir / "003_b9c2a02033c2881e.txt").read_text(encoding="utf-8")
    (new / "003_b9c2a02033c2881e.txt").write_text(seed.replace("intense diplomatic exchanges", "tense talks"),
                                                  encoding="utf-8")
    return {"old": old, "new": new}


@pytest.fixture(scope="module")
def tables(raw_dirs) -> dict[str, dict]:
    return {name: run_stages(path) for name, path in raw_dirs.items()}


@pytest.fixture(scope="module")
def pickled_tables(tables, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pickles")
    paths = {}
    for name, value in tables.items():
        paths[name] = folder / f"{name}.pickle"
        paths[name].write_bytes(pickle.dumps(value))
    return paths


def publish_like_the_flow(tables_: dict, out_dir: Path, wait: float = 0.0) -> release.PublishResult:
    """What flows.pipeline.publish_task does (lock, remove stale staging, publish), minus the
    Great Expectations check, which is not what these tests are about (the CLI runs include it)."""
    with release.release_lock(out_dir, wait_seconds=wait):
        release.remove_stale_staging(out_dir)
        return release.publish(tables_, out_dir, {"inputs": {"raw_dir": "test"}})


@pytest.fixture
def out_dir(tmp_path, tables) -> Path:
    """A releases folder holding one release of the old input."""
    out = tmp_path / "processed"
    with release.release_lock(out):
        assert release.publish(tables["old"], out, {"inputs": {"raw_dir": "test"}}).created
    return out


# --- (a) SIGKILL at each point of publish ------------------------------------------------------------

# Runs publish under the lock, as the flow's publish task does, and blocks at the chosen point
# after writing a marker file, waiting to be killed.
CHILD = textwrap.dedent("""
    import json, os, pickle, sys, time
    from pathlib import Path
    from newswire import release

    tables_path, out_dir, point, marker, wait = sys.argv[1:6]
    out_dir, marker = Path(out_dir), Path(marker)

    def block(tag):
        marker.write_text(tag)
        time.sleep(3600)

    check = None
    if point == "mid_tables":  # one table written, the next not yet
        real_write = release.write_table
        def write_table(df, table, path):
            real_write(df, table, path)
            block(table)
        release.write_table = write_table
    elif point == "mid_file":  # half of a Parquet file on disk
        def write_table(df, table, path):
            path.write_bytes(b"PAR1" + b"\\0" * 1000)
            block(table)
        release.write_table = write_table
    elif point == "check_staged":  # all tables written, manifest not yet
        check = lambda staging, previous: block("check")
    elif point == "before_rename":  # manifest written and fsynced, staging not yet renamed
        real_rename = os.rename
        def rename(src, dst):
            if release.STAGING_PREFIX in str(src):
                block("rename")
            real_rename(src, dst)
        os.rename = rename
    elif point == "before_latest":  # the release folder is visible, latest still points at the old one
        release.point_latest = lambda out, version: block("latest")
    elif point == "mid_latest":  # the temporary link exists, the os.replace has not happened
        real_replace = os.replace
        def replace(src, dst):  # a staged table's file is renamed into place too: only the link's blocks
            if Path(dst).name == release.LATEST:
                block("replace")
            real_replace(src, dst)
        os.replace = replace

    with release.release_lock(out_dir, wait_seconds=float(wait)):
        marker.with_suffix(".locked").write_text("locked")
        release.remove_stale_staging(out_dir)
        result = release.publish(pickle.loads(Path(tables_path).read_bytes()), out_dir, {"inputs": {}},
                                 check_staged=check)
    print(json.dumps({"version": result.version, "created": result.created}))
""")


def start_child(pickle_path: Path, out_dir: Path, point: str, marker: Path, wait: float = 0.0) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", CHILD, str(pickle_path), str(out_dir), point, str(marker), str(wait)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            cwd=PROJECT_ROOT)


KILL_POINTS = ["mid_tables", "mid_file", "check_staged", "before_rename", "before_latest", "mid_latest"]


@pytest.mark.parametrize("point", KILL_POINTS)
def test_sigkill_during_publish_leaves_the_previous_release_intact(point, out_dir, tables, pickled_tables, tmp_path):
    before = snapshot(out_dir)
    marker = tmp_path / "marker"
    child = start_child(pickled_tables["new"], out_dir, point, marker)
    wait_for(marker.exists, child, what=f"kill point {point}")
    if point in ("mid_tables", "mid_file", "check_staged", "before_rename"):
        assert any(p.name.startswith(release.STAGING_PREFIX) for p in out_dir.iterdir())
    kill_group(child)
    assert child.returncode == -signal.SIGKILL

    after = snapshot(out_dir)
    assert after["latest"] == before["latest"]
    for version, hashes in before["releases"].items():
        assert after["releases"][version] == hashes, f"release {version} changed"
    orphans = set(after["releases"]) - set(before["releases"])
    # Killed after the rename, the new release is complete but not the latest; before, invisible.
    assert len(orphans) == (1 if point in ("before_latest", "mid_latest") else 0)
    assert_consistent(out_dir)
    if orphans:
        # Versions have one-second resolution: a rerun with the same tables within the second
        # would collide with the orphan's name (os.rename onto a non-empty folder fails).
        time.sleep(1.1)

    # The next run takes the lock at once (flock died with the process), completes, and cleans up.
    result = publish_like_the_flow(tables["new"], out_dir)
    assert result.created and release.latest_release(out_dir) == result.path
    assert leftovers(out_dir) == []
    assert_consistent(out_dir)
    final = snapshot(out_dir)
    for version, hashes in before["releases"].items():
        assert final["releases"][version] == hashes
    assert release.read_manifest(result.path)["previous"] == before["latest"]


# --- (b) concurrent runs -------------------------------------------------------------------------------

def test_a_second_run_waits_for_the_lock_or_fails_clearly(out_dir, tables, pickled_tables, tmp_path):
    before = snapshot(out_dir)
    holder = start_child(pickled_tables["new"], out_dir, "check_staged", tmp_path / "holder")
    wait_for((tmp_path / "holder").exists, holder, what="the first run to hold the lock")

    with pytest.raises(release.ReleaseLocked, match=r"another newswire run is publishing into .*--wait"):
        publish_like_the_flow(tables["new"], out_dir, wait=0.0)
    waiter = start_child(pickled_tables["new"], out_dir, "none", tmp_path / "waiter", wait=300)
    time.sleep(3)
    assert waiter.poll() is None and not (tmp_path / "waiter.locked").exists(), "second run did not wait"
    assert snapshot(out_dir) == before

    kill_group(holder)  # the holder dies mid-publish: the waiter gets the lock and cleans up after it
    out, err = waiter.communicate(timeout=STARTUP_TIMEOUT)
    assert waiter.returncode == 0, err
    assert json.loads(out)["created"]
    assert leftovers(out_dir) == []
    assert_consistent(out_dir)
    for version, hashes in before["releases"].items():
        assert snapshot(out_dir)["releases"][version] == hashes


def test_two_runs_racing_with_the_same_tables_publish_once(out_dir, pickled_tables, tmp_path):
    children = [start_child(pickled_tables["new"], out_dir, "none", tmp_path / f"racer{i}", wait=300) for i in range(2)]
    results = []
    for child in children:
        out, err = child.communicate(timeout=STARTUP_TIMEOUT)
        assert child.returncode == 0, err
        results.append(json.loads(out))
    assert sorted(r["created"] for r in results) == [False, True]
    assert results[0]["version"] == results[1]["version"]
    assert len(snapshot(out_dir)["releases"]) == 2  # the old one and one new one
    assert leftovers(out_dir) == []
    assert_consistent(out_dir)


# --- (c) reruns ----------------------------------------------------------------------------------------

def test_same_input_twice_is_byte_identical_and_publishes_nothing_new(out_dir, raw_dirs, tables):
    before = snapshot(out_dir)
    again = run_stages(raw_dirs["old"])  # computed afresh, not the cached tables
    result = publish_like_the_flow(again, out_dir)
    assert not result.created and result.path.name == before["latest"]
    assert snapshot(out_dir) == before
    assert leftovers(out_dir) == []


HASH_CHILD = textwrap.dedent("""
    import json, sys, tempfile
    from pathlib import Path
    sys.path.insert(0, "tests")
    from hostile_corpus import run_stages
    from newswire import release

    tables = run_stages(Path(sys.argv[1]))
    folder = Path(tempfile.mkdtemp())
    hashes = {}
    for table, df in tables.items():
        release.write_table(df, table, folder / "t.parquet")
        hashes[table] = release.sha256_path(folder / "t.parquet")
    print(json.dumps(hashes))
""")


def test_tables_are_byte_identical_across_processes_and_hash_seeds(out_dir, raw_dirs):
    """Set iteration order changes with PYTHONHASHSEED: nothing published may depend on it."""
    manifest = release.read_manifest(release.latest_release(out_dir))
    expected = {table: entry["sha256"] for table, entry in manifest["tables"].items()}
    children = [subprocess.Popen([sys.executable, "-c", HASH_CHILD, str(raw_dirs["old"])], cwd=PROJECT_ROOT,
                                 env={**os.environ, "PYTHONHASHSEED": seed}, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for seed in ("1", "4242")]
    for child in children:
        out, err = child.communicate(timeout=STARTUP_TIMEOUT)
        assert child.returncode == 0, err
        assert json.loads(out) == expected


def test_changed_input_gives_a_new_release_and_leaves_the_old_one_untouched(out_dir, tables):
    old_version = release.latest_release(out_dir).name
    old_hashes = tree_hashes(out_dir / old_version)
    result = publish_like_the_flow(tables["new"], out_dir)
    assert result.created and result.path.name != old_version
    assert release.latest_release(out_dir) == result.path
    assert tree_hashes(out_dir / old_version) == old_hashes
    manifest = release.read_manifest(result.path)
    assert manifest["previous"] == old_version
    old_manifest = release.read_manifest(out_dir / old_version)
    assert manifest["tables"]["articles"]["sha256"] != old_manifest["tables"]["articles"]["sha256"]
    old_rows = pq.read_table(out_dir / old_version / "articles.parquet").to_pandas().set_index("source")
    new_rows = pq.read_table(result.path / "articles.parquet").to_pandas().set_index("source")
    changed = [s for s in old_rows.index if not old_rows.loc[s].equals(new_rows.loc[s])]
    assert changed == ["003_b9c2a02033c2881e.txt"]
    assert_consistent(out_dir)


# --- the whole `newswire run` CLI, killed and locked out ------------------------------------------------

# Blocks the CLI's publish after the first table is staged, so it can be killed there.
CLI_STAGING_BLOCK = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from newswire import release
    from newswire.cli import main

    marker = Path(sys.argv.pop(1))
    real_write = release.write_table
    def write_table(df, table, path):
        real_write(df, table, path)
        marker.write_text(table)
        time.sleep(3600)
    release.write_table = write_table
    sys.exit(main(sys.argv[1:]))
""")


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory) -> dict[str, str]:
    """Isolated, quiet, offline Prefect for CLI children; one PREFECT_HOME so only the first run migrates."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PREFECT_")}
    env.update({
        "PREFECT_HOME": str(tmp_path_factory.mktemp("prefect-home")),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1", "PREFECT_LOGGING_LEVEL": "WARNING",
        "PREFECT_SERVER_UI_ENABLED": "false", "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
        "GX_ANALYTICS_ENABLED": "false",
    })
    return env


def newswire_command() -> list[str]:
    script = Path(sys.executable).parent / "newswire"
    return [str(script)] if script.exists() else [sys.executable, "-m", "newswire.cli"]


def start_cli(args: list[str], env: dict[str, str], cwd: Path, prefix: list[str] | None = None) -> subprocess.Popen:
    return subprocess.Popen((prefix or newswire_command()) + ["run", *args, "--quiet"], env=env, cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def test_killed_cli_runs_leave_the_previous_release_intact(out_dir, raw_dirs, tables, cli_env, tmp_path):
    before = snapshot(out_dir)
    args = ["--raw", str(raw_dirs["new"]), "--out", str(out_dir)]

    # 1. Killed inside publish, with a table of the new release staged.
    marker = tmp_path / "staged"
    cli = start_cli(args, cli_env, tmp_path, prefix=[sys.executable, "-c", CLI_STAGING_BLOCK, str(marker)])
    wait_for(marker.exists, cli, what="the CLI to stage a table")
    assert len(leftovers(out_dir)) == 1
    kill_group(cli)
    assert snapshot(out_dir) == before
    assert len(leftovers(out_dir)) == 1  # the dead run's staging folder, for the next run to remove

    # 2. The real command, killed a few seconds in, wherever it is (server start-up, the stages).
    cli = start_cli(args, cli_env, tmp_path)
    time.sleep(6)
    was_running = cli.poll() is None
    kill_group(cli)
    assert was_running, "the CLI finished before it could be killed"
    assert snapshot(out_dir) == before
    assert_consistent(out_dir)

    # The next run completes and removes the stale staging folder.
    result = publish_like_the_flow(tables["new"], out_dir)
    assert result.created and leftovers(out_dir) == []
    for version, hashes in before["releases"].items():
        assert snapshot(out_dir)["releases"][version] == hashes


def test_two_cli_runs_at_once_one_fails_clearly_one_waits(out_dir, raw_dirs, cli_env, tmp_path):
    """The test holds the lock (a third run publishing); --wait 0 fails with a message, --wait N waits."""
    before = snapshot(out_dir)
    args = ["--raw", str(raw_dirs["new"]), "--out", str(out_dir)]
    with release.release_lock(out_dir):
        impatient = start_cli([*args, "--wait", "0"], cli_env, tmp_path)
        patient = start_cli([*args, "--wait", "600"], cli_env, tmp_path)
        out, err = impatient.communicate(timeout=STARTUP_TIMEOUT)
        assert impatient.returncode == 1, err
        # One clear line: Prefect's tracebacks of the failed task and flow are kept for --debug.
        [line] = err.strip().splitlines()
        assert line.startswith("newswire: another newswire run is publishing into") and "--wait" in line
        time.sleep(1)
        assert patient.poll() is None, patient.communicate()
        assert snapshot(out_dir) == before
    out, err = patient.communicate(timeout=STARTUP_TIMEOUT)
    assert patient.returncode == 0, err
    assert "published" in out
    assert leftovers(out_dir) == []
    assert_consistent(out_dir)
    after = snapshot(out_dir)
    assert after["latest"] != before["latest"]
    for version, hashes in before["releases"].items():
        assert after["releases"][version] == hashes


# --- damaged releases: never fatal for a run, one clear line for the commands that read them -------

def _corrupt_footer(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[:-12] + b"\0" * 12)  # the footer length and the closing magic


DAMAGES = {
    "manifest not JSON": lambda r: (r / release.MANIFEST).write_text("{\"version\": "),
    "manifest a list": lambda r: (r / release.MANIFEST).write_text("[]"),
    "Parquet footer broken": lambda r: _corrupt_footer(r / "articles.parquet"),
    "Parquet file truncated": lambda r: (r / "boilerplate.parquet").write_bytes(b"PAR1"),
}


@pytest.mark.parametrize("damage", DAMAGES, ids=list(DAMAGES))
def test_a_damaged_latest_release_is_treated_as_absent_and_the_run_publishes(damage, out_dir, tables, caplog):
    damaged = release.latest_release(out_dir)
    DAMAGES[damage](damaged)
    damaged_bytes = tree_hashes(damaged)
    with caplog.at_level("WARNING", logger="newswire.release"):
        result = publish_like_the_flow(tables["new"], out_dir)
    assert result.created and release.latest_release(out_dir) == result.path
    manifest = release.read_manifest(result.path)
    assert manifest["previous"] is None
    [problem] = manifest["previous_problems"]
    assert damaged.name in problem and "treated as absent" in problem
    assert any(damaged.name in record.getMessage() for record in caplog.records)  # said, not only recorded
    assert tree_hashes(damaged) == damaged_bytes  # the damaged release is left as it was


def test_latest_replaced_by_a_folder_is_moved_aside_and_the_run_publishes(out_dir, tables):
    old = release.latest_release(out_dir)
    (out_dir / release.LATEST).unlink()
    (out_dir / release.LATEST).mkdir()
    (out_dir / release.LATEST / "notes.txt").write_text("someone's notes")
    result = publish_like_the_flow(tables["new"], out_dir)
    assert result.created and release.latest_release(out_dir) == result.path
    [aside] = [p for p in out_dir.iterdir() if p.name.startswith(f".{release.LATEST}-displaced-")]
    assert (aside / "notes.txt").read_text() == "someone's notes"
    assert "moved to" in release.read_manifest(result.path)["previous_problems"][0]
    assert (old / release.MANIFEST).is_file()


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*newswire_command(), *args], cwd=cwd, capture_output=True, text=True, timeout=STARTUP_TIMEOUT)


def test_releases_diff_and_validate_answer_a_corrupted_old_release_in_one_line(out_dir, tables, tmp_path):
    old = release.latest_release(out_dir)
    new = publish_like_the_flow(tables["new"], out_dir).path
    _corrupt_footer(old / "articles.parquet")

    listed = _cli("releases", "--out", str(out_dir), cwd=tmp_path)
    assert listed.returncode == 0 and listed.stderr == ""
    lines = {line[2:].split()[0]: line for line in listed.stdout.splitlines()}
    assert "DAMAGED" in lines[old.name] and "articles.parquet is not a readable Parquet file" in lines[old.name]
    assert "DAMAGED" not in lines[new.name] and lines[new.name].startswith("*")

    for command in (["diff", old.name, new.name, "--out", str(out_dir)],
                    ["validate", old.name, "--out", str(out_dir), "--docs", str(tmp_path / "docs")]):
        result = _cli(*command, cwd=tmp_path)
        assert result.returncode == 1, result
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
        assert f"release {old.name}: articles.parquet is not a readable Parquet file" in result.stderr


def test_validate_never_writes_into_an_old_release_even_without_its_report(out_dir, tmp_path):
    old = release.latest_release(out_dir)
    shutil.rmtree(old / "validation", ignore_errors=True)
    before = tree_hashes(old)
    result = _cli("validate", old.name, "--out", str(out_dir), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert tree_hashes(old) == before and not (old / "validation").exists()
    assert (tmp_path / "ci-artifacts" / "validation" / old.name / "index.html").is_file()


def test_a_cli_run_after_its_latest_release_was_damaged_publishes_and_says_so(out_dir, raw_dirs, cli_env, tmp_path):
    damaged = release.latest_release(out_dir)
    (damaged / release.MANIFEST).write_text("not json")
    cli = start_cli(["--raw", str(raw_dirs["new"]), "--out", str(out_dir)], cli_env, tmp_path)
    out, err = cli.communicate(timeout=STARTUP_TIMEOUT)
    assert cli.returncode == 0, err
    assert "published" in out and "Traceback" not in err
    assert f"release {damaged.name}: manifest.json is unreadable" in err and "treated as absent" in err
    assert release.read_manifest(release.latest_release(out_dir))["previous"] is None


# --- output folder on a full or read-only filesystem ------------------------------------------------

@pytest.fixture
def small_tmpfs(tmp_path_factory):
    """A 4 MB tmpfs (needs root and mount permission; skipped with the reason otherwise)."""
    mount_point = tmp_path_factory.mktemp("tmpfs")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount_point)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.decode().strip() or mounted.returncode}")
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], check=True)


def test_a_full_filesystem_leaves_nothing_partial_and_the_next_run_recovers(small_tmpfs, tables):
    out = small_tmpfs / "processed"
    first = publish_like_the_flow(tables["old"], out)
    before = snapshot(out)
    filler = small_tmpfs / "filler"
    with filler.open("wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError:
            pass
    with pytest.raises(OSError) as raised:
        publish_like_the_flow(tables["new"], out)
    assert raised.value.errno == errno.ENOSPC
    assert snapshot(out) == before and leftovers(out) == []
    filler.unlink()
    result = publish_like_the_flow(tables["new"], out)
    assert result.created and release.latest_release(out) == result.path
    assert tree_hashes(first.path) == before["releases"][first.version]


def test_a_read_only_output_folder_leaves_nothing_partial(small_tmpfs, tables):
    out = small_tmpfs / "processed"
    publish_like_the_flow(tables["old"], out)
    before = snapshot(out)
    subprocess.run(["mount", "-o", "remount,ro", str(small_tmpfs)], check=True)
    try:
        with pytest.raises(OSError) as raised:
            publish_like_the_flow(tables["new"], out)
        assert raised.value.errno == errno.EROFS
        assert snapshot(out) == before
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(small_tmpfs)], check=True)
