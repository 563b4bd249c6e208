"""Scoring detected events against a generated scenario's ground truth.

A planted event counts as found when an event of the matching type names the same vessel(s)
and overlaps it in time (with ``slack_hours`` either side); a detected event counts as correct
when it matches some planted event. Precision is measured per event family over all detected
events of that family, so background false alarms count against it.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

FAMILIES: dict[str, tuple[tuple[str, ...], tuple[str, ...], bool, bool, float]] = {
    "sts_transfer": (("sts",), ("encounter",), True, False, 1.0),
    "dark_rendezvous": (("dark_sts",), ("dark_rendezvous",), True, False, 12.0),
    "dprk_port_call": (("port_call",), ("port_call", "dark_port_call"), False, False, 2.0),
    "dprk_port_named": (("port_call",), ("port_call", "dark_port_call"), False, True, 2.0),
    "identity_swap": (("identity_swap",), ("identity_change",), False, False, 24.0),
    "spoofing": (("spoofing",), ("spoofing",), False, False, 2.0),
}
"""family -> (truth scenarios, event types, pair must match, port must match, time slack in hours).

``dprk_port_call`` asks whether a call at a DPRK port was found; ``dprk_port_named`` also asks
that the right port be named (ports in line on one approach, Nampo and Songnim, can be confused
when the call was dark)."""


@dataclass(frozen=True)
class Score:
    """Recall and precision of one event family."""

    family: str
    planted: int
    found: int
    detected: int
    correct: int

    @property
    def recall(self) -> float:
        return self.found / self.planted if self.planted else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.detected if self.detected else 1.0

    def to_dict(self) -> dict[str, object]:
        return {
            "family": self.family,
            "planted": self.planted,
            "found": self.found,
            "detected": self.detected,
            "correct": self.correct,
            "recall": round(self.recall, 3),
            "precision": round(self.precision, 3),
        }


def _matches(
    truth: pl.DataFrame, events: pl.DataFrame, pair: bool, port: bool, slack_hours: float
) -> pl.DataFrame:
    """(truth row, event row) pairs that agree on vessels, port and time."""
    slack = pl.duration(hours=slack_hours)
    t = truth.with_row_index("ti").select(
        "ti",
        pl.col("mmsi").alias("t_mmsi"),
        pl.col("other_mmsi").alias("t_other"),
        (pl.col("start") - slack).alias("t_start"),
        (pl.col("end") + slack).alias("t_end"),
        pl.col("port").alias("t_port"),
    )
    e = events.with_row_index("ei").select("ei", "mmsi", "other_mmsi", "start", "end", "port")
    joined = t.join(e, how="cross").filter(
        (pl.col("start") <= pl.col("t_end")) & (pl.col("end") >= pl.col("t_start"))
    )
    same = (pl.col("mmsi") == pl.col("t_mmsi")) | (pl.col("other_mmsi") == pl.col("t_mmsi"))
    if pair:
        same = ((pl.col("mmsi") == pl.col("t_mmsi")) & (pl.col("other_mmsi") == pl.col("t_other"))) | (
            (pl.col("mmsi") == pl.col("t_other")) & (pl.col("other_mmsi") == pl.col("t_mmsi"))
        )
    port_ok = pl.col("t_port").is_null() | (pl.col("t_port") == pl.col("port")) | (not port)
    return joined.filter(same.fill_null(False) & port_ok)


def score(truth: pl.DataFrame, events: pl.DataFrame) -> list[Score]:
    """Recall and precision per family of :data:`FAMILIES`."""
    scores = []
    for family, (scenarios, types, pair, port, slack) in FAMILIES.items():
        planted = truth.filter(pl.col("scenario").is_in(scenarios))
        detected = events.filter(pl.col("type").is_in(types))
        matched = _matches(planted, detected, pair, port, slack)
        scores.append(
            Score(
                family=family,
                planted=planted.height,
                found=matched["ti"].n_unique(),
                detected=detected.height,
                correct=matched["ei"].n_unique(),
            )
        )
    return scores
