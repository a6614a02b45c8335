from __future__ import annotations

import pandera.pandas as pa
from pandera.typing.pandas import Series

from schemas._base import TableModel

VERSION = "1.0"

KINDS = ["caption", "navigation", "promo", "social", "footer", "foreign_language", "trailing_chrome", "recurring",
         "credit", "byline", "dateline", "page_chrome"]


class Boilerplate(TableModel):
    """Every line removed from an article's text, with why."""

    boilerplate_id: Series[str] = pa.Field(unique=True, description="hash of article_id and line number")
    article_id: Series[str] = pa.Field(description="article (in articles, or in quarantine when nothing else was left)")
    line_number: Series[int] = pa.Field(ge=0, description="0-based line number in the article's line text (below)")
    start: Series[int] = pa.Field(ge=0, description="offset of the line in the article's line text: the decoded, "
                                  "normalised source file for plain text; for HTML (articles.format html) the page's main "
                                  "text as the line rules read it (trafilatura's, trimmed to the article the whole-page "
                                  "detector finds; newswire.structure.html_main_text), one paragraph per line")
    end: Series[int] = pa.Field(ge=0, description="end offset (exclusive) in the article's line text")
    text: Series[str] = pa.Field(description="the removed line")
    kind: Series[str] = pa.Field(isin=KINDS, description="family of boilerplate: " + ", ".join(KINDS))
    reason: Series[str] = pa.Field(description="the rule or evidence that removed it")
