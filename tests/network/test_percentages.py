from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chokepoint.network.percentages import STRICT_MARGIN, PercentageError, parse_percentage


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("50%", (50.0, 50.0)),
        ("0.5", (50.0, 50.0)),
        ("25-50%", (25.0, 50.0)),
        ("25 – 50 %", (25.0, 50.0)),
        ("at least 25%", (25.0, 100.0)),
        ("<= 10 %", (0.0, 10.0)),
        ("100", (100.0, 100.0)),
        ("wholly owned", (100.0, 100.0)),
        ("", (0.0, 100.0)),
        (None, (0.0, 100.0)),
        (33.5, (33.5, 33.5)),
    ],
)
def test_registry_spellings_become_bounds(text: str | float | None, expected: tuple[float, float]) -> None:
    assert parse_percentage(text) == pytest.approx(expected)


def test_exclusive_bounds_move_inward() -> None:
    assert parse_percentage("<10%") == pytest.approx((0.0, 10.0 - STRICT_MARGIN))
    low, high = parse_percentage("more than 25%")
    assert low > 25.0 and high == 100.0
    majority_low, _ = parse_percentage("majority")
    assert majority_low > 50.0  # counts for the EU "more than 50 %" test
    assert parse_percentage("minority")[1] < 50.0


@pytest.mark.parametrize("text", ["lots", "150%", "60-40%", "fifty"])
def test_nonsense_is_refused(text: str) -> None:
    with pytest.raises(PercentageError):
        parse_percentage(text)


@given(st.floats(min_value=0, max_value=100, allow_nan=False).map(lambda x: round(x, 2)))
def test_a_percent_sign_reads_the_number(value: float) -> None:
    assert parse_percentage(f"{value}%") == pytest.approx((value, value))


@given(st.floats(min_value=0, max_value=1, allow_nan=False).map(lambda x: round(x, 4)))
def test_a_bare_decimal_up_to_one_is_a_fraction(value: float) -> None:
    text = f"{value:.4f}"
    assert parse_percentage(text) == pytest.approx((value * 100, value * 100))


@given(st.integers(0, 100), st.integers(0, 100))
def test_ranges_are_ordered_bounds(a: int, b: int) -> None:
    low, high = sorted((a, b))
    assert parse_percentage(f"{low}-{high}%") == (low, high)


@given(st.text(max_size=12))
def test_any_text_gives_ordered_bounds_or_a_typed_error(text: str) -> None:
    try:
        low, high = parse_percentage(text)
    except PercentageError:
        return
    assert 0.0 <= low <= high <= 100.0
