"""pacs.008 / pacs.009 parsing: real CBPR+ samples and a hand-written pacs.009 COV."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chokepoint.payments import parse_bytes, parse_file, parse_files
from chokepoint.payments.errors import PaymentFormatError
from chokepoint.payments.parse import forget_parties

from .test_mt import MT202COV

PACS009_COV = b"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.009.001.08">
 <FICdtTrf>
  <GrpHdr><MsgId>COV-9</MsgId><NbOfTxs>1</NbOfTxs><SttlmInf><SttlmMtd>INDA</SttlmMtd></SttlmInf></GrpHdr>
  <CdtTrfTxInf>
   <PmtId><InstrId>I1</InstrId><EndToEndId>E1</EndToEndId><UETR>0f0e7c2a-7d0e-4f4b-8f7e-3c1b9a1d2e3f</UETR></PmtId>
   <IntrBkSttlmAmt Ccy="USD">1000.50</IntrBkSttlmAmt><IntrBkSttlmDt>2024-03-01</IntrBkSttlmDt>
   <InstgAgt><FinInstnId><BICFI>BANKDEFFXXX</BICFI></FinInstnId></InstgAgt>
   <InstdAgt><FinInstnId><BICFI>BANKUS33XXX</BICFI></FinInstnId></InstdAgt>
   <IntrmyAgt1><FinInstnId><BICFI>FTBDKPPY</BICFI></FinInstnId></IntrmyAgt1>
   <Dbtr><FinInstnId><BICFI>BANKDEFF</BICFI></FinInstnId></Dbtr>
   <Cdtr><FinInstnId><BICFI>BKCHCNBJ</BICFI></FinInstnId></Cdtr>
   <UndrlygCstmrCdtTrf>
    <Dbtr><Nm>Acme GmbH</Nm><PstlAdr><TwnNm>Berlin</TwnNm><Ctry>DE</Ctry></PstlAdr>
      <CtctDtls><PhneNb>+850-2-18111</PhneNb></CtctDtls></Dbtr>
    <DbtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></DbtrAcct>
    <DbtrAgt><FinInstnId><BICFI>BANKDEFF</BICFI></FinInstnId></DbtrAgt>
    <CdtrAgt><FinInstnId><BICFI>BKCHCNBJ</BICFI></FinInstnId></CdtrAgt>
    <Cdtr><Nm>Dandong Trading</Nm><PstlAdr><AdrLine>Nampo harbour</AdrLine></PstlAdr></Cdtr>
    <InstrForCdtrAgt><InstrInf>PAY ON FIRST DEMAND</InstrInf></InstrForCdtrAgt>
    <RmtInf><Ustrd>IRON ORE SHIPMENT</Ustrd></RmtInf>
   </UndrlygCstmrCdtTrf>
  </CdtTrfTxInf>
 </FICdtTrf>
</Document>"""


def test_cbpr_plus_samples_read_every_agent(shared_data: Path) -> None:
    folder = shared_data / "payments" / "pacs008_cbprplus"
    (message,) = parse_file(folder / "p_2_1_1__mt103_pacs_008_C_D.xml")
    assert message.format == "pacs.008"
    assert message.uetr == "8a562c67-ca16-48ba-b074-65581be6f001"
    assert (message.amount, message.currency) == (Decimal("15669.38"), "EUR")
    roles = {p.role for p in message.parties}
    assert {"previous_instructing_agent_1", "debtor_agent", "creditor_agent", "debtor", "creditor"} <= roles
    creditor = message.party("creditor")
    assert creditor is not None and creditor.address is not None and creditor.address.country == "FI"
    (reimbursed,) = parse_file(folder / "p_2_3_1_a__mt103_pacs_008_A_D.xml")
    assert reimbursed.party("instructed_reimbursement_agent") is not None


def test_every_shared_sample_parses(shared_data: Path) -> None:
    files = sorted((shared_data / "payments" / "pacs008_cbprplus").glob("*.xml"))
    assert len(files) >= 7
    for path in files:
        (message,) = parse_file(path)
        assert message.message_id and message.party("debtor") is not None


def test_pacs009_cov_has_the_underlying_customer_transfer() -> None:
    (message,) = parse_bytes(PACS009_COV, "cov.xml")
    assert message.format == "pacs.009" and message.cover
    debtor = message.party("debtor")
    assert debtor is not None and debtor.kind == "agent" and debtor.bic == "BANKDEFF"
    underlying = message.party("underlying_debtor")
    assert underlying is not None and underlying.phones == ("+850-2-18111",)
    assert underlying.account is not None and underlying.account.iban == "DE89370400440532013000"
    roles = {t.role for t in message.texts}
    assert {"underlying_remittance_text", "underlying_instruction_for_creditor_agent"} <= roles
    intermediary = message.party("intermediary_agent_1")
    assert intermediary is not None and intermediary.bic_country == "KP"


def test_dtd_is_refused() -> None:
    hostile = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><Document>&a;</Document>'
    with pytest.raises(PaymentFormatError, match="hostile"):
        parse_bytes(hostile, "evil.xml")


def test_missing_msg_id_is_refused() -> None:
    with pytest.raises(PaymentFormatError, match="MsgId"):
        parse_bytes(PACS009_COV.replace(b"<MsgId>COV-9</MsgId>", b""), "cov.xml")


def test_bad_settlement_date_names_the_transaction() -> None:
    with pytest.raises(PaymentFormatError, match=r"transaction 1 \(MsgId COV-9\)"):
        parse_bytes(PACS009_COV.replace(b"2024-03-01", b"2024-13-01"), "cov.xml")


@given(st.binary(max_size=300))
def test_arbitrary_bytes_give_messages_or_a_typed_error(data: bytes) -> None:
    try:
        parse_bytes(b"<" + data, "fuzz.xml")
    except PaymentFormatError as exc:
        assert exc.path == "fuzz.xml"


def test_encodings_that_could_hide_a_dtd_are_refused() -> None:
    utf16 = '<?xml version="1.0" encoding="UTF-16"?><Document/>'.encode("utf-16")
    with pytest.raises(PaymentFormatError, match="UTF-16"):
        parse_bytes(utf16, "wide.xml")
    with pytest.raises(PaymentFormatError, match="UTF-7"):
        parse_bytes(b'<?xml version="1.0" encoding="UTF-7"?><Document/>', "seven.xml")


def test_prefixed_namespaces_and_an_app_header_envelope_read_alike() -> None:
    body = PACS009_COV.split(b"?>", 1)[1].replace(b"xmlns=", b"xmlns:doc=")
    prefixed = re.sub(rb"<(/?)(\w+)", rb"<\1doc:\2", body)
    envelope = (
        b'<Envelope><h:AppHdr xmlns:h="urn:iso:std:iso:20022:tech:xsd:head.001.001.02">'
        b"<h:BizMsgIdr>COV-9</h:BizMsgIdr></h:AppHdr>" + prefixed + b"</Envelope>"
    )
    (plain,) = parse_bytes(PACS009_COV, "cov.xml")
    (wrapped,) = parse_bytes(envelope, "cov.xml")
    assert b"<doc:UndrlygCstmrCdtTrf>" in prefixed and wrapped == plain


def test_entity_references_without_a_dtd_are_a_typed_error() -> None:
    with pytest.raises(PaymentFormatError, match="malformed XML"):
        parse_bytes(PACS009_COV.replace(b"Acme GmbH", b"Acme &ext; GmbH"), "cov.xml")


def test_a_batch_of_files_reads_as_each_file_in_turn(tmp_path: Path) -> None:
    xml, fin = tmp_path / "cov.xml", tmp_path / "cov.fin"
    xml.write_bytes(PACS009_COV)
    fin.write_text(MT202COV, encoding="utf-8")
    assert parse_files([xml, fin, xml]) == [*parse_file(xml), *parse_file(fin), *parse_file(xml)]
    with pytest.raises(PaymentFormatError, match="cannot read"):
        parse_files([xml, tmp_path / "missing.xml"])


def test_parties_read_again_keep_what_differs() -> None:
    start, end = PACS009_COV.index(b"<CdtTrfTxInf>"), PACS009_COV.index(b"</CdtTrfTxInf>") + 14
    second = PACS009_COV[start:end].replace(b"<TwnNm>Berlin</TwnNm>", b"<TwnNm>Sinuiju</TwnNm>")
    first, again = parse_bytes(PACS009_COV[:end] + second + PACS009_COV[end:], "cov.xml")
    debtor, moved = first.party("underlying_debtor"), again.party("underlying_debtor")
    assert debtor is not None and moved is not None and debtor.name == moved.name
    assert debtor.address is not None and debtor.address.town == "Berlin"
    assert moved.address is not None and moved.address.town == "Sinuiju"
    agent = first.party("intermediary_agent_1")
    assert agent is not None and again.party("intermediary_agent_1") is agent


def test_forgetting_the_parties_read_changes_no_result() -> None:
    (before,) = parse_bytes(PACS009_COV, "cov.xml")
    forget_parties()
    (after,) = parse_bytes(PACS009_COV, "cov.xml")
    agent, again = before.party("intermediary_agent_1"), after.party("intermediary_agent_1")
    assert after == before and agent is not None and again is not None and again is not agent
