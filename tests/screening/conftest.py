"""Small FtM lists built in code: DPRK people, companies, a vessel and a wallet, from two sources."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from followthemoney import EntityProxy

from chokepoint.model import ListVersion, make_entity
from chokepoint.screening.records import Query
from chokepoint.screening.scoring import packaged_model, score
from chokepoint.store import Store


def _version(source: str) -> ListVersion:
    return ListVersion(source, "ab" * 32, date(2026, 2, 27), datetime(2026, 3, 1, tzinfo=UTC))


def _party(source: str, key: str, schema: str, names: list[str], **props: list[str]) -> EntityProxy:
    prefix = {"un-sc": "un-sc", "ofac-sdn": "ofac-sdn"}[source]
    entity = make_entity(schema, f"{prefix}-{key}", _version(source), key)
    entity.add("name", names[0])
    for alias in names[1:]:
        entity.add("alias", alias)
    for prop, values in props.items():
        entity.add(prop, values)
    entity.add("topics", "sanction")
    return entity


def un_entities() -> list[EntityProxy]:
    return [
        _party(
            "un-sc", "KPi.002", "Person", ["RI JE-SON", "Ri Che-son"], birthDate=["1938"], nationality=["kp"]
        ),
        _party("un-sc", "KPi.001", "Person", ["YUN HO-JIN", "Yun Ho-chin"], birthDate=["1944-10-13"]),
        _party("un-sc", "KPi.075", "Person", ["KIM JONG UN"], birthDate=["1984-01-08"], nationality=["kp"]),
        _party("un-sc", "KPi.099", "Person", ["PAK PONG JU"], nationality=["kp"]),
        _party("un-sc", "KPe.002", "Organization", ["KOREA RYONBONG GENERAL CORPORATION"]),
        _party("un-sc", "KPe.099", "Organization", ["BELLETECH CORP"]),
    ]


def ofac_entities() -> list[EntityProxy]:
    vessel = _party(
        "ofac-sdn", "15036", "Vessel", ["CHON MA SAN"], imoNumber=["IMO 8660313"], mmsi=["445548000"]
    )
    holder = _party("ofac-sdn", "25308", "Person", ["LAZARUS TESTER"])
    wallet = make_entity("CryptoWallet", "ofac-sdn-25308-wallet-ETH", _version("ofac-sdn"), "25308")
    wallet.add("publicKey", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")
    wallet.add("currencySymbol", "ETH")
    wallet.add("holder", holder.id)
    return [
        _party("ofac-sdn", "12216", "Person", ["RI, Je-Son", "LEE Je Sun"], birthDate=["1938"]),
        _party("ofac-sdn", "20157", "Person", ["KIM, Jong Un"], birthDate=["1984-01-08"], gender=["male"]),
        _party("ofac-sdn", "9347", "Organization", ["KOREA RYONBONG GENERAL CORPORATION"]),
        _party("ofac-sdn", "30001", "Company", ["11420 CORP."]),
        _party("ofac-sdn", "30002", "Person", ["KIM JONG SIK"], birthDate=["1967"]),
        vessel,
        holder,
        wallet,
    ]


@pytest.fixture
def entities() -> list[EntityProxy]:
    return un_entities() + ofac_entities()


@pytest.fixture
def loaded_store(store: Store) -> Store:
    store.load(_version("un-sc"), un_entities())
    store.load(_version("ofac-sdn"), ofac_entities())
    return store


def pair_score(a: str, b: str, schema: str = "Person", **qualifiers: str) -> float:
    """The packaged model's score of two names (the qualifiers go with the second)."""
    return score(
        Query(a, schema).to_record(), Query(b, schema, **qualifiers).to_record(), packaged_model()
    ).score
