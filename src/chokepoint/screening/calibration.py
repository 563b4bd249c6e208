"""Fit the name weights: a logistic calibration on pairs generated from the loaded lists.

Training pairs come from the lists themselves, never from a benchmark:

- positives: two names of one listed party (its name and aliases), and seeded perturbations of a
  listed name of the kinds screening meets (one-letter typos, words in another order, a dropped
  middle word, joined given names, an initial for a given name, a changed legal form);
- negatives: names of two different parties of the same source (a list does not list one party
  twice), both the nearest ones the candidate index returns (hard negatives: shared words, same
  surname) and random ones; and a listed name with one name word swapped for a *different* word of
  the lists' vocabulary that is spelled alike (Castro -> Castillo, Jong -> Jang): another person
  whose name differs in one word, the hardest negative screening meets.

The pairs are split by party (``HOLDOUT_SHARE`` of parties held out); the fit is an L2-regularised
logistic regression by Newton's method (iteratively reweighted least squares), so the score reads as
the probability of a true match on pairs drawn like these. Each weight keeps the sign its feature
declares (``features.WEIGHT_SIGNS``). Log-loss, accuracy and the weights are recorded in the model's
metadata.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from chokepoint.screening.align import typo_budget
from chokepoint.screening.features import NAME_FEATURES, WEIGHT_SIGNS, Pair
from chokepoint.screening.index import CandidateIndex
from chokepoint.screening.names import analyze_name, is_low_weight
from chokepoint.screening.records import NameEntry, Record
from chokepoint.screening.scoring import Model, best_alignment
from chokepoint.screening.variants import canonical_spelling, skeleton

HOLDOUT_SHARE = 0.2
"""Share of parties whose pairs are held out of the fit to measure it."""
L2_PENALTY = 1.0
"""Ridge penalty on the weights (not the intercept); keeps names-only scores away from 0 and 1."""
HARD_NEGATIVES_PER_NAME = 3
RANDOM_NEGATIVES_PER_NAME = 1
PERTURBATIONS_PER_NAME = 2
WORD_SWAPS_PER_NAME = 1
SWAP_SIMILARITY = (0.4, 0.85)
"""Edit similarity range of a swapped-in word: alike, but more than a typo or a variant spelling. A
word within the typo budget of the original (``align.typo_budget``) is never swapped in: by spelling
alone it cannot be told from a misspelling, so screening must show it and let birth dates, countries
and identifiers decide."""
SECOND_TYPO_SHARE = 0.5
"""Share of typo perturbations of a word of six letters or more that make a second slip in it (two
slips fit the typo budget of long words: Khodorkovsky / Khordorovsky)."""
MAX_ALIAS_PAIRS_PER_PARTY = 6


@dataclass(frozen=True)
class LabelledPair:
    """Two name-only records and whether they are the same party."""

    query: Record
    candidate: Record
    match: bool
    party: str
    kind: str
    """How the pair was made: alias, perturbed, swap, nearest or random."""


def _typo(token: str, rng: random.Random) -> str:
    i = rng.randrange(len(token))
    letters = "abcdefghijklmnopqrstuvwxyz"
    match rng.randrange(4):
        case 0:
            return token[:i] + token[i + 1 :]
        case 1:
            return token[:i] + rng.choice(letters) + token[i:]
        case 2:
            return token[:i] + rng.choice(letters) + token[i + 1 :]
        case _:
            j = min(i + 1, len(token) - 1)
            chars = list(token)
            chars[i], chars[j] = chars[j], chars[i]
            return "".join(chars)


def perturb(name: str, kind: str, rng: random.Random) -> str:
    """One seeded variation of ``name`` of a kind screening meets (see the module docstring)."""
    words = name.split()
    long_words = [i for i, w in enumerate(words) if len(w) >= 4]
    choice = rng.randrange(6)
    if choice == 0 and long_words:
        i = rng.choice(long_words)
        words[i] = _typo(words[i], rng)
        if typo_budget(len(words[i])) >= 2 and rng.random() < SECOND_TYPO_SHARE:
            words[i] = _typo(words[i], rng)
    elif choice == 1 and len(words) >= 2:
        words = words[1:] + words[:1]
    elif choice == 2 and len(words) >= 3:
        del words[rng.randrange(1, len(words) - 1)]
    elif choice == 3 and len(words) >= 3:
        i = rng.randrange(1, len(words) - 1)
        words[i : i + 2] = [words[i] + words[i + 1].lower()]
    elif choice == 4 and len(words) >= 2 and kind == "person":
        words[0] = words[0][0] + "."
    elif choice == 5 and kind == "org":
        words = [*words, rng.choice(["LTD", "CO", "LLC", "CORP", "TRADING COMPANY", "GROUP"])]
    elif long_words:
        i = rng.choice(long_words)
        words[i] = _typo(words[i], rng)
    return " ".join(words)


def _vocabulary(parties: Sequence[Record]) -> dict[str, list[str]]:
    vocab: dict[str, set[str]] = {}
    for party in parties:
        for entry in party.names:
            vocab.setdefault(party.kind, set()).update(t for t in entry.name.tokens if len(t) >= 3)
    return {kind: sorted(words) for kind, words in vocab.items()}


def swap_word(tokens: tuple[str, ...], vocabulary: list[str], rng: random.Random) -> tuple[str, ...] | None:
    """``tokens`` with one word replaced by a different, similarly spelled word of ``vocabulary``."""
    positions = [i for i, t in enumerate(tokens) if len(t) >= 3 and not is_low_weight(t)]
    if not positions or not vocabulary:
        return None
    i = rng.choice(positions)
    word = tokens[i]
    low, high = SWAP_SIMILARITY
    alike = process.extract(word, vocabulary, scorer=Levenshtein.normalized_similarity, limit=12)
    near = [
        w
        for w, sim, _ in alike
        if low <= sim <= high
        and OSA.distance(w, word) > typo_budget(max(len(w), len(word)))
        and skeleton(w) != skeleton(word)
        and canonical_spelling(w) != canonical_spelling(word)
    ]
    if not near:
        return None
    return (*tokens[:i], rng.choice(near), *tokens[i + 1 :])


def _name_record(party: Record, entry: NameEntry) -> Record:
    return Record(party.id, party.schema, party.kind, entry.name.original, [entry])


def _in_holdout(party_id: str) -> bool:
    digest = hashlib.sha256(party_id.encode()).digest()
    return digest[0] / 255.0 < HOLDOUT_SHARE


def training_pairs(records: Sequence[Record], seed: int = 7) -> Iterator[LabelledPair]:
    """Positive and negative name pairs drawn from ``records`` (see the module docstring)."""
    rng = random.Random(seed)
    parties = [r for r in records if r.names and r.kind in ("person", "org")]
    vocabulary = _vocabulary(parties)
    index = CandidateIndex(parties)
    by_kind: dict[str, list[int]] = {}
    for number, party in enumerate(parties):
        by_kind.setdefault(party.kind, []).append(number)
    for number, party in enumerate(parties):
        strong = [n for n in party.names if not n.weak]
        if not strong:
            continue
        aliases = [
            (a, b) for i, a in enumerate(strong) for b in strong[i + 1 :] if a.name.tokens != b.name.tokens
        ]
        for a, b in rng.sample(aliases, min(len(aliases), MAX_ALIAS_PAIRS_PER_PARTY)):
            yield LabelledPair(_name_record(party, a), _name_record(party, b), True, party.id, "alias")
        base = strong[0]
        for _ in range(PERTURBATIONS_PER_NAME):
            varied = perturb(base.name.original, party.kind, rng)
            entry = NameEntry(analyze_name(varied, party.kind))
            if entry.name.forms:
                yield LabelledPair(
                    _name_record(party, entry), _name_record(party, base), True, party.id, "perturbed"
                )
        query = _name_record(party, base)
        for _ in range(WORD_SWAPS_PER_NAME):
            swapped = swap_word(base.name.tokens, vocabulary[party.kind], rng)
            if swapped is not None:
                entry = NameEntry(analyze_name(" ".join(swapped), party.kind))
                yield LabelledPair(_name_record(party, entry), query, False, party.id, "swap")
        hard = [
            c
            for c in index.candidates(query, HARD_NEGATIVES_PER_NAME * 3)
            if c != number and parties[c].source == party.source
        ][:HARD_NEGATIVES_PER_NAME]
        pool = by_kind[party.kind]
        randoms = [rng.choice(pool) for _ in range(RANDOM_NEGATIVES_PER_NAME)]
        for other_number, kind in [(h, "nearest") for h in hard] + [
            (r, "random") for r in randoms if r != number
        ]:
            for entry in parties[other_number].names[:1]:
                yield LabelledPair(query, _name_record(parties[other_number], entry), False, party.id, kind)


def feature_matrix(pairs: Sequence[LabelledPair]) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """(X, y): the fitted name features of each pair, and its label."""
    rows = []
    for p in pairs:
        alignment, qn, cn = best_alignment(p.query, p.candidate)
        pair = Pair(p.query, p.candidate, alignment, qn, cn)
        rows.append([f(pair) for f in NAME_FEATURES])
    return np.asarray(rows, dtype=np.float64), np.asarray([p.match for p in pairs], dtype=np.float64)


def fit_logistic(
    x: npt.NDArray[np.float64], y: npt.NDArray[np.float64], l2: float = L2_PENALTY, iterations: int = 50
) -> npt.NDArray[np.float64]:
    """Weights ``[intercept, w1..wk]`` of an L2-regularised logistic regression (Newton / IRLS)."""
    design = np.hstack([np.ones((len(x), 1)), x])
    beta = np.zeros(design.shape[1])
    penalty = np.full(design.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(design @ beta)))
        gradient = design.T @ (p - y) + penalty * beta
        hessian = (design * (p * (1 - p))[:, None]).T @ design + np.diag(penalty) + 1e-9 * np.eye(len(beta))
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return beta


def fit_signed(
    x: npt.NDArray[np.float64], y: npt.NDArray[np.float64], signs: Sequence[int], l2: float = L2_PENALTY
) -> npt.NDArray[np.float64]:
    """``fit_logistic`` keeping each weight's declared sign (+1, -1, 0 = free).

    Active set: fit, hold at zero the feature whose weight has the wrong sign by the widest margin,
    refit, until every weight agrees with its sign.
    """
    active = list(range(x.shape[1]))
    while True:
        beta = fit_logistic(x[:, active], y, l2)
        wrong = [(beta[1 + k] * signs[f], f) for k, f in enumerate(active) if beta[1 + k] * signs[f] < 0]
        if not wrong:
            full = np.zeros(x.shape[1] + 1)
            full[0] = beta[0]
            for k, f in enumerate(active):
                full[1 + f] = beta[1 + k]
            return full
        active.remove(min(wrong)[1])


def _log_loss(beta: npt.NDArray[np.float64], x: npt.NDArray[np.float64], y: npt.NDArray[np.float64]) -> float:
    p = 1.0 / (1.0 + np.exp(-(beta[0] + x @ beta[1:])))
    p = np.clip(p, 1e-9, 1 - 1e-9)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def _accuracy(beta: npt.NDArray[np.float64], x: npt.NDArray[np.float64], y: npt.NDArray[np.float64]) -> float:
    return float(np.mean(((beta[0] + x @ beta[1:]) > 0) == (y > 0.5)))


def calibrate(records: Sequence[Record], versions: dict[str, str] | None = None, seed: int = 7) -> Model:
    """Generate pairs from ``records``, fit on the training parties, measure on the held-out ones."""
    pairs = list(training_pairs(records, seed))
    train = [p for p in pairs if not _in_holdout(p.party)]
    test = [p for p in pairs if _in_holdout(p.party)]
    x_train, y_train = feature_matrix(train)
    signs = [WEIGHT_SIGNS.get(f.__name__, 0) for f in NAME_FEATURES]
    beta = fit_signed(x_train, y_train, signs)
    kinds: dict[str, int] = {}
    for p in pairs:
        kinds[p.kind] = kinds.get(p.kind, 0) + 1
    metadata: dict[str, object] = {
        "pairs_by_kind": kinds,
        "fitted_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "versions": versions or {},
        "seed": seed,
        "train_pairs": len(train),
        "train_positives": int(y_train.sum()),
        "train_log_loss": round(_log_loss(beta, x_train, y_train), 4),
        "l2_penalty": L2_PENALTY,
    }
    if test:
        x_test, y_test = feature_matrix(test)
        metadata |= {
            "holdout_pairs": len(test),
            "holdout_log_loss": round(_log_loss(beta, x_test, y_test), 4),
            "holdout_accuracy": round(_accuracy(beta, x_test, y_test), 4),
        }
    weights = {f.__name__: round(float(w), 4) for f, w in zip(NAME_FEATURES, beta[1:], strict=True)}
    return Model(round(float(beta[0]), 4), weights, metadata)
