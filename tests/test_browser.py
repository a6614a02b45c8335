"""The sample release's report and Data Docs in a real browser (headless Debian chromium), offline.

Each page must load with its charts or its styles and scripts, log no error, and start no
request that leaves the machine. Screenshots go to ci-artifacts/browser/, next to the
validation report CI keeps. Without chromium the set-up installs it (apt-get, as CI's root
does); only when that is impossible are these tests skipped, and never where
NEWSWIRE_REQUIRE_BROWSER is set (.ci/run sets it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from browser import CHROMIUM, PageVisit, chromium_available, visit

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = PROJECT_ROOT / "ci-artifacts" / "browser"


def install_chromium() -> str | None:
    """Install Debian's chromium if missing; None when it is there, else why it cannot be."""
    if chromium_available():
        return None
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        return "chromium is not installed and cannot be here (needs apt-get as root: apt-get install -y chromium)"
    result = subprocess.run(["apt-get", "install", "-y", "chromium"], capture_output=True, text=True, timeout=900,
                            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    if result.returncode != 0 or not chromium_available():
        return f"apt-get install -y chromium failed: {result.stderr.strip().splitlines()[-1:]}"
    return None


@pytest.fixture(scope="module")
def browser() -> str:
    problem = install_chromium()
    if problem is not None:
        if os.environ.get("NEWSWIRE_REQUIRE_BROWSER"):
            pytest.fail(problem)
        pytest.skip(problem)
    return CHROMIUM


def assert_offline_and_clean(result: PageVisit) -> None:
    assert result.remote_requests == [], f"requests leaving the machine: {result.remote_requests}"
    assert result.errors == [], f"errors in {result.url}: {result.errors}"


def test_report_renders_its_charts_offline(browser, sample_release):
    result = visit(sample_release / "report" / "index.html", [
        "document.querySelectorAll('svg.marks').length",
        "[...document.querySelectorAll('h2')].map(h => h.textContent)",
        "Math.min(...[...document.querySelectorAll('svg.marks')].map(s => s.getBoundingClientRect().width))",
        "document.querySelector('#articles td') && document.querySelector('#articles td').textContent",
    ], screenshot=SCREENSHOTS / "report.png")
    assert_offline_and_clean(result)
    charts, titles, narrowest, first_outlet = result.results.values()
    assert charts >= 5
    assert titles[:3] == ["Tables and changes since the previous release", "Articles per outlet and per day", "Top actors"]
    assert narrowest > 100  # drawn, not collapsed
    assert first_outlet  # the outlets table has rows
    assert (SCREENSHOTS / "report.png").stat().st_size > 10_000


def test_data_docs_open_styled_offline(browser, sample_release):
    docs = sample_release / "validation"
    pages = [docs / "index.html", next(docs.glob("validations/quotes/**/*.html")), docs / "expectations" / "articles.html"]
    for number, page in enumerate(pages):
        result = visit(page, [
            "typeof jQuery === 'function' && typeof jQuery.fn.bootstrapTable === 'function'",
            "getComputedStyle(document.querySelector('.navbar')).position",  # Bootstrap's sticky-top
            "document.querySelectorAll('table tbody tr').length",
            "document.images.length > 0 && [...document.images].every(i => i.complete && i.naturalWidth > 0)",
        ], screenshot=SCREENSHOTS / f"data-docs-{number}.png")
        assert_offline_and_clean(result)
        scripts_loaded, navbar_position, rows, images = result.results.values()
        assert scripts_loaded and navbar_position == "sticky" and rows > 0 and images, (page, result.results)
