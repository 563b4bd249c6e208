"""Keccak-256 against published digests (Ethereum's hash, not NIST SHA3-256)."""

from __future__ import annotations

import hashlib

from chokepoint.crypto.keccak import keccak256


def test_empty_input_gives_the_known_ethereum_digest() -> None:
    assert keccak256(b"").hex() == "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"


def test_differs_from_nist_sha3_because_of_the_padding() -> None:
    assert keccak256(b"abc") != hashlib.sha3_256(b"abc").digest()


def test_input_longer_than_one_rate_block_is_absorbed() -> None:
    digest = keccak256(b"a" * 300)
    assert len(digest) == 32
    assert digest != keccak256(b"a" * 299)
