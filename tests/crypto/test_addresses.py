"""Chain families and normal forms, checked on OFAC's own digital currency address lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from chokepoint.crypto import AddressError, families_for, is_valid_address, normalize_address


def test_evm_address_is_one_wallet_on_every_evm_ticker() -> None:
    address = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
    keys = {normalize_address(address, t).key for t in ("ETH", "USDT", "USDC", "ARB", "BSC")}
    assert keys == {"evm:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"}
    assert normalize_address(address.lower(), "ETH").key == normalize_address(address, "ARB").key


def test_btc_and_ofac_xbt_are_one_chain() -> None:
    address = "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h"
    assert (
        normalize_address(address, "BTC").key == normalize_address(address, "XBT").key == f"bitcoin:{address}"
    )


def test_base58_case_is_significant() -> None:
    with pytest.raises(AddressError):
        normalize_address("12qtD5BFwRsdNsAZY76UVE1xyCGNTojH9h", "XBT")


def test_usdt_resolves_by_address_format() -> None:
    assert normalize_address("TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre", "USDT").family == "tron"
    assert normalize_address("0x175d44451403Edf28469dF03A9280c1197ADb92c", "USDT").family == "evm"


def test_unknown_ticker_tries_every_family() -> None:
    assert len(families_for("NOPE")) == len(families_for(None))
    assert is_valid_address("LNf2JDiuunBz7GMDKFYHN4rq5meXWxiwfb")
    assert not is_valid_address("not an address")


def test_every_ofac_listed_address_validates_except_documented_oddities(shared_data: Path) -> None:
    folder = shared_data / "lists" / "ofac_crypto_2024-09"
    invalid = []
    total = 0
    for path in sorted(folder.glob("sanctioned_addresses_*.txt")):
        ticker = path.stem.rsplit("_", 1)[1]
        for address in path.read_text().split():
            total += 1
            if not is_valid_address(address, ticker):
                invalid.append((ticker, address))
    # OFAC lists one Tron address under XBT and one 64-hex Monero transaction key as an address.
    assert total > 600
    assert sorted(t for t, _ in invalid) == ["XBT", "XMR"]
