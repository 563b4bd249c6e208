"""Facts hidden in sanctions-list free text: phone and fax numbers, e-mails, websites, IMO numbers, SWIFT/BIC.

The UN list keeps contact details and identifiers of DPRK entities in ``COMMENTS1`` prose ("Telephone
numbers: +850-2-18111 ... Facsimile number: +850-2-381-4687. Email addresses: pac@silibank.com",
"International Maritime Organization (IMO) Number: 1790183.", "SWIFT/BIC: KUDBKPPY"); OFAC's remarks
carry the same facts in ``Label value`` form. This module finds them and validates each one:

- phone and fax numbers are written in E.164 (``+85023814410``) when ``phonenumbers`` finds a possible
  number; a number written without ``+`` and at least 10 digits long, not starting with 0, is read as
  international, and so is one starting with the international call prefix 00. Other digit runs of
  at least 7 digits are kept as written. Shorter runs are dropped.
- e-mails must look like ``local@domain.tld``; the domain is lower-cased.
- IMO numbers must pass the check digit of the expected scheme (ship or company, see ``rigour.ids.IMO``)
  and are written ``IMO1234567``, as FollowTheMoney does.
- SWIFT/BIC codes must be 8 or 11 characters with a valid country part (``rigour.ids.BIC``).
- country names ("Iran (Islamic Republic of)", "Korea, North") become FtM country codes.

Every function is pure; values it returns are clean and may be set on entities with ``cleaned=True``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache

import phonenumbers
from followthemoney import registry
from rigour._core import territories_jsonl
from rigour.data import iter_jsonl_text
from rigour.ids import BIC, IMO
from rigour.territories.lookup import lookup_by_identifier
from rigour.territories.territory import Territory, get_index
from rigour.territories.util import SKIP_CHARACTERS


class ImoScheme(Enum):
    """Which IMO numbering scheme a number belongs to: they use different check digits."""

    SHIP = "ship"
    COMPANY = "company"


@dataclass(frozen=True)
class Facts:
    """The validated facts found in one text, in order of appearance, without duplicates."""

    phones: tuple[str, ...] = ()
    faxes: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    websites: tuple[str, ...] = ()
    imo_numbers: tuple[str, ...] = ()
    swift_bics: tuple[str, ...] = ()
    rejected: tuple[str, ...] = field(default=())
    """Labelled values that failed validation (e.g. an IMO number with a wrong check digit), as written."""


MIN_PHONE_DIGITS = 7
"""Fewer digits than this is an extension or a fragment ("18222" in "+850-2-18111, 18222"), not a number."""
MIN_INTERNATIONAL_DIGITS = 10
"""A ``+``-less number this long not starting with 0 is read as international (OFAC writes 8613314257947)."""

_EMAIL_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_URL_RE = re.compile(r"(?:https?://|www\.)[^\s;,<>\"')]+", re.IGNORECASE)
_DOMAIN_RE = re.compile(r"(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?:/\S*)?")
_PHONE_RUN_RE = re.compile(r"\+?\d[\d\s().-]*\d")
_LABEL_RE = re.compile(
    r"\b(?P<label>telephone|phone|tel|facsimile|fax|e-?mail|website|swift(?:/bic)?|bic|imo)\b"
    r"(?:[\s)]*(?:numbers?|no\.|addresses|address|code))?[\s:.#]*",
    re.IGNORECASE,
)
_SENTENCE_END_RE = re.compile(r"\.\s+(?=[A-Z])|\.$")
_BIC_RE = re.compile(r"\b[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?\b")
_IMO_RUN_RE = re.compile(r"(?<!\d)\d{7}(?!\d)")
_MAX_LABELLED_SPAN = 200
"""How far after a label (characters) its values may sit: up to the next label or sentence end."""


def normalize_phone(raw: str) -> str | None:
    """A phone or fax number in E.164 when possible, else as written; None for fragments."""
    digits = re.sub(r"\D", "", raw)
    if len(digits) < MIN_PHONE_DIGITS:
        return None
    if digits.startswith("00"):  # the ITU international call prefix, written instead of '+'
        digits = digits[2:]
        raw = "+" + digits
    international = raw.lstrip().startswith("+") or (
        len(digits) >= MIN_INTERNATIONAL_DIGITS and not digits.startswith("0")
    )
    if international:
        e164 = _e164("+" + digits)
        if e164 is not None:
            return e164
    return " ".join(raw.split())


@lru_cache(maxsize=4096)
def _e164(number: str) -> str | None:
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def normalize_email(raw: str) -> str | None:
    """An e-mail address with its domain lower-cased, or None when ``raw`` is not one."""
    match = _EMAIL_RE.fullmatch(raw.strip().rstrip("."))
    if match is None:
        return None
    local, domain = match.group(0).rsplit("@", 1)
    return f"{local}@{domain.lower()}"


def normalize_bic(raw: str) -> str | None:
    """A SWIFT/BIC code (8 or 11 characters, upper case), or None when it does not validate."""
    value = re.sub(r"\s", "", raw).upper().rstrip(".")
    if len(value) not in (8, 11) or not BIC.is_valid(value):
        return None
    return value


def normalize_imo(raw: str, scheme: ImoScheme) -> str | None:
    """``IMO1234567`` when ``raw`` is a 7-digit number with the check digit of ``scheme``, else None."""
    digits = re.sub(r"\D", "", raw)
    if len(digits) != 7:
        return None
    valid = IMO.is_valid_company(digits) if scheme is ImoScheme.COMPANY else IMO.is_valid_vessel(digits)
    return f"IMO{digits}" if valid else None


def normalize_url(raw: str) -> str | None:
    """A website address, with ``http://`` added to a bare ``www.x.y`` or ``x.y``; None if not a URL."""
    match = _URL_RE.search(raw) or _DOMAIN_RE.fullmatch(raw.strip().rstrip("."))
    if match is None:
        return None
    url = match.group(0).rstrip(".")
    return url if url.lower().startswith("http") else f"http://{url}"


def extract_facts(text: str, imo_scheme: ImoScheme = ImoScheme.COMPANY) -> Facts:
    """Find labelled phone, fax, e-mail, website, IMO and SWIFT/BIC values in free text.

    E-mails are also found without a label. IMO numbers are validated in ``imo_scheme`` (company
    numbers for organisations and people, ship numbers for vessels).
    """
    found: dict[str, list[str]] = {
        k: [] for k in ("phones", "faxes", "emails", "websites", "imo", "bic", "bad")
    }
    labels = list(_LABEL_RE.finditer(text))
    for index, match in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(text)
        span = _clip(text[match.end() : min(end, match.end() + _MAX_LABELLED_SPAN)])
        _collect(match.group("label").lower(), span, imo_scheme, found)
    found["emails"].extend(m.group(0) for m in _EMAIL_RE.finditer(text))
    return Facts(
        phones=_unique(found["phones"]),
        faxes=_unique(found["faxes"]),
        emails=_unique(e for e in map(normalize_email, found["emails"]) if e is not None),
        websites=_unique(found["websites"]),
        imo_numbers=_unique(found["imo"]),
        swift_bics=_unique(found["bic"]),
        rejected=_unique(found["bad"]),
    )


def _clip(span: str) -> str:
    """The part of ``span`` before the end of its sentence."""
    end = _SENTENCE_END_RE.search(span)
    return span[: end.start()] if end else span


def _collect(label: str, span: str, imo_scheme: ImoScheme, found: dict[str, list[str]]) -> None:
    # An e-mail label only ends the span of the label before it: e-mails are found anywhere.
    if label in ("telephone", "phone", "tel", "facsimile", "fax"):
        target = found["faxes"] if label in ("facsimile", "fax") else found["phones"]
        target.extend(p for p in map(normalize_phone, _phone_runs(span)) if p)
    elif label == "website":
        url = normalize_url(span)
        if url:
            found["websites"].append(url)
    elif label.startswith("swift") or label == "bic":
        for candidate in _BIC_RE.findall(span):
            bic = normalize_bic(candidate)
            found["bic" if bic else "bad"].append(bic or candidate)
    elif label == "imo":
        for candidate in _IMO_RUN_RE.findall(span):
            imo = normalize_imo(candidate, imo_scheme)
            found["imo" if imo else "bad"].append(imo or candidate)


def _phone_runs(span: str) -> list[str]:
    """Digit runs of a phone span; "/4416" after a number is a second number sharing its prefix."""
    runs: list[str] = []
    for match in _PHONE_RUN_RE.finditer(span):
        run = match.group(0).strip()
        if runs and span[match.start() - 1 : match.start()] == "/" and "+" not in run:
            previous = runs[-1]
            run = previous[: len(previous) - len(run)] + run
        runs.append(run)
    return runs


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


@lru_cache(maxsize=4096)
def country_code(name: str) -> str | None:
    """The FtM country code of a country name or code ("Iran (Islamic Republic of)", "Korea, North").

    Same answers as FtM's ``registry.country.clean`` for ASCII names, from rigour's territory data
    (codes, then strong names, weak names and places, in rigour's priority order), without the one-off
    cost (about 1.5 s) of rigour transliterating every name in every script: accented Latin names are
    folded to ASCII here, and only names in other scripts (or accented names this index misses) take
    FtM's full lookup.
    """
    latin = _strip_accents(name)
    if latin is not None:
        territory = lookup_by_identifier(latin) or _ascii_territory_names().get(_territory_key(latin))
        if territory is not None or latin == name:
            return territory.ftm_country if territory is not None else None
    code: str | None = registry.country.clean(name)
    return code


def _territory_key(name: str) -> str:
    """rigour's ``normalize_territory_name`` for ASCII: casefolded, punctuation dropped, spaces squashed."""
    folded = name.casefold().translate(_SKIP_TABLE)
    return " ".join(folded.split())


_SKIP_TABLE = str.maketrans("", "", SKIP_CHARACTERS)


def _strip_accents(name: str) -> str | None:
    """``Bogotá`` → ``Bogota``; None for names that are not Latin script with accents."""
    if name.isascii():
        return name
    stripped = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return stripped if stripped.isascii() else None


@lru_cache(maxsize=1)
def _ascii_territory_names() -> dict[str, Territory]:
    index = get_index()
    strong: dict[str, Territory] = {}
    weak: dict[str, Territory] = {}
    places: dict[str, Territory] = {}
    for data in iter_jsonl_text(territories_jsonl()):
        territory = index[data["code"]]
        names = [*data.get("names_strong", []), territory.name, territory.full_name]
        for target, values in (
            (strong, names),
            (weak, data.get("names_weak", [])),
            (places, data.get("places", [])),
        ):
            for value in values:
                latin = _strip_accents(value)
                if latin:
                    target.setdefault(_territory_key(latin), territory)
    return {**places, **weak, **strong}
