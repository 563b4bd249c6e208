"""Typologies over a batch: each pattern is found when planted and not in quiet traffic."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from chokepoint.payments.message import Account, Message, Party
from chokepoint.payments.rules import RuleBook
from chokepoint.payments.typologies import find_typologies

START = date(2025, 3, 3)


def _pay(payer: str, payee: str, amount: float, day: int, serial: list[int]) -> Message:
    serial[0] += 1
    return Message(
        format="pacs.008",
        message_id=f"M{serial[0]}",
        source="batch.xml",
        index=serial[0],
        uetr=f"uetr-{serial[0]}",
        amount=Decimal(f"{amount:.2f}"),
        currency="USD",
        settlement_date=START + timedelta(days=day),
        parties=(
            Party("debtor", "party", name=payer, account=Account(f"ACC-{payer}")),
            Party("creditor", "party", name=payee, account=Account(f"ACC-{payee}")),
        ),
    )


def _rules(batch: list[Message]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for alert in find_typologies(batch, RuleBook.default()):
        found.setdefault(alert.rule, set()).add(alert.message_id)
    return found


def _background(serial: list[int]) -> list[Message]:
    """Steady traffic over four weeks: two suppliers paid weekly by each of three buyers."""
    return [
        _pay(buyer, supplier, 5000 + 100 * week, 7 * week + n, serial)
        for week in range(4)
        for n, buyer in enumerate(("BUYER A", "BUYER B", "BUYER C"))
        for supplier in ("SUPPLIER X", "SUPPLIER Y")
    ]


def test_quiet_traffic_has_no_typology() -> None:
    assert _rules(_background([0])) == {}


def test_fan_out_from_a_new_account() -> None:
    serial = [0]
    fan = [_pay("NEW SHELL", f"PAYEE {i}", 3000 + i, i % 4, serial) for i in range(6)]
    found = _rules(_background(serial) + fan)
    assert found.get("typology-fan-out") == {m.message_id for m in fan}


def test_fan_in_to_a_collection_account() -> None:
    serial = [0]
    fan = [_pay(f"PAYER {i}", "COLLECTOR", 3000 + i, i % 3, serial) for i in range(7)]
    assert _rules(_background(serial) + fan).get("typology-fan-in") == {m.message_id for m in fan}


def test_cycle_with_fees_taken_at_each_hop() -> None:
    serial = [0]
    cycle = [
        _pay("A", "B", 100000, 0, serial),
        _pay("B", "C", 97000, 2, serial),
        _pay("C", "D", 95000, 4, serial),
        _pay("D", "A", 93000, 6, serial),
    ]
    assert _rules(_background(serial) + cycle).get("typology-cycle") == {m.message_id for m in cycle}


def test_a_cycle_out_of_time_order_is_not_a_cycle() -> None:
    serial = [0]
    reversed_cycle = [
        _pay("A", "B", 100000, 6, serial),
        _pay("B", "C", 98000, 0, serial),
        _pay("C", "A", 97000, 3, serial),
    ]
    assert "typology-cycle" not in _rules(reversed_cycle)


def test_structuring_below_ten_thousand() -> None:
    serial = [0]
    split = [_pay("SMURF", f"R{i % 2}", 9400 + 100 * i, i, serial) for i in range(4)]
    assert _rules(_background(serial) + split).get("typology-structuring") == {m.message_id for m in split}


def test_pass_through_a_front_company() -> None:
    serial = [0]
    legs = [_pay("ORIGIN", "FRONT LTD", 250000, 3, serial), _pay("FRONT LTD", "END USER", 246000, 4, serial)]
    assert _rules(_background(serial) + legs).get("typology-pass-through") == {m.message_id for m in legs}
