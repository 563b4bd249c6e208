"""Stored resolution clusters: ``<home>/resolve/clusters.parquet``, one row per cluster member.

Written atomically (temporary file, then rename) with the store version key the clusters were
computed from; read by the entity view (``cluster_of``). Kept apart from ``resolve`` so reading a
cluster does not import the matcher.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

RESOLVE_DIR = "resolve"
CLUSTERS_FILE = "clusters.parquet"


def write_clusters(path: Path, clusters: list[dict[str, Any]], key: str) -> None:
    """Write ``clusters`` (each with cluster_id, confidence and members) as one row per member."""
    rows = [
        {"cluster_id": c["cluster_id"], "cluster_confidence": c["confidence"], "store_key": key, **m}
        for c in clusters
        for m in c["members"]
    ]
    schema = pa.schema(
        [
            ("cluster_id", pa.string()),
            ("cluster_confidence", pa.float64()),
            ("store_key", pa.string()),
            ("entity_id", pa.string()),
            ("source", pa.string()),
            ("source_id", pa.string()),
            ("caption", pa.string()),
            ("confidence", pa.float64()),
        ]
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), tmp)
    os.replace(tmp, path)


def cluster_of(home: Path, entity_id: str) -> dict[str, Any] | None:
    """The cluster ``entity_id`` belongs to, from the last ``chokepoint resolve`` (None if none)."""
    path = home / RESOLVE_DIR / CLUSTERS_FILE
    if not path.exists():
        return None
    table = pq.read_table(path)
    rows = table.to_pylist()
    mine = next((r for r in rows if r["entity_id"] == entity_id), None)
    if mine is None:
        return None
    members = [r for r in rows if r["cluster_id"] == mine["cluster_id"]]
    return {
        "cluster_id": mine["cluster_id"],
        "confidence": mine["cluster_confidence"],
        "store_key": mine["store_key"],
        "members": [
            {k: r[k] for k in ("entity_id", "source", "source_id", "caption", "confidence")} for r in members
        ],
    }
