"""DPRK indicators in free text: phones, places, vessels, wallets and banned goods."""

from __future__ import annotations

from pathlib import Path

import pytest

from chokepoint.payments.indicators import DprkIndicators
from chokepoint.payments.watchlist import Watchlist, wallet_keys

from .conftest import list_entities


@pytest.fixture
def indicators(shared_data: Path) -> DprkIndicators:
    """The packaged tables, shared ports and advisory tankers, and the test store's vessel and wallet."""
    return DprkIndicators.load(Watchlist.from_entities(list_entities(), shared_data), shared_data)


def test_plus_850_numbers_are_found_and_other_codes_are_not(indicators: DprkIndicators) -> None:
    assert [h.text for h in indicators.phones("TEL +850 2 381 4410 ATTN MR KIM")] == ["+850 2 381 4410"]
    assert [h.text for h in indicators.phones("TEL 00850-2-18111")] == ["00850-2-18111"]
    assert indicators.phones("TEL +82 2 850 1234 SEOUL") == []


def test_ports_from_the_shared_table_and_documented_cities(indicators: DprkIndicators) -> None:
    hits = indicators.place_names("FREIGHT NAMPHO/NAMPO TO DALIAN VIA SINUIJU")
    assert {h.text for h in hits} == {"NAMPO", "SINUIJU"}
    assert {h.text for h in indicators.place_names("KIMCHAEK PORT DUES")} == {"KIMCHAEK"}


def test_ambiguous_names_need_a_second_dprk_word(indicators: DprkIndicators) -> None:
    assert indicators.place_names("SALARY RAJIN KUMAR") == []
    assert {h.text for h in indicators.place_names("RAJIN PORT FEES DPRK")} == {"RAJIN", "DPRK"}


def test_listed_imo_numbers_and_names(indicators: DprkIndicators) -> None:
    kinds = {(h.kind, h.text) for h in indicators.vessels("CHARTER MV YU JONG 2 IMO 8604917")}
    assert ("vessel_imo", "8604917") in kinds
    advisory = indicators.vessels("BUNKERS FOR CHON MA SAN")
    assert [h.kind for h in advisory] == ["vessel_name"]
    assert indicators.vessels("INVOICE 8604918") == []


def test_wallet_split_across_mt_lines_is_still_found(indicators: DprkIndicators) -> None:
    text = "OTC SETTLEMENT 0x098B716B8Aaf215129 96dC57EB0615e2383E2f96"
    assert [h.kind for h in indicators.wallets_in(text)] == ["wallet"]
    assert indicators.wallets_in("0x098B716B8Aaf21512996dC57EB0615e2383E2f97") == []


def test_banned_goods_carry_resolution_and_hs_code(indicators: DprkIndicators) -> None:
    (hit,) = [h for h in indicators.banned_goods("ANTHRACITE SHIPMENT") if h.text == "ANTHRACITE"]
    assert hit.detail is not None and "UNSCR 2371" in getattr(hit.detail, "citation", "")
    assert indicators.banned_goods("COALITION FEES") == []


def test_banned_goods_by_hs_code(indicators: DprkIndicators) -> None:
    hits = indicators.banned_goods("INV 44 HS CODE 610910 T-SHIRTS")
    assert [getattr(h.detail, "hs", "") for h in hits] == ["50-63"]
    assert {getattr(h.detail, "hs", "") for h in indicators.banned_goods("HS 270112")} == {"2701"}
    assert indicators.banned_goods("HS 300490 MEDICINES") == []


def test_wallet_keys_follow_the_chain_rules() -> None:
    evm = "0x098B716B8Aaf21512996dC57EB0615e2383E2f96"
    assert wallet_keys(evm.lower()) == wallet_keys(evm)
    assert wallet_keys("not-an-address-at-all-xxxxxxxx") == ["raw:not-an-address-at-all-xxxxxxxx"]
