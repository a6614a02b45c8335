"""Pages with no article, through the real `newswire run`: each is published with an empty body
and its title, has a no_content quarantine row saying why, and keeps its removed lines in
boilerplate; the article beside them is published as usual."""

from __future__ import annotations

import pandas as pd
from cli_process import run_newswire as newswire

MENU = ["Home", "World", "Politics", "Business", "Sport", "Culture", "Weather", "Podcasts", "Sign in", "Subscribe"]
TEASERS = [f"Teaser headline number {i} about another story" for i in range(12)]
LOGIN_WALL = ("<html><head><title>Sign in to continue reading</title></head><body><nav><a>Home</a><a>World</a></nav>"
              "<form><h2>Subscribe to continue reading</h2><label>Email</label><input name=email><label>Password</label>"
              "<input type=password><button>Sign in</button><a>Forgot password?</a></form></body></html>")


def test_home_page_and_login_wall_are_published_empty_with_a_quarantine_row(tmp_path, seeds_dir):
    raw = tmp_path / "raw"
    raw.mkdir()
    seed = sorted(seeds_dir.iterdir())[0]
    (raw / seed.name).write_bytes(seed.read_bytes())
    (raw / "home_page.txt").write_text("\n".join(MENU + TEASERS + MENU) + "\n", encoding="utf-8")
    (raw / "login_wall.html").write_text(LOGIN_WALL, encoding="utf-8")
    done = newswire("run", "--raw", "raw", "--out", "out", "--quiet", cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    latest = tmp_path / "out" / "latest"
    articles, quarantine, boilerplate = (pd.read_parquet(latest / f"{table}.parquet")
                                         for table in ("articles", "quarantine", "boilerplate"))
    rows = articles.set_index("source")
    assert set(rows.index) == {seed.name, "home_page.txt", "login_wall.html"}
    assert rows.loc[seed.name, "text"]
    for empty in ("home_page.txt", "login_wall.html"):
        assert rows.loc[empty, "text"] == "" and rows.loc[empty, "word_count"] == 0
    assert rows.loc["login_wall.html", "title"] == "Sign in to continue reading"
    reasons = quarantine.set_index("source")
    assert set(reasons.index) == {"home_page.txt", "login_wall.html"}
    assert set(reasons["reason"]) == {"no_content"} and set(reasons["stage"]) == {"structure"}
    assert all(detail.startswith("published with an empty body") for detail in reasons["detail"])
    assert (reasons["article_id"] == rows.loc[reasons.index, "article_id"]).all()
    home_lines = boilerplate.loc[boilerplate["article_id"] == rows.loc["home_page.txt", "article_id"], "text"]
    assert set(MENU) <= set(home_lines)
    # nothing is extracted from an empty body
    for table in ("mentions", "quotes", "event_mentions"):
        extracted = pd.read_parquet(latest / f"{table}.parquet")
        assert not extracted["article_id"].isin(rows.loc[["home_page.txt", "login_wall.html"], "article_id"]).any()
