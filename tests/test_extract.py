from __future__ import annotations

from newswire import extract


def test_cache_hit_skips_parsing_and_gives_the_same_extraction(tmp_path):
    items = [("a1", "a.txt", "Russian Foreign Minister Sergey Lavrov said Moscow would respond.")]
    first = extract.extract_batch(items, tmp_path)
    second = extract.extract_batch(items, tmp_path)
    assert (first.parsed, second.parsed) == (1, 0)
    assert first.extractions[0].to_json() == second.extractions[0].to_json()
    assert any(m.text == "Sergey Lavrov" for m in second.extractions[0].entities.mentions)


def test_torn_cache_file_is_extracted_again(tmp_path):
    items = [("a1", "a.txt", "NATO said it was ready.")]
    extract.extract_batch(items, tmp_path)
    for path in tmp_path.rglob("*.json"):
        path.write_text('{"entities": ', encoding="utf-8")
    assert extract.extract_batch(items, tmp_path).parsed == 1


def test_very_long_article_is_analysed_in_part_and_says_so(monkeypatch):
    monkeypatch.setattr(extract, "MAX_EXTRACT_CHARS", 60)
    text = "Jens Stoltenberg said the Alliance was ready.\n" * 5
    batch = extract.extract_batch([("a1", "long.txt", text)], None)
    assert [row["reason"] for row in batch.quarantine] == ["extract_truncated"]
    assert all(m.end <= 60 for m in batch.extractions[0].entities.mentions)
