"""Crypto-asset addresses: checksum validation, normal forms and chain families."""

from chokepoint.crypto.addresses import (
    CHAIN_FAMILIES,
    ChainFamily,
    WalletAddress,
    families_for,
    is_valid_address,
    normalize_address,
)
from chokepoint.crypto.encodings import AddressError

__all__ = [
    "CHAIN_FAMILIES",
    "AddressError",
    "ChainFamily",
    "WalletAddress",
    "families_for",
    "is_valid_address",
    "normalize_address",
]
