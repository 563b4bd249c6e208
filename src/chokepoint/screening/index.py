"""The candidate index: blocking keys of every name, identifier and wallet -> the records that have them.

Keys of a name form's tokens: the token folded to its variant row (``t:``), its romanization
skeleton (``s:``), its first and last three letters (``p:``/``x:``, for tokens of four letters or
more, so one typo still meets the other end), and its consonants (``c:``, for vowel-less abjad
transliterations). Identifiers (``id:kind:value``) and wallets (``w:family:address``) are keys too.

A query's keys are looked up in ``postings`` (numpy arrays of record numbers); each hit adds the key's
inverse document frequency (``log(N / df)``) to the record; keys carried by more than ``max_df`` of
the records and more than ``MIN_COMMON`` (``Mohammed``, ``Trading``) are skipped unless the query has
nothing rarer. The
``limit`` records with the highest sums are the candidates: a query touches tens of records, not
the whole list.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

from chokepoint.screening.names import LOW_WEIGHT_WORDS, NameForm
from chokepoint.screening.records import Record
from chokepoint.screening.variants import canonical_spelling, consonants, skeleton

MAX_DF = 0.02
"""Keys carried by more than this share of records are too common to block on (dimensionless)."""
MIN_COMMON = 50
"""A key carried by this many records or fewer is never too common (small lists block on every key)."""
DEFAULT_LIMIT = 25
"""Candidates returned per query."""


def form_keys(form: NameForm) -> set[str]:
    """The blocking keys of one name form (see the module docstring)."""
    keys: set[str] = set()
    abjad = form.system == "abjad"
    for token in form.tokens:
        if token in LOW_WEIGHT_WORDS:  # is_low_weight
            continue
        keys.add("t:" + canonical_spelling(token))
        keys.add("s:" + skeleton(token))
        if len(token) >= 4:
            keys.add("p:" + token[:3])
            keys.add("x:" + token[-3:])
            keys.add("c:" + consonants(token))
        elif abjad:
            keys.add("c:" + consonants(token))
    return keys


def record_keys(record: Record) -> set[str]:
    """Every blocking key of a record: its names' forms, identifiers and wallets."""
    keys: set[str] = set()
    for entry in record.names:
        for form in entry.name.forms:
            keys |= form_keys(form)
    for kind, values in record.identifiers.items():
        keys |= {f"id:{kind}:{v}" for v in values}
    keys |= {f"w:{w}" for w in record.wallets}
    return keys


class CandidateIndex:
    """Blocking keys -> record numbers, with the inverse document frequency of each key."""

    def __init__(self, records: Iterable[Record], max_df: float = MAX_DF) -> None:
        self.records: list[Record] = list(records)
        lists: dict[str, list[int]] = {}
        for number, record in enumerate(self.records):
            for key in record_keys(record):
                lists.setdefault(key, []).append(number)
        total = max(len(self.records), 1)
        self.postings: dict[str, npt.NDArray[np.int32]] = {
            k: np.asarray(v, dtype=np.int32) for k, v in lists.items()
        }
        self.idf: dict[str, float] = {k: math.log(total / len(v)) + 0.1 for k, v in lists.items()}
        self.max_postings = max(MIN_COMMON, int(total * max_df))

    def __len__(self) -> int:
        return len(self.records)

    def candidates(self, record: Record, limit: int = DEFAULT_LIMIT) -> list[int]:
        """Record numbers of the best ``limit`` candidates for ``record``, best blocking score first."""
        postings = self.postings
        keys = [k for k in record_keys(record) if k in postings]
        if not keys:
            return []
        rare = [k for k in keys if len(postings[k]) <= self.max_postings]
        chosen = rare or sorted(keys, key=lambda k: len(postings[k]))[:2]
        lists = [postings[k] for k in chosen]
        hits = np.concatenate(lists)
        weights = np.repeat([self.idf[k] for k in chosen], [len(p) for p in lists])
        # Sum per distinct hit (sorted record numbers), not over a table of every record: a query's
        # hits are a few hundred, the records ten thousand.
        found, inverse = np.unique(hits, return_inverse=True)
        sums = np.bincount(inverse, weights=weights)
        if len(found) > limit:
            top = np.argpartition(-sums, limit - 1)[:limit]
            found, sums = found[top], sums[top]
        return [int(i) for i in found[np.argsort(-sums, kind="stable")]]
