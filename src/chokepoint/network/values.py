"""Value nodes: addresses, phones, e-mails, identifiers and wallet addresses that entities share.

Each value is normalised by a small named step so that two spellings of one thing meet in one node:
phones to E.164 (``phonenumbers``), e-mails case-folded, addresses folded to ASCII words in order,
identifiers to upper-case letters and digits, wallet addresses trimmed (hex addresses lower-cased).
Which properties carry values is read from the FtM model by property type.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

import numpy as np
import numpy.typing as npt
import phonenumbers
from followthemoney import EntityProxy
from normality import ascii_text

VALUE_TYPES: dict[str, str] = {
    "address": "address",
    "phone": "phone",
    "email": "email",
    "identifier": "identifier",
}
"""FtM property type → value-node kind."""

SKIP_PROPERTIES = frozenset({"programId", "unscId", "authorityId"})
"""Identifier-typed properties that name a list entry or programme, not the party itself."""

WALLET_KIND = "wallet"
_NON_ALNUM = re.compile(r"[^0-9A-Z]+")
_ADDRESS_WORDS = re.compile(r"[^0-9a-z]+")
_MIN_PHONE_DIGITS = 7
MIN_ADDRESS_WORDS = 4
"""Words an address without any number needs before it is taken to name one place."""
_MIN_IDENTIFIER_CHARS = 4


def normalise_phone(raw: str, region: str | None = None) -> str | None:
    """E.164 (``+8615912345678``) when ``phonenumbers`` can parse it, else ``+`` and the digits."""
    try:
        parsed = phonenumbers.parse(raw, region.upper() if region else None)
        if phonenumbers.is_possible_number(parsed):
            return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))
    except phonenumbers.NumberParseException:
        pass
    digits = "".join(ch for ch in raw if ch.isdigit())
    return f"+{digits}" if len(digits) >= _MIN_PHONE_DIGITS else None


def normalise_email(raw: str) -> str | None:
    """Trimmed and case-folded; ``None`` unless it has one ``@`` with text on both sides."""
    value = raw.strip().casefold()
    local, _, domain = value.partition("@")
    return value if local and domain and "@" not in domain else None


def normalise_address(raw: str) -> str | None:
    """ASCII, lower case, words joined by single spaces (punctuation and line breaks dropped).

    Only street-level addresses identify a place: one with no digit and fewer than
    ``MIN_ADDRESS_WORDS`` words ("Syria", "Damascus, Syria") gives ``None``.
    """
    words = _ADDRESS_WORDS.sub(" ", (ascii_text(raw) or "").lower()).split()
    if not any(ch.isdigit() for word in words for ch in word) and len(words) < MIN_ADDRESS_WORDS:
        return None
    return " ".join(words)


def normalise_identifier(raw: str) -> str | None:
    """Upper-case letters and digits only; too short to identify anything gives ``None``."""
    value = _NON_ALNUM.sub("", (ascii_text(raw) or "").upper())
    return value if len(value) >= _MIN_IDENTIFIER_CHARS else None


def normalise_wallet(raw: str) -> str | None:
    """Trimmed; hexadecimal (0x…) addresses are case-insensitive and lower-cased."""
    value = raw.strip()
    if value.lower().startswith("0x"):
        value = value.lower()
    return value or None


NORMALISERS = {
    "address": normalise_address,
    "email": normalise_email,
    "identifier": normalise_identifier,
    WALLET_KIND: normalise_wallet,
}


def normalise(kind: str, raw: str, region: str | None = None) -> str | None:
    """The normalised form of a value of ``kind`` (``None`` if it cannot identify anything)."""
    if kind == "phone":
        return normalise_phone(raw, region)
    return NORMALISERS[kind](raw)


def entity_values(entity: EntityProxy) -> Iterator[tuple[str, str]]:
    """``(kind, normalised value)`` for every shareable value of an FtM entity."""
    countries = entity.get("country", quiet=True) or entity.get("jurisdiction", quiet=True)
    region = countries[0] if countries else None
    for prop, raw in entity.itervalues():
        if prop.name in SKIP_PROPERTIES:
            continue
        if entity.schema.name == "CryptoWallet" and prop.name == "publicKey":
            kind = WALLET_KIND
        else:
            found = VALUE_TYPES.get(prop.type.name)
            if found is None:
                continue
            kind = found
        value = normalise(kind, raw, region)
        if value is not None:
            yield kind, value


def specificity(document_frequency: npt.ArrayLike, population: int) -> npt.NDArray[np.float64]:
    """How telling a shared value is, 0–1: an IDF normalised so two holders give 1, all give 0.

    ``log(N / df) / log(N / 2)`` (Spärck Jones 1972, inverse document frequency) for ``df`` holders
    among ``N`` entities: a phone shared by two firms is strong evidence; a registered-agent address
    shared by ten thousand is weak.
    """
    df = np.maximum(np.asarray(document_frequency, dtype=np.float64), 1.0)
    n = max(float(population), 3.0)
    spec = np.log(n / df) / math.log(n / 2.0)
    return np.clip(np.where(df <= 2.0, 1.0, spec), 0.0, 1.0)
