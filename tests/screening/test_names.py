"""The name analysis pipeline, step by step."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chokepoint.screening.names import (
    analyze_name,
    clean,
    fold_digit_letters,
    fold_numbers,
    join_initialisms,
    script_of,
    strip_titles,
    tokenize,
)


def test_clean_turns_controls_into_spaces_and_drops_zero_width_joiners() -> None:
    assert clean("Kim\tJong\u200bUn") == "Kim Jong Un"
    assert clean("پزشک\u200cفر") == "پزشکفر"


def test_titles_are_stripped_from_people_only() -> None:
    assert strip_titles("Mr. Recep Erdogan", "person") == "Recep Erdogan"
    assert strip_titles("Mr. Recep Erdogan", "org") == "Mr. Recep Erdogan"


def test_script_detection() -> None:
    assert script_of("김정은") == "HANGUL"
    assert script_of("金正恩") == "CJK"
    assert script_of("Владимир") == "CYRILLIC"
    assert script_of("Kim Jong-un") == "LATIN"


def test_tokens_split_hyphens_and_drop_apostrophes() -> None:
    assert tokenize("RA KY'ONG-SU") == ("ra", "kyong", "su")


def test_legal_forms_and_class_words_fold_to_one_spelling() -> None:
    assert (
        analyze_name("Microsoft Corporation", "org").tokens == analyze_name("Microsoft Corp.", "org").tokens
    )
    assert (
        analyze_name("Siemens Aktiengesellschaft", "org").tokens == analyze_name("Siemens AG", "org").tokens
    )


def test_numbers_stay_significant_and_roman_numerals_become_digits() -> None:
    assert analyze_name("11420 CORP.", "org").tokens == ("11420", "corp")
    assert fold_numbers(("trust", "ii", "1st")) == ("trust", "2", "1")


def test_initialisms_join_and_leet_digits_fold() -> None:
    assert join_initialisms(("a", "b", "c", "co")) == ("abc", "co")
    assert fold_digit_letters(("ig0r", "sech1n", "1984")) == ("igor", "sechin", "1984")


def test_hangul_person_name_gets_rr_and_mr_forms_and_a_native_form() -> None:
    name = analyze_name("김정은", "person")
    assert [f.system for f in name.forms] == ["rr", "mr"]
    assert name.forms[1].tokens == ("kim", "chong", "un")
    assert name.native is not None and name.native.tokens == ("김", "정", "은")


def test_han_gets_pinyin_and_wade_giles() -> None:
    name = analyze_name("习近平", "person")
    assert name.forms[0].tokens == ("xi", "jin", "ping")
    assert name.forms[1].system == "wade-giles"


@settings(deadline=None)
@given(st.text(max_size=80))
def test_analysis_never_fails_on_any_text(text: str) -> None:
    name = analyze_name(text, "person")
    assert all(f.tokens for f in name.forms)


def test_cyrillic_soft_sign_does_not_split_a_word() -> None:
    assert analyze_name("Володимир Зеленський", "person").tokens == ("volodimir", "zelenskij")


def test_legal_form_glued_to_an_organisation_name_is_split() -> None:
    assert analyze_name("SiemensAG", "org").tokens == analyze_name("Siemens AG", "org").tokens
    assert analyze_name("ZIGZAG", "org").tokens == ("zigzag",)
