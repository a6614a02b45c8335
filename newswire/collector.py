"""How often a run's process walks its whole heap looking for garbage cycles.

Python's collector collects the young generations often (cheap: few objects) and, by default,
its oldest one after every 10 collections of the middle one, walking every object that has
survived so far. A run's process keeps almost everything it makes: the modules it imports
(Prefect, spaCy, pandas, Great Expectations) and then the corpus (structured articles, stored
extraction records, resolved actors) for the rest of the run, so each full collection walked a
bigger heap to free next to nothing. On the +1 article run over the BBC corpus, the 11 full
collections cost 2.1-2.2 s of CPU of the run's ~19; collected 10 times less often, one (0.3 s),
with the same peak memory. Cycles that die young are still freed by the young collections.
"""

from __future__ import annotations

import gc

# Collections of the middle generation between two full collections (Python's default: 10).
FULL_COLLECTION_EVERY = 100


def collect_the_oldest_generation_rarely() -> None:
    """Full collections FULL_COLLECTION_EVERY middle ones apart; the young generations as they were."""
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_COLLECTION_EVERY)
