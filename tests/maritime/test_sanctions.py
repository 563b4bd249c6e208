"""Joining AIS vessels to the lists: IMO and MMSI first, names second; owners; flag mismatches."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import polars as pl
from followthemoney import EntityProxy
from tests.maritime.conftest import T0, every, positions, statics

from chokepoint.maritime.analysis import analyse, vessel_report
from chokepoint.maritime.identity import identity_history
from chokepoint.maritime.sanctions import (
    annotate_events,
    flag_mismatches,
    listed_vessels,
    load_listed_vessels,
    match_vessels,
)
from chokepoint.model import ListVersion, make_entity
from chokepoint.sources.load import load_source
from chokepoint.store import Store

VERSION = ListVersion("test-list", "0" * 64, None, datetime(2026, 1, 1, tzinfo=UTC))


def vessel(
    entity_id: str, name: str, imo: str | None = None, mmsi: str | None = None, flag: str | None = None
) -> EntityProxy:
    entity = make_entity("Vessel", entity_id, VERSION, entity_id)
    entity.add("name", name)
    entity.add("topics", "sanction")
    entity.add("programId", "DPRK3")
    if imo:
        entity.add("imoNumber", imo)
    if mmsi:
        entity.add("mmsi", mmsi)
    if flag:
        entity.add("flag", flag)
    return entity


def lists() -> list[EntityProxy]:
    owner = make_entity("Company", "ofac-sdn-1", VERSION, "1")
    owner.add("name", "KOREA ANSAN SHIPPING COMPANY")
    owner.add("topics", "sanction")
    rye = vessel("ofac-sdn-2", "RYE SONG GANG 1", imo="IMO 7389704", flag="kp")
    own = make_entity("Ownership", "own-1", VERSION, "own")
    own.add("owner", "ofac-sdn-1")
    own.add("asset", "ofac-sdn-2")
    xin = vessel("ofac-sdn-3", "XIN YUAN 18", flag="cn")
    plain = make_entity("Vessel", "plain-1", VERSION, "p")
    plain.add("name", "OCEAN STAR 1")
    return [owner, rye, own, xin, plain]


def reports() -> pl.DataFrame:
    return statics(
        [
            {"mmsi": 445000001, "timestamp": T0, "imo": 7389704, "name": "SONG HAE"},
            {"mmsi": 455000002, "timestamp": T0, "name": "XIN YUAN 18"},
            {"mmsi": 412000003, "timestamp": T0, "name": "OCEAN STAR 1"},
        ]
    )


def test_match_by_imo_before_name_and_by_name_history() -> None:
    vessels = listed_vessels(lists())
    matches = match_vessels(identity_history(reports()), vessels)
    got = {(m, e, b) for m, e, b in matches.iter_rows()}
    assert (445000001, "ofac-sdn-2", "imo") in got  # painted as SONG HAE, IMO gives it away
    assert (455000002, "ofac-sdn-3", "name") in got
    rye = next(v for v in vessels if v.entity_id == "ofac-sdn-2")
    assert rye.owners[0]["name"] == "KOREA ANSAN SHIPPING COMPANY" and rye.owners[0]["sanctioned"]


def test_false_flag_is_a_spoofing_event() -> None:
    vessels = listed_vessels(lists())
    history = identity_history(reports())
    found = flag_mismatches(history, match_vessels(history, vessels), vessels)
    details = [json.loads(d) for d in found["details"]]
    assert [(d["entity_id"], d["mid_flag"]) for d in details] == [("ofac-sdn-3", "mv")]


def test_events_list_the_sanctioned_vessels_and_owners(tmp_path: object, store: Store) -> None:
    store.load(VERSION, lists())
    tanker = positions(445000001, [(h, 31.5, 125.0, 0.2) for h in every(10, 5)])
    buyer = positions(412000009, [(h, 31.502, 125.0, 0.2) for h in every(10, 5)])
    more = statics([{"mmsi": 412000009, "timestamp": T0 + timedelta(hours=1), "name": "BUYER"}])
    analysis = analyse(
        pl.concat([tanker, buyer]),
        pl.concat([reports(), more]),
        store,
        ports=pl.DataFrame(
            schema={
                "port": pl.String,
                "unlocode": pl.String,
                "lat": pl.Float64,
                "lon": pl.Float64,
                "confidence": pl.String,
            }
        ),
    )
    encounter = analysis.events.filter(pl.col("type") == "encounter").row(0, named=True)
    listed = json.loads(encounter["details"])["sanctioned"]
    assert listed[0]["entity_id"] == "ofac-sdn-2"
    assert listed[0]["sanctioned_owners"][0]["entity_id"] == "ofac-sdn-1"
    report = vessel_report(analysis, "412000009")
    reasons = {r["feature"] for r in report["vessels"][0]["risk"]["reasons"]}
    assert "sts_with_listed" in reasons
    rye = vessel_report(analysis, "7389704")["vessels"][0]
    assert rye["risk"]["score"] >= 0.99 and rye["sanctions"][0]["basis"] == "imo"
    assert len(load_listed_vessels(store)) == 3
    assert annotate_events(analysis.events.head(0), analysis.matches, analysis.vessels).is_empty()


def test_advisory_tankers_match_the_real_ofac_list_by_imo(shared_data: Path, tmp_path: Path) -> None:
    store = Store(tmp_path / "home")
    load_source(store, "ofac-sdn", shared_data / "lists" / "ofac_sdn_2021-07")
    vessels = load_listed_vessels(store)
    dprk = [v for v in vessels if any(p.startswith("DPRK") for p in v.programs)]
    assert len(dprk) >= 100 and all(v.imo for v in dprk)
    with (shared_data / "dprk" / "tankers_ofac_2018-02.csv").open() as handle:
        tankers = list(csv.DictReader(handle))
    reports = statics(
        [
            {"mmsi": 445000000 + k, "timestamp": T0, "imo": int(t["imo"]), "name": t["name"]}
            for k, t in enumerate(tankers)
        ]
    )
    matches = match_vessels(identity_history(reports), vessels, seen=[412999999])
    assert set(matches["basis"]) == {"imo"}
    assert matches["mmsi"].n_unique() >= 19  # of the 22 tankers in the 2018 advisory
