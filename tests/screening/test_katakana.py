"""Katakana names read without the vowels Japanese adds to final consonants (screening.katakana)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from tests.screening.conftest import pair_score

from chokepoint.screening.katakana import consonant_final
from chokepoint.screening.names import analyze_name


def test_added_vowels_are_dropped() -> None:
    assert consonant_final("kimu yonchoru") == "kim yonchol"  # キム・ヨンチョル, 김용철
    assert consonant_final("paku ponju") == "pak ponju"
    assert consonant_final("chan sonteku") == "chan sontek"
    assert consonant_final("baraku obama") == "barak obama"
    assert consonant_final("robato") == "robat"
    assert consonant_final("suyon mun") == "suyon mun"  # a word's first mora is never added


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz '", max_size=30))
def test_the_reading_only_ever_drops_or_turns_ru_into_l(romaji: str) -> None:
    read = consonant_final(romaji)
    assert len(read) <= len(" ".join(romaji.split()))


def test_a_katakana_name_keeps_icus_reading_beside_the_new_one() -> None:
    forms = [form.tokens for form in analyze_name("キム・ヨンチョル", "person").forms]
    assert forms == [("kimu", "yonchoru"), ("kim", "yonchol")]


def test_a_korean_name_in_katakana_matches_its_latin_spelling_only() -> None:
    assert pair_score("キム・ジョンウン", "KIM JONG UN") >= 0.8
    assert pair_score("キム・ヨンチョル", "KIM YONG CHOL") >= 0.8
    assert pair_score("キム・ジョンウン", "KIM JONG IL") < 0.5
