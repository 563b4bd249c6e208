"""Alert dispositions: an analyst's decision (true or false positive), who made it and why.

Stored append-only in SQLite at ``<home>/payments/dispositions.sqlite``: a new decision on an alert
supersedes the previous one for screening but every decision stays in the audit trail. Re-screening
looks up each alert's latest decision by its stable ``alert_id``: false positives are set aside, true
positives are kept with the decision attached.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from chokepoint.config import home_dir
from chokepoint.payments.alerts import Alert
from chokepoint.payments.errors import DispositionError

Status = Literal["true_positive", "false_positive"]
STATUSES: tuple[Status, ...] = ("true_positive", "false_positive")
DB_PATH = Path("payments") / "dispositions.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS dispositions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    alert_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('true_positive', 'false_positive')),
    who TEXT NOT NULL,
    why TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    message_id TEXT,
    uetr TEXT,
    rule TEXT,
    party_role TEXT,
    party_name TEXT,
    matched_entity_id TEXT
);
CREATE INDEX IF NOT EXISTS dispositions_alert ON dispositions (alert_id, seq);
CREATE TABLE IF NOT EXISTS alerts (
    alert_id TEXT PRIMARY KEY,
    message_id TEXT,
    uetr TEXT,
    rule TEXT,
    party_role TEXT,
    party_name TEXT,
    matched_entity_id TEXT,
    last_seen TEXT NOT NULL
);
"""


@dataclass(frozen=True)
class Disposition:
    """One recorded decision on one alert."""

    alert_id: str
    status: str
    who: str
    why: str
    decided_at: str
    message_id: str | None = None
    uetr: str | None = None
    rule: str | None = None
    party_role: str | None = None
    party_name: str | None = None
    matched_entity_id: str | None = None

    def summary(self) -> dict[str, str]:
        return {"status": self.status, "who": self.who, "why": self.why, "decided_at": self.decided_at}

    def to_dict(self) -> dict[str, str | None]:
        return asdict(self)


class DispositionStore:
    """The SQLite file of dispositions under a home folder."""

    def __init__(self, home: Path | str | None = None) -> None:
        self.path = home_dir(home) / DB_PATH

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path)
        except (OSError, sqlite3.Error) as exc:
            raise DispositionError(f"cannot open dispositions at {self.path}: {exc}") from exc
        try:
            conn.executescript(_SCHEMA)
            with conn:
                yield conn
        except sqlite3.Error as exc:
            raise DispositionError(f"dispositions at {self.path}: {exc}") from exc
        finally:
            conn.close()

    def remember(self, alerts: Iterable[Alert]) -> None:
        """Keep each screened alert's context, so a decision can be recorded by alert id alone."""
        now = datetime.now(UTC).replace(microsecond=0).isoformat()
        rows = [
            (a.alert_id, a.message_id, a.uetr, a.rule, a.party_role, a.party_name, a.matched_entity_id, now)
            for a in alerts
        ]
        if not rows:
            return
        with self._connect() as conn:
            conn.executemany("INSERT OR REPLACE INTO alerts VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def record(self, alert_id: str, status: str, who: str, why: str) -> Disposition:
        """Append a decision on an alert that a screening run has seen (``remember``)."""
        if status not in STATUSES:
            raise DispositionError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
        if not who.strip() or not why.strip():
            raise DispositionError("a disposition needs who decided and why")
        if len(alert_id) != 16 or any(c not in "0123456789abcdef" for c in alert_id):
            raise DispositionError(
                f"{alert_id!r} is not an alert id (16 hex digits, see the evidence column)"
            )
        with self._connect() as conn:
            seen = conn.execute(
                "SELECT message_id, uetr, rule, party_role, party_name, matched_entity_id FROM alerts "
                "WHERE alert_id = ?",
                [alert_id],
            ).fetchone()
            if seen is None:
                raise DispositionError(f"no screened alert {alert_id}: screen the message first")
            decision = Disposition(
                alert_id,
                status,
                who.strip(),
                why.strip(),
                datetime.now(UTC).replace(microsecond=0).isoformat(),
                *seen,
            )
            row = decision.to_dict()
            conn.execute(
                f"INSERT INTO dispositions ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                list(row.values()),
            )
        return decision

    def latest(self, alert_ids: Iterable[str]) -> dict[str, Disposition]:
        """The newest decision for each of ``alert_ids`` that has one."""
        wanted = sorted(set(alert_ids))
        if not wanted or not self.path.exists():
            return {}
        found: dict[str, Disposition] = {}
        with self._connect() as conn:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                rows = conn.execute(
                    f"SELECT {_FIELDS} FROM dispositions WHERE alert_id IN ({', '.join('?' * len(chunk))}) "
                    "ORDER BY seq",
                    chunk,
                ).fetchall()
                for row in rows:
                    found[row[0]] = Disposition(*row)
        return found

    def trail(self, alert_id: str | None = None, message_id: str | None = None) -> list[Disposition]:
        """Every decision, oldest first, optionally for one alert or one message."""
        if not self.path.exists():
            return []
        sql = f"SELECT {_FIELDS} FROM dispositions"
        clauses, params = [], []
        if alert_id is not None:
            clauses.append("alert_id = ?")
            params.append(alert_id)
        if message_id is not None:
            clauses.append("(message_id = ? OR uetr = ?)")
            params += [message_id, message_id]
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        with self._connect() as conn:
            rows = conn.execute(sql + " ORDER BY seq", params).fetchall()
        return [Disposition(*row) for row in rows]

    def apply(self, alerts: Iterable[Alert], include_dismissed: bool = False) -> list[Alert]:
        """Alerts with their latest decision attached; false positives dropped unless asked for."""
        alerts = list(alerts)
        latest = self.latest(a.alert_id for a in alerts)
        kept: list[Alert] = []
        for alert in alerts:
            decision = latest.get(alert.alert_id)
            if decision is None:
                kept.append(alert)
            elif decision.status == "true_positive" or include_dismissed:
                kept.append(alert.with_disposition(decision.summary()))
        return kept


_FIELDS = ", ".join(Disposition.__dataclass_fields__)
