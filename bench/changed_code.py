"""A benchmark's stand-in for changed extractor code: the extractor's cache entries dropped, and the
run identity that the latest release (and .same_run.json) recorded forgotten, as a new extractor
version would change it. Without the second step a rerun finds the same inputs and code as the
latest release's and keeps it after structuring (newswire.stages.run_identity), measuring nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path


def change_extractor(cache_dir: Path, out_dir: Path, extractor: str) -> None:
    shutil.rmtree(Path(cache_dir) / extractor)
    (Path(out_dir) / ".same_run.json").unlink(missing_ok=True)
    manifest_path = Path(out_dir) / "latest" / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest.get("inputs", {}).pop("identity", None)
    manifest_path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
