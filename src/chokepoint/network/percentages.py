"""Ownership percentages written as text, parsed into ``[low, high]`` bounds in percent (0–100).

Registries and lists state stakes in many ways: ``"50%"``, ``"0.5"``, ``"<10%"``, ``"25-50%"``,
``"majority"``, ``"more than 25%"``. Every form becomes a closed interval of percent; an exclusive
bound ("more than 50 %") is represented by the next representable float, so the OFAC test (≥ 50 %)
and the EU test (> 50 %) both read it correctly. Unknown or empty text is ``[0, 100]``.
"""

from __future__ import annotations

import math
import re

from chokepoint.errors import InputError

FULL = 100.0
UNKNOWN: tuple[float, float] = (0.0, FULL)
STRICT_MARGIN = 1e-6
"""Percentage points by which an exclusive bound is moved inward ("more than 50 %" → 50.000001)."""

_NUMBER = r"(\d+(?:[.,]\d+)?)"
_UNIT = r"\s*(%|percent|per\s*cent|pct)?"
_RANGE_RE = re.compile(rf"^{_NUMBER}{_UNIT}\s*(?:-|–|—|to|bis|~)\s*{_NUMBER}{_UNIT}$")
_SINGLE_RE = re.compile(rf"^{_NUMBER}{_UNIT}$")
_COMPARISON_RE = re.compile(
    rf"^(<=|>=|≤|≥|<|>|=|"
    r"less\s+than|under|below|up\s+to|at\s+most|not\s+more\s+than|"
    r"more\s+than|over|above|greater\s+than|exceeding|at\s+least|not\s+less\s+than)"
    rf"\s*{_NUMBER}{_UNIT}$"
)
_WORDS: dict[str, tuple[float, float]] = {
    "majority": (50.0 + STRICT_MARGIN, FULL),
    "majority owner": (50.0 + STRICT_MARGIN, FULL),
    "controlling": (50.0 + STRICT_MARGIN, FULL),
    "minority": (0.0, 50.0 - STRICT_MARGIN),
    "half": (50.0, 50.0),
    "wholly owned": (FULL, FULL),
    "wholly-owned": (FULL, FULL),
    "wholly": (FULL, FULL),
    "sole": (FULL, FULL),
    "sole owner": (FULL, FULL),
    "full": (FULL, FULL),
    "unknown": UNKNOWN,
    "n/a": UNKNOWN,
    "-0-": UNKNOWN,
    "": UNKNOWN,
}
_BELOW = {"<", "less than", "under", "below"}
_AT_MOST = {"<=", "≤", "up to", "at most", "not more than"}
_ABOVE = {">", "more than", "over", "above", "greater than", "exceeding"}
_AT_LEAST = {">=", "≥", "at least", "not less than"}


class PercentageError(InputError):
    """A stake that cannot be read as a percentage, or one outside 0–100 %."""


def _number(text: str, unit: str | None, fraction_allowed: bool) -> float:
    value = float(text.replace(",", "."))
    # A bare decimal no greater than 1 ("0.5") is a fraction; "1" alone or "0.5%" are percent.
    if unit is None and fraction_allowed and "." in text.replace(",", ".") and value <= 1.0:
        value *= FULL
    return value


def parse_percentage(text: str | float | int | None) -> tuple[float, float]:
    """``[low, high]`` in percent for a stake written as text or a number.

    Raises ``PercentageError`` for text that is not a stake or bounds outside 0–100 %.
    """
    if text is None:
        return UNKNOWN
    if isinstance(text, int | float):
        return _checked(str(text), float(text), float(text))
    raw = text
    clean = " ".join(text.strip().lower().split())
    if clean in _WORDS:
        return _WORDS[clean]
    if match := _RANGE_RE.match(clean):
        unit = match.group(2) or match.group(4)
        low = _number(match.group(1), unit, fraction_allowed=True)
        high = _number(match.group(3), unit, fraction_allowed=True)
        if low > high:
            raise PercentageError(None, None, f"stake range {raw!r} has its bounds reversed")
        return _checked(raw, low, high)
    if match := _SINGLE_RE.match(clean):
        value = _number(match.group(1), match.group(2), fraction_allowed=True)
        return _checked(raw, value, value)
    if match := _COMPARISON_RE.match(clean):
        operator = " ".join(match.group(1).split())
        value = _number(match.group(2), match.group(3), fraction_allowed=True)
        if operator in _BELOW:
            return _checked(raw, 0.0, max(0.0, value - STRICT_MARGIN))
        if operator in _AT_MOST:
            return _checked(raw, 0.0, value)
        if operator in _ABOVE:
            return _checked(raw, min(FULL, value + STRICT_MARGIN), FULL)
        if operator in _AT_LEAST:
            return _checked(raw, value, FULL)
        return _checked(raw, value, value)
    raise PercentageError(None, None, f"cannot read {raw!r} as an ownership percentage")


def _checked(raw: str, low: float, high: float) -> tuple[float, float]:
    if not (0.0 <= low <= high <= FULL) or math.isnan(low) or math.isnan(high):
        raise PercentageError(None, None, f"stake {raw!r} is outside 0-100 %")
    return (low, high)
