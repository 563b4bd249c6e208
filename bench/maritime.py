"""Maritime benchmarks: event pipeline throughput, NMEA decode rate, Dask runner, detection quality.

    python bench/maritime.py            # 10 million positions, 5 quality seeds
    python bench/maritime.py --quick    # 1 million positions, 2 quality seeds

Figures printed (each against its anchor where one exists):

* event pipeline from Parquet: positions per second over the whole pipeline (segmentation and
  every detector), target 1,000,000/s; anchor: GFW's gap detector core, 10 M messages in 3.6 s
  (2.78 M/s, pipe-gaps README); our gap detector alone is timed on the same data for the ratio;
* Dask runner (LocalCluster, 2 workers) on the same Parquet, partitioned by day;
* NMEA decode rate of ``read_nmea`` against a plain pyais loop on the same lines;
* recall and precision per planted event family on several held-out-style seeds.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import polars as pl
from pyais import NMEAMessage
from pyais.exceptions import AISBaseException

from chokepoint.config import shared_data_dir
from chokepoint.maritime.evaluate import score
from chokepoint.maritime.events.gaps import detect_gaps
from chokepoint.maritime.generator import generate
from chokepoint.maritime.identity import identity_history
from chokepoint.maritime.nmea import read_nmea, split_line
from chokepoint.maritime.params import EventParams
from chokepoint.maritime.pipeline import detect_events
from chokepoint.maritime.tracks import segment
from chokepoint.maritime.zones import dprk_ports, east_asia_anchorages
from chokepoint.scale.dask_runner import run_events

GFW_GAPS_MESSAGES = 10_000_000
GFW_GAPS_SECONDS = 3.6
"""pipe-gaps (GlobalFishingWatch/pipe-gaps) README: the core gap detector processes 10 M messages in 3.6 s."""
TARGET_PER_SECOND = 1_000_000


def big_scenario(positions: int, folder: Path) -> tuple[Path, pl.DataFrame]:
    """Generate about ``positions`` positions (background traffic plus planted events) as Parquet."""
    ports = dprk_ports()
    per_vessel_day = 470.0  # measured mean received positions per vessel-day of this generator
    days = 5.0
    vessels = max(20, int(positions / (per_vessel_day * days)))
    chunks, statics = [], []
    seed, made = 100, 0
    while made < positions:
        batch = min(vessels, 2000)
        s = generate(seed, ports, background=batch, days=days)
        chunks.append(s.positions)
        statics.append(s.statics)
        made += s.positions.height
        seed += 1
        vessels -= batch
        if vessels <= 0:
            vessels = max(20, int((positions - made) / (per_vessel_day * days)))
    frame = pl.concat(chunks).head(positions)
    path = folder / "big.positions.parquet"
    frame.write_parquet(path)
    return path, pl.concat(statics)


def bench_pipeline(path: Path, statics: pl.DataFrame) -> None:
    ports, anchorages = dprk_ports(), east_asia_anchorages()
    start, cpu = time.perf_counter(), time.process_time()
    positions = pl.read_parquet(path)
    events = detect_events(positions, statics, ports, anchorages)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    n = positions.height
    rate = n / elapsed
    print(
        f"pipeline: {n:,} positions -> {events.height:,} events in {elapsed:.2f} s = {rate:,.0f} positions/s"
    )
    print(f"  CPU time {cpu:.2f} s (on a busy shared machine wall time exceeds CPU time / cores)")
    print(f"  target {TARGET_PER_SECOND:,}/s: {rate / TARGET_PER_SECOND:.2f}x")
    gfw_rate = GFW_GAPS_MESSAGES / GFW_GAPS_SECONDS
    print(f"  vs GFW gap core (10 M in 3.6 s = {gfw_rate:,.0f}/s, published): {rate / gfw_rate:.2f}x")
    t = time.perf_counter()
    gaps = detect_gaps(segment(positions), pl.concat([ports, anchorages]), EventParams())
    gap_elapsed = time.perf_counter() - t
    gap_rate = n / gap_elapsed
    print(
        f"  gap detector alone (with segmentation): {gaps.height:,} gaps in {gap_elapsed:.2f} s = "
        f"{gap_rate:,.0f}/s, {gap_rate / gfw_rate:.2f}x GFW's core"
    )
    for stage, seconds in stage_times(positions, statics).items():
        print(f"  stage {stage}: {seconds:.2f} s")


def stage_times(positions: pl.DataFrame, statics: pl.DataFrame) -> dict[str, float]:
    """Seconds per stage of the local pipeline (for the benchmark notes)."""
    from chokepoint.maritime.events.encounters import detect_encounters
    from chokepoint.maritime.events.loitering import detect_loitering
    from chokepoint.maritime.events.port_calls import detect_dark_port_calls, detect_port_calls
    from chokepoint.maritime.events.spoofing import detect_segment_anomalies

    params, ports = EventParams(), dprk_ports()
    everywhere = pl.concat([ports, east_asia_anchorages()])
    out: dict[str, float] = {}
    t = time.perf_counter()
    tracks = segment(positions, params)
    out["segment"] = time.perf_counter() - t
    stages: tuple[tuple[str, Callable[[], pl.DataFrame]], ...] = (
        ("encounters", lambda: detect_encounters(tracks, everywhere, params)),
        ("gaps", lambda: detect_gaps(tracks, everywhere, params)),
        ("loitering", lambda: detect_loitering(tracks, everywhere, params)),
        ("port_calls", lambda: detect_port_calls(tracks, ports, params)),
        ("dark_port_calls", lambda: detect_dark_port_calls(tracks, ports, params)),
        ("spoofing", lambda: detect_segment_anomalies(tracks, params)),
        ("identity", lambda: identity_history(statics)),
    )
    for name, run in stages:
        t = time.perf_counter()
        run()
        out[name] = time.perf_counter() - t
    return out


def bench_dask(path: Path, statics: pl.DataFrame) -> None:
    start = time.perf_counter()
    events = run_events([path], statics, dprk_ports(), east_asia_anchorages())
    elapsed = time.perf_counter() - start
    n = pl.scan_parquet(path).select(pl.len()).collect().item()
    print(
        f"dask (LocalCluster 2 workers, by day): {events.height:,} events in {elapsed:.2f} s "
        f"= {n / elapsed:,.0f} positions/s"
    )


def _plain_pyais(lines: list[bytes]) -> int:
    """The anchor: split off tag blocks and decode every single-part sentence with pyais."""
    decoded = 0
    for line in lines:
        parts = split_line(line)
        if parts is None:
            continue
        try:
            message = NMEAMessage.from_bytes(parts[1])
            if message.frag_cnt == 1 and message.payload:
                message.decode()
                decoded += 1
        except AISBaseException:
            continue
    return decoded


def bench_nmea(lines_wanted: int, folder: Path, rounds: int = 3) -> None:
    sample = (shared_data_dir() / "ais" / "aisdb_test_data_20211101.nm4").read_bytes().splitlines()
    sample = [line for line in sample if line.strip()]
    lines = (sample * (lines_wanted // len(sample) + 1))[:lines_wanted]
    path = folder / "big.nm4"
    path.write_bytes(b"\n".join(lines) + b"\n")
    ours, plain = float("inf"), float("inf")
    for _ in range(rounds):  # alternate and keep the best of each: the machine is shared
        start = time.perf_counter()
        frames = read_nmea(path)
        ours = min(ours, time.perf_counter() - start)
        start = time.perf_counter()
        _plain_pyais(lines)
        plain = min(plain, time.perf_counter() - start)
    print(
        f"nmea decode: {len(lines):,} lines in {ours:.2f} s = {len(lines) / ours:,.0f} lines/s "
        f"({frames.positions.height:,} positions, {frames.statics.height:,} statics, "
        f"{frames.report.bad:,} bad; best of {rounds})"
    )
    print(
        f"  plain pyais loop (single-part sentences only, no times, assembly or frames): "
        f"{len(lines) / plain:,.0f} lines/s; ours at {plain / ours:.2f}x of plain pyais"
    )


def bench_quality(seeds: list[int]) -> None:
    ports = dprk_ports()
    totals: dict[str, list[int]] = {}
    for seed in seeds:
        s = generate(seed, ports)
        events = detect_events(s.positions, s.statics, ports, east_asia_anchorages())
        for sc in score(s.truth, events):
            t = totals.setdefault(sc.family, [0, 0, 0, 0])
            t[0] += sc.planted
            t[1] += sc.found
            t[2] += sc.detected
            t[3] += sc.correct
    print(f"quality over seeds {seeds} (each: 200 background vessels, 5 days):")
    for family, (planted, found, detected, correct) in totals.items():
        recall = found / planted if planted else 1.0
        precision = correct / detected if detected else 1.0
        target = (
            " (target recall 0.95, precision 0.9)"
            if family in ("sts_transfer", "dprk_port_call", "identity_swap")
            else ""
        )
        print(
            f"  {family}: recall {recall:.3f} ({found}/{planted}), "
            f"precision {precision:.3f} ({correct}/{detected}){target}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="1 M positions, 2 quality seeds")
    parser.add_argument("--positions", type=int, default=None, help="positions for the throughput figures")
    args = parser.parse_args()
    positions = args.positions or (1_000_000 if args.quick else 10_000_000)
    # seeds 1-6 and 1001-1005 were used while developing; 2001+ are held out
    seeds = [2001, 2002] if args.quick else [2001, 2002, 2003, 2004, 2005]
    print(f"machine: {os.cpu_count()} cores; polars {pl.__version__}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t = time.perf_counter()
        path, statics = big_scenario(positions, folder)
        print(f"generated {positions:,} positions in {time.perf_counter() - t:.1f} s")
        bench_pipeline(path, statics)
        bench_dask(path, statics)
        bench_nmea(100_000 if args.quick else 500_000, folder)
    bench_quality(seeds)


if __name__ == "__main__":
    main()
