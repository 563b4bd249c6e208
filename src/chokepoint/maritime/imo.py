"""IMO ship identification numbers: seven digits, the last a check digit.

The check digit is the last digit of the sum of the first six digits weighted 7, 6, 5, 4, 3, 2
(IMO Resolution A.1078(28), annex, paragraph 4). Example: IMO 9074729 -> 9*7 + 0*6 + 7*5 + 4*4
+ 7*3 + 2*2 = 139, check digit 9.
"""

from __future__ import annotations

import re

import polars as pl

_WEIGHTS = (7, 6, 5, 4, 3, 2)
_IMO_TEXT = re.compile(r"^\s*(?:IMO)?\s*(\d{7})\s*$", re.IGNORECASE)


def imo_is_valid(number: int) -> bool:
    """True when ``number`` is a seven-digit IMO number whose check digit is right."""
    if not 1_000_000 <= number <= 9_999_999:
        return False
    digits = [int(d) for d in str(number)]
    return sum(d * w for d, w in zip(digits[:6], _WEIGHTS, strict=True)) % 10 == digits[6]


def parse_imo(text: str) -> int | None:
    """The IMO number in ``text`` (``"IMO 9074729"``, ``"9074729"``) if it is valid, else None."""
    match = _IMO_TEXT.match(text)
    if match is None:
        return None
    number = int(match.group(1))
    return number if imo_is_valid(number) else None


def imo_valid_expr(imo: pl.Expr) -> pl.Expr:
    """Vectorised :func:`imo_is_valid` over an integer column (null stays null)."""
    total = pl.lit(0, pl.Int64)
    for position, weight in enumerate(_WEIGHTS):
        digit = (imo // 10 ** (6 - position)) % 10
        total = total + digit * weight
    return (imo >= 1_000_000) & (imo <= 9_999_999) & (total % 10 == imo % 10)
