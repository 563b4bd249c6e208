"""Payments: messages per second parsed and screened, and alert precision and recall on generated data.

Targets (issue 6): at least 5,000 messages per second parsed and screened on this machine; alert
precision 0.95 and recall 0.9 for DPRK-nexus payments hidden in generated traffic. Every figure is
printed with its ratio to the target, measured in this run.

Setup: a fresh store with the real UN consolidated list and OFAC SDN list from the shared data, plus
synthetic front companies owned by listed organisations (source ``synthetic-fronts``), so that every
nexus kind is exercised. For each seed the generator writes pacs.008 / pacs.009 COV XML and
MT103 / MT202COV RJE files; the bench times parsing them (``parse_files``) and screening every message
(``screen_batch``), each batch from cold: the parsers' party memos and the name cache start empty for
each seed. It then times the batch typologies and scores the alerts against the ground truth. Seeds
101-105 were never used while developing the rules. Anchor: the same alerts with the
screening engine (``chokepoint.screening.Screener`` through ``EngineScreener``) as the name matcher.

    python bench/payments.py [--quick] [--messages N] [--seeds 101,102,...] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from chokepoint.config import shared_data_dir
from chokepoint.model import ListVersion
from chokepoint.payments.batch import screener_for
from chokepoint.payments.evaluation import Score, evaluate
from chokepoint.payments.generator import FRONTS_SOURCE, GeneratorConfig, build, front_companies, write
from chokepoint.payments.parse import forget_parties, parse_files
from chokepoint.payments.screen import PaymentScreener
from chokepoint.payments.screener import CachedScreener, EngineScreener, PartyScreener
from chokepoint.payments.typologies import find_typologies
from chokepoint.payments.watchlist import Watchlist
from chokepoint.screening.cache import screener_for as engine_for
from chokepoint.sources.load import load_source
from chokepoint.store import Store

TARGET_RATE = 5000.0
TARGET_PRECISION = 0.95
TARGET_RECALL = 0.90
FRONT_COMPANIES = 60


def _store(home: Path, quick: bool) -> Store:
    data = shared_data_dir()
    store = Store(home)
    load_source(store, "un-sc", data / "lists/un/UN_consolidated_2026-02-27.xml")
    if not quick:
        load_source(store, "ofac-sdn", data / "lists/ofac_sdn_2021-07")
    fronts = front_companies(Watchlist.from_store(store), seed=0, count=FRONT_COMPANIES)
    version = ListVersion.of_file(FRONTS_SOURCE, data / "dprk" / "ports.csv")
    store.load(version, fronts)
    return store


def _run_seed(
    screener: PaymentScreener, engine: PartyScreener | None, seed: int, messages: int, folder: Path
) -> dict[str, Any]:
    generated = build(GeneratorConfig(seed=seed, messages=messages), screener.watchlist)
    files = write(generated, folder / str(seed))
    forget_parties()  # every batch starts cold: no party read, no name screened before
    inner = screener.screener.inner if isinstance(screener.screener, CachedScreener) else screener.screener
    screener.screener = CachedScreener(inner)
    start, cpu_start = time.perf_counter(), time.process_time()
    parsed = parse_files(files)
    parsed_at, cpu_parsed = time.perf_counter(), time.process_time()
    alerts = screener.screen_batch(parsed)
    screened_at, cpu_screened = time.perf_counter(), time.process_time()
    alerts += find_typologies(parsed, screener.rules)
    done = time.perf_counter()
    result = evaluate(alerts, generated.truth)
    anchor: Score | None = None
    if engine is not None:
        words = screener.screener
        screener.screener = CachedScreener(engine)
        anchor = evaluate(screener.screen_batch(parsed), generated.truth).nexus
        screener.screener = words
    return {
        "engine_nexus": anchor,
        "seed": seed,
        "messages": len(parsed),
        "parse_per_s": len(parsed) / (parsed_at - start),
        "screen_per_s": len(parsed) / (screened_at - parsed_at),
        "parse_and_screen_per_s": len(parsed) / (screened_at - start),
        "parse_cpu_per_s": len(parsed) / (cpu_parsed - cpu_start),
        "screen_cpu_per_s": len(parsed) / (cpu_screened - cpu_parsed),
        "parse_and_screen_cpu_per_s": len(parsed) / (cpu_screened - cpu_start),
        "typologies_s": done - screened_at,
        "name_cache_hit_rate": screener.screener.hits
        / max(1, screener.screener.hits + screener.screener.misses),
        "nexus": result.nexus,
        "typologies": result.typologies,
        "recall_by_kind": result.recall_by_kind,
    }


def _pooled(scores: list[Score]) -> Score:
    return Score(
        sum(s.true_positives for s in scores),
        sum(s.flagged for s in scores),
        sum(s.positives for s in scores),
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="UN list only, 2 seeds of 2,000 messages")
    parser.add_argument("--messages", type=int, default=None, help="payments per seed (default 20,000)")
    parser.add_argument("--seeds", default=None, help="comma-separated seeds (default 101-105)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--no-engine", action="store_true", help="skip the screening-engine anchor")
    args = parser.parse_args()
    messages = args.messages or (2000 if args.quick else 20000)
    seeds = (
        [int(s) for s in args.seeds.split(",")]
        if args.seeds
        else ([101, 102] if args.quick else list(range(101, 106)))
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        store = _store(folder / "home", args.quick)
        engine_index = None if args.no_engine else engine_for(store)
        screener = screener_for(store)  # as the CLI and API build it (cached, settled for the GC)
        engine = None if engine_index is None else EngineScreener(engine_index, screener.watchlist)
        if screener.proximity is not None:  # load the network graph now, not inside the first timing
            screener.proximity.near(f"{FRONTS_SOURCE}-0-0", 2)
        setup = time.perf_counter() - t0
        runs = [_run_seed(screener, engine, seed, messages, folder) for seed in seeds]
    nexus = _pooled([r["nexus"] for r in runs])
    engine_runs = [r["engine_nexus"] for r in runs if r["engine_nexus"] is not None]
    engine_score = _pooled(engine_runs) if engine_runs else None
    kinds = sorted({k for r in runs for k in r["typologies"]})
    typologies = {k: _pooled([r["typologies"][k] for r in runs if k in r["typologies"]]) for k in kinds}
    rate = statistics.median(r["parse_and_screen_per_s"] for r in runs)
    cpu_rate = statistics.median(r["parse_and_screen_cpu_per_s"] for r in runs)
    figures: dict[str, Any] = {
        "setup_s": round(setup, 1),
        "listed_parties": len(screener.watchlist.listed_ids()),
        "seeds": seeds,
        "messages_per_seed": messages,
        "parse_per_s_median": round(statistics.median(r["parse_per_s"] for r in runs)),
        "screen_per_s_median": round(statistics.median(r["screen_per_s"] for r in runs)),
        "parse_and_screen_per_s_median": round(rate),
        "parse_and_screen_vs_target": round(rate / TARGET_RATE, 2),
        "parse_and_screen_cpu_per_s_median": round(cpu_rate),
        "parse_and_screen_cpu_vs_target": round(cpu_rate / TARGET_RATE, 2),
        "typologies_s_median": round(statistics.median(r["typologies_s"] for r in runs), 2),
        "name_cache_hit_rate_median": round(statistics.median(r["name_cache_hit_rate"] for r in runs), 3),
        "nexus_precision": round(nexus.precision, 4),
        "nexus_precision_vs_target": round(nexus.precision / TARGET_PRECISION, 3),
        "nexus_recall": round(nexus.recall, 4),
        "nexus_recall_vs_target": round(nexus.recall / TARGET_RECALL, 3),
        "nexus_counts": nexus.to_dict(),
        "engine_anchor": engine_score.to_dict() if engine_score is not None else None,
        "per_seed": [
            {
                "seed": r["seed"],
                "precision": round(r["nexus"].precision, 4),
                "recall": round(r["nexus"].recall, 4),
                "parse_and_screen_per_s": round(r["parse_and_screen_per_s"]),
            }
            for r in runs
        ],
        "recall_by_kind": {
            k: round(statistics.mean(r["recall_by_kind"][k] for r in runs if k in r["recall_by_kind"]), 4)
            for k in sorted({k for r in runs for k in r["recall_by_kind"]})
        },
        "typologies": {k: s.to_dict() for k, s in typologies.items()},
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    print(
        f"setup (load lists, fronts, build screener): {figures['setup_s']} s, "
        f"{figures['listed_parties']:,} listed parties"
    )
    print(f"seeds {seeds}, {messages:,} payments each")
    print(f"parse:            {figures['parse_per_s_median']:>8,} msg/s (median over seeds)")
    print(f"screen:           {figures['screen_per_s_median']:>8,} msg/s")
    print(
        f"parse + screen:   {figures['parse_and_screen_per_s_median']:>8,} msg/s "
        f"= {figures['parse_and_screen_vs_target']} x target {TARGET_RATE:,.0f}"
    )
    print(
        f"parse + screen per CPU second: {figures['parse_and_screen_cpu_per_s_median']:,} msg/s "
        f"= {figures['parse_and_screen_cpu_vs_target']} x target (process time: what one idle core gives)"
    )
    print(f"typologies:       {figures['typologies_s_median']} s per batch")
    print(
        f"nexus precision:  {nexus.precision:.4f} = "
        f"{figures['nexus_precision_vs_target']} x target {TARGET_PRECISION}"
    )
    print(
        f"nexus recall:     {nexus.recall:.4f} = {figures['nexus_recall_vs_target']} x target {TARGET_RECALL}"
    )
    print(f"  counts: {nexus.to_dict()}")
    if engine_score is not None:
        print(
            f"anchor, screening engine as name matcher: precision {engine_score.precision:.4f}, "
            f"recall {engine_score.recall:.4f} (word matcher / engine: precision "
            f"{nexus.precision / max(engine_score.precision, 1e-9):.3f}, recall "
            f"{nexus.recall / max(engine_score.recall, 1e-9):.3f})"
        )
    for row in figures["per_seed"]:
        print(
            f"  seed {row['seed']}: precision {row['precision']}, recall {row['recall']}, "
            f"{row['parse_and_screen_per_s']:,} msg/s"
        )
    print("recall by nexus kind: " + ", ".join(f"{k} {v}" for k, v in figures["recall_by_kind"].items()))
    for kind, score in typologies.items():
        print(
            f"typology {kind}: precision {score.precision:.3f}, recall {score.recall:.3f} "
            f"({score.true_positives}/{score.flagged} flagged, {score.positives} planted)"
        )


if __name__ == "__main__":
    main()
