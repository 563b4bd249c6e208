"""One message model for ISO 20022 pacs.008 / pacs.009 and SWIFT MT103 / MT202COV.

Roles follow ISO 20022 names in snake case (``debtor``, ``debtor_agent``, ``intermediary_agent_1``,
``instructing_reimbursement_agent`` ...). Parties of the underlying customer credit transfer of a cover
payment (pacs.009 COV ``UndrlygCstmrCdtTrf``, MT202COV sequence B) carry the prefix ``underlying_``.
Free text carries a role too: ``remittance_text`` (RmtInf, MT 70), ``sender_to_receiver`` (MT 72),
``regulatory_reporting`` (RgltryRptg, MT 77B), ``purpose`` (Purp), ``instruction_for_creditor_agent``
(InstrForCdtrAgt) and ``instruction_for_next_agent`` (InstrForNxtAgt).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

from chokepoint.payments.identifiers import bic_country, compact, iban_country, iban_is_valid

MessageFormat = Literal["pacs.008", "pacs.009", "MT103", "MT202", "MT202COV"]
PartyKind = Literal["party", "agent"]


@dataclass(frozen=True, slots=True)
class Address:
    """A postal address: structured fields where the sender gave them, free lines otherwise."""

    lines: tuple[str, ...] = ()
    street: str | None = None
    building: str | None = None
    postcode: str | None = None
    town: str | None = None
    subdivision: str | None = None
    country: str | None = None

    def text(self) -> str:
        """All parts on one line, structured parts first."""
        parts = [self.street, self.building, self.postcode, self.town, self.subdivision, *self.lines]
        text = ", ".join(p for p in parts if p)
        return f"{text}, {self.country}" if self.country and text else (self.country or text)


@dataclass(frozen=True, slots=True)
class Account:
    """An account identifier: an IBAN when it passes the mod-97 check, else the raw identifier."""

    value: str

    @property
    def iban(self) -> str | None:
        return compact(self.value) if iban_is_valid(self.value) else None

    @property
    def country(self) -> str | None:
        return iban_country(self.value)


@dataclass(frozen=True, slots=True)
class Party:
    """A party or agent of a message in one role, with what the message says about it."""

    role: str
    kind: PartyKind
    name: str | None = None
    bic: str | None = None
    account: Account | None = None
    address: Address | None = None
    identifiers: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    option: str | None = None
    """The MT field option letter (``A``, ``D``, ``F``, ``K`` ...) or None for ISO 20022."""

    @property
    def bic_country(self) -> str | None:
        return bic_country(self.bic) if self.bic else None

    def countries(self) -> dict[str, str]:
        """Where each country claim comes from: ``{"bic": "KP", "iban": "DE", "address": "CN"}``."""
        found: dict[str, str] = {}
        if self.bic_country:
            found["bic"] = self.bic_country
        if self.account is not None and self.account.country:
            found["iban"] = self.account.country
        if self.address is not None and self.address.country:
            found["address"] = self.address.country
        return found

    def label(self) -> str:
        """The name if given, else the BIC, else the account."""
        return self.name or self.bic or (self.account.value if self.account else "") or ""


@dataclass(frozen=True, slots=True)
class FreeText:
    """Free text of a message in one role (remittance, instructions, regulatory reporting, purpose)."""

    role: str
    text: str


@dataclass(frozen=True, slots=True)
class Message:
    """One credit transfer: ids, amount, every party and agent and every free text it carries.

    ``source`` is the file (or ``<request>``) and ``index`` the 1-based position of the message in it;
    a pacs file with several ``CdtTrfTxInf`` yields one ``Message`` per transaction.
    """

    format: MessageFormat
    message_id: str
    source: str
    index: int
    uetr: str | None = None
    end_to_end_id: str | None = None
    amount: Decimal | None = None
    currency: str | None = None
    settlement_date: date | None = None
    cover: bool = False
    parties: tuple[Party, ...] = ()
    texts: tuple[FreeText, ...] = ()
    anomalies: tuple[str, ...] = field(default=())
    """Things the parser tolerated (e.g. stray characters after the last block), for the audit trail."""

    def party(self, role: str) -> Party | None:
        """The party in ``role``, if the message names one."""
        return next((p for p in self.parties if p.role == role), None)
