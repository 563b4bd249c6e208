"""Dispositions: decisions are stored, respected on re-screening and kept in the audit trail."""

from __future__ import annotations

from pathlib import Path

import pytest

from chokepoint.payments.alerts import Alert
from chokepoint.payments.dispositions import DispositionStore
from chokepoint.payments.errors import DispositionError


def _alert(rule: str = "sanctioned-party", entity: str = "un-sc-KPe.025") -> Alert:
    return Alert("M1", "uetr-1", rule, "block", "debtor", "KKBC", entity, 0.97, {"matched_name": "KKBC"})


def test_false_positive_is_set_aside_and_true_positive_kept(tmp_path: Path) -> None:
    store = DispositionStore(tmp_path)
    listed, other = _alert(), _alert(entity="un-sc-KPe.047")
    store.remember([listed, other])
    store.record(listed.alert_id, "false_positive", "analyst1", "different registration number")
    store.record(other.alert_id, "true_positive", "analyst2", "same BIC")
    (kept,) = store.apply([listed, other])
    assert kept.alert_id == other.alert_id and kept.disposition is not None
    assert kept.disposition["who"] == "analyst2"
    assert len(store.apply([listed, other], include_dismissed=True)) == 2


def test_the_trail_keeps_every_decision_in_order(tmp_path: Path) -> None:
    store = DispositionStore(tmp_path)
    alert = _alert()
    store.remember([alert])
    store.record(alert.alert_id, "false_positive", "analyst1", "name only")
    store.record(alert.alert_id, "true_positive", "supervisor", "reopened: same address")
    trail = store.trail(message_id="M1")
    assert [(d.status, d.who) for d in trail] == [
        ("false_positive", "analyst1"),
        ("true_positive", "supervisor"),
    ]
    assert trail[0].rule == "sanctioned-party" and trail[0].matched_entity_id == "un-sc-KPe.025"
    assert store.apply([alert])[0].disposition is not None


@pytest.mark.parametrize(
    ("alert_id", "status", "who", "why", "message"),
    [
        ("0123456789abcdef", "false_positive", "a", "b", "no screened alert"),
        ("xyz", "false_positive", "a", "b", "not an alert id"),
        ("0123456789abcdef", "maybe", "a", "b", "status must be"),
        ("0123456789abcdef", "true_positive", " ", "b", "who decided"),
    ],
)
def test_bad_decisions_are_refused(
    tmp_path: Path, alert_id: str, status: str, who: str, why: str, message: str
) -> None:
    with pytest.raises(DispositionError, match=message):
        DispositionStore(tmp_path).record(alert_id, status, who, why)
