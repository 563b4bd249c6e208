"""The Screener over constructed FtM lists: ranked, explained matches, single and batch."""

from __future__ import annotations

import gc

import pytest
from followthemoney import EntityProxy

from chokepoint.screening import Query, Screener
from chokepoint.screening import screener as screener_module
from chokepoint.screening.records import QueryError


@pytest.fixture
def screener(entities: list[EntityProxy]) -> Screener:
    return Screener.from_entities(entities)


def test_korean_variants_find_both_lists(screener: Screener) -> None:
    for name in ("RI JE-SON", "Ri Che-son", "Lee Je Sun", "리제선"):
        ids = {m.entity_id for m in screener.match(Query(name, "Person"), threshold=0.5)}
        assert {"un-sc-KPi.002", "ofac-sdn-12216"} <= ids, name


def test_match_carries_source_key_matched_name_and_explanation(screener: Screener) -> None:
    best = screener.match(Query("Kim Jong Un", "Person", birth_date="1984-01-08"))[0]
    assert best.source_id in ("KPi.075", "20157")
    assert best.matched_name in ("KIM JONG UN", "KIM, Jong Un")
    assert "birth_date_match" in best.explanation and best.score > 0.95


def test_results_are_ranked(screener: Screener) -> None:
    scores = [m.score for m in screener.match("Kim Jong", threshold=0.0)]
    assert scores == sorted(scores, reverse=True)


def test_wallet_is_matched_on_any_evm_ticker_and_attached_to_its_holder(screener: Screener) -> None:
    query = Query("unknown", wallet="0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", ticker="USDC")
    ids = {m.entity_id for m in screener.match(query)}
    assert {"ofac-sdn-25308-wallet-ETH", "ofac-sdn-25308"} <= ids


def test_batch_equals_single_matches(screener: Screener) -> None:
    queries = [Query("RI JE SON"), Query("Korea Ryonbong General Corporation", "Organization")]
    batch = screener.match_batch(queries)
    assert [[m.entity_id for m in ms] for ms in batch] == [
        [m.entity_id for m in screener.match(q)] for q in queries
    ]


def test_batch_taken_stage_by_stage_in_several_chunks_keeps_each_query_s_matches(
    screener: Screener, monkeypatch: pytest.MonkeyPatch
) -> None:
    queries = [
        Query("RI JE SON"),
        Query("Korea Ryonbong General Corporation", "Organization"),
        Query("Ri Che-son"),
    ]
    monkeypatch.setattr(screener_module, "BATCH_STAGE_SIZE", 2)
    batch = screener.match_batch(queries, threshold=0.0)
    single = [screener.match(q, threshold=0.0) for q in queries]
    assert [[(m.entity_id, m.score) for m in ms] for ms in batch] == [
        [(m.entity_id, m.score) for m in ms] for ms in single
    ]
    assert all(batch)


def test_batch_refuses_a_bad_query(screener: Screener) -> None:
    with pytest.raises(QueryError):
        screener.match_batch([Query("ok"), Query("")])


def test_batch_leaves_the_garbage_collector_as_it_found_it(screener: Screener) -> None:
    assert gc.isenabled()
    screener.match_batch([Query("RI JE SON")])
    assert gc.isenabled()
    with pytest.raises(QueryError):
        screener.match_batch([Query("")])
    assert gc.isenabled()
    gc.disable()
    try:
        screener.match_batch([Query("RI JE SON")])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_batch_leaves_no_cyclic_garbage(screener: Screener) -> None:
    gc.collect()
    gc.disable()
    try:
        screener.match_batch(
            [Query("RI JE SON"), Query("Korea Ryonbong General Corporation", "Organization")]
        )
        assert gc.collect() == 0
    finally:
        gc.enable()
