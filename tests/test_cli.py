"""Bad invocations of `newswire`: one clear line on stderr, a non-zero exit, no traceback, and
nothing run or written. Each case runs the real command in a child process (as a user would)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def newswire(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newswire.cli", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)})


@pytest.fixture
def workdir(tmp_path: Path, seeds_dir: Path) -> Path:
    (tmp_path / "raw").mkdir()
    for seed in sorted(seeds_dir.iterdir())[:2]:
        (tmp_path / "raw" / seed.name).write_bytes(seed.read_bytes())
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "only-a-folder").mkdir()
    (tmp_path / "a-file").write_text("not a folder")
    return tmp_path


# (arguments, words the one line must contain)
BAD_RUNS = [
    (["--raw", "missing"], "no such folder"),
    (["--raw", "a-file"], "not a folder"),
    (["--raw", "empty"], "holds no files"),
    (["--out", "raw/processed"], "inside it"),
    (["--out", "raw"], "inside it"),
    (["--out", "a-file"], "not a folder"),
    (["--out", "a-file/releases"], "is not a folder"),
    (["--batch-size", "0"], "must be 1 or more"),
    (["--batch-size", "-5"], "must be 1 or more"),
    (["--batch-size", "many"], "whole number"),
    (["--wait", "-1"], "0 or more"),
    (["--workers", "-2"], "0 (one per usable core) or more"),
]


@pytest.mark.parametrize(("arguments", "words"), BAD_RUNS, ids=[" ".join(a) for a, _ in BAD_RUNS])
def test_bad_run_arguments_get_one_line_and_nothing_runs(workdir, arguments, words):
    if "--raw" not in arguments:
        arguments = ["--raw", "raw", *arguments]
    result = newswire("run", *arguments, cwd=workdir)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and "Traceback" not in result.stderr, result.stderr
    assert not (workdir / ".prefect").exists(), "the pipeline started before the arguments were checked"
    assert not (workdir / "raw" / "processed").exists()


def test_an_unwritable_out_is_found_before_the_pipeline_runs(workdir, tmp_path_factory):
    mount_point = tmp_path_factory.mktemp("readonly")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m,ro", "tmpfs", str(mount_point)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a read-only tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        result = newswire("run", "--raw", "raw", "--out", str(mount_point / "releases"), cwd=workdir)
    finally:
        subprocess.run(["umount", str(mount_point)], check=True)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Read-only file system" in result.stderr
    assert not (workdir / ".prefect").exists()


def test_an_unexpected_error_is_one_line_and_the_traceback_needs_debug(workdir):
    (workdir / "processed" / "broken").mkdir(parents=True)
    (workdir / "processed" / "broken" / "manifest.json").write_text("{")
    (workdir / "processed" / "broken" / "articles.parquet").write_bytes(b"PAR1 truncated")
    plain = newswire("diff", "broken", "broken", cwd=workdir)
    assert plain.returncode != 0 and plain.stderr.count("\n") == 1 and "Traceback" not in plain.stderr
    debug = newswire("diff", "broken", "broken", "--debug", cwd=workdir)
    assert debug.returncode != 0 and "Traceback" in debug.stderr


def test_an_unknown_command_is_one_line(workdir):
    result = newswire("publish", cwd=workdir)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "invalid choice" in result.stderr
