"""Alert quality against generated ground truth: precision and recall per message.

A payment counts as *flagged for a DPRK nexus* when it has any alert other than a typology alert;
precision is the share of flagged payments that truly have a nexus, recall the share of nexus
payments flagged. Typologies are scored the same way per pattern kind (``typology-fan-in`` against
``fan_in`` ...). Payments are matched by UETR, which every generated payment carries.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from chokepoint.payments.alerts import Alert
from chokepoint.payments.generator import Truth


@dataclass(frozen=True)
class Score:
    """Precision and recall of one kind of alert, with the counts behind them."""

    true_positives: int
    flagged: int
    positives: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.flagged if self.flagged else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.positives if self.positives else 1.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "true_positives": self.true_positives,
            "flagged": self.flagged,
            "positives": self.positives,
        }


@dataclass
class Evaluation:
    nexus: Score
    typologies: dict[str, Score] = field(default_factory=dict)
    recall_by_kind: dict[str, float] = field(default_factory=dict)


def _score(flagged: set[str], positives: set[str]) -> Score:
    return Score(len(flagged & positives), len(flagged), len(positives))


def evaluate(alerts: Iterable[Alert], truth: Sequence[Truth]) -> Evaluation:
    """Nexus and typology scores of ``alerts`` against ``truth``."""
    alerts = list(alerts)
    nexus_flagged = {a.uetr or "" for a in alerts if not a.rule.startswith("typology-")}
    positives = {t.uetr for t in truth if t.nexus}
    by_kind: dict[str, list[str]] = {}
    for row in truth:
        if row.nexus:
            by_kind.setdefault(row.nexus_kind, []).append(row.uetr)
    typologies: dict[str, Score] = {}
    for kind in sorted({t.typology for t in truth if t.typology}):
        rule = "typology-" + kind.replace("_", "-")
        typologies[kind] = _score(
            {a.uetr or "" for a in alerts if a.rule == rule}, {t.uetr for t in truth if t.typology == kind}
        )
    return Evaluation(
        nexus=_score(nexus_flagged, positives),
        typologies=typologies,
        recall_by_kind={
            kind: round(sum(1 for u in uetrs if u in nexus_flagged) / len(uetrs), 4)
            for kind, uetrs in sorted(by_kind.items())
        },
    )
