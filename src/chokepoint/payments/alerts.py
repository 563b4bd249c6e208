"""Alerts: one hit of one rule on one party or text of one message, with its evidence."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from typing import Any

from chokepoint.payments.phrases import normalise

CSV_COLUMNS = (
    "message_id",
    "uetr",
    "rule",
    "action",
    "party_role",
    "party_name",
    "matched_entity_id",
    "score",
    "evidence",
)


@dataclass(frozen=True)
class Alert:
    """A rule hit. ``alert_id`` is stable across re-screenings of the same message, so dispositions
    recorded against it apply the next time the message is screened."""

    message_id: str
    uetr: str | None
    rule: str
    action: str
    party_role: str
    party_name: str
    matched_entity_id: str | None
    score: float
    evidence: dict[str, Any] = field(default_factory=dict)
    source: str = ""
    index: int = 0
    disposition: dict[str, str] | None = None

    @property
    def alert_id(self) -> str:
        subject = self.matched_entity_id or normalise(str(self.evidence.get("matched") or self.party_name))
        key = "\x1f".join([self.uetr or self.message_id, self.rule, self.party_role, subject])
        return hashlib.sha1(key.encode()).hexdigest()[:16]

    def with_disposition(self, disposition: dict[str, str]) -> Alert:
        return replace(self, disposition=disposition)

    def to_dict(self) -> dict[str, Any]:
        """Every field, for JSON output and the API."""
        return {
            "alert_id": self.alert_id,
            "message_id": self.message_id,
            "uetr": self.uetr,
            "rule": self.rule,
            "action": self.action,
            "party_role": self.party_role,
            "party_name": self.party_name,
            "matched_entity_id": self.matched_entity_id,
            "score": self.score,
            "evidence": self.evidence,
            "source": self.source,
            "index": self.index,
            "disposition": self.disposition,
        }

    def csv_row(self) -> dict[str, str]:
        """The row of ``CSV_COLUMNS``; evidence (with alert id and disposition) as compact JSON."""
        evidence = {"alert_id": self.alert_id, **self.evidence}
        if self.disposition is not None:
            evidence["disposition"] = self.disposition
        return {
            "message_id": self.message_id,
            "uetr": self.uetr or "",
            "rule": self.rule,
            "action": self.action,
            "party_role": self.party_role,
            "party_name": self.party_name,
            "matched_entity_id": self.matched_entity_id or "",
            "score": f"{self.score:.4f}",
            "evidence": json.dumps(evidence, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
        }
