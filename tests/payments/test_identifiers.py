"""IBAN mod-97 and BIC shape checks with the country each identifier encodes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from chokepoint.payments.identifiers import (
    bic_country,
    bic_is_valid,
    iban_check_digits,
    iban_country,
    iban_is_valid,
)


def test_published_example_ibans_pass_mod_97() -> None:
    assert iban_is_valid("DE89 3704 0044 0532 0130 00")
    assert iban_is_valid("GB82WEST12345698765432")
    assert iban_country("GB82WEST12345698765432") == "GB"


def test_a_changed_digit_fails_mod_97() -> None:
    assert not iban_is_valid("DE89370400440532013001")
    assert iban_country("DE89370400440532013001") is None


def test_bic_country_is_characters_five_and_six() -> None:
    assert bic_is_valid("KKBCKPPY")
    assert bic_country("KKBCKPPYXXX") == "KP"
    assert bic_country("NOT A BIC") is None


@given(
    country=st.sampled_from(["DE", "KP", "CN", "GB", "FR"]),
    bban=st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=11, max_size=30),
)
def test_computed_check_digits_make_a_valid_iban(country: str, bban: str) -> None:
    iban = country + iban_check_digits(country, bban) + bban
    assert iban_is_valid(iban)
    assert iban_country(iban) == country
