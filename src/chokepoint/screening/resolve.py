"""Cross-list resolution: cluster the records of one real-world party across the loaded sources.

Every listed party is screened like a query (candidate index, pre-ranking, then the full feature
table with birth dates, nationalities and identifiers as qualifiers); links to parties of *other*
sources are kept. Links scoring at
least ``threshold`` are merged strongest first (Kruskal's order, union-find), refusing any merge that
would put two records of one source in one cluster: a list does not list one party twice, so such a
cluster would join two different parties. A cluster's confidence is the score of the weakest link
that holds it together (the minimum edge of its maximum spanning tree); a member's confidence is its
best link inside the cluster.

Clusters are written by ``clusters.write_clusters`` to ``<home>/resolve/clusters.parquet``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chokepoint.screening.cache import screener_for, store_key
from chokepoint.screening.clusters import CLUSTERS_FILE, RESOLVE_DIR, write_clusters
from chokepoint.screening.defaults import DEFAULT_RESOLVE_THRESHOLD
from chokepoint.screening.records import Record
from chokepoint.screening.screener import Screener
from chokepoint.store import Store


@dataclass(frozen=True)
class Link:
    """Two records of different sources judged to be one party, with the score."""

    left: int
    right: int
    score: float


@dataclass
class Resolution:
    """The clusters of several records, with their confidences, and where they were written."""

    clusters: list[dict[str, Any]]
    records: int
    path: Path

    def summary(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "clusters": len(self.clusters),
            "cross_source": sum(1 for c in self.clusters if len({m["source"] for m in c["members"]}) > 1),
            "path": str(self.path),
        }


def find_links(screener: Screener, threshold: float = DEFAULT_RESOLVE_THRESHOLD) -> list[Link]:
    """Scored links between records of different sources at or above ``threshold``."""
    records = screener.index.records
    number_of = {id(r): n for n, r in enumerate(records)}
    seen: set[tuple[int, int]] = set()
    links: list[Link] = []
    for number, record in enumerate(records):
        if not record.names or record.schema == "CryptoWallet":
            continue
        for candidate, scored in screener.scored_candidates(record):
            other = number_of[id(candidate)]
            pair = (min(number, other), max(number, other))
            if pair in seen or candidate.source == record.source:
                continue
            seen.add(pair)
            if scored.score >= threshold:
                links.append(Link(pair[0], pair[1], scored.score))
    return links


def cluster(records: list[Record], links: list[Link]) -> list[dict[str, Any]]:
    """Union-find over links, strongest first, never two records of one source in a cluster."""
    parent = list(range(len(records)))
    sources: dict[int, set[str]] = {i: {r.source} for i, r in enumerate(records)}
    weakest: dict[int, float] = {}
    best: dict[int, float] = {}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for link in sorted(links, key=lambda lk: -lk.score):
        a, b = root(link.left), root(link.right)
        if a == b or sources[a] & sources[b]:
            continue
        parent[b] = a
        sources[a] |= sources.pop(b)
        weakest[a] = min(weakest.pop(b, 1.0), weakest.get(a, 1.0), link.score)
        for end in (link.left, link.right):
            best[end] = max(best.get(end, 0.0), link.score)
    groups: dict[int, list[int]] = {}
    for i in range(len(records)):
        groups.setdefault(root(i), []).append(i)
    clusters = []
    for top, members in groups.items():
        if len(members) < 2:
            continue
        ids = sorted(records[m].id for m in members)
        clusters.append(
            {
                "cluster_id": "cluster-" + hashlib.sha256("|".join(ids).encode()).hexdigest()[:12],
                "confidence": round(weakest[top], 4),
                "members": [
                    {
                        "entity_id": records[m].id,
                        "source": records[m].source,
                        "source_id": records[m].source_id,
                        "caption": records[m].caption,
                        "confidence": round(best.get(m, 0.0), 4),
                    }
                    for m in sorted(members, key=lambda m: records[m].id)
                ],
            }
        )
    return sorted(clusters, key=lambda c: c["cluster_id"])


def resolve_store(store: Store, threshold: float = DEFAULT_RESOLVE_THRESHOLD) -> Resolution:
    """Resolve the store's current lists and write the clusters under ``<home>/resolve/``."""
    key = store_key(store)
    screener = screener_for(store)
    clusters = cluster(screener.index.records, find_links(screener, threshold))
    path = store.home / RESOLVE_DIR / CLUSTERS_FILE
    write_clusters(path, clusters, key)
    return Resolution(clusters, len(screener.index.records), path)
