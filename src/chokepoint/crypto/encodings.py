"""Checksummed address encodings: base58check, Monero base58, bech32/bech32m, CashAddr and EIP-55.

Each decoder returns the payload bytes or raises ``AddressError``; none of them accepts a string whose
checksum fails. Sources: Bitcoin base58check (Satoshi client, ``base58.h``); BIP-173 (bech32) and
BIP-350 (bech32m); the Bitcoin Cash CashAddr specification (2017); EIP-55 (mixed-case checksum,
2016); Monero's block base58 (``src/common/base58.cpp``, keccak-256 checksum).
"""

from __future__ import annotations

import hashlib

from chokepoint.crypto.keccak import keccak256
from chokepoint.errors import InputError

BITCOIN_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
RIPPLE_ALPHABET = "rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz"
BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_BECH32_CONST = 1
_BECH32M_CONST = 0x2BC830A3
_MONERO_BLOCK_SIZES = (0, 2, 3, 5, 6, 7, 9, 10, 11)  # encoded length of a 0..8-byte block


class AddressError(InputError):
    """A wallet address that is malformed or whose checksum fails."""

    def __init__(self, address: str, reason: str) -> None:
        super().__init__(None, address[:100], reason)


def _b58_to_int(text: str, alphabet: str) -> int:
    value = 0
    for char in text:
        digit = alphabet.find(char)
        if digit < 0:
            raise AddressError(text, f"character {char!r} is not in the base58 alphabet")
        value = value * 58 + digit
    return value


def base58_decode(text: str, alphabet: str = BITCOIN_ALPHABET) -> bytes:
    """The bytes of a base58 string; leading 'zero' characters become leading zero bytes."""
    value = _b58_to_int(text, alphabet)
    body = value.to_bytes((value.bit_length() + 7) // 8, "big") if value else b""
    zeros = len(text) - len(text.lstrip(alphabet[0]))
    return b"\x00" * zeros + body


def base58check_decode(text: str, alphabet: str = BITCOIN_ALPHABET) -> bytes:
    """Version byte(s) + payload of a base58check string (4-byte double-SHA-256 checksum verified)."""
    raw = base58_decode(text, alphabet)
    if len(raw) < 5:
        raise AddressError(text, "too short for base58check")
    data, checksum = raw[:-4], raw[-4:]
    if hashlib.sha256(hashlib.sha256(data).digest()).digest()[:4] != checksum:
        raise AddressError(text, "base58check checksum does not match")
    return data


def monero_base58_decode(text: str) -> bytes:
    """Monero's block base58 (11-character blocks of 8 bytes) with its 4-byte keccak-256 checksum."""
    raw = bytearray()
    for start in range(0, len(text), 11):
        block = text[start : start + 11]
        size = _MONERO_BLOCK_SIZES.index(len(block)) if len(block) in _MONERO_BLOCK_SIZES else -1
        if size <= 0:
            raise AddressError(text, "not a Monero base58 block length")
        value = _b58_to_int(block, BITCOIN_ALPHABET)
        if value >= 1 << (8 * size):
            raise AddressError(text, "Monero base58 block overflows")
        raw.extend(value.to_bytes(size, "big"))
    if len(raw) < 5 or keccak256(bytes(raw[:-4]))[:4] != raw[-4:]:
        raise AddressError(text, "Monero checksum does not match")
    return bytes(raw[:-4])


def _bech32_polymod(values: list[int]) -> int:
    generator = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    check = 1
    for value in values:
        top = check >> 25
        check = (check & 0x1FFFFFF) << 5 ^ value
        for i in range(5):
            check ^= generator[i] if (top >> i) & 1 else 0
    return check


def _convert_bits(data: list[int], from_bits: int, to_bits: int) -> bytes:
    acc = bits = 0
    out = bytearray()
    for value in data:
        acc = (acc << from_bits) | value
        bits += from_bits
        while bits >= to_bits:
            bits -= to_bits
            out.append((acc >> bits) & ((1 << to_bits) - 1))
    if bits >= from_bits or (acc << (to_bits - bits)) & ((1 << to_bits) - 1):
        raise ValueError("non-zero padding")
    return bytes(out)


def segwit_decode(text: str, hrp: str) -> tuple[int, bytes]:
    """(witness version, program) of a BIP-173/BIP-350 address with human-readable part ``hrp``.

    Version 0 must use the bech32 checksum and versions 1-16 bech32m (BIP-350). Mixed case is invalid.
    """
    if text.lower() != text and text.upper() != text:
        raise AddressError(text, "bech32 address mixes upper and lower case")
    lowered = text.lower()
    sep = lowered.rfind("1")
    if lowered[:sep] != hrp or len(lowered) - sep < 7 or len(lowered) > 90:
        raise AddressError(text, f"not a bech32 address with prefix {hrp!r}")
    try:
        data = [BECH32_CHARSET.index(c) for c in lowered[sep + 1 :]]
    except ValueError as exc:
        raise AddressError(text, "character outside the bech32 alphabet") from exc
    expanded = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    constant = _bech32_polymod(expanded + data)
    version = data[0]
    if constant != (_BECH32_CONST if version == 0 else _BECH32M_CONST):
        raise AddressError(text, "bech32 checksum does not match")
    try:
        program = _convert_bits(data[1:-6], 5, 8)
    except ValueError as exc:
        raise AddressError(text, "bech32 program has non-zero padding") from exc
    if version > 16 or not 2 <= len(program) <= 40 or (version == 0 and len(program) not in (20, 32)):
        raise AddressError(text, "invalid witness version or program length")
    return version, program


def _cashaddr_polymod(values: list[int]) -> int:
    generators = (0x98F2BC8E61, 0x79B76D99E2, 0xF33E5FB3C4, 0xAE2EABE2A8, 0x1E4F43E470)
    check = 1
    for value in values:
        top = check >> 35
        check = ((check & 0x07FFFFFFFF) << 5) ^ value
        for i in range(5):
            check ^= generators[i] if (top >> i) & 1 else 0
    return check ^ 1


def cashaddr_decode(text: str, prefix: str = "bitcoincash") -> bytes:
    """Version byte + hash of a Bitcoin Cash CashAddr address (prefix optional in the string)."""
    lowered = text.lower()
    if text.lower() != text and text.upper() != text:
        raise AddressError(text, "CashAddr address mixes upper and lower case")
    body = lowered.split(":", 1)[1] if ":" in lowered else lowered
    try:
        data = [BECH32_CHARSET.index(c) for c in body]
    except ValueError as exc:
        raise AddressError(text, "character outside the CashAddr alphabet") from exc
    if len(data) < 9 or _cashaddr_polymod([ord(c) & 31 for c in prefix] + [0] + data) != 0:
        raise AddressError(text, "CashAddr checksum does not match")
    try:
        return _convert_bits(data[:-8], 5, 8)
    except ValueError as exc:
        raise AddressError(text, "CashAddr payload has non-zero padding") from exc


def eip55_checksum(hex40: str) -> str:
    """The EIP-55 mixed-case form of 40 hex digits (without ``0x``)."""
    lowered = hex40.lower()
    digest = keccak256(lowered.encode("ascii")).hex()
    return "".join(c.upper() if c.isalpha() and int(digest[i], 16) >= 8 else c for i, c in enumerate(lowered))


def evm_decode(text: str) -> bytes:
    """The 20 bytes of an EVM address; a mixed-case address must carry a valid EIP-55 checksum."""
    if len(text) != 42 or text[:2] not in ("0x", "0X"):
        raise AddressError(text, "EVM addresses are 0x followed by 40 hex digits")
    body = text[2:]
    try:
        raw = bytes.fromhex(body)
    except ValueError as exc:
        raise AddressError(text, "EVM address has non-hex characters") from exc
    if body != body.lower() and body != body.upper() and body != eip55_checksum(body):
        raise AddressError(text, "EIP-55 mixed-case checksum does not match")
    return raw
