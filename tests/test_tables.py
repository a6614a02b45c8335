import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from newswire.tables import _one_quote_cluster_row, _quote_cluster_row, frame
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


_MAYBE_TEXT = st.one_of(st.none(), st.just(float("nan")), st.text(max_size=3))
_QUOTES = st.fixed_dictionaries({
    "cluster_id": st.just("c"), "speaker_id": _MAYBE_TEXT, "speaker": _MAYBE_TEXT, "text": st.text(min_size=1, max_size=5),
    "kind": st.sampled_from(["direct", "indirect"]), "article_id": st.text(min_size=1, max_size=3),
    "source": st.text(min_size=1, max_size=3), "outlet": _MAYBE_TEXT,
    "published": st.one_of(st.none(), st.just(pd.NaT), st.datetimes().map(lambda d: pd.Timestamp(d, tz="UTC")))})


@given(_QUOTES)
def test_a_cluster_of_one_quote_has_the_row_of_any_cluster(quote):
    assert repr(_one_quote_cluster_row("c", quote)) == repr(_quote_cluster_row("c", [quote]))
