"""Wallet addresses: validate their checksum, normalise them and know which tickers share a chain.

A *chain family* is a namespace of addresses: the same string names the same key on every ticker of
the family (an EVM address is one account on Ethereum, Arbitrum, BSC and for ERC-20 tokens such as
USDT or USDC). OFAC writes Bitcoin as ``XBT``; ``BTC`` is the same chain. Tickers that run on several
chains (USDT on Ethereum, Tron and Bitcoin's Omni Layer) resolve to the family whose address format
validates.

Normal forms: EVM addresses are compared in lower case after EIP-55 validation (hex is
case-insensitive); base58 addresses keep their case (base58 is case-sensitive: changing the case of
one letter names another key or fails the checksum); bech32 and CashAddr are lower-cased (their
alphabet is single-case by specification).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from chokepoint.crypto.encodings import (
    RIPPLE_ALPHABET,
    AddressError,
    base58check_decode,
    cashaddr_decode,
    evm_decode,
    monero_base58_decode,
    segwit_decode,
)


def _evm(address: str) -> str:
    evm_decode(address)
    return "0x" + address[2:].lower()


def _base58_versions(*versions: bytes, length: int = 21, alphabet: str | None = None) -> Callable[[str], str]:
    def check(address: str) -> str:
        data = base58check_decode(address, alphabet) if alphabet else base58check_decode(address)
        if len(data) != length or not any(data.startswith(v) for v in versions):
            raise AddressError(address, "base58check version or length is not this chain's")
        return address

    return check


def _bitcoin_like(hrp: str | None, *versions: bytes) -> Callable[[str], str]:
    legacy = _base58_versions(*versions)

    def check(address: str) -> str:
        if hrp is not None and address.lower().startswith(hrp + "1"):
            segwit_decode(address, hrp)
            return address.lower()
        return legacy(address)

    return check


def _bitcoin_cash(address: str) -> str:
    if address.lower().startswith(("bitcoincash:", "q", "p")) and not address.startswith(("1", "3")):
        payload = cashaddr_decode(address)
        if len(payload) != 21:
            raise AddressError(address, "CashAddr payload is not a 20-byte hash")
        body = address.lower()
        return body if body.startswith("bitcoincash:") else "bitcoincash:" + body
    return _base58_versions(b"\x00", b"\x05")(address)


def _monero(address: str) -> str:
    data = monero_base58_decode(address)
    if len(data) < 65:
        raise AddressError(address, "Monero address payload too short")
    return address


@dataclass(frozen=True)
class ChainFamily:
    """A namespace of addresses: its tickers and the validator that returns an address's normal form."""

    name: str
    tickers: tuple[str, ...]
    normalise: Callable[[str], str]


CHAIN_FAMILIES: tuple[ChainFamily, ...] = (
    ChainFamily(
        "evm", ("ETH", "USDT", "USDC", "ARB", "BSC", "BNB", "ETC", "MATIC", "POL", "OP", "DAI"), _evm
    ),
    ChainFamily("bitcoin", ("XBT", "BTC", "USDT"), _bitcoin_like("bc", b"\x00", b"\x05")),
    ChainFamily("bitcoin-cash", ("BCH",), _bitcoin_cash),
    ChainFamily("bitcoin-sv", ("BSV",), _base58_versions(b"\x00", b"\x05")),
    ChainFamily("bitcoin-gold", ("BTG",), _bitcoin_like("btg", b"\x26", b"\x17")),
    ChainFamily("litecoin", ("LTC",), _bitcoin_like("ltc", b"\x30", b"\x32", b"\x05")),
    ChainFamily("dash", ("DASH",), _base58_versions(b"\x4c", b"\x10")),
    ChainFamily("zcash", ("ZEC",), _base58_versions(b"\x1c\xb8", b"\x1c\xbd", length=22)),
    ChainFamily("verge", ("XVG",), _base58_versions(b"\x1e", b"\x21")),
    ChainFamily("dogecoin", ("DOGE",), _base58_versions(b"\x1e", b"\x16")),
    ChainFamily("tron", ("TRX", "USDT"), _base58_versions(b"\x41")),
    ChainFamily("ripple", ("XRP",), _base58_versions(b"\x00", alphabet=RIPPLE_ALPHABET)),
    ChainFamily("monero", ("XMR",), _monero),
)
"""Which tickers share an address namespace (OFAC's tickers as in its SDN digital currency fields)."""

TICKER_ALIASES: dict[str, str] = {"BTC": "XBT", "USDT-ERC20": "USDT", "USDT-TRC20": "USDT", "BEP20": "BSC"}


@dataclass(frozen=True)
class WalletAddress:
    """A validated address in its normal form, with the chain family it belongs to."""

    family: str
    address: str
    ticker: str | None = None

    @property
    def key(self) -> str:
        """``family:address``: equal keys name the same wallet on every ticker of the family."""
        return f"{self.family}:{self.address}"


def families_for(ticker: str | None) -> tuple[ChainFamily, ...]:
    """The families a ticker may belong to (all families when the ticker is unknown or missing)."""
    if not ticker:
        return CHAIN_FAMILIES
    symbol = TICKER_ALIASES.get(ticker.strip().upper(), ticker.strip().upper())
    found = tuple(f for f in CHAIN_FAMILIES if symbol in f.tickers)
    return found or CHAIN_FAMILIES


def normalize_address(address: str, ticker: str | None = None) -> WalletAddress:
    """Validate ``address`` (for ``ticker`` if given) and return its normal form.

    Raises ``AddressError`` when no family of the ticker accepts it: a wrong checksum, a wrong
    alphabet, a base58 address whose letters changed case.
    """
    text = address.strip()
    if not text or len(text) > 128:
        raise AddressError(address, "empty or overlong wallet address")
    reasons: list[str] = []
    for family in families_for(ticker):
        try:
            normal = family.normalise(text)
        except AddressError as exc:
            reasons.append(f"{family.name}: {exc.reason}")
            continue
        return WalletAddress(family.name, normal, ticker.upper() if ticker else None)
    raise AddressError(address, "not a valid address (" + "; ".join(reasons[:3]) + ")")


def is_valid_address(address: str, ticker: str | None = None) -> bool:
    """Whether ``address`` validates for ``ticker`` (any known chain when ``ticker`` is None)."""
    try:
        normalize_address(address, ticker)
    except AddressError:
        return False
    return True
