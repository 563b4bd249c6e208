from chokepoint.screening.align import align
from chokepoint.screening.hypocorisms import are_hypocorisms
from chokepoint.screening.records import Query
from chokepoint.screening.scoring import packaged_model, score


def test_a_given_name_and_its_nickname_are_one_name_either_way() -> None:
    assert are_hypocorisms("bill", "william")
    assert are_hypocorisms("william", "bill")
    assert are_hypocorisms("ben", "benjamin")


def test_unrelated_names_and_two_nicknames_of_one_name_are_not() -> None:
    assert not are_hypocorisms("bill", "george")
    assert not are_hypocorisms("ben", "jamie")  # both nicknames of Benjamin: not chained
    assert not are_hypocorisms("bill", "bill")


def test_korean_surname_spellings_are_not_english_nicknames() -> None:
    assert not are_hypocorisms("kim", "kimberly")


def test_alignment_pairs_a_nickname_with_its_name() -> None:
    alignment = align(("bill", "gates"), ("william", "gates"))
    assert [p.reason for p in alignment.pairs] == ["nickname", "exact"]


def test_a_nickname_scores_as_a_match_and_a_different_name_does_not() -> None:
    model = packaged_model()
    full = Query("Benjamin Netanyahu", "Person").to_record()
    nickname = score(Query("Ben Netanyahu", "Person").to_record(), full, model).score
    other = score(Query("Robert Netanyahu", "Person").to_record(), full, model).score
    assert nickname >= 0.7 > other
