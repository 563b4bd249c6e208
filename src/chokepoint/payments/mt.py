"""SWIFT MT103 and MT202 / MT202COV (FIN, standards release 2019+) into the one message model.

A FIN message is a run of blocks ``{1:basic header}{2:application header}{3:user header}{4:text -}
{5:trailer}``. RJE files hold many messages separated by ``$``; a message received through the
network may be preceded by its ACK/NAK (``{1:F21...}{4:{177:..}{451:0}}``), which is read and set
aside. Party fields follow the options of the SWIFT MT usage guidelines: ``A`` (party identifier and
BIC), ``B`` (location), ``C`` (party identifier), ``D`` (name and address), ``F`` (structured, numbered
lines: 1 name, 2 address, 3 country/town, 4 date and place of birth, 5 place of birth, 6 customer id,
7 national id, 8 continuation), ``K`` (account and name and address) and 59 without a letter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from chokepoint.payments.errors import PaymentFormatError
from chokepoint.payments.identifiers import bic_is_valid, compact
from chokepoint.payments.message import Account, Address, FreeText, Message, MessageFormat, Party, PartyKind

RJE_SEPARATOR = "$"
_FIELD_RE = re.compile(r"^:(\d{2}[A-Z]?):", re.MULTILINE)
_NUMBERED_RE = re.compile(r"^([1-8])/(.*)$")
_AMOUNT_RE = re.compile(r"^(\d{6})([A-Z]{3})([0-9,]+)$")
_BRACE_RE = re.compile(r"[{}]")
_SUB_BLOCK_RE = re.compile(r"\{([0-9A-Z]{3}):([^{}]*)\}")
_DEBIT_CREDIT_RE = re.compile(r"^/[CD]/")

_PARTY_ROLES: dict[str, dict[str, tuple[str, PartyKind]]] = {
    "103": {
        "50": ("debtor", "party"),
        "51": ("sending_institution", "agent"),
        "52": ("debtor_agent", "agent"),
        "53": ("instructing_reimbursement_agent", "agent"),
        "54": ("instructed_reimbursement_agent", "agent"),
        "55": ("third_reimbursement_agent", "agent"),
        "56": ("intermediary_agent_1", "agent"),
        "57": ("creditor_agent", "agent"),
        "59": ("creditor", "party"),
    },
    "202": {
        "52": ("debtor", "agent"),
        "53": ("instructing_reimbursement_agent", "agent"),
        "54": ("instructed_reimbursement_agent", "agent"),
        "56": ("intermediary_agent_1", "agent"),
        "57": ("creditor_agent", "agent"),
        "58": ("creditor", "agent"),
    },
    "202B": {
        "50": ("underlying_debtor", "party"),
        "52": ("underlying_debtor_agent", "agent"),
        "56": ("underlying_intermediary_agent_1", "agent"),
        "57": ("underlying_creditor_agent", "agent"),
        "59": ("underlying_creditor", "party"),
    },
}
"""Field number to role, per MT type; ``202B`` is sequence B (underlying customer transfer) of MT202COV."""

_TEXT_ROLES: dict[str, str] = {
    "70": "remittance_text",
    "72": "sender_to_receiver",
    "77B": "regulatory_reporting",
    "77T": "envelope_contents",
}


@dataclass(frozen=True, slots=True)
class Block:
    """One top-level block: its id (``1`` .. ``5``, ``S``) and raw content between ``{id:`` and ``}``."""

    name: str
    content: str


def split_rje(text: str) -> list[str]:
    """The messages of an RJE file: chunks between ``$`` separators that hold any block."""
    return [chunk for chunk in text.split(RJE_SEPARATOR) if "{" in chunk]


def parse_mt_text(text: str, source: str) -> list[Message]:
    """Every MT103 / MT202(COV) message in a single-message file or an RJE file, in file order."""
    messages: list[Message] = []
    for number, chunk in enumerate(split_rje(text), start=1):
        record = f"message {number}"
        blocks, trailing = _blocks(chunk, source, record)
        for group in _without_acks(blocks):
            messages.append(_message(group, source, len(messages) + 1, record, trailing))
    if not messages:
        raise PaymentFormatError(source, None, "no SWIFT MT message found")
    return messages


def _blocks(chunk: str, source: str, record: str) -> tuple[list[Block], str]:
    """Top-level ``{n:...}`` blocks by brace depth; returns what follows the last complete block."""
    blocks: list[Block] = []
    depth = 0
    start = 0
    end = 0
    for brace in _BRACE_RE.finditer(chunk):
        position = brace.start()
        if brace.group() == "{":
            if depth == 0:
                if chunk[end:position].strip():
                    break
                start = position
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                colon = chunk.find(":", start, position)
                if colon < 0:
                    break
                blocks.append(Block(chunk[start + 1 : colon], chunk[colon + 1 : position]))
                end = position + 1
    if not blocks:
        raise PaymentFormatError(source, record, "no {1:...} block: not a SWIFT FIN message")
    return blocks, chunk[end:].strip()


def _without_acks(blocks: list[Block]) -> list[list[Block]]:
    """Group blocks into messages, each starting at a block 1; ACK/NAK groups (service 21) are dropped."""
    groups: list[list[Block]] = []
    for block in blocks:
        if block.name == "1" or not groups:
            groups.append([])
        groups[-1].append(block)
    return [g for g in groups if not (g[0].name == "1" and g[0].content[1:3] == "21")]


def _sub_blocks(content: str) -> dict[str, str]:
    """``{108:ABC}{121:uetr}`` as ``{"108": "ABC", "121": "uetr"}``."""
    return dict(_SUB_BLOCK_RE.findall(content))


def _fields(text: str) -> list[tuple[str, str]]:
    """``(tag, value)`` of block 4 in order; values keep their line breaks."""
    body = text.replace("\r\n", "\n").strip("\n")
    if body.endswith("-"):
        body = body[:-1]
    found = list(_FIELD_RE.finditer(body))
    return [
        (m.group(1), body[m.end() : found[i + 1].start() if i + 1 < len(found) else len(body)].strip("\n"))
        for i, m in enumerate(found)
    ]


def _message(blocks: list[Block], source: str, index: int, record: str, trailing: str) -> Message:
    by_name = {b.name: b.content for b in blocks}
    header = by_name.get("2", "")
    if len(header) < 4 or header[0] not in "IO":
        raise PaymentFormatError(source, record, "missing or malformed application header (block 2)")
    mt_type = header[1:4]
    if mt_type not in ("103", "202"):
        raise PaymentFormatError(source, record, f"MT{mt_type} is not a payment this parser reads")
    if "4" not in by_name:
        raise PaymentFormatError(source, record, "missing text block (block 4)")
    user = _sub_blocks(by_name.get("3", ""))
    fields = _fields(by_name["4"])
    values = dict(fields)
    if "20" not in values:
        raise PaymentFormatError(source, record, "missing field 20 (sender's reference)")
    record = f"{record} (field 20 {values['20']})"
    cover = user.get("119") == "COV" or any(tag.startswith("50") for tag, _ in fields)
    fmt: MessageFormat = "MT103" if mt_type == "103" else ("MT202COV" if cover else "MT202")
    parties = [*_header_agents(by_name.get("1", ""), header), *_parties(fields, mt_type, source, record)]
    amount, currency, day = _value_date_amount(values.get("32A"), source, record)
    anomalies = (f"ignored text after the last block: {trailing[:40]!r}",) if trailing else ()
    return Message(
        format=fmt,
        message_id=values["20"].strip(),
        source=source,
        index=index,
        uetr=user.get("121"),
        end_to_end_id=values.get("21"),
        amount=amount,
        currency=currency,
        settlement_date=day,
        cover=fmt == "MT202COV",
        parties=tuple(parties),
        texts=tuple(_texts(fields, mt_type)),
        anomalies=anomalies,
    )


def _lt_bic(address: str) -> str | None:
    """The BIC of a 12-character logical terminal address (BIC8 + terminal code + branch)."""
    if len(address) < 12:
        return None
    bic = address[:8] + address[9:12]
    return bic if bic_is_valid(bic) else None


def _header_agents(basic: str, application: str) -> list[Party]:
    """Instructing and instructed agents from the LT addresses in blocks 1 and 2."""
    own = _lt_bic(basic[3:15]) if len(basic) >= 15 else None
    if application.startswith("O"):
        other = _lt_bic(application[14:26])
        sender, receiver = other, own
    else:
        other = _lt_bic(application[4:16])
        sender, receiver = own, other
    agents = []
    if sender:
        agents.append(Party("instructing_agent", "agent", bic=sender))
    if receiver:
        agents.append(Party("instructed_agent", "agent", bic=receiver))
    return agents


def _parties(fields: list[tuple[str, str]], mt_type: str, source: str, record: str) -> list[Party]:
    parties: list[Party] = []
    table = _PARTY_ROLES[mt_type]
    for tag, value in fields:
        if mt_type == "202" and tag.startswith("50"):
            table = _PARTY_ROLES["202B"]
        number, option = tag[:2], tag[2:] or None
        if number in table:
            role, kind = table[number]
            key = (role, kind, option, value)
            party = _PARTIES.get(key)
            if party is None:
                if len(_PARTIES) >= PARTY_MEMO_SIZE:
                    _PARTIES.clear()
                party = _PARTIES[key] = _party(role, kind, option, value, source, f"{record}, field {tag}")
            parties.append(party)
    return parties


PARTY_MEMO_SIZE = 1 << 16
"""Party fields remembered as read (role, option and raw text to the immutable ``Party``): traffic repeats
the same banks and customers, so most fields are read once; the memo starts afresh when full."""

_PARTIES: dict[tuple[str, PartyKind, str | None, str], Party] = {}


def forget_parties() -> None:
    """Empty the memo of parties read so far."""
    _PARTIES.clear()


def _party(role: str, kind: PartyKind, option: str | None, value: str, source: str, record: str) -> Party:
    lines = [line.rstrip() for line in value.split("\n") if line.strip()]
    if not lines:
        raise PaymentFormatError(source, record, "empty party field")
    account: Account | None = None
    identifiers: list[str] = []
    if lines[0].startswith("/"):
        ident = _DEBIT_CREDIT_RE.sub("", lines[0]).lstrip("/")
        if lines[0].startswith("//"):
            identifiers.append(ident)
        elif ident:
            account = Account(ident)
        lines = lines[1:]
    if option == "A":
        bic = compact(lines[0]) if lines else None
        if bic is None or not bic_is_valid(bic):
            raise PaymentFormatError(source, record, f"option A needs a BIC, found {lines[:1]!r}")
        return Party(role, kind, bic=bic, account=account, identifiers=tuple(identifiers), option=option)
    if option == "F":
        return _party_f(role, kind, lines, account, identifiers)
    if option in ("B", "C"):
        address = Address(lines=tuple(lines)) if lines else None
        return Party(
            role, kind, account=account, address=address, identifiers=tuple(identifiers), option=option
        )
    name = lines[0] if lines else None
    address = Address(lines=tuple(lines[1:])) if len(lines) > 1 else None
    return Party(
        role, kind, name=name, account=account, address=address, identifiers=tuple(identifiers), option=option
    )


def _party_f(
    role: str, kind: PartyKind, lines: list[str], account: Account | None, identifiers: list[str]
) -> Party:
    """Option F: first line a party identifier unless numbered, then ``n/text`` lines."""
    if lines and not _NUMBERED_RE.match(lines[0]):
        identifiers.append(lines[0])
        lines = lines[1:]
    names: list[str] = []
    street: list[str] = []
    country: str | None = None
    town: str | None = None
    for line in lines:
        numbered = _NUMBERED_RE.match(line)
        if numbered is None:
            continue
        code, text = numbered.groups()
        if code == "1":
            names.append(text)
        elif code == "2":
            street.append(text)
        elif code == "3":
            country, _, town = text.partition("/")
        elif code in ("6", "7"):
            identifiers.append(text)
        elif code == "8" and names:
            names.append(text)
    address = Address(lines=tuple(street), town=town or None, country=country or None)
    return Party(
        role,
        kind,
        name=" ".join(names) or None,
        account=account,
        address=address,
        identifiers=tuple(identifiers),
        option="F",
    )


def _texts(fields: list[tuple[str, str]], mt_type: str) -> list[FreeText]:
    texts: list[FreeText] = []
    prefix = ""
    for tag, value in fields:
        if mt_type == "202" and tag.startswith("50"):
            prefix = "underlying_"
        role = _TEXT_ROLES.get(tag)
        if role and value.strip():
            texts.append(FreeText(prefix + role, " ".join(line.strip() for line in value.split("\n"))))
    return texts


def _value_date_amount(
    value: str | None, source: str, record: str
) -> tuple[Decimal | None, str | None, date | None]:
    """Field 32A ``YYMMDDCCYamount`` with a decimal comma."""
    if value is None:
        return None, None, None
    match = _AMOUNT_RE.match(value.strip())
    if match is None:
        raise PaymentFormatError(source, f"{record}, field 32A", f"malformed value date/amount {value!r}")
    day, currency, amount = match.groups()
    try:
        settled = date(2000 + int(day[:2]), int(day[2:4]), int(day[4:6]))
        return Decimal(amount.replace(",", ".")), currency, settled
    except (ValueError, InvalidOperation) as exc:
        raise PaymentFormatError(source, f"{record}, field 32A", f"bad date or amount {value!r}") from exc
