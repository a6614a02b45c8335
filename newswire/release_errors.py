"""What can go wrong with releases, importable without the release code's pandas and pyarrow:
the command line catches these before it has started the run's Prefect server (a run's
critical path), and importing newswire.release there cost ~0.4 s before the server began."""


class ReleaseLocked(RuntimeError):
    """Another run holds the release lock."""


class DamagedRelease(RuntimeError):
    """A release whose manifest or Parquet files cannot be read (edited, truncated, half-copied)."""


class StagingAbandoned(OSError):
    """The run staging the tables a check waits for stopped before it had staged them all."""
