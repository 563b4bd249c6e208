"""Calibration: generated training pairs, the signed logistic fit, and a model fitted end to end."""

from __future__ import annotations

import random

import numpy as np
from followthemoney import EntityProxy

from chokepoint.screening.calibration import (
    calibrate,
    fit_logistic,
    fit_signed,
    perturb,
    swap_word,
    training_pairs,
)
from chokepoint.screening.features import NAME_FEATURES, WEIGHT_SIGNS
from chokepoint.screening.screener import records_from_entities


def test_logistic_fit_recovers_a_known_model() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(4000, 2))
    p = 1 / (1 + np.exp(-(0.5 + 2.0 * x[:, 0] - 1.0 * x[:, 1])))
    y = (rng.random(4000) < p).astype(float)
    beta = fit_logistic(x, y, l2=0.0)
    assert np.allclose(beta, [0.5, 2.0, -1.0], atol=0.15)


def test_signed_fit_holds_a_wrong_signed_weight_at_zero() -> None:
    rng = np.random.default_rng(1)
    x = rng.normal(size=(2000, 2))
    y = (x[:, 0] - x[:, 1] > 0).astype(float)
    beta = fit_signed(x, y, [1, 1])
    assert beta[1] > 0 and beta[2] == 0.0


def test_perturbations_are_seeded_and_plausible() -> None:
    a = [perturb("KIM JONG UN", "person", random.Random(3)) for _ in range(3)]
    b = [perturb("KIM JONG UN", "person", random.Random(3)) for _ in range(3)]
    assert a == b
    assert all(p and p != "" for p in a)


def test_word_swap_picks_a_different_but_similar_word() -> None:
    outcomes = {
        swap_word(("raul", "castro"), ["castillo", "castro", "zzzzzz"], random.Random(s)) for s in range(8)
    }
    assert ("raul", "castillo") in outcomes
    assert outcomes <= {("raul", "castillo"), None}  # never itself, never an unlike word


def test_training_pairs_have_both_labels_and_every_kind(entities: list[EntityProxy]) -> None:
    pairs = list(training_pairs(records_from_entities(entities)))
    assert {p.match for p in pairs} == {True, False}
    assert {"alias", "perturbed", "random"} <= {p.kind for p in pairs}
    assert all(p.query.source == p.candidate.source for p in pairs if p.kind == "nearest")


def test_calibrated_model_respects_the_declared_signs(entities: list[EntityProxy]) -> None:
    model = calibrate(records_from_entities(entities) * 3, {"un-sc": "v1"})
    assert model.metadata["versions"] == {"un-sc": "v1"}
    assert set(model.name_weights) == {f.__name__ for f in NAME_FEATURES}
    for name, sign in WEIGHT_SIGNS.items():
        assert model.name_weights[name] * sign >= 0
