import pandas as pd

from newswire.tables import frame
from schemas import TABLES


def test_every_table_has_an_empty_frame_that_validates():
    for table, spec in TABLES.items():
        df = frame(table, [])
        assert list(df.columns) == list(spec.model.to_schema().columns)
        spec.model.validate(df)


def test_all_missing_timestamps_keep_the_utc_dtype():
    row = {"cluster_id": "c", "speaker_id": None, "speaker": None, "text": "words", "kind": "direct",
           "quote_count": 1, "article_count": 1, "sources": ["a.txt"], "outlets": [], "outlet_count": 0,
           "first_published": None}
    df = frame("quote_clusters", [row])
    assert str(df["first_published"].dtype) == "datetime64[us, UTC]"
    assert pd.isna(df["first_published"].iloc[0])
    TABLES["quote_clusters"].model.validate(df)
