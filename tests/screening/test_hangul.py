"""Hangul syllables romanized from their jamo in Revised Romanization and McCune-Reischauer."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chokepoint.screening.hangul import decompose, romanize, romanize_syllable, split_korean_name


def test_kim_jong_un_in_both_systems() -> None:
    assert romanize("김정은", "rr") == ["gim", "jeong", "eun"]
    assert romanize("김정은", "mr") == ["kim", "chŏng", "ŭn"]


def test_dprk_spellings_keep_initial_r_and_aspirates() -> None:
    assert romanize_syllable("리", "mr") == "ri"
    assert romanize_syllable("철", "mr") == "ch'ŏl"
    assert romanize_syllable("철", "rr") == "cheol"


def test_decompose_follows_the_unicode_formula() -> None:
    assert decompose("가") == (0, 0, 0)
    assert decompose("힣") == (18, 20, 27)


def test_compound_surnames_split_after_two_syllables() -> None:
    assert split_korean_name("남궁민수") == ("남궁", "민수")
    assert split_korean_name("김정은") == ("김", "정은")


@settings(deadline=None)
@given(st.integers(min_value=0xAC00, max_value=0xD7A3))
def test_every_syllable_romanizes_to_ascii_letters_in_rr(code: int) -> None:
    text = romanize_syllable(chr(code), "rr")
    assert text and text.isascii() and text.isalpha()


def test_south_korean_spelling_applies_the_initial_sound_rule() -> None:
    from chokepoint.screening.hangul import south_korean_spelling

    pairs = {"리": "이", "류": "유", "림": "임", "량": "양", "룡": "용"}
    pairs |= {"로": "노", "라": "나", "녀": "여", "니": "이"}
    for north, south in pairs.items():
        assert south_korean_spelling(north) == south
    for unchanged in ("김", "정", "은", "이", "노", "나", "A", "李"):
        assert south_korean_spelling(unchanged) == unchanged
