"""English number words folded to digits in organisation and vessel names."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chokepoint.screening.numberwords import NOT_MISSPELLINGS, NUMBER_WORDS, fold_number_words


def fold(text: str) -> str:
    """Fold a space-separated token string (the tokenizer's output written out) and join it back."""
    return " ".join(fold_number_words(tuple(text.split())))


@pytest.mark.parametrize(
    ("words", "digits"),
    [
        ("brigade forty four", "brigade 44"),
        ("one hundred twenty three", "123"),
        ("forty four", "44"),
        ("two thousand five", "2005"),
        ("twenty first", "21"),
        ("one hundred and five", "105"),
        ("first international bank", "1 international bank"),
        ("three percenters", "3 percenters"),
        ("hundred flowers", "100 flowers"),
        ("no one", "no 1"),
        ("chon ma san two", "chon ma san 2"),
        ("fund twelve", "fund 12"),
        ("ninetieth", "90"),
        ("twentieth century fund", "20 century fund"),
        ("one hundredth", "100"),
        ("thousandth", "1000"),
        ("a thousand and one nights", "1001 nights"),
        ("hundred thousand", "100000"),
        ("one hundred twenty three thousand four hundred and fifty six", "123456"),
        ("nineteen hundred and five", "1905"),
        ("fifteen hundred", "1500"),
        ("two hundred and first brigade", "201 brigade"),
    ],
)
def test_number_words_become_one_digit_token(words: str, digits: str) -> None:
    assert fold(words) == digits


def test_words_and_digits_fold_to_the_same_tokens() -> None:
    assert fold("brigade forty four") == "brigade 44"
    assert fold("hundred flowers") == fold("a hundred flowers") == "100 flowers"
    assert fold("three percenters") == "3 percenters"


def test_a_run_that_is_not_one_numeral_becomes_several() -> None:
    assert fold("seven eleven") == "7 11"  # the same tokens as "7-Eleven"
    assert fold("first second third") == "1 2 3"  # an ordinal ends its numeral
    assert fold("one two three") == "1 2 3"


def test_spoken_years() -> None:
    assert fold("nineteen eighty four") == "1984"
    assert fold("twenty twenty") == "2020"
    assert fold("twenty ten") == "2010"
    assert fold("ten twenty") == "10 20"  # "ten" does not open a year


def test_ambiguous_words_decided_for_organisation_names() -> None:
    assert fold("one belt one road") == "1 belt 1 road"
    assert fold("bank one") == "bank 1"
    assert fold("second economic committee") == "2 economic committee"
    assert fold("may ten") == "may 10"  # "May" is a name, not a number


def test_and_is_absorbed_only_between_number_words() -> None:
    assert fold("one and only") == "1 and only"
    assert fold("one hundred and") == "100 and"
    assert fold("and one and") == "and 1 and"
    assert fold("smith and sons") == "smith and sons"


def test_a_is_absorbed_only_before_hundred_or_thousand() -> None:
    assert fold("a thousand") == "1000"
    assert fold("a one") == "a 1"
    assert fold("class a") == "class a"


def test_misspellings_are_read_only_beside_an_exact_number_word() -> None:
    assert fold("fourty four") == "44"
    assert fold("ninty nine") == "99"
    assert fold("thrity three") == "33"
    assert fold("twenty forth brigade") == "24 brigade"
    assert fold("twenty eigth") == "28"
    assert fold("nineteen ninty") == "1990"
    assert fold("fourty") == "fourty"  # no exactly spelled neighbour
    assert fold("eigth street") == "eigth street"


def test_misspelling_tolerance_does_not_turn_words_into_numbers() -> None:
    assert fold("mighty eight") == "mighty 8"
    assert fold("steven eight") == "steven 8"  # "seven eight" is two numerals: no exact neighbour
    assert fold("twenty light") == "20 light"
    assert fold("sixty seconds") == "60 seconds"  # a plural, not a misspelling
    assert fold("two hundreds") == "2 hundreds"
    assert fold("three tree") == "3 tree"  # four letters: too close to ordinary words
    for word in NOT_MISSPELLINGS:
        assert word not in NUMBER_WORDS
        assert fold(f"twenty {word} one") == f"20 {word} 1"


def test_tokens_without_number_words_are_unchanged() -> None:
    tokens = ("korea", "kwangson", "banking", "corp", "2", "and", "a", "may")
    assert fold_number_words(tokens) == tokens
    assert fold_number_words(()) == ()


def test_folding_twice_equals_folding_once() -> None:
    for text in ("brigade forty four", "a hundred and one", "fourty", "twenty forth", "one and a"):
        once = fold_number_words(tuple(text.split()))
        assert fold_number_words(once) == once


_NEAR_NUMBERS = {"and", "a", "fourty", "ninty", "forth", "thrity", "eigth", "seconds", "may"}
_TOKEN = st.one_of(
    st.sampled_from(sorted(NUMBER_WORDS | NOT_MISSPELLINGS | _NEAR_NUMBERS)),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", max_size=10),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_TOKEN, max_size=12).map(tuple))
def test_never_raises_is_idempotent_and_keeps_non_numbers(tokens: tuple[str, ...]) -> None:
    folded = fold_number_words(tokens)
    assert fold_number_words(folded) == folded
    assert not NUMBER_WORDS.intersection(folded)
    if not NUMBER_WORDS.intersection(tokens):
        assert folded == tokens
    assert len(folded) <= len(tokens)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(max_codepoint=127), max_size=12), max_size=8).map(tuple))
def test_never_raises_on_arbitrary_ascii_tokens(tokens: tuple[str, ...]) -> None:
    folded = fold_number_words(tuple(t.lower() for t in tokens))
    assert isinstance(folded, tuple)
