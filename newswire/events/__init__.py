"""Event coding: who did what to whom, coded in CAMEO and PLOVER."""
