"""DPRK organisation names in Hangul read in the lists' English (screening.korean_orgs)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from tests.screening.conftest import pair_score

from chokepoint.screening.korean_orgs import english_readings
from chokepoint.screening.names import analyze_name


def test_glossary_words_in_english_and_proper_nouns_romanized() -> None:
    assert english_readings("조선련봉총회사") == (
        ("mr", "korea ryŏnpong general corporation"),
        ("rr", "korea ryeonbong general corporation"),
    )
    assert english_readings("단천상업은행")[0] == ("mr", "tanch'ŏn commercial bank")
    assert english_readings("정찰총국")[1] == ("rr", "reconnaissance general bureau")


def test_names_without_a_glossary_word_or_with_other_script_get_none() -> None:
    assert english_readings("천마산호") == ()  # a vessel: a proper noun only
    assert english_readings("조선 Trading") == ()
    assert english_readings("") == ()


@given(st.text(alphabet="조선련봉총회사단천상업은행 가나다", max_size=20))
def test_any_hangul_gives_at_most_two_readings(text: str) -> None:
    assert len(english_readings(text)) in (0, 2)


def test_person_names_are_not_translated() -> None:
    forms = analyze_name("조선", "person").forms
    assert all("korea" not in form.tokens for form in forms)
    assert any("korea" in form.tokens for form in analyze_name("조선", "org").forms)


def test_a_hangul_entity_name_matches_its_listed_english_only() -> None:
    assert pair_score("조선련봉총회사", "Korea Ryonbong General Corporation", "Organization") >= 0.9
    assert (
        pair_score("조선광업개발무역회사", "Korea Mining Development Trading Corporation", "Organization")
        >= 0.9
    )
    assert pair_score("단천상업은행", "Tanchon Commercial Bank", "Organization") >= 0.9
    assert pair_score("조선련봉총회사", "Korea Kumsan Trading Corporation", "Organization") < 0.5
    assert pair_score("조선대성은행", "Korea Daesong General Trading Corporation", "Organization") < 0.5
