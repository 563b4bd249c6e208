"""A small store shaped like the real lists: listed DPRK banks with BICs, a person, a tanker, a wallet
and an unlisted front company owned by a listed one."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from followthemoney import EntityProxy

from chokepoint.model import ListVersion, make_entity
from chokepoint.payments.watchlist import Watchlist
from chokepoint.store import Store

VERSION = ListVersion("ftm", "0" * 64, date(2024, 1, 1), datetime(2024, 1, 2, tzinfo=UTC))


def _entity(schema: str, entity_id: str, **props: list[str] | str) -> EntityProxy:
    entity = make_entity(schema, entity_id, VERSION, entity_id)
    for prop, values in props.items():
        for value in [values] if isinstance(values, str) else values:
            entity.add(prop, value)
    return entity


def list_entities() -> list[EntityProxy]:
    """Listed parties follow the project's conventions: topic ``sanction``, ``programId``, a Sanction."""
    return [
        _entity(
            "Company",
            "un-sc-KPe.047",
            name="Foreign Trade Bank",
            alias="Mooyokbank",
            swiftBic="FTBDKPPY",
            topics="sanction",
            programId="DPRK",
            country="kp",
        ),
        _entity(
            "Company",
            "un-sc-KPe.025",
            name="Korea Kwangson Banking Corp",
            alias="KKBC",
            swiftBic="KKBCKPPY",
            topics="sanction",
            programId="DPRK",
            country="kp",
        ),
        _entity("Person", "un-sc-KPi.001", name="Jon Chi Bu", topics="sanction", programId="DPRK"),
        _entity(
            "Company",
            "ofac-sdn-22222",
            name="Velmur Management Pte Ltd",
            topics="sanction",
            programId="DPRK3",
            country="sg",
        ),
        _entity("Company", "ftm-front-1", name="Dalian Sunrise Shipping Agency", country="cn"),
        _entity("Ownership", "ftm-own-1", owner="ofac-sdn-22222", asset="ftm-front-1", percentage="60"),
        _entity("Vessel", "ofac-sdn-33333", name="Yu Jong 2", imoNumber="8604917", topics="sanction"),
        _entity(
            "CryptoWallet",
            "ofac-sdn-44444-wallet",
            publicKey="0x098B716B8Aaf21512996dC57EB0615e2383E2f96",
            currencySymbol="ETH",
            holder="ofac-sdn-44444",
        ),
        _entity(
            "Sanction", "un-sc-KPi.001-sanction", entity="un-sc-KPi.001", authority="UN Security Council"
        ),
    ]


@pytest.fixture
def listed_store(store: Store) -> Store:
    store.load(VERSION, list_entities())
    return store


@pytest.fixture
def watchlist() -> Watchlist:
    return Watchlist.from_entities(list_entities())
