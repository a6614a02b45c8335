"""`newswire cache info/prune`: entries of older code and of articles no release holds go; what
the releases need stays (a rerun parses nothing)."""

from __future__ import annotations

from cli_process import run_newswire as newswire

from newswire import extract


def test_prune_keeps_what_releases_need_and_drops_the_rest(tmp_path, seeds_dir):
    (tmp_path / "raw").mkdir()
    seeds = sorted(seeds_dir.iterdir())
    for seed in seeds[:2]:
        (tmp_path / "raw" / seed.name).write_bytes(seed.read_bytes())
    assert newswire("run", "--raw", "raw", "--cache", "cache", "--quiet", cwd=tmp_path).returncode == 0
    cache = tmp_path / "cache"
    # an article no release holds (parse + three extractors), and an entry of an older actors extractor
    extract.extract_batch([("gone", "gone.txt", seeds[2].read_text(encoding="utf-8"))], cache)
    old = cache / "actors" / "0ld0ld0ld0ld0ld0" / "ab" / "ab12.json"
    old.parent.mkdir(parents=True)
    old.write_text("{}", encoding="utf-8")

    info = newswire("cache", "info", "--cache", "cache", cwd=tmp_path)
    assert info.returncode == 0, info.stderr
    lines = {line.split()[0]: line for line in info.stdout.splitlines()}
    assert "current code:       3 entries" in lines["parse"] and "older code:       1 entries" in lines["actors"]
    assert "current code:       2 entries" in lines["structure"]

    pruned = newswire("cache", "prune", "--cache", "cache", cwd=tmp_path)
    assert pruned.returncode == 0, pruned.stderr
    assert "removed 5 entries" in pruned.stdout and "kept 10" in pruned.stdout
    assert not old.exists()

    # into a folder of no releases: a run of the same inputs would keep the latest release unread
    rerun = newswire("run", "--raw", "raw", "--out", "elsewhere", "--cache", "cache", "--quiet", cwd=tmp_path)
    assert rerun.returncode == 0, rerun.stderr
    assert "parsed=0" in rerun.stdout and "from_cache=2" in rerun.stdout
