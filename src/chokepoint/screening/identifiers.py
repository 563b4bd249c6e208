"""Identifiers as screening evidence: normal forms and the check rules of IMO, MMSI and SWIFT/BIC.

Sources: IMO Resolution A.1078(28) (IMO ship identification number: seven digits, the last a check
digit = sum of the first six weighted 7..2, modulo 10); ITU-R M.585-9 (MMSI: nine digits, ship
stations start with a Maritime Identification Digit 201-775); ISO 9362:2022 (BIC: 4-letter party
prefix, 2-letter ISO 3166 country, 2-character location, optional 3-character branch).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

IDENTIFIER_KINDS: dict[str, str] = {
    "imoNumber": "imo",
    "mmsi": "mmsi",
    "swiftBic": "bic",
    "passportNumber": "passport",
    "idNumber": "national_id",
    "registrationNumber": "registration",
    "taxNumber": "tax",
    "innCode": "registration",
    "ogrnCode": "registration",
    "leiCode": "lei",
    "callSign": "callsign",
}
"""FtM identifier properties and the kind each is compared as."""

UNIQUE_KINDS = frozenset({"imo", "mmsi", "bic", "lei"})
"""Kinds a party has at most one of: both sides having one and none equal is evidence against."""

_ALNUM_RE = re.compile(r"[^0-9A-Z]")
_BIC_RE = re.compile(r"^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$")


def imo_check_digit_ok(digits: str) -> bool:
    """Whether seven digits carry a valid IMO check digit."""
    if len(digits) != 7 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:6], range(7, 1, -1), strict=True))
    return total % 10 == int(digits[6])


def normalize_identifier(kind: str, value: str) -> str | None:
    """The comparable form of an identifier, or None when it fails its kind's check rule."""
    text = _ALNUM_RE.sub("", value.upper())
    if kind == "imo":
        text = text.removeprefix("IMO")
        return text if imo_check_digit_ok(text) else None
    if kind == "mmsi":
        return text if len(text) == 9 and text.isdigit() and 201 <= int(text[:3]) <= 775 else None
    if kind == "bic":
        if not _BIC_RE.match(text):
            return None
        return text[:8] if text.endswith("XXX") or len(text) == 8 else text
    return text if len(text) >= 4 else None


def identifier_set(pairs: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    """``{kind: {normal forms}}`` from ``(FtM property, value)`` pairs; invalid values are dropped."""
    out: dict[str, set[str]] = {}
    for prop, value in pairs:
        kind = IDENTIFIER_KINDS.get(prop)
        if kind is None:
            continue
        normal = normalize_identifier(kind, value)
        if normal is not None:
            out.setdefault(kind, set()).add(normal)
    return out
