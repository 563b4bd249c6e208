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
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from rapidfuzz import fuzz, process
from rapidfuzz.distance import JaroWinkler
from rigour.names import remove_org_types

from chokepoint.payments.phrases import normalise
from chokepoint.payments.watchlist import ListedParty, Watchlist
from chokepoint.screening.records import Query, QueryError
from chokepoint.screening.screener import Screener

MIN_SCORE = 0.80
"""Candidates below this similarity are not returned (rules decide what to do above it)."""

TOKEN_MATCH = 0.88
"""Jaro-Winkler similarity from which two words count as the same word (one typo in a 5-letter word)."""

FUZZY_TOKEN_CHARS = 5
"""Words shorter than this must match exactly: ``LI``/``LIM`` or ``CHEN``/``CHENG`` are different names."""

SHORTLIST = 12
"""Candidates per query that get the word alignment, after a cheap rapidfuzz pre-ranking."""

JOINED_MATCH = 0.95
"""Similarity of the space-free names from which a spacing variant counts as the same name."""

_NON_DIGITS_RE = re.compile(r"[^0-9]+")

NUMBER_MISMATCH_FACTOR = 0.85
"""Names with different numbers name different things (``NO 2 MINE`` and ``NO 3 MINE``, ``FOODS 5``):
their score is scaled down below the review threshold unless everything else is identical."""

PREFIX_CHARS = 4
"""Length of the word prefixes used as blocking keys."""

COMMON_TOKEN_SHARE = 0.005
"""A blocking key in more than 0.5 % of listed names (``TRADING``, ``KORE*``) does not make a candidate by
itself when the name has rarer keys."""


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


def fold_name(name: str) -> str:
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
                folded = fold_name(name)
                if folded:
                    self._names.append((folded, party, name))
        for index, (folded, _, _) in enumerate(self._names):
            for key in _keys(folded):
                self._by_token[key].append(index)
        limit = max(3, math.ceil(COMMON_TOKEN_SHARE * len(self._names)))
        self._rare = {token for token, hits in self._by_token.items() if len(hits) <= limit}
        frequency = Counter(t for folded, _, _ in self._names for t in set(folded.split()))
        total = len(self._names) + 1
        self._weights = {t: math.log(1.0 + total / (n + 1)) for t, n in frequency.items()}
        self._unseen_weight = math.log(1.0 + total)
        self._folded = [WeightedName.of(folded, self._weight) for folded, _, _ in self._names]
        self._texts = [folded for folded, _, _ in self._names]

    def _weight(self, token: str) -> float:
        """Inverse document frequency of a word over the listed names; unseen words weigh most."""
        return self._weights.get(token, self._unseen_weight)

    def _candidates(self, folded: str) -> Iterable[int]:
        words = _keys(folded)
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
        folded = fold_name(name) if name else ""
        if folded:
            candidates = list(self._candidates(folded))
            if len(candidates) > SHORTLIST:
                texts = self._texts
                ranked = process.extract(
                    folded, [texts[i] for i in candidates], scorer=fuzz.token_set_ratio, limit=SHORTLIST
                )
                candidates = [candidates[position] for _, _, position in ranked]
            query = WeightedName.of(folded, self._weight)
            for index in candidates:
                _, party, original = self._names[index]
                score = query.similarity(self._folded[index])
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


def _keys(folded: str) -> set[str]:
    """Blocking keys of a folded name: its words, the first four letters of each longer word and of the
    name written without spaces (so ``MOOYOKBAKN`` still meets ``MOOYOKBANK``)."""
    words = folded.split()
    keys = set(words)
    keys.update(w[:PREFIX_CHARS] + "*" for w in words if len(w) > PREFIX_CHARS)
    keys.add("".join(words)[:PREFIX_CHARS] + "*")
    return keys


def similarity(a: str, b: str, weight: Callable[[str], float] = lambda token: 1.0) -> float:
    """How alike two folded names are, in [0, 1].

    Words are aligned one-to-one, most similar pairs first (Jaro-Winkler, so typos and transpositions
    keep a high similarity); a pair counts when its similarity reaches ``TOKEN_MATCH``. The score is the
    weighted share of both names' words that found a partner, each pair counting its similarity, with
    rare words weighing more (``weight``, e.g. inverse document frequency over the listed names): a
    missing distinctive word (``GREEN WAY INDUSTRIES`` against ``GREEN INDUSTRIES``) costs much, a missing
    common one little; names whose numbers differ are scaled by ``NUMBER_MISMATCH_FACTOR``. A name that
    differs only in spacing (``JONCHI BU``, ``FOREIGN TRADEBANK``), with at most one letter more or less,
    scores its similarity with spaces removed when that is at least ``JOINED_MATCH``."""
    return WeightedName.of(a, weight).similarity(WeightedName.of(b, weight))


@dataclass(frozen=True, slots=True)
class WeightedName:
    """A folded name prepared for ``similarity``: its words, their weights and total, the name without
    spaces and its digits. The screener prepares every listed name once and each query once, so a
    comparison does only the word alignment."""

    words: tuple[str, ...]
    weights: tuple[float, ...]
    total: float
    joined: str
    digits: str

    @classmethod
    def of(cls, folded: str, weight: Callable[[str], float]) -> WeightedName:
        words = tuple(folded.split())
        weights = tuple(weight(t) for t in words)
        joined = "".join(words)
        return cls(words, weights, sum(weights), joined, _digits(joined))

    def similarity(self, other: WeightedName) -> float:
        """``similarity`` of the two names (see there); the same value, computed from the prepared parts."""
        left, right = self.words, other.words
        if not left or not right:
            return 0.0
        pairs = sorted(
            (
                (sim, i, j)
                for i, x in enumerate(left)
                for j, y in enumerate(right)
                if (sim := JaroWinkler.normalized_similarity(x, y, score_cutoff=TOKEN_MATCH)) >= TOKEN_MATCH
            ),
            reverse=True,
        )
        used_left: set[int] = set()
        used_right: set[int] = set()
        matched = 0.0
        for sim, i, j in pairs:
            if i in used_left or j in used_right:
                continue
            if sim < 1.0 and min(len(left[i]), len(right[j])) < FUZZY_TOKEN_CHARS:
                continue
            used_left.add(i)
            used_right.add(j)
            matched += sim * (self.weights[i] + other.weights[j])
        total = self.total + other.total
        aligned = matched / total if total else 0.0
        if self.digits != other.digits:
            return aligned * NUMBER_MISMATCH_FACTOR
        if abs(len(self.joined) - len(other.joined)) > 1:
            return aligned
        joined = fuzz.ratio(self.joined, other.joined) / 100.0
        return max(aligned, joined if joined >= JOINED_MATCH else 0.0)


def _digits(text: str) -> str:
    return _NON_DIGITS_RE.sub("", text)


def _compatible(query_schema: str, listed_schema: str) -> bool:
    """A financial institution is not a person; a customer of unknown type can be anyone."""
    return not (query_schema == "Organization" and listed_schema == "Person")


class CachedScreener:
    """Memoises another screener per (normalised name, schema, country, BIC) for one batch or session;
    the name exactly as written is remembered too, so a repeated party costs one dict probe."""

    def __init__(self, inner: PartyScreener) -> None:
        self.inner = inner
        self._cache: dict[tuple[str, str, str | None, str | None], list[PartyMatch]] = {}
        self._as_written: dict[tuple[str, str, str | None, str | None], list[PartyMatch]] = {}
        self.hits = 0
        self.misses = 0

    def match(
        self, name: str, schema: str, country: str | None = None, *, bic: str | None = None
    ) -> list[PartyMatch]:
        written = (name, schema, country, bic)
        found = self._as_written.get(written)
        if found is not None:
            self.hits += 1
            return found
        key = (normalise(name) if name else "", schema, country, bic)
        found = self._cache.get(key)
        if found is None:
            self.misses += 1
            found = self.inner.match(name, schema, country, bic=bic)
            self._cache[key] = found
        else:
            self.hits += 1
        self._as_written[written] = found
        return found


class EngineScreener:
    """``PartyScreener`` over the screening engine (``chokepoint.screening.Screener``): calibrated
    scores from its feature model, plus the exact BIC8 lookup of the watchlist. The engine's score is a
    probability; ``threshold`` is the lowest returned."""

    def __init__(self, engine: Screener, watchlist: Watchlist, threshold: float = MIN_SCORE) -> None:
        self.engine = engine
        self.threshold = threshold
        self._bics = watchlist.bics
        self._parties = watchlist.parties

    def match(
        self, name: str, schema: str, country: str | None = None, *, bic: str | None = None
    ) -> list[PartyMatch]:
        best: dict[str, PartyMatch] = {}
        listed = self._bics.get(bic.upper()[:8]) if bic else None
        if listed is not None and bic is not None:
            party = self._parties[listed]
            best[listed] = PartyMatch(listed, party.caption, party.schema, bic, 1.0, party.programmes, "bic")
        if name:
            query = Query(name=name, schema=schema, country=country.lower() if country else None)
            try:
                found = self.engine.match(query, limit=5, threshold=self.threshold)
            except QueryError:
                found = []
            for match in found:
                if match.entity_id in best or not _compatible(schema, match.schema):
                    continue
                known = self._parties.get(match.entity_id)
                best[match.entity_id] = PartyMatch(
                    match.entity_id,
                    match.caption,
                    match.schema,
                    match.matched_name or match.caption,
                    round(match.score, 4),
                    known.programmes if known else (),
                    "engine",
                )
        return sorted(best.values(), key=lambda m: (-m.score, m.entity_id))
