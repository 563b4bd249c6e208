"""Screening messages: every party, agent and text, with the rule version and citation as evidence."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from chokepoint.payments import parse_bytes, parse_file
from chokepoint.payments.message import Party
from chokepoint.payments.screen import PaymentScreener
from chokepoint.payments.screener import similarity
from chokepoint.payments.watchlist import Watchlist
from chokepoint.store import Store

from .test_iso20022 import PACS009_COV
from .test_mt import MT202COV


@pytest.fixture
def screener(watchlist: Watchlist, shared_data: Path) -> PaymentScreener:
    return PaymentScreener.from_watchlist(watchlist, shared_data)


def test_cover_payment_through_a_listed_dprk_bank(screener: PaymentScreener) -> None:
    (message,) = parse_bytes(MT202COV.encode(), "cov.fin")
    alerts = screener.screen_message(message)
    found = {(a.rule, a.party_role) for a in alerts}
    assert ("sanctioned-party", "intermediary_agent_1") in found
    assert ("dprk-financial-institution", "intermediary_agent_1") in found
    assert ("dprk-party", "underlying_creditor") in found
    assert ("dprk-commodity", "underlying_remittance_text") in found
    listed = next(
        a for a in alerts if a.rule == "sanctioned-party" and a.party_role == "intermediary_agent_1"
    )
    assert listed.matched_entity_id == "un-sc-KPe.025" and listed.action == "block"
    assert listed.evidence["rule_version"] == "sanctioned-party@v1"
    assert "31 CFR part 510" in listed.evidence["citation"]
    assert listed.evidence["list_record"].startswith("ftm ")


def test_phone_and_port_in_an_iso_cover_payment(screener: PaymentScreener) -> None:
    (message,) = parse_bytes(PACS009_COV, "cov.xml")
    rules = {(a.rule, a.party_role): a for a in screener.screen_message(message)}
    assert rules[("dprk-phone", "underlying_debtor")].action == "enhanced_due_diligence"
    assert rules[("dprk-place", "underlying_creditor")].evidence["place"] == "Nampo"


def test_misspelled_listed_name_is_a_possible_match(screener: PaymentScreener) -> None:
    (message,) = parse_bytes(PACS009_COV, "cov.xml")
    debtor = Party("underlying_debtor", "party", name="KOREA KWANGSON BANKNIG CORP")
    message = replace(message, parties=(debtor,), texts=())
    (alert,) = screener.screen_message(message)
    assert alert.rule in ("sanctioned-party", "possible-sanctioned-party")
    assert alert.matched_entity_id == "un-sc-KPe.025" and 0.86 <= alert.score < 1.0


def test_front_company_two_hops_from_a_listed_owner(screener: PaymentScreener) -> None:
    (message,) = parse_bytes(PACS009_COV, "cov.xml")
    creditor = Party("underlying_creditor", "party", name="DALIAN SUNRISE SHIPPING AGENCY CO LTD")
    (alert,) = screener.screen_message(replace(message, parties=(creditor,), texts=()))
    assert alert.rule == "network-proximity" and alert.matched_entity_id == "ftm-front-1"
    assert alert.evidence["listed_entity_id"] == "ofac-sdn-22222" and alert.evidence["hops"] == 1


def test_rules_not_yet_in_force_do_not_fire(screener: PaymentScreener) -> None:
    (message,) = parse_bytes(MT202COV.encode(), "cov.fin")
    alerts = screener.screen_message(replace(message, settlement_date=date(2015, 1, 5)))
    assert "dprk-financial-institution" not in {a.rule for a in alerts}


def test_real_cbpr_and_mt103_samples_raise_nothing(screener: PaymentScreener, shared_data: Path) -> None:
    folder = shared_data / "payments"
    messages = [
        m for path in sorted(folder.rglob("*")) if path.suffix in (".xml", ".rje") for m in parse_file(path)
    ]
    assert len(messages) >= 20
    assert list(screener.screen(messages)) == []


def test_alert_ids_are_stable_across_screenings(screener: PaymentScreener) -> None:
    (message,) = parse_bytes(MT202COV.encode(), "cov.fin")
    first = [a.alert_id for a in screener.screen_message(message)]
    again = [a.alert_id for a in screener.screen_message(message)]
    assert first == again and len(set(first)) == len(first)


def test_network_engine_gives_the_ownership_path(listed_store: Store) -> None:
    screener = PaymentScreener.from_store(listed_store)
    (message,) = parse_bytes(PACS009_COV, "cov.xml")
    creditor = Party("underlying_creditor", "party", name="Dalian Sunrise Shipping Agency")
    (alert,) = screener.screen_message(replace(message, parties=(creditor,), texts=()))
    assert alert.rule == "network-proximity"
    assert alert.evidence["path"] == ["ofac-sdn-22222", "ftm-own-1", "ftm-front-1"]
    assert alert.evidence["path_strength"] == 0.6


def test_word_alignment_weighs_rare_words_and_numbers() -> None:
    assert similarity("JON CHI BU", "JONCHI BU") == 1.0
    assert similarity("FOREIGN TRADE BANK", "FOREIGN TRADEBANK") == 1.0
    assert similarity("MOOYOKBANK", "MOOYOKBAKN") > 0.9
    assert similarity("LI CHENG YU", "CHEN LIM") < 0.5
    assert similarity("PRIME WAY SUPPLY", "PRIME WAY SUPPLY 1") < 0.8
    rare = {"GREEN": 2.0, "WAY": 9.0, "INDUSTRIES": 1.0}.get
    assert similarity("GREEN WAY INDUSTRIES", "GREEN INDUSTRIES", lambda t: rare(t, 5.0)) < 0.8


def test_the_screening_engine_behind_the_same_protocol(listed_store: Store) -> None:
    screener = PaymentScreener.from_store(listed_store, matcher="engine")
    (message,) = parse_bytes(PACS009_COV, "cov.xml")
    debtor = Party("underlying_debtor", "party", name="Korea Kwangson Banking Corporation")
    (alert,) = screener.screen_message(replace(message, parties=(debtor,), texts=()))
    assert alert.rule in ("sanctioned-party", "possible-sanctioned-party")
    assert alert.matched_entity_id == "un-sc-KPe.025" and alert.evidence["feature"] == "engine"


def test_a_batch_gives_the_alerts_of_each_message_alone(screener: PaymentScreener) -> None:
    """The same parties in other roles and on other dates: the per-party memo of a run changes nothing."""
    (cover,) = parse_bytes(MT202COV.encode(), "cov.fin")
    (iso,) = parse_bytes(PACS009_COV, "cov.xml")
    swapped = replace(cover, parties=tuple(replace(p, role=f"x_{p.role}") for p in cover.parties))
    early = replace(cover, settlement_date=date(2015, 1, 5))
    batch = [cover, iso, swapped, early, cover]
    alone = [a for message in batch for a in screener.screen_message(message)]
    assert screener.screen_batch(batch) == alone
    assert {a.party_role for a in alone} >= {"x_intermediary_agent_1", "intermediary_agent_1"}
