"""The screener: candidate index + feature model over the loaded lists; single and batch matching.

``Screener.from_store(store)`` builds records for every listed party (people, organisations,
vessels, aircraft, wallets), attaching identity documents (``Identification``/``Passport``) and
wallets (``CryptoWallet``) to their holders, and caches the built index per store version (see
``cache``). ``match(query)`` returns ranked ``Match`` objects; ``match_batch(queries)`` screens many
queries stage by stage (``BATCH_STAGE_SIZE`` queries at a time): blocking (numpy postings) of every
query, then per query one vectorised pre-ranking (rapidfuzz ``cdist`` over every folded name of the
blocked candidates) that picks the few candidates, and for each the one name, worth the full feature
table, then the feature table and the calibrated score. Results are the same as ``match`` per query.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

import numpy as np
from followthemoney import EntityProxy
from rapidfuzz import fuzz, process

from chokepoint.collector import collector_paused
from chokepoint.screening.defaults import DEFAULT_THRESHOLD
from chokepoint.screening.identifiers import normalize_identifier
from chokepoint.screening.index import DEFAULT_LIMIT, CandidateIndex
from chokepoint.screening.records import NameEntry, Query, Record, record_from_entity
from chokepoint.screening.scoring import Model, Scored, packaged_model, score

FULL_SCORING_PER_QUERY = 6
"""Candidates per query that get the full feature table after the rapidfuzz pre-ranking (a speed /
recall trade-off: 8 gives Recall@5 0.997 at ~1,850 q/s, 6 gives 0.994 at ~2,500 q/s, bench 2026-11)."""
PREFILTER_MIN_RATIO = 60
"""rapidfuzz token-set ratio (0-100) below which a candidate name is not worth full scoring: names
that share less than 60 % of their letters in the best token arrangement do not reach a reportable
score."""

BATCH_STAGE_SIZE = 1024
"""Queries a batch takes through each stage (blocking, pre-ranking, scoring) before the next stage:
one stage's code and tables stay in the processor caches across many queries, which made a cold
batch about a fifth faster than screening query by query (bench 2026-11-23); the stage size bounds the
memory held between stages."""

_PARTY_SCHEMATA = ("LegalEntity", "Vessel", "Airplane", "CryptoWallet")
_DOCUMENT_KIND = {"Passport": "passport", "Identification": "national_id"}


@dataclass(frozen=True)
class Match:
    """One ranked result: who matched, how well, on which name, and why (per feature)."""

    entity_id: str
    schema: str
    caption: str
    source: str
    source_id: str
    score: float
    matched_name: str | None
    query_name: str | None
    explanation: dict[str, dict[str, float]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity_id": self.entity_id,
            "schema": self.schema,
            "caption": self.caption,
            "source": self.source,
            "source_id": self.source_id,
            "score": round(self.score, 4),
            "matched_name": self.matched_name,
            "query_name": self.query_name,
            "explanation": self.explanation,
        }


def _is_party(entity: EntityProxy) -> bool:
    return any(entity.schema.is_a(s) for s in _PARTY_SCHEMATA)


def records_from_entities(entities: Iterable[EntityProxy]) -> list[Record]:
    """Records of every party in ``entities``, with documents and wallets attached to their holders."""
    records: dict[str, Record] = {}
    documents: list[tuple[str, str, str]] = []
    wallets: list[tuple[str, set[str]]] = []
    for entity in entities:
        schema = entity.schema.name
        if schema in _DOCUMENT_KIND:
            for holder in entity.get("holder"):
                for number in entity.get("number"):
                    documents.append((holder, _DOCUMENT_KIND[schema], number))
            continue
        if not _is_party(entity) or entity.id is None:
            continue
        record = record_from_entity(entity)
        records[entity.id] = record
        if schema == "CryptoWallet":
            wallets.extend((holder, record.wallets) for holder in entity.get("holder"))
    for holder, kind, number in documents:
        normal = normalize_identifier(kind, number)
        if holder in records and normal is not None:
            records[holder].identifiers.setdefault(kind, set()).add(normal)
    for holder, keys in wallets:
        if holder in records:
            records[holder].wallets |= keys
    return [r for r in records.values() if r.names or r.wallets]


class Screener:
    """Screen names (and qualifiers) against a fixed set of listed parties."""

    def __init__(
        self, records: Sequence[Record], model: Model | None = None, threshold: float = DEFAULT_THRESHOLD
    ) -> None:
        self.index = CandidateIndex(records)
        self.model = model or packaged_model()
        self.threshold = threshold
        self._folded = [
            [" ".join(f.tokens) for e in r.names for f in e.name.forms] for r in self.index.records
        ]
        self._entries = [[e for e in r.names for _ in e.name.forms] for r in self.index.records]

    @classmethod
    def from_entities(cls, entities: Iterable[EntityProxy], model: Model | None = None) -> Screener:
        """A screener over FtM entities (parties; documents and wallets are attached to holders)."""
        return cls(records_from_entities(entities), model)

    def __len__(self) -> int:
        return len(self.index)

    def _shortlist(self, record: Record, numbers: list[int]) -> list[tuple[int, list[NameEntry] | None]]:
        """Candidates worth the full feature table, each with the one name worth aligning.

        Pre-ranks every name of every blocked candidate by rapidfuzz token-set ratio against the
        query's forms in one vectorised ``cdist`` call; keeps the ``FULL_SCORING_PER_QUERY`` best
        candidates whose best name reaches ``PREFILTER_MIN_RATIO``. Queries carrying identifiers or
        wallets keep their blocked candidates whatever the names say (``None``: align every name).
        """
        if record.identifiers or record.wallets:
            return [(n, None) for n in numbers[:FULL_SCORING_PER_QUERY]]
        queries = [" ".join(f.tokens) for e in record.names for f in e.name.forms]
        folded = self._folded
        numbers = [n for n in numbers if folded[n]]
        if not queries or not numbers:
            return []
        choices = list(chain.from_iterable(folded[n] for n in numbers))
        # Ratios below the cut are never used, so rapidfuzz may skip them (score_cutoff); one below
        # the cut, because the cut-off is applied before rounding to integers: every ratio that
        # rounds to the cut or above is still exact.
        ratios = process.cdist(
            queries,
            choices,
            scorer=fuzz.token_set_ratio,
            dtype=np.uint8,
            score_cutoff=PREFILTER_MIN_RATIO - 1,
        ).max(axis=0)
        # A few hundred ratios: plain lists beat one numpy call per candidate.
        flat: list[int] = ratios.tolist()
        ranked: list[tuple[int, int, int]] = []  # (-best ratio, offset of the candidate's names, number)
        start = 0
        for n in numbers:
            size = len(folded[n])
            top = max(flat[start : start + size]) if size > 1 else flat[start]
            if top >= PREFILTER_MIN_RATIO:
                ranked.append((-top, start, n))
            start += size
        ranked.sort()  # best ratio first; ties in blocking order (offsets grow with it)
        shortlist: list[tuple[int, list[NameEntry] | None]] = []
        for negative_top, begin, n in ranked[:FULL_SCORING_PER_QUERY]:
            # the candidate's first name with its best ratio (the span from begin holds it)
            offset = flat.index(-negative_top, begin) - begin
            shortlist.append((n, [self._entries[n][offset]]))
        return shortlist

    def scored_candidates(self, record: Record) -> list[tuple[Record, Scored]]:
        """The shortlisted candidates of ``record`` with their full scores, unsorted."""
        shortlist = self._shortlist(record, self.index.candidates(record, DEFAULT_LIMIT))
        return [
            (self.index.records[n], score(record, self.index.records[n], self.model, candidate_names=names))
            for n, names in shortlist
        ]

    def _rank(self, record: Record, limit: int, threshold: float) -> list[Match]:
        shortlist = self._shortlist(record, self.index.candidates(record, DEFAULT_LIMIT))
        return self._ranked(record, shortlist, limit, threshold)

    def _ranked(
        self,
        record: Record,
        shortlist: list[tuple[int, list[NameEntry] | None]],
        limit: int,
        threshold: float,
    ) -> list[Match]:
        """The scored ``shortlist`` of ``record`` at or above ``threshold``, best first."""
        matches: list[Match] = []
        for n, names in shortlist:
            candidate = self.index.records[n]
            scored = score(record, candidate, self.model, candidate_names=names)
            if scored.score >= threshold:
                matches.append(self._match(candidate, scored))
        matches.sort(key=lambda m: -m.score)
        return matches[:limit]

    @staticmethod
    def _match(candidate: Record, scored: Scored) -> Match:
        return Match(
            entity_id=candidate.id,
            schema=candidate.schema,
            caption=candidate.caption,
            source=candidate.source,
            source_id=candidate.source_id,
            score=scored.score,
            matched_name=scored.matched_name,
            query_name=scored.query_name,
            explanation=scored.explanation,
        )

    def match(self, query: Query | str, limit: int = 10, threshold: float | None = None) -> list[Match]:
        """Ranked matches of one query at or above ``threshold`` (default: the screener's)."""
        q = Query(name=query) if isinstance(query, str) else query
        return self._rank(q.to_record(), limit, self.threshold if threshold is None else threshold)

    def match_batch(
        self, queries: Sequence[Query | str], limit: int = 10, threshold: float | None = None
    ) -> list[list[Match]]:
        """``match`` for many queries; invalid queries raise ``QueryError`` naming the query."""
        cut = self.threshold if threshold is None else threshold
        with collector_paused():
            records = [(Query(name=q) if isinstance(q, str) else q).to_record() for q in queries]
            results: list[list[Match]] = []
            for start in range(0, len(records), BATCH_STAGE_SIZE):
                chunk = records[start : start + BATCH_STAGE_SIZE]
                blocked = [self.index.candidates(r, DEFAULT_LIMIT) for r in chunk]
                shortlists = [self._shortlist(r, n) for r, n in zip(chunk, blocked, strict=True)]
                results.extend(self._ranked(r, s, limit, cut) for r, s in zip(chunk, shortlists, strict=True))
            return results

    def score_pair(self, a: Query, b: Query) -> Scored:
        """Score two queries against each other (the ``screen pairs`` path)."""
        return score(a.to_record(), b.to_record(), self.model)
