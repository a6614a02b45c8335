"""articles.outlet and articles.url: sources.csv, og:site_name, JSON-LD publisher, canonical host, credit line."""

from __future__ import annotations

from pathlib import Path

import pytest

from newswire.ingest import ingest
from newswire.outlets import Listing, PageMetadata, page_metadata, resolve
from newswire.structure import structure

BODY = ("<article><h1>NATO replies to Moscow</h1><p>BRUSSELS — NATO Secretary General Jens Stoltenberg said on Wednesday "
        "that the alliance had delivered its written response to Russia in parallel with the United States.</p>"
        "<p>\"We are ready to listen to Russia's concerns,\" Stoltenberg told reporters at the alliance's headquarters, "
        "adding that the door to dialogue remained open for all sides.</p></article>")
JSON_LD = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "WebSite"}, '
           '{"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "Example Times"}}]}</script>')


def page(head: str) -> str:
    return f"<!DOCTYPE html><html><head><title>NATO | Site</title>{head}</head><body>{BODY}</body></html>"


def test_page_metadata_reads_site_name_publisher_and_urls():
    meta = page_metadata(page('<meta property="og:site_name" content="Example News">' + JSON_LD
                              + '<link rel="canonical" href="https://www.example.com/world/nato">'
                              + '<meta property="og:url" content="https://example.com/nato?x=1">'))
    assert meta == PageMetadata("Example News", "Example Times", "https://www.example.com/world/nato",
                                "https://example.com/nato?x=1")


@pytest.mark.parametrize("head, outlet, url", [
    ('<meta property="og:site_name" content="Example News">' + JSON_LD, "Example News", None),
    (JSON_LD + '<link rel="canonical" href="https://www.example.com/a">', "Example Times", "https://www.example.com/a"),
    ('<meta property="og:url" content="https://www.example.org/b">', "example.org", "https://www.example.org/b"),
    ('<link rel="canonical" href="/relative/only">', None, None),  # no host: says nothing
    ('<script type="application/ld+json">{not json</script>', None, None),
])
def test_outlet_order_on_pages(head, outlet, url):
    assert resolve(None, page_metadata(page(head)), []) == (outlet, url)


def test_sources_csv_wins_and_a_lone_credit_is_the_last_resort():
    listed = Listing("Listed Outlet", "https://listed.example/a")
    site = PageMetadata(site_name="Page Outlet", canonical_url="https://page.example/a")
    assert resolve(listed, site, ["AP"]) == ("Listed Outlet", "https://listed.example/a")
    assert resolve(Listing(None, None), site, []) == ("Page Outlet", "https://page.example/a")
    assert resolve(None, None, ["AP"]) == ("AP", None)
    assert resolve(None, None, ["AFP", "AP", "Reuters"]) == (None, None)  # several agencies: not one outlet


def test_sources_csv_is_read_per_folder_and_never_ingested(tmp_path):
    raw = tmp_path / "raw"
    (raw / "wire").mkdir(parents=True)
    (raw / "page.html").write_text(page('<meta property="og:site_name" content="Example News">'), encoding="utf-8")
    text = "Headline here\n\nKYIV (AP) — Officials said on Wednesday that talks would continue next week in Geneva with both sides.\n"
    (raw / "wire" / "a.txt").write_text(text, encoding="utf-8")
    (raw / "wire" / "b.txt").write_text(text.replace("talks", "meetings"), encoding="utf-8")
    (raw / "wire" / "sources.csv").write_text("file,outlet,url\na.txt,Kyiv Post,https://kyivpost.example/a\n",
                                              encoding="utf-8")
    documents = list(ingest(raw))
    assert [d.source for d in documents] == ["page.html", "wire/a.txt", "wire/b.txt"]
    parsed = {d.source: structure(d) for d in documents}
    assert (parsed["page.html"].outlet, parsed["page.html"].url) == ("Example News", None)
    assert (parsed["wire/a.txt"].outlet, parsed["wire/a.txt"].url) == ("Kyiv Post", "https://kyivpost.example/a")
    assert (parsed["wire/b.txt"].outlet, parsed["wire/b.txt"].url) == ("AP", None)  # not listed: the credit


def test_sources_csv_without_its_columns_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_text("Headline\n\nSome text that is long enough to be a paragraph of a story.\n")
    (tmp_path / "sources.csv").write_text("name,site\na.txt,X\n")
    with pytest.raises(ValueError, match="needs the columns file and outlet"):
        list(ingest(tmp_path))


def test_the_bundled_html_page_has_no_outlet_metadata():
    document = next(ingest(Path(__file__).parent / "data" / "html"))
    assert structure(document).outlet is None
