"""Token alignment: pairs, joins, order and the measures features use."""

from __future__ import annotations

from chokepoint.screening.align import align, token_similarity, typo_budget


def test_token_similarity_reasons() -> None:
    assert token_similarity("ri", "lee") == (0.95, "variant")
    assert token_similarity("che", "je")[1] == "skeleton"
    assert token_similarity("a", "ali")[1] == "initial"
    assert token_similarity("11420", "11421") == (0.0, "edit")
    assert token_similarity("jong", "jeong", "strict")[1] == "edit"


def test_transposition_counts_as_one_edit() -> None:
    assert token_similarity("donlad", "donald")[0] > token_similarity("donlad", "donuld")[0] - 0.01


def test_joined_given_names_align_with_spaced_ones() -> None:
    alignment = align(("kim", "jongun"), ("kim", "jong", "un"))
    assert alignment.measures["similarity"] == 1.0
    assert not alignment.query_extra and not alignment.candidate_extra


def test_reversed_names_are_a_reorder_not_a_literal_match() -> None:
    alignment = align(("jong", "un", "kim"), ("kim", "jong", "un"))
    assert alignment.measures["literal"] == 0.0
    assert alignment.measures["reordered"] == 1.0
    assert align(("kim", "jong", "un"), ("kim", "jong", "un")).measures["literal"] == 1.0


def test_unanswered_word_makes_the_weakest_token_zero() -> None:
    alignment = align(("belletech", "corp"), ("11420", "corp"))
    assert alignment.measures["weakest_token"] == 0.0
    assert alignment.measures["number_mismatch"] == 1.0


def test_vowel_only_differences_of_long_words_are_transliteration_variants() -> None:
    assert token_similarity("muhammad", "mohammed") == (0.8, "consonants")
    assert token_similarity("jong", "jang")[1] != "consonants"  # Korean syllables: another name


def test_a_patronymic_chain_in_the_other_order_is_a_son_and_his_father() -> None:
    swapped = align(("salman", "bin", "muhammad", "al", "rawi"), ("muhammad", "bin", "salman", "al", "rawi"))
    assert swapped.measures["patronymic_swap"] == 1.0
    same = align(("salman", "bin", "muhammad"), ("salman", "ibn", "muhammad"))
    assert same.measures["patronymic_swap"] == 0.0


def test_a_leading_ben_is_a_given_name_not_a_patronymic_link() -> None:
    alignment = align(("ben", "netanyahu"), ("netanyahu", "ben"))
    assert alignment.measures["patronymic_swap"] == 0.0


def test_an_organisation_acronym_pairs_with_the_words_it_abbreviates() -> None:
    alignment = align(("pla",), ("peoples", "liberation", "army"), acronyms=True)
    assert [(p.query, p.candidate, p.reason) for p in alignment.pairs] == [
        ("pla", "peoplesliberationarmy", "initial")
    ]
    assert alignment.measures["unpaired_words"] == 0.0


def test_acronyms_are_only_read_when_asked_and_must_spell_every_initial() -> None:
    assert not align(("pla",), ("peoples", "liberation", "army")).pairs
    partial = align(("pl",), ("peoples", "liberation", "army"), acronyms=True)
    assert partial.measures["unpaired_words"] > 0


def test_typo_budget_follows_lucene_auto_fuzziness() -> None:
    assert [typo_budget(n) for n in (1, 2, 3, 5, 6, 12)] == [0, 0, 1, 1, 2, 2]
    two_slips = align(("angela", "merkur"), ("angela", "merkel")).measures
    assert two_slips["several_edits"] == 1.0 and two_slips["beyond_typo_budget"] == 0.0
    another_word = align(("daniel", "ortiz"), ("daniel", "ortega")).measures
    assert another_word["beyond_typo_budget"] == 1.0


def test_a_skeleton_match_beyond_the_typo_budget_counts_as_another_word() -> None:
    assert align(("augusto", "pinosa"), ("augusto", "pinochet")).measures["beyond_typo_budget"] == 1.0
    assert align(("barak",), ("barack",)).measures["beyond_typo_budget"] == 0.0


def test_numbers_are_left_to_number_mismatch_not_counted_as_unanswered_words() -> None:
    measures = align(("zu", "zag", "bong", "6"), ("zu", "zag", "bong", "5")).measures
    assert measures["number_mismatch"] == 1.0
    assert measures["weakest_token"] == 1.0 and measures["unpaired_words"] == 0.0
    assert measures["literal"] == 1.0
    only_numbers = align(("1",), ("2",)).measures
    assert only_numbers["number_mismatch"] == 1.0 and only_numbers["weakest_token"] == 0.0


def test_wade_giles_and_pinyin_spellings_of_one_syllable_are_variants() -> None:
    assert token_similarity("hsi", "xi") == (0.9, "variant")
    alignment = align(("mao", "tse", "tung"), ("mao", "zedong"))
    assert [p.reason for p in alignment.pairs] == ["exact", "variant"]


def test_korean_surname_spellings_of_one_letter_and_in_hangul_are_variants() -> None:
    assert token_similarity("i", "ri") == (0.95, "variant")
    assert token_similarity("o", "oh") == (0.95, "variant")
    assert token_similarity("u", "woo") == (0.95, "variant")
    assert token_similarity("리", "이", "strict") == (0.95, "variant")  # DPRK / ROK spelling of one surname
    assert token_similarity("종", "정", "strict")[0] == 0.0  # 김종은 is not 김정은
    assert token_similarity("i", "ri", "strict")[0] == 0.0
    assert token_similarity("j", "john")[1] == "initial"


def test_a_joined_given_name_spelt_differently_in_each_half_is_split() -> None:
    split = align(("kim", "youngchul"), ("kim", "yong", "chol"))
    assert [(p.query, p.candidate) for p in split.pairs] == [
        ("kim", "kim"),
        ("young", "yong"),
        ("chul", "chol"),
    ]
    assert not split.query_extra and not split.candidate_extra
    # both directions, and never into words that answer nothing
    assert len(align(("park", "bongju"), ("pak", "pong", "ju")).pairs) == 3
    assert align(("kim", "youngchul"), ("kim", "tae", "hun")).query_extra == ("youngchul",)
    assert (
        align(("kim", "youngchul"), ("kim", "yongchol")).pairs[1].query == "youngchul"
    )  # no split: as many words
