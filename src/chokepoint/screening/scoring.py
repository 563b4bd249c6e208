"""Score one query record against one candidate record with a ``Model``; explain every feature.

``Model`` holds the fitted name weights and intercept (from ``calibration``) beside the declared
qualifier features; ``score`` finds the best-aligned pair of names (every query name and form against
every candidate name and form), evaluates the feature table and returns the probability with a
per-feature explanation (value, weight, contribution to the log-odds).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from chokepoint.errors import InputError
from chokepoint.screening.align import DEFAULT_CONFIG, AlignConfig, Alignment, align, compare_forms
from chokepoint.screening.defaults import MODEL_FILE
from chokepoint.screening.features import NAME_FEATURES, QUALIFIER_FEATURES, Feature, Pair, sigmoid
from chokepoint.screening.names import NameForm
from chokepoint.screening.records import NameEntry, Record


@dataclass(frozen=True)
class Model:
    """Fitted name weights and intercept, plus how and on what they were fitted."""

    intercept: float
    name_weights: dict[str, float]
    metadata: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def features(self) -> tuple[Feature, ...]:
        """The whole feature table: fitted name features, then declared qualifier features."""
        fitted = tuple(Feature(f, self.name_weights.get(f.__name__, 0.0), fitted=True) for f in NAME_FEATURES)
        return fitted + QUALIFIER_FEATURES

    @cached_property
    def table(self) -> tuple[tuple[str, Callable[[Pair], float], float, bool], ...]:
        """(name, function, weight, fitted) of every feature, in table order: what ``score`` reads for
        every scored pair, unpacked once."""
        return tuple((f.name, f.func, f.weight, f.fitted) for f in self.features)

    @cached_property
    def weights(self) -> dict[str, float]:
        """Feature name -> weight, for every feature of the table."""
        return {f.name: f.weight for f in self.features}

    def to_json(self) -> str:
        data = {"intercept": self.intercept, "name_weights": self.name_weights, "metadata": self.metadata}
        return json.dumps(data, indent=2, sort_keys=True)

    @classmethod
    def from_json(cls, text: str, path: str = "<model>") -> Model:
        try:
            data = json.loads(text)
            return cls(
                float(data["intercept"]),
                {k: float(v) for k, v in data["name_weights"].items()},
                dict(data.get("metadata", {})),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(path, None, f"not a screening model file: {exc}") from exc

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.to_json() + "\n", encoding="utf-8")


def packaged_model() -> Model:
    """The model fitted on the UN and OFAC lists and shipped with Chokepoint."""
    text = resources.files("chokepoint.screening").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return Model.from_json(text, MODEL_FILE)


def load_model(home: Path | None = None) -> Model:
    """``<home>/screening/model.json`` if a calibration was run there, else the packaged model."""
    if home is not None:
        local = home / "screening" / MODEL_FILE
        if local.exists():
            return Model.from_json(local.read_text(encoding="utf-8"), str(local))
    return packaged_model()


_EMPTY = align((), ())


def _form_pairs(qn: NameEntry, cn: NameEntry) -> Iterator[tuple[NameForm, NameForm, bool]]:
    """Forms to compare: the native forms when both names share a non-Latin script, else every Latin form."""
    q, c = qn.name, cn.name
    if q.native is not None and c.native is not None and q.script == c.script:
        yield q.native, c.native, True
        return
    for qf in q.forms:
        for cf in c.forms:
            yield qf, cf, False


def best_alignment(
    query: Record,
    candidate: Record,
    config: AlignConfig = DEFAULT_CONFIG,
    candidate_names: Sequence[NameEntry] | None = None,
) -> tuple[Alignment, NameEntry | None, NameEntry | None]:
    """The best-aligned (query name, candidate name) pair over all names and forms.

    ``candidate_names`` restricts the candidate's names to align (default: all of them).
    """
    best: tuple[float, float, Alignment, NameEntry | None, NameEntry | None] = (
        -1.0,
        -1.0,
        _EMPTY,
        None,
        None,
    )
    acronyms = query.kind == "org" and candidate.kind == "org"
    for qn in query.names:
        for cn in candidate.names if candidate_names is None else candidate_names:
            for qf, cf, same_script in _form_pairs(qn, cn):
                alignment = compare_forms(qf, cf, same_script, config, acronyms)
                m = alignment.measures
                key = (m["similarity"] - 0.2 * cn.weak, m["weakest_token"])
                if key > best[:2]:
                    best = (*key, alignment, qn, cn)
    return best[2], best[3], best[4]


@dataclass(frozen=True)
class Scored:
    """A score with the matched names, the feature values and the weights they were scored with."""

    score: float
    query_name: str | None
    matched_name: str | None
    values: dict[str, float]
    weights: dict[str, float]

    @property
    def explanation(self) -> dict[str, dict[str, float]]:
        """Every feature that fired: its value, weight and contribution to the log-odds."""
        return {
            name: {
                "value": round(value, 4),
                "weight": round(self.weights[name], 4),
                "contribution": round(self.weights[name] * value, 4),
            }
            for name, value in self.values.items()
            if value
        }


def score(
    query: Record,
    candidate: Record,
    model: Model,
    config: AlignConfig = DEFAULT_CONFIG,
    candidate_names: Sequence[NameEntry] | None = None,
) -> Scored:
    """The probability that ``query`` and ``candidate`` are the same party, explained per feature.

    ``candidate_names`` restricts the names aligned (the screener's pre-ranking picks one).
    """
    alignment, qn, cn = best_alignment(query, candidate, config, candidate_names)
    pair = Pair(query, candidate, alignment, qn, cn)
    logit = model.intercept if qn is not None else 0.0
    values: dict[str, float] = {}
    named = qn is not None
    for name, func, weight, fitted in model.table:
        value = func(pair) if (named or not fitted) else 0.0
        values[name] = value
        logit += weight * value
    return Scored(
        score=sigmoid(logit),
        query_name=qn.name.original if qn else None,
        matched_name=cn.name.original if cn else None,
        values=values,
        weights=model.weights,
    )
