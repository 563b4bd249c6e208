"""The scoring model as one declared table of features: ``Feature(func, weight)``.

Each feature is a small pure function of a ``Pair`` (query record, candidate record, and the best
alignment of their names) returning a value in [0, 1]; its docstring is its explanation. The score
is ``sigmoid(intercept + sum(weight * value))``: a probability of a true match.

Name features are *fitted*: their weights and the intercept come from a logistic calibration on
pairs generated from the loaded lists (``calibration``). Qualifier features (identifiers, birth
date, country, gender, wallets, schema) cannot be learned from aliases of one entity (they always
agree), so their weights are declared log-likelihood ratios:

- an equal validated identifier (IMO with check digit, MMSI, passport, BIC ...) is near-conclusive:
  +6 (odds x400); a differing identifier of a kind a party has only one of: -4 (odds / 55);
- the same birth date (to the precision both give): +1.5; a different birth year: -4 (odds / 55),
  following OFAC's guidance that a date of birth that does not match clears most name hits;
- a shared nationality/country: +0.5; disjoint countries: -1; different gender: -2;
- an exactly matching wallet address after checksum validation (same chain family): +8;
- a person against an organisation or vessel: -3;
- names carrying different numbers: -2 (numbers tell series vessels, funds and branches apart, and
  the lists carry too few numbered names to fit this weight);
- a weak alias matched, or a one-word personal name on either side: -1 (OFAC and the UN mark such
  aliases as too broad to identify a party alone);
- a patronymic chain in the other order ("Salman bin Muhammad" / "Muhammad bin Salman"): -3, as for a
  person against an organisation: the names are of a son and his father, two people (the generated
  training pairs reorder words freely, so this weight cannot be fitted on them).

Because names-only evidence is bounded by the fitted weights, a names-only match never reaches 1.0.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from followthemoney import model

from chokepoint.screening.align import Alignment
from chokepoint.screening.identifiers import UNIQUE_KINDS
from chokepoint.screening.records import NameEntry, Record


@dataclass(frozen=True)
class Pair:
    """A query record, a candidate record, and the best-aligned pair of their names."""

    query: Record
    candidate: Record
    alignment: Alignment
    query_name: NameEntry | None
    matched_name: NameEntry | None


# -- name features (weights fitted) ---------------------------------------------------------------


def name_similarity(pair: Pair) -> float:
    """Similarity of the aligned name tokens, weighted by length (class words weigh little)."""
    return pair.alignment.measures.get("similarity", 0.0)


def weakest_token(pair: Pair) -> float:
    """Similarity of the worst-answered name word of the shorter name (0 if one is unanswered)."""
    return pair.alignment.measures.get("weakest_token", 0.0)


def unpaired_words(pair: Pair) -> float:
    """Name words of either side that nothing answers (0, 1/3, 2/3, 1 for three or more)."""
    return pair.alignment.measures.get("unpaired_words", 0.0)


def weak_pairs(pair: Pair) -> float:
    """Paired name words that are probably different words (0, 1/2, 1 for two or more)."""
    return pair.alignment.measures.get("weak_pairs", 0.0)


def several_edits(pair: Pair) -> float:
    """The worst-spelled word pair differs by two edits or more (likely another word)."""
    return pair.alignment.measures.get("several_edits", 0.0)


def beyond_typo_budget(pair: Pair) -> float:
    """A paired word differs by more edits than a typo explains for its length (``align.typo_budget``)."""
    return pair.alignment.measures.get("beyond_typo_budget", 0.0)


def literal_name(pair: Pair) -> float:
    """The normalised names are literally the same, word for word in order."""
    return pair.alignment.measures.get("literal", 0.0)


def token_reorder(pair: Pair) -> float:
    """The names share their words but in another order (e.g. family name first)."""
    return pair.alignment.measures.get("reordered", 0.0)


def romanization_variants(pair: Pair) -> float:
    """Share of word pairs that agree only as romanization variants (Ri/Lee, Che/Je)."""
    return pair.alignment.measures.get("variant_share", 0.0)


def number_mismatch(pair: Pair) -> float:
    """The names carry different numbers (numbers are significant: '11420 Corp' is not 'Belletech Corp')."""
    return pair.alignment.measures.get("number_mismatch", 0.0)


def patronymic_swap(pair: Pair) -> float:
    """One name's own given name is the other's father's name and vice versa (son and father)."""
    return pair.alignment.measures.get("patronymic_swap", 0.0)


def weak_alias(pair: Pair) -> float:
    """A name too broad to identify a party alone was matched: a weak alias on the list (a nickname or
    low-quality AKA), or a personal name of one word on either side."""
    return float(
        (pair.matched_name is not None and pair.matched_name.weak)
        or (pair.query_name is not None and pair.query_name.weak)
    )


# -- qualifier features (declared weights) --------------------------------------------------------


def _shared_kinds(pair: Pair) -> list[str]:
    return [k for k in pair.query.identifiers if k in pair.candidate.identifiers]


def identifier_match(pair: Pair) -> float:
    """An identifier (IMO, MMSI, passport, national id, registration, BIC) is equal on both sides."""
    q = set().union(*pair.query.identifiers.values()) if pair.query.identifiers else set()
    c = set().union(*pair.candidate.identifiers.values()) if pair.candidate.identifiers else set()
    return float(bool(q & c))


def identifier_mismatch(pair: Pair) -> float:
    """Both sides carry an IMO, MMSI, BIC or LEI and none of them is equal."""
    return float(
        any(
            k in UNIQUE_KINDS and not (pair.query.identifiers[k] & pair.candidate.identifiers[k])
            for k in _shared_kinds(pair)
        )
    )


def _date_agrees(a: str, b: str) -> bool:
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def birth_date_match(pair: Pair) -> float:
    """A birth date agrees to the precision both sides give."""
    return float(any(_date_agrees(a, b) for a in pair.query.birth_dates for b in pair.candidate.birth_dates))


def birth_date_mismatch(pair: Pair) -> float:
    """Both sides give birth dates and their years all differ."""
    q, c = pair.query.birth_dates, pair.candidate.birth_dates
    return float(bool(q and c) and not any(a[:4] == b[:4] for a in q for b in c))


def country_match(pair: Pair) -> float:
    """A nationality or country is shared."""
    return float(bool(pair.query.countries & pair.candidate.countries))


def country_mismatch(pair: Pair) -> float:
    """Both sides give countries and none is shared."""
    q, c = pair.query.countries, pair.candidate.countries
    return float(bool(q and c) and not (q & c))


def gender_mismatch(pair: Pair) -> float:
    """Both sides give a gender and they differ."""
    q, c = pair.query.genders, pair.candidate.genders
    return float(bool(q and c) and not (q & c))


def wallet_match(pair: Pair) -> float:
    """A wallet address is the same after checksum validation, on one chain family."""
    return float(bool(pair.query.wallets & pair.candidate.wallets))


def schema_mismatch(pair: Pair) -> float:
    """The query and the candidate cannot be the same kind of thing (a person is not a vessel)."""
    return float(_incompatible(pair.query.schema, pair.candidate.schema))


@lru_cache(maxsize=1024)
def _incompatible(a: str, b: str) -> bool:
    q, c = model.get(a), model.get(b)
    if q is None or c is None:
        return False
    return not (q.is_a(c.name) or c.is_a(q.name) or (q.can_match(c) and c.can_match(q)))


@dataclass(frozen=True)
class Feature:
    """One line of the model: a function, its weight (log-odds per unit) and whether it was fitted."""

    func: Callable[[Pair], float]
    weight: float
    fitted: bool = False

    @cached_property
    def name(self) -> str:
        """The function's name (read for every feature of every scored pair, so computed once)."""
        return self.func.__name__

    @property
    def description(self) -> str:
        return (self.func.__doc__ or "").strip()


NAME_FEATURES: tuple[Callable[[Pair], float], ...] = (
    name_similarity,
    weakest_token,
    unpaired_words,
    weak_pairs,
    several_edits,
    beyond_typo_budget,
    literal_name,
    token_reorder,
    romanization_variants,
)
"""Name features; their weights and the intercept are fitted by ``calibration`` into a ``Model``."""

WEIGHT_SIGNS: dict[str, int] = {
    "name_similarity": 1,
    "weakest_token": 1,
    "unpaired_words": -1,
    "weak_pairs": -1,
    "several_edits": -1,
    "beyond_typo_budget": -1,
    "literal_name": 1,
    "token_reorder": -1,
}
"""The direction each name feature may push the score, from what it measures (more of the names agree
-> more likely one party). The fit keeps these signs (a weight that would flip is held at 0), so
correlated features cannot trade places and reward, say, a name that covers less of the other. A
reordered name may cost but never gain against the same words in order (nomenklatura #247: a
reversed name is not a literal match)."""

QUALIFIER_FEATURES: tuple[Feature, ...] = (
    Feature(weak_alias, -1.0),
    Feature(number_mismatch, -2.0),
    Feature(patronymic_swap, -3.0),
    Feature(identifier_match, 6.0),
    Feature(identifier_mismatch, -4.0),
    Feature(birth_date_match, 1.5),
    Feature(birth_date_mismatch, -4.0),
    Feature(country_match, 0.5),
    Feature(country_mismatch, -1.0),
    Feature(gender_mismatch, -2.0),
    Feature(wallet_match, 8.0),
    Feature(schema_mismatch, -3.0),
)
"""Qualifier features with declared log-likelihood ratios (see the module docstring)."""


def sigmoid(z: float) -> float:
    """The logistic function, safe for large |z|."""
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)
