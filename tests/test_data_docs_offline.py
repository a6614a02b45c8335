"""Offline Data Docs without a browser: every CDN link GX templates hold is vendored or dropped on purpose."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import great_expectations

from newswire.gx_validation import OFFLINE_ASSETS, make_offline

SOURCES = json.loads((OFFLINE_ASSETS / "sources.json").read_text(encoding="utf-8"))
TEMPLATES = Path(great_expectations.__file__).parent / "render" / "view" / "templates"


def test_every_cdn_asset_of_the_gx_templates_is_vendored_or_dropped():
    known = {link["url"] for link in SOURCES["links"]} | set(SOURCES["dropped"])
    linked = set()
    for template in TEMPLATES.rglob("*.j2"):
        text = template.read_text(encoding="utf-8")
        linked |= set(re.findall(r'<(?:link|script)\b[^>]*(?:href|src)="(https?://[^"]+)"', text))
    assert linked and linked <= known, f"new CDN links in Great Expectations' templates: {sorted(linked - known)}"


def test_vendored_files_are_the_npm_files_they_claim_to_be():
    for link in SOURCES["links"]:
        if link["package"]:
            digest = hashlib.sha256((OFFLINE_ASSETS / link["file"]).read_bytes()).hexdigest()
            assert digest == link["sha256"], link["file"]


def test_pages_lose_every_remote_asset(tmp_path):
    page = tmp_path / "validations" / "t" / "run" / "page.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        '<link rel="stylesheet" href="https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css"/>'
        '<script src="https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/js/bootstrap.min.js" integrity="sha384-x" '
        'crossorigin="anonymous"></script><script src="https://cdn.jsdelivr.net/npm/vega@5"></script>'
        '<script src="https://cdn.example.com/new.js"></script><link rel="shortcut icon" href="../../../static/images/favicon.ico"/>'
        '<img src="https://great-expectations-web-assets.s3.us-east-2.amazonaws.com/logo-long.png?d=1"/>', encoding="utf-8")
    make_offline(tmp_path)
    assert page.read_text(encoding="utf-8") == (
        '<link rel="stylesheet" href="../../../static/vendor/bootstrap.min.css"/>'
        '<script src="../../../static/vendor/bootstrap.min.js"></script>'
        '<link rel="shortcut icon" href="../../../static/images/favicon.ico"/>'
        '<img src="../../../static/images/logo-long.png"/>')
    assert (tmp_path / "static" / "vendor" / "jquery.min.js").exists()
