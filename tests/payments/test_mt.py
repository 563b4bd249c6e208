"""SWIFT MT103 / MT202COV parsing: real RJE files from prowide-core and hand-written edge cases."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chokepoint.payments import parse_bytes, parse_file
from chokepoint.payments.errors import PaymentFormatError

MT202COV = (
    "{1:F01BANKDEFFAXXX0000000000}{2:I202BANKUS33XXXXN}"
    "{3:{119:COV}{121:e0b0a7f2-7f4a-4b4c-9a51-8b7e2c2f1a10}}"
    """{4:
:20:COV-0001
:21:INV-77
:32A:240105USD25000,
:52A:BANKDEFF
:56A:KKBCKPPY
:57A:BKCHCNBJ
:58A:BKCHCNBJ300
:50F:/DE89370400440532013000
1/HANS MUSTER
2/HAUPTSTRASSE 1
3/DE/BERLIN
:59F:/CN1234567890
1/DALIAN TRADING CO
2/NO. 5 HARBOUR ROAD
3/KP/PYONGYANG
:70:ANTHRACITE COAL INV 44
:72:/INS/KKBCKPPY
-}"""
)


def test_rje_with_ack_blocks_yields_every_mt103(shared_data: Path) -> None:
    messages = parse_file(shared_data / "payments" / "mt103" / "MT103-bulk-with-ack.rje")
    assert [m.message_id for m in messages] == ["234234233", "C4772342333", "201904250034434"]
    first = messages[0]
    assert first.format == "MT103"
    assert (first.amount, first.currency) == (Decimal("3700"), "USD")
    debtor = first.party("debtor")
    assert debtor is not None and debtor.option == "K"
    assert debtor.address is not None and "EDO STATE" in debtor.address.lines
    assert first.party("instructing_agent") is not None
    assert {t.role for t in first.texts} == {"remittance_text", "sender_to_receiver"}


def test_rje_with_uetr_and_options_a_and_d(shared_data: Path) -> None:
    messages = parse_file(shared_data / "payments" / "mt103" / "MT103-out-ack.rje")
    assert messages[0].uetr == "8579f4a4-a547-463e-ae63-e7c6620d59b4"
    agent = messages[0].party("debtor_agent")
    assert agent is not None and agent.option == "D" and agent.name == "NORTH FOO BANK"
    iban_creditor = next(m.party("creditor") for m in messages if m.message_id == "530165650050")
    assert iban_creditor is not None and iban_creditor.account is not None
    assert all(m.format == "MT103" for m in messages)


def test_mt202cov_sequence_b_parties_are_underlying() -> None:
    (message,) = parse_bytes(MT202COV.encode(), "cov.fin")
    assert message.format == "MT202COV" and message.cover
    assert message.uetr == "e0b0a7f2-7f4a-4b4c-9a51-8b7e2c2f1a10"
    intermediary = message.party("intermediary_agent_1")
    assert intermediary is not None and intermediary.bic_country == "KP"
    creditor = message.party("underlying_creditor")
    assert creditor is not None and creditor.name == "DALIAN TRADING CO"
    assert creditor.address is not None and creditor.address.country == "KP"
    debtor = message.party("underlying_debtor")
    assert debtor is not None and debtor.account is not None and debtor.account.country == "DE"
    assert message.party("creditor") is not None
    assert any(t.role == "underlying_remittance_text" and "COAL" in t.text for t in message.texts)


def test_unsupported_type_names_file_and_message() -> None:
    text = MT202COV.replace("I202", "I940")
    with pytest.raises(PaymentFormatError, match=r"cov.fin, record message 1: MT940"):
        parse_bytes(text.encode(), "cov.fin")


def test_missing_reference_is_refused() -> None:
    text = MT202COV.replace(":20:COV-0001\n", "")
    with pytest.raises(PaymentFormatError, match="field 20"):
        parse_bytes(text.encode(), "x.fin")


def test_malformed_amount_names_the_field() -> None:
    text = MT202COV.replace("240105USD25000,", "24XX05USD25000,")
    with pytest.raises(PaymentFormatError, match="32A"):
        parse_bytes(text.encode(), "x.fin")


@given(st.text(alphabet="{}:$-/0123456789ABCDEFIO\n ", max_size=200))
def test_arbitrary_text_gives_messages_or_a_typed_error(text: str) -> None:
    try:
        parse_bytes(("{" + text).encode(), "fuzz.fin")
    except PaymentFormatError as exc:
        assert exc.path == "fuzz.fin"


def test_stray_text_after_a_message_is_kept_as_an_anomaly(shared_data: Path) -> None:
    messages = parse_file(shared_data / "payments" / "mt103" / "MT103-out-ack.rje")
    flagged = [m for m in messages if m.anomalies]
    assert [m.message_id for m in flagged] == ["0061350113089903"]
    assert "ignored text after the last block" in flagged[0].anomalies[0]
