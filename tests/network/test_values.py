"""Value nodes: each normalising step, and specificity as an IDF."""

from __future__ import annotations

import numpy as np
from followthemoney import model
from hypothesis import given
from hypothesis import strategies as st

from chokepoint.network.values import (
    entity_values,
    normalise_address,
    normalise_email,
    normalise_identifier,
    normalise_phone,
    normalise_wallet,
    specificity,
)


def test_phones_become_e164_with_the_entity_country() -> None:
    assert normalise_phone("+86 (411) 8123-4567") == "+8641181234567"
    assert normalise_phone("0411 8123 4567", "cn") == "+8641181234567"
    assert normalise_phone("850-2-18111") == "+850218111"  # unparseable: + and the digits
    assert normalise_phone("12") is None


def test_addresses_fold_spelling_and_drop_bare_places() -> None:
    assert normalise_address("Rm 3, 12/F,\nWing On House") == "rm 3 12 f wing on house"
    assert normalise_address("Damascus, Syria") is None
    assert normalise_address("Pyongyang Sosong District Ryugyong Street") is not None


def test_emails_identifiers_and_wallets() -> None:
    assert normalise_email(" Info@Example.COM ") == "info@example.com"
    assert normalise_email("not-an-email") is None
    assert normalise_identifier("imo 9,123,456") == "IMO9123456"
    assert normalise_wallet("0xAbC123") == "0xabc123"
    assert normalise_wallet("1BoatSLRHtKNngkdXEeobR76b53LETtpyT") == "1BoatSLRHtKNngkdXEeobR76b53LETtpyT"


def test_entity_values_read_property_types_from_the_model() -> None:
    company = model.make_entity("Company")
    company.id = "c"
    company.add("phone", "+86 411 8123 4567")
    company.add("registrationNumber", "91210600MA0Y")
    company.add("programId", "DPRK3")
    wallet = model.make_entity("CryptoWallet")
    wallet.id = "w"
    wallet.add("publicKey", "0xAB12cd34")
    assert set(entity_values(company)) == {("phone", "+8641181234567"), ("identifier", "91210600MA0Y")}
    assert ("wallet", "0xab12cd34") in set(entity_values(wallet))


def test_specificity_is_strong_for_two_and_weak_for_thousands() -> None:
    spec = specificity(np.array([2, 10, 10_000]), 1_000_000)
    assert spec[0] == 1.0 and spec[0] > spec[1] > spec[2] > 0
    assert spec[2] < 0.4


@given(st.integers(2, 10_000), st.integers(2, 10_000), st.integers(10_001, 10**7))
def test_specificity_falls_as_more_entities_share_a_value(a: int, b: int, population: int) -> None:
    low, high = sorted((a, b))
    spec = specificity(np.array([low, high]), population)
    assert 0.0 <= spec[1] <= spec[0] <= 1.0
