"""Screening defaults that the command line needs before it loads the matcher (fast start-up)."""

from __future__ import annotations

DEFAULT_THRESHOLD = 0.7
"""Score (probability of a true match) from which a candidate is reported; override per call."""
DEFAULT_RESOLVE_THRESHOLD = 0.8
"""Score from which two records of different lists are linked as one party by ``resolve``."""
MODEL_FILE = "model.json"
"""File name of a fitted screening model, in the package and under ``<home>/screening/``."""
