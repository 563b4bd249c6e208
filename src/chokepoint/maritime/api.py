"""``/v1/maritime``: detect events in an uploaded AIS file, read the last analysis, look up vessels."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Any

import polars as pl
from fastapi import APIRouter, Depends, Query, Request

from chokepoint.api.app import Settings, get_settings, get_store
from chokepoint.errors import InputError
from chokepoint.maritime.analysis import Analysis, analyse, vessel_report
from chokepoint.maritime.events import EVENT_TYPES
from chokepoint.maritime.ingest import FORMATS, read_ais
from chokepoint.store import Store

router = APIRouter(prefix="/v1/maritime", tags=["maritime"])


def _rows(events: pl.DataFrame) -> list[dict[str, Any]]:
    return events.with_columns(pl.col("start").dt.to_string(), pl.col("end").dt.to_string()).to_dicts()


@router.post("/events")
async def detect(
    request: Request,
    store: Annotated[Store, Depends(get_store)],
    settings: Annotated[Settings, Depends(get_settings)],
    format: Annotated[str, Query(description=f"one of {', '.join(FORMATS[:-1])}")] = "auto",
    save: Annotated[bool, Query(description="keep as the last analysis")] = False,
) -> dict[str, Any]:
    """Events in the AIS file sent as the request body (NMEA, MarineCadastre or DMA CSV)."""
    if format not in FORMATS or format == "parquet":
        raise InputError("request body", None, f"format must be one of {', '.join(FORMATS[:-1])}")
    body = await request.body()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "upload.ais"
        path.write_bytes(body)
        frames = read_ais(path, format)
    analysis = analyse(frames.positions, frames.statics, store if store.exists() else None)
    if save:
        analysis.save(settings.home)
    report = frames.report.to_dict()
    report["path"] = "request body"
    return {"report": report, "events": _rows(analysis.events)}


@router.get("/events")
def last_events(
    settings: Annotated[Settings, Depends(get_settings)],
    type: Annotated[str | None, Query(description=f"one of {', '.join(EVENT_TYPES)}")] = None,
    mmsi: int | None = None,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 1000,
) -> dict[str, Any]:
    """Events of the last saved analysis, filtered by type and vessel."""
    events = Analysis.load(settings.home).events
    if type is not None:
        if type not in EVENT_TYPES:
            raise InputError("query", "type", f"one of {', '.join(EVENT_TYPES)}")
        events = events.filter(pl.col("type") == type)
    if mmsi is not None:
        events = events.filter((pl.col("mmsi") == mmsi) | (pl.col("other_mmsi") == mmsi))
    return {"count": events.height, "events": _rows(events.head(limit))}


@router.get("/vessels/{key}")
def vessel(key: str, settings: Annotated[Settings, Depends(get_settings)]) -> dict[str, Any]:
    """Identity history, events, sanctions and risk of a vessel (IMO number or MMSI)."""
    report = vessel_report(Analysis.load(settings.home), key)
    for v in report["vessels"]:
        for ident in v["identity_history"]:
            for k in ("first_seen", "last_seen"):
                ident[k] = str(ident[k])
        for e in v["events"]:
            for k in ("start", "end"):
                e[k] = str(e[k])
    return report
