"""Name screening of payment parties: the ``PartyScreener`` protocol and the list-name screener.

Every party entity of the store is a candidate (listed or not): a match to an unlisted entity matters
when the network puts it within a few hops of a listed one.

``PartyScreener`` is the small contract payments needs from a screening engine: given a party's name,
its FtM schema and country, return the listed entities it may be, with a score in [0, 1].
``ListNameScreener`` implements it over a ``Watchlist``: exact BIC lookup, then names compared with
``rapidfuzz`` after folding case, script and legal forms, over candidates that share a distinctive
token. ``CachedScreener`` memoises any screener per normalised name, country and schema, which is
what makes batches fast: payment traffic repeats the same parties.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from rapidfuzz import fuzz
from rigour.names import remove_org_types

from chokepoint.payments.phrases import normalise, tokens
from chokepoint.payments.watchlist import ListedParty, Watchlist

MIN_SCORE = 0.80
"""Candidates below this similarity are not returned (rules decide what to do above it)."""

COMMON_TOKEN_SHARE = 0.02
"""A token in more than 2 % of listed names (``TRADING``, ``CO``) does not make a candidate by itself."""


@dataclass(frozen=True, slots=True)
class PartyMatch:
    """A listed entity a party may be: its id, the listed name that matched and the score."""

    entity_id: str
    caption: str
    schema: str
    matched_name: str
    score: float
    programmes: tuple[str, ...]
    feature: str
    """What matched: ``bic`` (exact BIC8) or ``name`` (fuzzy name similarity)."""


class PartyScreener(Protocol):
    """What payment screening asks of a screening engine."""

    def match(
        self, name: str, schema: str, country: str | None = None, *, bic: str | None = None
    ) -> list[PartyMatch]:
        """Listed entities ``name`` may be, best first; ``schema`` is ``LegalEntity`` for a customer and
        ``Organization`` for a financial institution; ``bic`` is the party's BIC when known."""
        ...


def _fold(name: str) -> str:
    """Tokens of a name with legal forms (``Co Ltd``, ``LLC``, ``JSC``) removed."""
    return normalise(remove_org_types(name.upper()) or name)


class ListNameScreener:
    """Screens names against the listed parties of a ``Watchlist``."""

    def __init__(self, watchlist: Watchlist, min_score: float = MIN_SCORE) -> None:
        self.min_score = min_score
        self._bics = watchlist.bics
        self._parties = watchlist.parties
        self._names: list[tuple[str, ListedParty, str]] = []
        self._by_token: dict[str, list[int]] = defaultdict(list)
        for party in watchlist.parties.values():
            for name in party.names:
                folded = _fold(name)
                if folded:
                    self._names.append((folded, party, name))
        for index, (folded, _, _) in enumerate(self._names):
            for token in set(folded.split()):
                self._by_token[token].append(index)
        limit = max(3, math.ceil(COMMON_TOKEN_SHARE * len(self._names)))
        self._rare = {token for token, hits in self._by_token.items() if len(hits) <= limit}

    def _candidates(self, folded: str) -> Iterable[int]:
        words = set(folded.split())
        rare = [w for w in words if w in self._rare and len(w) > 1]
        keys = rare or [w for w in words if w in self._by_token]
        found: set[int] = set()
        for word in keys:
            found.update(self._by_token[word])
        return found

    def match(
        self, name: str, schema: str, country: str | None = None, *, bic: str | None = None
    ) -> list[PartyMatch]:
        best: dict[str, PartyMatch] = {}
        if bic:
            listed = self._bics.get(bic.upper()[:8])
            if listed is not None:
                party = self._parties[listed]
                best[listed] = PartyMatch(
                    listed, party.caption, party.schema, bic, 1.0, party.programmes, "bic"
                )
        folded = _fold(name) if name else ""
        if folded:
            for index in self._candidates(folded):
                listed_name, party, original = self._names[index]
                score = fuzz.token_sort_ratio(folded, listed_name) / 100.0
                if score < self.min_score or not _compatible(schema, party.schema):
                    continue
                current = best.get(party.id)
                if current is None or score > current.score:
                    best[party.id] = PartyMatch(
                        party.id,
                        party.caption,
                        party.schema,
                        original,
                        round(score, 4),
                        party.programmes,
                        "name",
                    )
        return sorted(best.values(), key=lambda m: (-m.score, m.entity_id))


def _compatible(query_schema: str, listed_schema: str) -> bool:
    """A financial institution is not a person; a customer of unknown type can be anyone."""
    return not (query_schema == "Organization" and listed_schema == "Person")


class CachedScreener:
    """Memoises another screener per (normalised name, schema, country, BIC) for one batch or session."""

    def __init__(self, inner: PartyScreener) -> None:
        self.inner = inner
        self._cache: dict[tuple[str, str, str | None, str | None], list[PartyMatch]] = {}
        self.hits = 0
        self.misses = 0

    def match(
        self, name: str, schema: str, country: str | None = None, *, bic: str | None = None
    ) -> list[PartyMatch]:
        key = (" ".join(tokens(name)) if name else "", schema, country, bic)
        found = self._cache.get(key)
        if found is None:
            self.misses += 1
            found = self.inner.match(name, schema, country, bic=bic)
            self._cache[key] = found
        else:
            self.hits += 1
        return found
