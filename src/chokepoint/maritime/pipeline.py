"""The event pipeline: positions and static reports in, events out.

It runs in two stages so that it can be partitioned (see :mod:`chokepoint.scale.dask_runner`):

* :func:`detect_local` — everything computable from one slice of the data (tracks, encounters,
  gaps, loitering, port calls, dark port calls, shared-MMSI spoofing, renames) plus small
  per-vessel summaries (time spans);
* :func:`detect_global` — the detectors that pair events or vessels across slices (dark
  rendezvous between gaps, MMSI handovers between vessel spans) or need a vessel's whole history
  (invalid MID and IMO), run on the small outputs, then IMO labels and draught changes.

:func:`detect_events` is both stages in one process.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from chokepoint.maritime.events import EVENT_SCHEMA, empty_events
from chokepoint.maritime.events.encounters import detect_encounters
from chokepoint.maritime.events.gaps import detect_gaps
from chokepoint.maritime.events.identity_changes import (
    detect_handovers,
    detect_renames,
    merge_spans,
    vessel_spans,
)
from chokepoint.maritime.events.loitering import detect_loitering
from chokepoint.maritime.events.port_calls import detect_dark_port_calls, detect_port_calls
from chokepoint.maritime.events.rendezvous import detect_rendezvous
from chokepoint.maritime.events.spoofing import detect_identity_anomalies, detect_segment_anomalies
from chokepoint.maritime.identity import identity_history
from chokepoint.maritime.params import EventParams
from chokepoint.maritime.tracks import segment


@dataclass
class LocalResult:
    """What one slice yields: its events and its vessels' time spans."""

    events: pl.DataFrame
    spans: pl.DataFrame


def detect_local(
    positions: pl.DataFrame,
    history: pl.DataFrame,
    ports: pl.DataFrame,
    anchorages: pl.DataFrame,
    params: EventParams,
) -> LocalResult:
    """The per-slice detectors. ``history`` is the identity history of all static reports (small,
    so every slice gets all of it); ``ports`` are the DPRK ports; ``anchorages`` every known port."""
    tracks = segment(positions, params)
    everywhere = pl.concat([ports, anchorages]).unique(subset=["port", "lat", "lon"], maintain_order=True)
    parts = [
        detect_encounters(tracks, everywhere, params),
        detect_gaps(tracks, everywhere, params),
        detect_loitering(tracks, everywhere, params),
        detect_port_calls(tracks, ports, params),
        detect_dark_port_calls(tracks, ports, params),
        detect_segment_anomalies(tracks, params),
        detect_renames(history, tracks),
    ]
    return LocalResult(pl.concat(parts), vessel_spans(tracks))


def detect_global(
    events: pl.DataFrame, spans: pl.DataFrame, history: pl.DataFrame, params: EventParams
) -> pl.DataFrame:
    """The cross-slice detectors, on the combined outputs of :func:`detect_local`."""
    spans = merge_spans(spans)
    found = pl.concat(
        [
            events,
            detect_rendezvous(
                events.filter(pl.col("type") == "gap"),
                params,
                explained=events.filter(pl.col("type") == "dark_port_call"),
            ),
            detect_handovers(spans, history, params),
            detect_identity_anomalies(history, spans),
        ]
    )
    return finish(found, history, params)


def detect_events(
    positions: pl.DataFrame,
    statics: pl.DataFrame,
    ports: pl.DataFrame,
    anchorages: pl.DataFrame | None = None,
    params: EventParams | None = None,
) -> pl.DataFrame:
    """All events of one dataset in one process, sorted by start, type, MMSI and id."""
    params = params or EventParams()
    history = identity_history(statics)
    local = detect_local(positions, history, ports, anchorages if anchorages is not None else ports, params)
    return detect_global(local.events, local.spans, history, params)


def finish(events: pl.DataFrame, history: pl.DataFrame, params: EventParams) -> pl.DataFrame:
    """Label events with the IMO numbers in force and the draught change across them; sort."""
    if events.is_empty():
        return empty_events()
    runs = history.select(
        "mmsi",
        pl.col("first_seen").alias("start"),
        pl.col("imo").alias("_imo"),
        pl.col("draught").alias("_draught"),
    ).sort("start")
    after = history.select(
        "mmsi", pl.col("first_seen").alias("end"), pl.col("draught").alias("_draught_after")
    ).sort("end")
    ev = events.drop("imo", "other_imo").sort("start")
    ev = ev.join_asof(runs, on="start", by="mmsi", strategy="backward", check_sortedness=False)
    ev = ev.join_asof(
        runs.rename({"mmsi": "other_mmsi", "_imo": "_other_imo", "_draught": "_x"}),
        on="start",
        by="other_mmsi",
        strategy="backward",
        check_sortedness=False,
    )
    ev = ev.sort("end").join_asof(after, on="end", by="mmsi", strategy="forward", check_sortedness=False)
    change = (pl.col("_draught_after") - pl.col("_draught")).round(2)
    carries = pl.col("type").is_in(["encounter", "gap", "dark_rendezvous"]) & change.is_not_null()
    ev = ev.with_columns(
        pl.col("_imo").alias("imo"),
        pl.col("_other_imo").alias("other_imo"),
        pl.when(carries)
        .then(
            pl.col("details").str.strip_suffix("}")
            + pl.lit(',"draught_change_m":')
            + change.cast(pl.String)
            + pl.lit("}")
        )
        .otherwise(pl.col("details"))
        .alias("details"),
        pl.when(carries & (change.abs() >= params.draught_change_m))
        .then((pl.col("confidence") + 0.1).clip(0, 1))
        .otherwise(pl.col("confidence"))
        .alias("confidence"),
    )
    return (
        ev.select(list(EVENT_SCHEMA))
        .unique(subset=["event_id"], keep="first")
        .sort("start", "type", "mmsi", "event_id")
    )
