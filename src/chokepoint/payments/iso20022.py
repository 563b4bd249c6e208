"""ISO 20022 pacs.008 (FIToFICstmrCdtTrf) and pacs.009 (FICdtTrf, including COV) into the one model.

Any wrapper is accepted around the documents (a SWIFT ``Envelope`` with a ``head.001`` AppHdr, a
bare ``Document``, a bank's batch element); every ``CdtTrfTxInf`` becomes one ``Message``. Versions
pacs.008.001.02 to .12 and pacs.009.001.02 to .11 share the element names read here. Parsing is
hardened the way ``chokepoint.sources.xmlsafe`` is: any DTD or entity declaration is refused.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from xml.etree.ElementTree import Element, TreeBuilder
from xml.parsers import expat

from chokepoint.payments.errors import PaymentFormatError
from chokepoint.payments.identifiers import compact
from chokepoint.payments.message import Account, Address, FreeText, Message, MessageFormat, Party, PartyKind
from chokepoint.sources.xmlsafe import MAX_TEXT_BYTES

_ROOTS: dict[str, MessageFormat] = {"FIToFICstmrCdtTrf": "pacs.008", "FICdtTrf": "pacs.009"}

_AGENTS: tuple[tuple[str, str], ...] = (
    ("PrvsInstgAgt1", "previous_instructing_agent_1"),
    ("PrvsInstgAgt2", "previous_instructing_agent_2"),
    ("PrvsInstgAgt3", "previous_instructing_agent_3"),
    ("InstgAgt", "instructing_agent"),
    ("InstdAgt", "instructed_agent"),
    ("InstgRmbrsmntAgt", "instructing_reimbursement_agent"),
    ("InstdRmbrsmntAgt", "instructed_reimbursement_agent"),
    ("ThrdRmbrsmntAgt", "third_reimbursement_agent"),
    ("IntrmyAgt1", "intermediary_agent_1"),
    ("IntrmyAgt2", "intermediary_agent_2"),
    ("IntrmyAgt3", "intermediary_agent_3"),
    ("DbtrAgt", "debtor_agent"),
    ("CdtrAgt", "creditor_agent"),
)
"""ISO element to role for agents (financial institutions), in the order they appear in the chain."""

_PARTIES: tuple[tuple[str, str], ...] = (
    ("UltmtDbtr", "ultimate_debtor"),
    ("InitgPty", "initiating_party"),
    ("Dbtr", "debtor"),
    ("Cdtr", "creditor"),
    ("UltmtCdtr", "ultimate_creditor"),
)
"""ISO element to role for parties; in pacs.009 ``Dbtr`` and ``Cdtr`` are financial institutions."""


def parse_pacs(data: bytes, source: str) -> list[Message]:
    """Every credit transfer transaction of every pacs.008 / pacs.009 document in ``data``."""
    root = _parse_xml(data, source)
    messages: list[Message] = []
    for element, fmt in _documents(root):
        header = element.find("GrpHdr")
        msg_id = _text(header, "MsgId")
        if header is None or msg_id is None:
            raise PaymentFormatError(source, f"{fmt} document {len(messages) + 1}", "missing GrpHdr/MsgId")
        group_agents = {**_kids(header.find("SttlmInf")), **_kids(header)}
        for tx in element.findall("CdtTrfTxInf"):
            index = len(messages) + 1
            messages.append(_transaction(tx, header, group_agents, fmt, msg_id, source, index))
    if not messages:
        raise PaymentFormatError(source, None, "no pacs.008 or pacs.009 credit transfer transaction found")
    return messages


def _documents(root: Element) -> list[tuple[Element, MessageFormat]]:
    """The pacs.008 / pacs.009 message elements in document order, without descending into them (their
    transactions hold no documents): a wrapper's few elements are visited, not every element."""
    found: list[tuple[Element, MessageFormat]] = []
    stack = [root]
    while stack:
        element = stack.pop()
        fmt = _ROOTS.get(element.tag)
        if fmt is not None:
            found.append((element, fmt))
        elif len(element):
            stack.extend(reversed(element))
    return found


_DECLARED_ENCODING_RE = re.compile(rb"^\s*<\?xml[^>]*encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
_SAFE_ENCODINGS = frozenset({"utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin-1", "latin1"})


def refuse_hostile(data: bytes, source: str) -> None:
    """Refuse any DTD or entity declaration, and encodings in which such a refusal could be dodged."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:4]:
        raise PaymentFormatError(source, None, "refused XML: only UTF-8 documents are read (found UTF-16/32)")
    declared = _DECLARED_ENCODING_RE.match(data[:200])
    if declared is not None and declared.group(1).decode().lower() not in _SAFE_ENCODINGS:
        raise PaymentFormatError(
            source, None, f"refused XML: encoding {declared.group(1).decode()!r} is not UTF-8"
        )
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise PaymentFormatError(source, None, "refused hostile XML: document type or entity declarations")


def _parse_xml(data: bytes, source: str) -> Element:
    """The document with namespace prefixes dropped from tags; DTDs and entities are refused.

    Single pass: expat (without namespace processing, so a tag arrives as written, ``Document`` or
    ``ns2:Document``, interned by the parser) feeds the C ``TreeBuilder`` directly, with no Python call
    per element. Only a document that declares namespace prefixes (``xmlns:``) gets a second walk to drop
    them, and only a document longer than ``MAX_TEXT_BYTES`` can hold a text that long, so only such a
    document gets the per-element length check."""
    refuse_hostile(data, source)
    builder = TreeBuilder()
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.buffer_text = True
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    try:
        parser.Parse(data, True)
        root: Element = builder.close()
    except expat.ExpatError as exc:
        raise PaymentFormatError(source, None, f"malformed XML: {exc}") from exc
    prefixed = b"xmlns:" in data
    if prefixed or len(data) > MAX_TEXT_BYTES:
        for element in root.iter():
            tag = element.tag
            if prefixed and ":" in tag:
                element.tag = tag[tag.index(":") + 1 :]
            if element.text is not None and len(element.text) > MAX_TEXT_BYTES:
                raise PaymentFormatError(source, None, f"field <{element.tag}> is too long")
    return root


def _text(element: Element | None, tag: str) -> str | None:
    """The stripped text of ``element``'s first child ``tag`` (one C-level lookup), None when absent."""
    return None if element is None else _value(element.find(tag))


def _value(element: Element | None) -> str | None:
    """The stripped text of an element, None when absent or empty."""
    if element is None or element.text is None:
        return None
    return element.text.strip() or None


def _transaction(
    tx: Element,
    header: Element,
    group_agents: dict[str, Element],
    fmt: MessageFormat,
    msg_id: str,
    source: str,
    index: int,
) -> Message:
    record = f"transaction {index} (MsgId {msg_id})"
    kids = _kids(tx)
    parties = _chain(kids, group_agents, fmt == "pacs.009", "")
    texts = _texts(tx, kids, "")
    underlying = kids.get("UndrlygCstmrCdtTrf")
    if underlying is not None:
        inner = _kids(underlying)
        parties += _chain(inner, {}, False, "underlying_")
        texts += _texts(underlying, inner, "underlying_")
    amount_el = kids.get("IntrBkSttlmAmt")
    payment_id = kids.get("PmtId")
    return Message(
        format=fmt,
        message_id=msg_id,
        source=source,
        index=index,
        uetr=_text(payment_id, "UETR"),
        end_to_end_id=_text(payment_id, "EndToEndId"),
        amount=_amount(amount_el, source, record),
        currency=amount_el.get("Ccy") if amount_el is not None else None,
        settlement_date=_date(
            _value(kids.get("IntrBkSttlmDt")) or _text(header, "IntrBkSttlmDt"), source, record
        ),
        cover=underlying is not None,
        parties=tuple(parties),
        texts=tuple(texts),
    )


def _kids(element: Element | None) -> dict[str, Element]:
    """Children by tag (the first of each tag): one pass instead of a lookup per element read."""
    kids: dict[str, Element] = {}
    if element is not None:
        for child in element:
            kids.setdefault(child.tag, child)
    return kids


_AGENT_ROLES: dict[str, tuple[tuple[str, str, str], ...]] = {
    prefix: tuple((tag, f"{tag}Acct", prefix + role) for tag, role in _AGENTS)
    for prefix in ("", "underlying_")
}
_PARTY_ROLES: dict[str, tuple[tuple[str, str, str], ...]] = {
    prefix: tuple((tag, f"{tag}Acct", prefix + role) for tag, role in _PARTIES)
    for prefix in ("", "underlying_")
}
"""Element, account element and role of each agent and party, per role prefix (built once)."""


def _chain(
    kids: dict[str, Element], fallback: dict[str, Element], fi_parties: bool, prefix: str
) -> list[Party]:
    """Every agent and party of a transaction (its children by tag: ``kids``); group-header agents
    (``fallback``) fill roles the transaction omits."""
    found: list[Party] = []
    for tag, account, role in _AGENT_ROLES[prefix]:
        element = kids.get(tag)
        if element is None:
            element = fallback.get(tag)
        if element is not None:
            found.append(_agent(element, kids.get(account), role))
    for tag, account, role in _PARTY_ROLES[prefix]:
        element = kids.get(tag)
        if element is None:
            continue
        if fi_parties and element.find("FinInstnId") is not None:
            found.append(_agent(element, kids.get(account), role))
        else:
            found.append(_party(element, kids.get(account), role))
    return found


def _account(element: Element | None) -> str | None:
    """The account identifier: the IBAN, else the other identifier."""
    ident = None if element is None else element.find("Id")
    if ident is None:
        return None
    return _text(ident, "IBAN") or _text(ident.find("Othr"), "Id")


def _address(element: Element | None) -> Address | None:
    if element is None:
        return None
    lines: list[str] = []
    fields: dict[str, str] = {}
    for child in element:
        value = child.text.strip() if child.text else ""
        if not value:
            continue
        if child.tag == "AdrLine":
            lines.append(value)
        else:
            fields.setdefault(child.tag, value)
    return Address(
        lines=tuple(lines),
        street=fields.get("StrtNm"),
        building=fields.get("BldgNb"),
        postcode=fields.get("PstCd"),
        town=fields.get("TwnNm"),
        subdivision=fields.get("CtrySubDvsn"),
        country=fields.get("Ctry"),
    )


PARTY_MEMO_SIZE = 1 << 16
"""Parties remembered by what was read for them (role, name, BIC, identifiers, phones, account and the
raw address fields) to the immutable ``Party``: traffic repeats the same banks and customers, so each is
built once; the memo starts afresh when full."""

_PartyKey = tuple[
    str,
    str,
    str | None,
    str | None,
    tuple[str, ...],
    tuple[str, ...],
    str | None,
    tuple[tuple[str, str | None], ...],
]
_READ: dict[_PartyKey, Party] = {}


def forget_parties() -> None:
    """Empty the memo of parties read so far."""
    _READ.clear()


def _built(
    role: str,
    kind: PartyKind,
    name: str | None,
    bic: str | None,
    identifiers: tuple[str, ...],
    phones: tuple[str, ...],
    account: str | None,
    address: Element | None,
) -> Party:
    """The ``Party`` of these values, from the memo when the same party was read before."""
    raw_address = () if address is None else tuple((child.tag, child.text) for child in address)
    key = (role, kind, name, bic, identifiers, phones, account, raw_address)
    party = _READ.get(key)
    if party is None:
        if len(_READ) >= PARTY_MEMO_SIZE:
            _READ.clear()
        party = _READ[key] = Party(
            role=role,
            kind=kind,
            name=name,
            bic=compact(bic) if bic else None,
            account=Account(account) if account else None,
            address=_address(address),
            identifiers=identifiers,
            phones=phones,
        )
    return party


def _agent(element: Element, account: Element | None, role: str) -> Party:
    fin = _kids(element.find("FinInstnId"))
    identifiers = tuple(
        v
        for v in (
            _text(fin.get("ClrSysMmbId"), "MmbId"),
            _value(fin.get("LEI")),
            _text(fin.get("Othr"), "Id"),
        )
        if v
    )
    bic = _value(fin.get("BICFI")) or _value(fin.get("BIC"))
    name = _value(fin.get("Nm"))
    return _built(role, "agent", name, bic, identifiers, (), _account(account), fin.get("PstlAdr"))


def _party(element: Element, account: Element | None, role: str) -> Party:
    kids = _kids(element)
    ident = kids.get("Id")
    org = None if ident is None else ident.find("OrgId")
    person = None if ident is None else ident.find("PrvtId")
    identifiers = tuple(
        e.text.strip()
        for holder in (org, person)
        if holder is not None
        for e in holder.iter()
        if e.tag in ("LEI", "Id") and e.text and e.text.strip()
    )
    contact = kids.get("CtctDtls")
    phones = (
        tuple(e.text.strip() for e in contact if e.tag in ("PhneNb", "MobNb") and e.text)
        if contact is not None
        else ()
    )
    bic = _text(org, "AnyBIC") or _text(org, "BICOrBEI")
    name = _value(kids.get("Nm"))
    return _built(role, "party", name, bic, identifiers, phones, _account(account), kids.get("PstlAdr"))


def _all(element: Element, kids: dict[str, Element], tag: str) -> list[Element]:
    """Every child ``tag`` of ``element``; the C-level ``findall`` only runs when there is one."""
    return element.findall(tag) if tag in kids else []


def _texts(tx: Element, kids: dict[str, Element], prefix: str) -> list[FreeText]:
    texts: list[FreeText] = []
    remittances = _all(tx, kids, "RmtInf")
    for remittance in remittances:
        for line in remittance.findall("Ustrd"):
            if line.text and line.text.strip():
                texts.append(FreeText(prefix + "remittance_text", line.text.strip()))
    for remittance in remittances:
        for structured in remittance.findall("Strd"):
            leaves = [e.text.strip() for e in structured.iter() if len(e) == 0 and e.text and e.text.strip()]
            if leaves:
                texts.append(FreeText(prefix + "remittance_structured", " ".join(leaves)))
    purpose_el = kids.get("Purp")
    purpose = _text(purpose_el, "Cd") or _text(purpose_el, "Prtry")
    if purpose:
        texts.append(FreeText(prefix + "purpose", purpose))
    for tag, role in (
        ("InstrForCdtrAgt", "instruction_for_creditor_agent"),
        ("InstrForNxtAgt", "instruction_for_next_agent"),
    ):
        for instruction in _all(tx, kids, tag):
            parts = [v for v in (_text(instruction, "Cd"), _text(instruction, "InstrInf")) if v]
            if parts:
                texts.append(FreeText(prefix + role, " ".join(parts)))
    for reporting in _all(tx, kids, "RgltryRptg"):
        for info in reporting.findall("Dtls"):
            parts = [
                e.text.strip() for e in info.iter() if e.tag in ("Inf", "Cd") and e.text and e.text.strip()
            ]
            if parts:
                texts.append(FreeText(prefix + "regulatory_reporting", " ".join(parts)))
    return texts


def _amount(element: Element | None, source: str, record: str) -> Decimal | None:
    if element is None or element.text is None:
        return None
    try:
        return Decimal(element.text.strip())
    except InvalidOperation as exc:
        raise PaymentFormatError(source, record, f"bad IntrBkSttlmAmt {element.text!r}") from exc


def _date(value: str | None, source: str, record: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError as exc:
        raise PaymentFormatError(source, record, f"bad settlement date {value!r}") from exc
