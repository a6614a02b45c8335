"""`newswire run --dask`: the same batch tasks on a Dask cluster give the same release.

The real command in child processes, as a user runs it: a two-worker LocalCluster against the
default process pool, each with its own empty cache (so the Dask workers really parse).
"""

from __future__ import annotations

import pytest
from cli_process import run_newswire as newswire


def test_a_local_dask_cluster_publishes_the_same_tables(tmp_path, seeds_dir):
    (tmp_path / "raw").mkdir()
    for seed in sorted(seeds_dir.iterdir())[:2]:
        (tmp_path / "raw" / seed.name).write_bytes(seed.read_bytes())
    versions = {}
    for name, extra in {"pool": [], "dask": ["--dask", "local:2"]}.items():
        done = newswire("run", "--raw", "raw", "--out", f"out-{name}", "--cache", f"cache-{name}", "--quiet", *extra,
                        cwd=tmp_path)
        assert done.returncode == 0, done.stderr[-3000:]
        assert "parsed=2" in done.stdout
        versions[name] = next(line for line in done.stdout.splitlines() if line.startswith("release ")).split()[1]
    # a version is its time stamp and a hash of the tables' content
    assert versions["dask"].split("-")[-1] == versions["pool"].split("-")[-1]


@pytest.mark.parametrize(("address", "words"), [("local:0", "local:N"), ("nowhere", "scheduler address")])
def test_a_bad_dask_address_is_one_line(tmp_path, address, words):
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "a.txt").write_text("A headline\nA paragraph of news.\n", encoding="utf-8")
    done = newswire("run", "--raw", "raw", "--dask", address, cwd=tmp_path, timeout=60)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and words in done.stderr
