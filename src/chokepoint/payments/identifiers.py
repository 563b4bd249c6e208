"""Bank identifiers: IBAN (ISO 13616, mod-97 check) and BIC (ISO 9362) with the country each encodes."""

from __future__ import annotations

import re
from functools import lru_cache

_BIC_RE = re.compile(r"^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$")
_IBAN_RE = re.compile(r"^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$")
_SEPARATORS_RE = re.compile(r"[\s.\-]")
_CACHE = 1 << 16


def compact(value: str) -> str:
    """Upper case without spaces, dashes or dots: the machine form of an IBAN or BIC."""
    return _SEPARATORS_RE.sub("", value).upper()


@lru_cache(maxsize=_CACHE)
def iban_is_valid(value: str) -> bool:
    """True when ``value`` is shaped like an IBAN and its ISO 7064 mod-97-10 check gives 1.

    The four leading characters move to the end, letters become 10..35 and the number modulo 97 must
    be 1 (ISO 13616-1:2020 §6). Country-specific lengths are not checked.
    """
    iban = compact(value)
    if not _IBAN_RE.match(iban):
        return False
    digits = "".join(str(int(ch, 36)) for ch in iban[4:] + iban[:4])
    return int(digits) % 97 == 1


def iban_country(value: str) -> str | None:
    """The ISO 3166 alpha-2 country of a valid IBAN, else None."""
    return compact(value)[:2] if iban_is_valid(value) else None


def iban_check_digits(country: str, bban: str) -> str:
    """The two check digits that make ``country + digits + bban`` a valid IBAN (ISO 13616-1 §6)."""
    digits = "".join(str(int(ch, 36)) for ch in compact(bban) + country.upper() + "00")
    return f"{98 - int(digits) % 97:02d}"


def bic_is_valid(value: str) -> bool:
    """True when ``value`` has the ISO 9362 shape: 4 letters bank, 2 letters country, 2 location, 3 branch."""
    return bool(_BIC_RE.match(compact(value)))


@lru_cache(maxsize=_CACHE)
def bic_country(value: str) -> str | None:
    """The country code (characters 5-6) of a well-formed BIC, else None."""
    bic = compact(value)
    return bic[4:6] if _BIC_RE.match(bic) else None
