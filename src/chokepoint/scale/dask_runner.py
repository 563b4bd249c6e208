"""The maritime event pipeline on Dask, partitioned by UTC day and region.

Each task reads one day of positions (plus ``halo_hours`` either side, so events that start
that day and last less than the halo are seen whole) from Parquet, keeps the vessels whose
track touches its region that day, and runs :func:`~chokepoint.maritime.pipeline.detect_local`.
It keeps the events that start on its day and lie in its region (regions are half-open boxes,
so every event belongs to exactly one task) and its vessels' time spans for that day. The
driver concatenates the results and runs :func:`~chokepoint.maritime.pipeline.detect_global`
(dark rendezvous, MMSI handovers, identity anomalies) on them.

Same results as one process for every event shorter than the halo (the default, 48 h, covers
GFW's 12 h gap rule four times over); a longer gap is cut at the halo and not reported.

Use ``LocalCluster`` for one machine or pass ``address`` (``tcp://scheduler:8786``) for a real
cluster; the Parquet files must then be on storage every worker can read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import polars as pl
from distributed import Client, LocalCluster

from chokepoint.maritime.events import empty_events
from chokepoint.maritime.events.identity_changes import vessel_spans
from chokepoint.maritime.identity import identity_history
from chokepoint.maritime.params import EventParams
from chokepoint.maritime.pipeline import LocalResult, detect_global, detect_local
from chokepoint.maritime.tracks import prepare

HALO_HOURS = 48.0
"""Hours of data read either side of a task's day."""

_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Box:
    """A half-open region: ``min_lat <= lat < max_lat`` and ``min_lon <= lon < max_lon``."""

    name: str
    min_lat: float
    max_lat: float
    min_lon: float
    max_lon: float

    def contains(self, lat: pl.Expr, lon: pl.Expr) -> pl.Expr:
        return (lat >= self.min_lat) & (lat < self.max_lat) & (lon >= self.min_lon) & (lon < self.max_lon)


WORLD = Box("world", -90.0, 90.01, -180.0, 180.01)


def lon_bands(n: int) -> list[Box]:
    """The world cut into ``n`` longitude bands (a simple global partitioning)."""
    step = 360.0 / n
    return [
        Box(f"lon{k}", -90.0, 90.01, -180.0 + k * step, -180.0 + (k + 1) * step if k < n - 1 else 180.01)
        for k in range(n)
    ]


def run_partition(
    positions_files: Sequence[str],
    history: pl.DataFrame,
    day: datetime,
    box: Box,
    ports: pl.DataFrame,
    anchorages: pl.DataFrame,
    params: EventParams,
    halo_hours: float = HALO_HOURS,
) -> LocalResult:
    """One task: the events starting on ``day`` in ``box`` and the day's vessel spans."""
    halo = timedelta(hours=halo_hours)
    window = (
        pl.scan_parquet(list(positions_files))
        .filter(pl.col("timestamp").is_between(day - halo, day + _DAY + halo, closed="left"))
        .collect()
    )
    today = pl.col("timestamp").is_between(day, day + _DAY, closed="left")
    touching = window.filter(today & box.contains(pl.col("lat"), pl.col("lon"))).select("mmsi").unique()
    window = window.join(touching, on="mmsi", how="semi")
    local = detect_local(window, history, ports, anchorages, params)
    day_s, end_s = int(day.timestamp()), int((day + _DAY).timestamp())
    mine = pl.col("start").dt.epoch("s").is_between(day_s, end_s, closed="left") & box.contains(
        pl.col("lat"), pl.col("lon")
    ).fill_null(box is WORLD)
    events = local.events.filter(mine)
    own = window.filter(today & box.contains(pl.col("lat"), pl.col("lon")))
    return LocalResult(events, vessel_spans(prepare(own)))


def days_of(positions_files: Sequence[str]) -> list[datetime]:
    """The UTC days the positions cover."""
    bounds = (
        pl.scan_parquet(list(positions_files))
        .select(pl.col("timestamp").min().alias("a"), pl.col("timestamp").max().alias("b"))
        .collect()
    )
    first, last = bounds["a"][0], bounds["b"][0]
    if first is None:
        return []
    day = datetime(first.year, first.month, first.day, tzinfo=UTC)
    days = []
    while day <= last:
        days.append(day)
        day += _DAY
    return days


def run_events(
    positions_files: Sequence[Path | str],
    statics: pl.DataFrame,
    ports: pl.DataFrame,
    anchorages: pl.DataFrame,
    params: EventParams | None = None,
    boxes: Sequence[Box] = (WORLD,),
    client: Client | None = None,
    address: str | None = None,
    halo_hours: float = HALO_HOURS,
) -> pl.DataFrame:
    """All events of the positions in ``positions_files``, computed on Dask by day and region.

    Give an existing ``client``, or the ``address`` of a scheduler; without either a small
    ``LocalCluster`` (2 threaded workers) is started and stopped around the run.
    """
    params = params or EventParams()
    files = [str(p) for p in positions_files]
    history = identity_history(statics)
    own_cluster: LocalCluster | None = None
    if client is None:
        if address is not None:
            client = Client(address)  # type: ignore[no-untyped-call]
        else:
            own_cluster = LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
            )
            client = Client(own_cluster)  # type: ignore[no-untyped-call]
    try:
        futures = [
            client.submit(
                run_partition, files, history, day, box, ports, anchorages, params, halo_hours, pure=False
            )
            for day in days_of(files)
            for box in boxes
        ]
        results: list[LocalResult] = client.gather(futures)  # type: ignore[no-untyped-call]
    finally:
        if own_cluster is not None:
            client.close()  # type: ignore[no-untyped-call]
            own_cluster.close()
    if not results:
        return empty_events()
    events = pl.concat([r.events for r in results])
    spans = pl.concat([r.spans for r in results])
    return detect_global(events, spans, history, params)
