"""Romanization variant tables and the skeleton key."""

from __future__ import annotations

from chokepoint.screening.variants import SURNAME_VARIANTS, canonical_spelling, consonants, skeleton


def test_korean_surname_rows_fold_to_one_spelling() -> None:
    assert {canonical_spelling(s) for s in ("ri", "rhee", "lee", "yi", "i")} == {"ri"}
    assert canonical_spelling("park") == canonical_spelling("pak") == canonical_spelling("bak")
    assert canonical_spelling("choi") == "choe"


def test_every_row_is_lower_case_and_non_empty() -> None:
    assert all(row and all(s == s.lower() for s in row) for row in SURNAME_VARIANTS)


def test_skeleton_folds_romanization_disagreements() -> None:
    assert skeleton("che") == skeleton("je")
    assert skeleton("ch'ol") == skeleton("chol")
    assert skeleton("mohammed") == skeleton("mohamed")
    assert skeleton("sun") != skeleton("son")


def test_consonants_match_vowel_less_abjad_transliteration() -> None:
    assert consonants("mohamed") == consonants("mhmd")


def test_slavic_endings_and_vowel_y_fold() -> None:
    assert skeleton("zelenskyy") == skeleton("zelenskij") == skeleton("zelenskiy")
    assert skeleton("volodymyr") == skeleton("volodimir")


def test_korean_press_spellings_of_eo_ng_fold() -> None:
    assert skeleton("byung") == skeleton("pyong")
    assert skeleton("sung") == skeleton("song")


def test_x_and_ks_are_one_transliteration() -> None:
    assert skeleton("alexander") == skeleton("aleksander")
    assert skeleton("maxim") == skeleton("maksim")
    assert skeleton("xi") == "xi"  # a leading x is pinyin or Wade-Giles, not Cyrillic кс
