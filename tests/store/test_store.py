"""The store keeps versioned snapshots: loads are idempotent, diffs exact, lookups as of a date."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from followthemoney import EntityProxy

from chokepoint.errors import NotFoundError, StoreError
from chokepoint.model import ListVersion, make_entity
from chokepoint.store import Store


def _version(sha: str, published: date) -> ListVersion:
    return ListVersion("test-list", sha * 8, published, datetime(2026, 1, 1, tzinfo=UTC), "/tmp/x")


def _people(version: ListVersion, names: dict[str, str]) -> Iterator[EntityProxy]:
    for key, name in names.items():
        person = make_entity("Person", f"test-{key}", version, key)
        person.add("name", name)
        person.add("topics", "sanction")
        person.add("programId", "DPRK3")
        yield person


V1 = _version("a", date(2024, 1, 1))
V2 = _version("b", date(2024, 6, 1))


@pytest.fixture
def loaded(store: Store) -> Store:
    store.load(V1, _people(V1, {"1": "KIM Jong Un", "2": "RI Su Yong", "3": "PAK Pong Ju"}))
    store.load(V2, _people(V2, {"1": "KIM Jong Un", "2": "RI Su-yong", "4": "CHOE Ryong Hae"}))
    return store


def test_a_load_creates_a_version_with_every_entity(store: Store) -> None:
    result = store.load(V1, _people(V1, {"1": "KIM Jong Un", "2": "RI Su Yong"}))
    assert result.created
    assert result.version.entity_count == 2
    assert result.added == 2
    assert [e.id for e in store.entities()] == ["test-1", "test-2"]


def test_loading_the_same_file_again_changes_nothing(loaded: Store) -> None:
    before = loaded.versions()
    again = loaded.load(V2, _people(V2, {"9": "someone else"}))
    assert not again.created
    assert loaded.versions() == before
    assert {e.id for e in loaded.entities()} == {"test-1", "test-2", "test-4"}


def test_diff_names_added_removed_and_changed_properties(loaded: Store) -> None:
    diff = loaded.diff("test-list")
    assert (diff.old, diff.new) == (V1.version_id, V2.version_id)
    kinds = {c.id: c.change for c in diff.changes}
    assert kinds == {"test-2": "changed", "test-3": "removed", "test-4": "added"}
    changed = next(c for c in diff.changes if c.id == "test-2")
    assert changed.properties == {"name": {"added": ["RI Su-yong"], "removed": ["RI Su Yong"]}}


def test_diff_between_explicit_versions_and_from_nothing(loaded: Store) -> None:
    first = loaded.diff("test-list", new=V1.version_id)
    assert first.old is None
    assert first.count("added") == 3
    with pytest.raises(NotFoundError):
        loaded.diff("test-list", old="1999-01-01-nope")


def test_lookups_as_of_a_date_see_the_version_then_in_force(loaded: Store) -> None:
    assert loaded.get("test-2", as_of=date(2024, 3, 1)).first("name") == "RI Su Yong"
    assert loaded.get("test-2").first("name") == "RI Su-yong"
    assert loaded.get("test-3", as_of=date(2024, 3, 1)).caption == "PAK Pong Ju"
    with pytest.raises(NotFoundError):
        loaded.get("test-3")
    with pytest.raises(NotFoundError):
        loaded.get("test-1", as_of=date(2023, 12, 31))


def test_unchanged_entities_are_stored_once(loaded: Store) -> None:
    with loaded._connect(read_only=True) as conn:
        row = conn.execute("SELECT count(*) FROM records WHERE id = 'test-1'").fetchone()
    assert row == (1,)


def test_entities_carry_provenance_of_their_version(loaded: Store) -> None:
    entity = loaded.get("test-4")
    provenance = entity.context["provenance"]
    assert provenance["source"] == "test-list"
    assert provenance["record"] == "4"
    assert provenance["version"] == V2.version_id
    assert provenance["sha256"] == V2.sha256
    assert provenance["published"] == "2024-06-01"


def test_counts_by_schema_and_programme(loaded: Store) -> None:
    counts = loaded.counts()["test-list"]
    assert counts == {"schemata": {"Person": 3}, "programmes": {"DPRK3": 3}}


def test_a_reader_error_midway_leaves_the_store_as_it_was(loaded: Store) -> None:
    v3 = _version("c", date(2025, 1, 1))

    def broken() -> Iterator[EntityProxy]:
        yield from _people(v3, {"1": "KIM Jong Un"})
        raise StoreError("reader failed on record 2")

    before = loaded.versions()
    with pytest.raises(StoreError):
        loaded.load(v3, broken())
    assert loaded.versions() == before


def test_duplicate_ids_in_one_version_are_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="occurs twice"):
        store.load(V1, iter([*_people(V1, {"1": "A"}), *_people(V1, {"1": "B"})]))
    assert store.versions() == []


def test_reading_an_empty_home_says_what_to_do(store: Store) -> None:
    assert store.versions() == []
    with pytest.raises(NotFoundError, match="load a list first"):
        store.get("anything")


def test_referencing_finds_entities_pointing_at_one(store: Store) -> None:
    people = list(_people(V1, {"1": "KIM Jong Un"}))
    sanction = make_entity("Sanction", "test-1-sanction", V1, "1")
    sanction.add("entity", "test-1")
    sanction.add("authority", "Test authority")
    store.load(V1, [*people, sanction])
    assert [e.id for e in store.referencing("test-1")] == ["test-1-sanction"]
