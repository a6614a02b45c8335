"""newswire: raw news articles in, a validated, versioned Parquet dataset out."""

__version__ = "0.1.0"
