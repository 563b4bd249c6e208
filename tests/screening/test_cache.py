"""The built index is cached per store version: in memory and as a pickle under <home>/index/."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from chokepoint.model import ListVersion, make_entity
from chokepoint.screening import cache
from chokepoint.store import Store


def test_second_call_reuses_and_a_new_process_reads_the_pickle(loaded_store: Store) -> None:
    first = cache.screener_for(loaded_store)
    assert cache.screener_for(loaded_store) is first
    pickles = list((loaded_store.home / cache.INDEX_DIR).glob("screening-*.pickle"))
    assert len(pickles) == 1
    cache._memory.clear()
    again = cache.screener_for(loaded_store)
    assert again is not first and len(again) == len(first)


def test_key_changes_when_a_new_list_version_is_loaded(loaded_store: Store) -> None:
    before = cache.store_key(loaded_store)
    version = ListVersion("un-sc", "cd" * 32, date(2026, 3, 5), datetime(2026, 3, 6, tzinfo=UTC))
    entity = make_entity("Person", "un-sc-KPi.200", version, "KPi.200")
    entity.add("name", "PAK PONG JU")
    loaded_store.load(version, [entity])
    assert cache.store_key(loaded_store) != before
    assert [m.entity_id for m in cache.screener_for(loaded_store).match("Pak Pong Ju")][:1] == [
        "un-sc-KPi.200"
    ]


def test_key_changes_with_the_screening_code(loaded_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    before = cache._compute_key(loaded_store)
    monkeypatch.setattr(cache, "_CODE", "another-analysis-pipeline")
    assert cache._compute_key(loaded_store) != before
