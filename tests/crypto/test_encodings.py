"""Checksummed encodings: EIP-55, base58check, bech32/bech32m and CashAddr reject any altered address."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chokepoint.crypto.encodings import (
    AddressError,
    base58check_decode,
    cashaddr_decode,
    eip55_checksum,
    evm_decode,
    segwit_decode,
)

# The four examples of EIP-55 itself.
EIP55_EXAMPLES = [
    "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    "fB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
    "dbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
    "D1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
]


@pytest.mark.parametrize("body", EIP55_EXAMPLES)
def test_eip55_examples_round_trip(body: str) -> None:
    assert eip55_checksum(body.lower()) == body
    assert len(evm_decode("0x" + body)) == 20


def test_eip55_rejects_a_mixed_case_address_with_one_letter_flipped() -> None:
    body = EIP55_EXAMPLES[0]
    flipped = body[:1] + body[1].swapcase() + body[2:]
    with pytest.raises(AddressError, match="EIP-55"):
        evm_decode("0x" + flipped)


def test_single_case_evm_addresses_carry_no_checksum_and_are_accepted() -> None:
    assert evm_decode("0x" + EIP55_EXAMPLES[1].lower()) == evm_decode("0x" + EIP55_EXAMPLES[1].upper())


def test_base58check_detects_a_changed_letter_case() -> None:
    address = "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h"  # an OFAC-listed XBT address
    assert base58check_decode(address)[0] == 0
    with pytest.raises(AddressError):
        base58check_decode(address.replace("Q", "q", 1))


def test_bech32_v0_and_bech32m_taproot_addresses_decode() -> None:
    assert segwit_decode("bc1q05aktddf9ce4p7hh3stgsf253m4vweu7nkhtmw", "bc")[0] == 0
    version, program = segwit_decode("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", "bc")
    assert (version, len(program)) == (1, 32)


def test_bech32_rejects_mixed_case_and_bad_checksum() -> None:
    with pytest.raises(AddressError, match="mixes"):
        segwit_decode("bc1Q05aktddf9ce4p7hh3stgsf253m4vweu7nkhtmw", "bc")
    with pytest.raises(AddressError, match="checksum"):
        segwit_decode("bc1q05aktddf9ce4p7hh3stgsf253m4vweu7nkhtmx", "bc")


def test_cashaddr_with_and_without_prefix() -> None:
    address = "qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhq"  # OFAC-listed BCH address
    assert cashaddr_decode(address) == cashaddr_decode("bitcoincash:" + address)
    with pytest.raises(AddressError):
        cashaddr_decode(address[:-1] + "x")


@settings(deadline=None)
@given(st.text(max_size=60))
def test_decoders_raise_only_address_errors_on_arbitrary_text(text: str) -> None:
    for decode in (base58check_decode, evm_decode, cashaddr_decode, lambda t: segwit_decode(t, "bc")):
        with contextlib.suppress(AddressError):
            decode(text)
