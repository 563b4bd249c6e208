"""The scores the issue names: calibrated, explained, never saturated on names alone."""

from __future__ import annotations

import pytest
from tests.screening.conftest import pair_score

from chokepoint.screening.records import Query
from chokepoint.screening.scoring import Model, packaged_model, score


def test_exact_name_alone_does_not_saturate() -> None:
    assert 0.9 < pair_score("Kim Jong Un", "Kim Jong Un") < 0.995


def test_hangul_names_one_vowel_apart_score_clearly_lower_than_exact() -> None:
    exact = pair_score("김정은", "김정은")
    assert pair_score("김종은", "김정은") < exact - 0.3


def test_hangul_matches_its_romanizations() -> None:
    assert pair_score("김정은", "Kim Jong Un") > 0.7
    assert pair_score("리제선", "RI JE-SON") > 0.7


def test_reversed_names_score_below_the_literal_name() -> None:
    assert pair_score("Jong Un Kim", "Kim Jong Un") < pair_score("Kim Jong Un", "Kim Jong Un")


def test_korean_surname_variants_and_hyphenation() -> None:
    assert pair_score("Lee Je Sun", "RI JE-SON") > 0.6
    assert pair_score("Kim Jong-un", "Kim Jongun") > 0.9


def test_legal_form_alone_is_no_evidence() -> None:
    assert pair_score("BELLETECH CORP", "11420 CORP.", "Company") < 0.2


def test_qualifiers_move_the_score_both_ways() -> None:
    base = pair_score("Kim Jong Un", "Kim Jong Un")
    assert pair_score("Kim Jong Un", "Kim Jong Un", birth_date="1984-01-08") >= base
    q = Query("Kim Jong Un", "Person", birth_date="1984-01-08").to_record()
    c = Query("Kim Jong Un", "Person", birth_date="1950").to_record()
    assert score(q, c, packaged_model()).score < base - 0.3


def test_identifier_match_and_mismatch() -> None:
    model = packaged_model()
    a = Query("CHON MA SAN", "Vessel", imo="8660313").to_record()
    b = Query("CHONMASAN", "Vessel", imo="IMO 8660313").to_record()
    c = Query("CHON MA SAN", "Vessel", imo="9187629").to_record()
    assert score(a, b, model).score > 0.99
    assert "identifier_match" in score(a, b, model).explanation
    assert score(a, c, model).score < 0.5


def test_every_contribution_is_explained() -> None:
    result = score(Query("Kim Jong Un").to_record(), Query("Kim Jong Un").to_record(), packaged_model())
    assert result.explanation["literal_name"]["contribution"] == pytest.approx(
        result.explanation["literal_name"]["weight"] * result.explanation["literal_name"]["value"]
    )


def test_model_json_round_trip_and_bad_file() -> None:
    model = packaged_model()
    assert Model.from_json(model.to_json()) == model
    with pytest.raises(Exception, match="not a screening model"):
        Model.from_json("{}")


def test_an_acronym_matches_its_organisation_but_not_a_person() -> None:
    model = packaged_model()
    org = score(
        Query("PLA", "Organization").to_record(),
        Query("People's Liberation Army", "Organization").to_record(),
        model,
    ).score
    person = score(Query("PL", "Person").to_record(), Query("Paul Lee", "Person").to_record(), model).score
    assert org >= 0.7 > person


def test_a_misspelt_surname_within_the_typo_budget_scores_as_a_possible_match() -> None:
    assert pair_score("Angela Merkur", "Angela Merkel") > 0.7
    assert pair_score("Daniel Ortiz", "Daniel Ortega") < 0.3


def test_series_numbers_cost_their_declared_weight_only() -> None:
    exact = pair_score("Zu Zag Bong 5", "Zu Zag Bong 5", "Vessel")
    other = pair_score("Zu Zag Bong 6", "Zu Zag Bong 5", "Vessel")
    assert 0.5 < other < exact


def test_a_one_word_personal_name_is_weak_evidence_on_either_side() -> None:
    full = pair_score("Walijan Haqqani", "Walijan Abdul Ghafoor Haqqani")
    lone = pair_score("Walijan", "Walijan Abdul Ghafoor Haqqani")
    assert lone < 0.7 < full


def test_a_name_of_initials_alone_identifies_no_one() -> None:
    assert pair_score("N.N.", "Nursultan Nazarbayev") < 0.5
    assert pair_score("J. Smith", "John Smith") >= 0.7  # an initial beside an agreeing word still counts
