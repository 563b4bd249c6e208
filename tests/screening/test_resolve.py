"""Cross-list clusters: one party per cluster, never two records of one list in a cluster."""

from __future__ import annotations

from chokepoint.screening.clusters import cluster_of
from chokepoint.screening.names import analyze_name
from chokepoint.screening.records import NameEntry, Record
from chokepoint.screening.resolve import Link, cluster, resolve_store
from chokepoint.store import Store


def _record(entity_id: str, source: str) -> Record:
    return Record(
        entity_id,
        "Person",
        "person",
        entity_id,
        [NameEntry(analyze_name(entity_id, "person"))],
        source=source,
        source_id=entity_id,
    )


def test_strongest_links_first_and_no_two_records_of_one_source() -> None:
    records = [_record("a", "un-sc"), _record("b", "ofac-sdn"), _record("c", "un-sc")]
    clusters = cluster(records, [Link(0, 1, 0.95), Link(1, 2, 0.9)])
    assert len(clusters) == 1
    assert [m["entity_id"] for m in clusters[0]["members"]] == ["a", "b"]
    assert clusters[0]["confidence"] == 0.95


def test_resolve_store_writes_clusters_the_entity_view_reads(loaded_store: Store) -> None:
    result = resolve_store(loaded_store)
    assert result.path.exists()
    found = cluster_of(loaded_store.home, "ofac-sdn-9347")
    assert found is not None
    assert {m["entity_id"] for m in found["members"]} == {"ofac-sdn-9347", "un-sc-KPe.002"}
    assert cluster_of(loaded_store.home, "ofac-sdn-30001") is None
