"""One maritime analysis: events, identities and sanctions for a set of AIS inputs, kept in the
home folder so ``chokepoint maritime vessel`` and the API can answer questions about it later.

Layout under ``<home>/maritime/``: ``events.parquet``, ``identity.parquet``, ``matches.parquet``
and ``vessels.json`` (the listed vessels used for the join).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from chokepoint.config import home_dir
from chokepoint.errors import NotFoundError
from chokepoint.maritime.flags import flag_of_mmsi
from chokepoint.maritime.identity import identity_history
from chokepoint.maritime.params import EventParams
from chokepoint.maritime.pipeline import detect_events
from chokepoint.maritime.risk import VesselProfile, risk_score
from chokepoint.maritime.sanctions import (
    ListedVessel,
    annotate_events,
    flag_mismatches,
    load_listed_vessels,
    match_vessels,
)
from chokepoint.maritime.zones import dprk_ports, east_asia_anchorages
from chokepoint.store import Store


@dataclass
class Analysis:
    """Events (annotated with sanctions), identity history, list matches and the listed vessels."""

    events: pl.DataFrame
    history: pl.DataFrame
    matches: pl.DataFrame
    vessels: list[ListedVessel]

    def save(self, home: Path | None = None) -> Path:
        folder = home_dir(home) / "maritime"
        folder.mkdir(parents=True, exist_ok=True)
        self.events.write_parquet(folder / "events.parquet")
        self.history.write_parquet(folder / "identity.parquet")
        self.matches.write_parquet(folder / "matches.parquet")
        (folder / "vessels.json").write_text(
            json.dumps([v.to_dict() for v in self.vessels], ensure_ascii=False)
        )
        return folder

    @classmethod
    def load(cls, home: Path | None = None) -> Analysis:
        folder = home_dir(home) / "maritime"
        if not (folder / "events.parquet").exists():
            raise NotFoundError(f"no maritime analysis in {folder}: run chokepoint maritime events first")
        vessels = [
            ListedVessel(
                entity_id=v["entity_id"],
                name=v["name"],
                names=(v["name"],),
                imo=v["imo"],
                mmsi=v["mmsi"],
                flags=tuple(v["flags"]),
                sanctioned=v["sanctioned"],
                programs=tuple(v["programs"]),
                owners=tuple(v["owners"]),
            )
            for v in json.loads((folder / "vessels.json").read_text())
        ]
        return cls(
            pl.read_parquet(folder / "events.parquet"),
            pl.read_parquet(folder / "identity.parquet"),
            pl.read_parquet(folder / "matches.parquet"),
            vessels,
        )


def analyse(
    positions: pl.DataFrame,
    statics: pl.DataFrame,
    store: Store | None = None,
    params: EventParams | None = None,
    ports: pl.DataFrame | None = None,
) -> Analysis:
    """Detect events, join vessels to the store's lists and annotate events with listed parties."""
    params = params or EventParams()
    ports = ports if ports is not None else dprk_ports()
    events = detect_events(positions, statics, ports, east_asia_anchorages(), params)
    return tie_to_lists(events, statics, positions["mmsi"].unique().to_list(), store)


def tie_to_lists(
    events: pl.DataFrame, statics: pl.DataFrame, seen: list[int], store: Store | None
) -> Analysis:
    """Join the vessels (``statics`` and the MMSIs ``seen`` in positions) to the store's lists,
    add flag-mismatch findings and name the listed parties in each event."""
    history = identity_history(statics)
    vessels = load_listed_vessels(store) if store is not None else []
    matches = match_vessels(history, vessels, seen)
    extra = flag_mismatches(history, matches, vessels)
    if extra.height:
        events = pl.concat([events, extra]).sort("start", "type", "mmsi", "event_id")
    return Analysis(annotate_events(events, matches, vessels), history, matches, vessels)


def _mmsis_for(analysis: Analysis, key: str) -> list[int]:
    digits = "".join(ch for ch in key if ch.isdigit())
    if not digits:
        raise NotFoundError(f"not an IMO number or MMSI: {key!r}")
    number = int(digits)
    if len(digits) == 7:
        found = analysis.history.filter(pl.col("imo") == number)["mmsi"].unique().to_list()
        found += [
            m
            for m, e, _ in analysis.matches.iter_rows()
            if any(v.entity_id == e and v.imo == number for v in analysis.vessels)
        ]
        return sorted(set(found))
    return [number]


def vessel_report(analysis: Analysis, key: str) -> dict[str, Any]:
    """Identity history, events, sanctions and risk of the vessel(s) behind an IMO number or MMSI."""
    mmsis = _mmsis_for(analysis, key)
    seen = set(analysis.history["mmsi"].to_list()) | set(analysis.events["mmsi"].to_list())
    mmsis = [m for m in mmsis if m in seen]
    if not mmsis:
        raise NotFoundError(f"no vessel {key} in the last maritime analysis")
    out = []
    info = {v.entity_id: v for v in analysis.vessels}
    for mmsi in mmsis:
        history = analysis.history.filter(pl.col("mmsi") == mmsi)
        events = analysis.events.filter((pl.col("mmsi") == mmsi) | (pl.col("other_mmsi") == mmsi))
        event_dicts = [{**e, **json.loads(e["details"])} for e in events.iter_rows(named=True)]
        listed = []
        for _, entity_id, basis in analysis.matches.filter(pl.col("mmsi") == mmsi).iter_rows():
            v = info[entity_id]
            listed.append(
                {
                    **v.to_dict(),
                    "basis": basis,
                    "vessel_sanctioned": v.sanctioned,
                    "sanctioned_owners": [o for o in v.owners if o["sanctioned"]],
                }
            )
        profile = VesselProfile(
            mmsi=mmsi,
            listed=listed,
            events=event_dicts,
            mid_flag=flag_of_mmsi(mmsi),
            identities=max(1, history.height),
        )
        out.append(
            {
                "mmsi": mmsi,
                "flag": flag_of_mmsi(mmsi),
                "identity_history": history.to_dicts(),
                "sanctions": listed,
                "events": event_dicts,
                "risk": risk_score(profile),
            }
        )
    return {"query": key, "vessels": out}
