"""Facts in free text: phone and fax numbers, e-mails, websites, IMO numbers, SWIFT/BIC, countries."""

from __future__ import annotations

import pytest
from followthemoney import registry
from hypothesis import given, settings
from hypothesis import strategies as st

from chokepoint.sources.facts import (
    ImoScheme,
    country_code,
    extract_facts,
    normalize_bic,
    normalize_email,
    normalize_imo,
    normalize_phone,
    normalize_url,
)


def test_dprk_contact_block_gives_e164_numbers_and_emails() -> None:
    text = (
        "Green Pine has exported torpedoes. Telephone number: +850-2-18111(ext. 8327). "
        "Facsimile number: +850-2-3814685 and +850-2-3813372. "
        "Email addresses: pac@silibank.com and kndic@co.chesin.com."
    )
    facts = extract_facts(text)
    assert facts.phones == ("+850218111",)
    assert facts.faxes == ("+85023814685", "+85023813372")
    assert facts.emails == ("pac@silibank.com", "kndic@co.chesin.com")


def test_a_slash_number_shares_the_prefix_of_the_one_before() -> None:
    facts = extract_facts("Fax: +850-2-381-4410/4416. Email: x@star-co.net.kp.")
    assert facts.faxes == ("+85023814410", "+85023814416")


def test_extensions_and_fragments_are_not_numbers() -> None:
    facts = extract_facts("Telephone numbers: +850-2-18111, 18222 (ext. 8573).")
    assert facts.phones == ("+850218111",)


def test_imo_company_number_is_checked_with_the_company_check_digit() -> None:
    facts = extract_facts("International Maritime Organization (IMO) Number: 1790183.")
    assert facts.imo_numbers == ("IMO1790183",)
    assert extract_facts("Company Number IMO 5434358.").imo_numbers == ("IMO5434358",)
    wrong = extract_facts("IMO number: 5434359.")
    assert wrong.imo_numbers == ()
    assert wrong.rejected == ("5434359",)


def test_imo_schemes_differ() -> None:
    # 9074729 is a ship number (weights 7..2), 5342883 a company number (weights 8,6,4,2,9,7).
    assert normalize_imo("9074729", ImoScheme.SHIP) == "IMO9074729"
    assert normalize_imo("5342883", ImoScheme.COMPANY) == "IMO5342883"
    assert normalize_imo("5342883", ImoScheme.SHIP) is None
    assert normalize_imo("543400", ImoScheme.COMPANY) is None


def test_swift_bic_is_validated() -> None:
    facts = extract_facts("SWIFT/BIC: KUDBKPPY. Other text. SWIFT: ILSIKPPY")
    assert facts.swift_bics == ("KUDBKPPY", "ILSIKPPY")
    assert normalize_bic("ftbd kp py") == "FTBDKPPY"
    assert normalize_bic("ABCDZZ12") is None  # ZZ is no country
    assert normalize_bic("DCBKKPPY1") is None  # 9 characters


def test_websites_get_a_scheme() -> None:
    facts = extract_facts(
        "(Additional Information: Telephone: 98-919-538-2305; Website: http://www.behinehco.ir)"
    )
    assert facts.websites == ("http://www.behinehco.ir",)
    assert facts.phones == ("+989195382305",)
    assert normalize_url("sb24.ir") == "http://sb24.ir"
    assert normalize_url("not a site") is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("+963936016952", "+963936016952"),
        ("8613314257947", "+8613314257947"),  # OFAC writes international numbers without '+'
        ("0097282851500", "+97282851500"),  # 00 is the international call prefix
        ("0 21 555 1234", "0 21 555 1234"),  # a national number: kept as written
        ("18222", None),
    ],
)
def test_normalize_phone(raw: str, expected: str | None) -> None:
    assert normalize_phone(raw) == expected


def test_normalize_email() -> None:
    assert normalize_email("Fdlr@FMX.de.") == "Fdlr@fmx.de"
    assert normalize_email("no at sign") is None


@pytest.mark.parametrize(
    "name",
    [
        "Iran (Islamic Republic of)",
        "Democratic People's Republic of Korea",
        "Korea, North",
        "Congo, Democratic Republic of the",
        "Syrian Arab Republic",
        "Burma",
        "Bogotá",
        "Türkiye",
        "Nowhere At All",
        "KP",
    ],
)
def test_country_code_agrees_with_followthemoney(name: str) -> None:
    assert country_code(name) == registry.country.clean(name)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_extract_facts_never_fails_and_returns_clean_values(text: str) -> None:
    facts = extract_facts(text)
    assert all(p.startswith("+") or sum(c.isdigit() for c in p) >= 7 for p in facts.phones)
    assert all("@" in e for e in facts.emails)
    assert all(i.startswith("IMO") and len(i) == 10 for i in facts.imo_numbers)
