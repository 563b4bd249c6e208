"""Write the message model as ISO 20022 pacs.008 / pacs.009 (COV) XML and SWIFT MT103 / MT202COV text.

The generator uses these to produce real files; ``parse_bytes`` reads them back to the same parties,
texts, amounts and ids (the round trip is tested). Elements follow the schema order of
pacs.008.001.08 and pacs.009.001.08; MT text follows the field order of the MT103 and MT202COV
message reference guides. MT lines are cut to 35 characters as FIN requires.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from xml.etree.ElementTree import Element, SubElement, tostring

from chokepoint.payments.message import Message, Party

PACS_NS = {
    "pacs.008": "urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08",
    "pacs.009": "urn:iso:std:iso:20022:tech:xsd:pacs.009.001.08",
}
NO_CURRENCY = "XXX"
"""ISO 4217's code for "no currency involved", written when a generated message has no currency."""
UNKNOWN_LT = "XXXXXXXX"
"""An 8-character filler BIC, padded to the 12-character logical terminal of an MT header block."""
PRIMARY_OFFICE = "XXX"
"""The SWIFT branch code of an institution's primary office (BIC11 = BIC8 + "XXX")."""

_ROOT = {"pacs.008": "FIToFICstmrCdtTrf", "pacs.009": "FICdtTrf"}
_AGENTS_BEFORE = (
    ("previous_instructing_agent_1", "PrvsInstgAgt1"),
    ("previous_instructing_agent_2", "PrvsInstgAgt2"),
    ("previous_instructing_agent_3", "PrvsInstgAgt3"),
    ("instructing_agent", "InstgAgt"),
    ("instructed_agent", "InstdAgt"),
    ("intermediary_agent_1", "IntrmyAgt1"),
    ("intermediary_agent_2", "IntrmyAgt2"),
    ("intermediary_agent_3", "IntrmyAgt3"),
)
_CHAIN = (
    ("ultimate_debtor", "UltmtDbtr"),
    ("initiating_party", "InitgPty"),
    ("debtor", "Dbtr"),
    ("debtor_agent", "DbtrAgt"),
    ("creditor_agent", "CdtrAgt"),
    ("creditor", "Cdtr"),
    ("ultimate_creditor", "UltmtCdtr"),
)
_ACCOUNT_TAGS = {
    "Dbtr",
    "Cdtr",
    "DbtrAgt",
    "CdtrAgt",
    "IntrmyAgt1",
    "IntrmyAgt2",
    "IntrmyAgt3",
    "PrvsInstgAgt1",
    "PrvsInstgAgt2",
    "PrvsInstgAgt3",
}
MT_LINE = 35


def pacs_xml(messages: Sequence[Message], msg_id: str, created: datetime | None = None) -> bytes:
    """One pacs.008 or pacs.009 document (all messages of one format) with one CdtTrfTxInf each."""
    fmt = messages[0].format
    if fmt not in _ROOT or any(m.format != fmt for m in messages):
        raise ValueError("pacs_xml needs messages of one ISO format (pacs.008 or pacs.009)")
    document = Element("Document", xmlns=PACS_NS[fmt])
    root = SubElement(document, _ROOT[fmt])
    header = SubElement(root, "GrpHdr")
    _text(header, "MsgId", msg_id)
    _text(header, "CreDtTm", (created or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%S+00:00"))
    _text(header, "NbOfTxs", str(len(messages)))
    SubElement(SubElement(header, "SttlmInf"), "SttlmMtd").text = "INDA"
    for message in messages:
        _transaction(SubElement(root, "CdtTrfTxInf"), message)
    body: bytes = tostring(document, encoding="utf-8", xml_declaration=True)
    return body


def _text(parent: Element, tag: str, value: str | None) -> None:
    if value:
        SubElement(parent, tag).text = value


def _transaction(tx: Element, message: Message) -> None:
    ids = SubElement(tx, "PmtId")
    _text(ids, "InstrId", message.message_id[:35])
    _text(ids, "EndToEndId", message.end_to_end_id or "NOTPROVIDED")
    _text(ids, "UETR", message.uetr)
    if message.amount is not None:
        SubElement(tx, "IntrBkSttlmAmt", Ccy=message.currency or NO_CURRENCY).text = f"{message.amount:.2f}"
    if message.settlement_date is not None:
        _text(tx, "IntrBkSttlmDt", message.settlement_date.isoformat())
    if message.format == "pacs.008":
        _text(tx, "ChrgBr", "SHAR")
    _parties(tx, message, "")
    if message.cover:
        underlying = SubElement(tx, "UndrlygCstmrCdtTrf")
        _parties(underlying, message, "underlying_")
        _texts(underlying, message, "underlying_")
    else:
        _texts(tx, message, "")


def _parties(parent: Element, message: Message, prefix: str) -> None:
    for role, tag in (*_AGENTS_BEFORE, *_CHAIN):
        party = message.party(prefix + role)
        if party is None:
            continue
        element = SubElement(parent, tag)
        if party.kind == "agent":
            fin = SubElement(element, "FinInstnId")
            _text(fin, "BICFI", party.bic)
            _text(fin, "Nm", party.name)
            _address(fin, party)
        else:
            _text(element, "Nm", party.name)
            _address(element, party)
            if party.bic:
                SubElement(SubElement(SubElement(element, "Id"), "OrgId"), "AnyBIC").text = party.bic
            if party.phones:
                _text(SubElement(element, "CtctDtls"), "PhneNb", party.phones[0])
        if party.account is not None and tag in _ACCOUNT_TAGS:
            account = SubElement(SubElement(parent, f"{tag}Acct"), "Id")
            if party.account.iban:
                _text(account, "IBAN", party.account.iban)
            else:
                _text(SubElement(account, "Othr"), "Id", party.account.value)


def _address(parent: Element, party: Party) -> None:
    address = party.address
    if address is None:
        return
    element = SubElement(parent, "PstlAdr")
    _text(element, "StrtNm", address.street)
    _text(element, "BldgNb", address.building)
    _text(element, "PstCd", address.postcode)
    _text(element, "TwnNm", address.town)
    _text(element, "Ctry", address.country)
    for line in address.lines:
        _text(element, "AdrLine", line[:70])


def _texts(parent: Element, message: Message, prefix: str) -> None:
    for text in message.texts:
        if text.role == prefix + "instruction_for_creditor_agent":
            _text(SubElement(parent, "InstrForCdtrAgt"), "InstrInf", text.text[:140])
    for text in message.texts:
        if text.role == prefix + "purpose":
            _text(SubElement(parent, "Purp"), "Cd", text.text[:4])
    remittance = [t.text for t in message.texts if t.role == prefix + "remittance_text"]
    if remittance:
        element = SubElement(parent, "RmtInf")
        for line in remittance:
            _text(element, "Ustrd", line[:140])


_MT103_FIELDS = (
    ("debtor", "50"),
    ("debtor_agent", "52"),
    ("instructing_reimbursement_agent", "53"),
    ("instructed_reimbursement_agent", "54"),
    ("intermediary_agent_1", "56"),
    ("creditor_agent", "57"),
    ("creditor", "59"),
)
_MT202_A = (
    ("debtor", "52"),
    ("instructing_reimbursement_agent", "53"),
    ("instructed_reimbursement_agent", "54"),
    ("intermediary_agent_1", "56"),
    ("creditor_agent", "57"),
    ("creditor", "58"),
)
_MT202_B = (
    ("underlying_debtor", "50"),
    ("underlying_debtor_agent", "52"),
    ("underlying_intermediary_agent_1", "56"),
    ("underlying_creditor_agent", "57"),
    ("underlying_creditor", "59"),
)


def mt_text(message: Message) -> str:
    """One FIN message ``{1:}{2:}{3:}{4:...-}`` for an MT103 or MT202COV of the model."""
    if message.format not in ("MT103", "MT202COV"):
        raise ValueError(f"mt_text writes MT103 and MT202COV, not {message.format}")
    sender = message.party("instructing_agent")
    receiver = message.party("instructed_agent")
    mt = "103" if message.format == "MT103" else "202"
    header = f"{{1:F01{_lt(sender)}0000000000}}{{2:I{mt}{_lt(receiver)}N}}"
    user = "{119:COV}" if message.format == "MT202COV" else ""
    if message.uetr:
        user += f"{{121:{message.uetr}}}"
    lines = [f":20:{message.message_id[:16]}"]
    if mt == "202":
        lines.append(f":21:{(message.end_to_end_id or 'NONREF')[:16]}")
    else:
        lines.append(":23B:CRED")
    day = message.settlement_date.strftime("%y%m%d") if message.settlement_date else "000101"
    amount = f"{message.amount:.2f}".replace(".", ",") if message.amount is not None else "0,"
    lines.append(f":32A:{day}{message.currency or NO_CURRENCY}{amount}")
    if mt == "103":
        lines += _mt_parties(message, _MT103_FIELDS)
        lines += _mt_texts(message, "")
        lines.append(":71A:SHA")
    else:
        lines += _mt_parties(message, _MT202_A)
        lines += _mt_parties(message, _MT202_B)
        lines += _mt_texts(message, "underlying_")
    return header + (f"{{3:{user}}}" if user else "") + "{4:\n" + "\n".join(lines) + "\n-}"


def rje(messages: Sequence[Message]) -> str:
    """An RJE file: the FIN messages separated by ``$``."""
    return "$".join(mt_text(m) for m in messages) + "\n"


def _lt(party: Party | None) -> str:
    bic = party.bic if party and party.bic else UNKNOWN_LT
    bic = bic + PRIMARY_OFFICE if len(bic) == 8 else bic.ljust(11, "X")
    return bic[:8] + "A" + bic[8:11]


def _mt_parties(message: Message, fields: Sequence[tuple[str, str]]) -> list[str]:
    lines: list[str] = []
    for role, number in fields:
        party = message.party(role)
        if party is not None:
            lines.append(_mt_party(party, number))
    return lines


def _mt_party(party: Party, number: str) -> str:
    account = [f"/{party.account.value[:34]}"] if party.account else []
    if party.bic and not party.name:
        return f":{number}A:" + "\n".join([*account, party.bic])
    address = party.address
    if number in ("50", "59") and address is not None and address.country:
        body = [*account, *(f"1/{chunk}" for chunk in _chunks(party.name or "", MT_LINE - 2))]
        body += [f"2/{line[: MT_LINE - 2]}" for line in address.lines[:2]]
        body.append(f"3/{address.country}/{(address.town or '')[: MT_LINE - 5]}")
        return f":{number}F:" + "\n".join(body)
    lines = [*account, (party.name or "")[:MT_LINE]]
    if address is not None:
        lines += [line[:MT_LINE] for line in (*address.lines, address.town or "") if line][:3]
    tag = "K" if number == "50" else ("" if number == "59" else "D")
    return f":{number}{tag}:" + "\n".join(lines)


def _mt_texts(message: Message, prefix: str) -> list[str]:
    lines: list[str] = []
    for role, tag, rows in (("remittance_text", "70", 4), ("sender_to_receiver", "72", 6)):
        text = " ".join(t.text for t in message.texts if t.role == prefix + role)
        if text:
            lines.append(f":{tag}:" + "\n".join(_chunks(text, MT_LINE)[:rows]))
    return lines


def _chunks(text: str, size: int) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]
