"""Hypocorisms: a given name and its familiar forms are one name (Bill / William, Ted / Theodore).

Sanctions lists and the people who screen against them write given names both ways: OFAC lists
nicknames as aliases of some parties and not of others, and customer files hold whatever the customer
wrote ("Ben Netanyahu" for Benjamin). The table is data, not rules: the hand-curated English
given-name / nickname relations of Carlton Northern's *nicknames* dataset
(https://github.com/carltonnorthern/nicknames, Apache-2.0, PyPI ``nicknames``, pinned in
pyproject.toml), which was built from genealogy name lists. Only direct relations count (a name and
one of its own nicknames); two nicknames of one name are not equated, because a nickname often belongs
to several names (Jamie: James, Benjamin) and would chain unrelated names together. Spellings of
Korean surnames and syllables (``variants.SURNAME_VARIANTS``: Kim, Jo, Lee, Ho ...) are never read
as English nicknames (Kim is not Kimberly on the DPRK lists).
"""

from __future__ import annotations

from functools import lru_cache

from nicknames import NickNamer

from chokepoint.screening.variants import SURNAME_VARIANTS

KOREAN_SPELLINGS = frozenset(spelling for row in SURNAME_VARIANTS for spelling in row)
"""Spellings of Korean surnames and syllables: never read as English nicknames (Kim is not Kimberly)."""


@lru_cache(maxsize=1)
def _table() -> NickNamer:
    return NickNamer()


_NONE: frozenset[str] = frozenset()


@lru_cache(maxsize=200_000)
def nicknames_of(token: str) -> frozenset[str]:
    """The direct nicknames of a lower-case given name (empty for non-names)."""
    if len(token) < 2 or not token.isalpha():
        return _NONE
    found = _table().nicknames_of(token)
    return frozenset(found) if found else _NONE  # most words have none: share one empty set


def are_hypocorisms(a: str, b: str) -> bool:
    """Whether lower-case tokens ``a`` and ``b`` are a given name and one of its nicknames (either way).

    Two look-ups in the per-token ``nicknames_of`` cache, so a batch pays the table once per word."""
    if a == b or a in KOREAN_SPELLINGS or b in KOREAN_SPELLINGS:
        return False
    return b in nicknames_of(a) or a in nicknames_of(b)
