"""Network benchmarks (issue 4): the 50 % fix-point, exposure latency and lead precision.

Figures, each against its target (ratio < 1 meets it) or against an anchor measured in the same run:

1. OFAC fix-point on 10 million ownership edges: seconds (target 60 s) and peak resident memory of a
   child process that generates the registry and runs the kernel (target 8 GB); and the same on
   the compiled graph built from the interchange frames (string ids, joins: the end-to-end path).
   Anchor: the pure-Python reference fix-point on 100,000 edges, run in the same session.
2. Exposure: p50 and p95 of ``ExposureIndex.query(k=5)`` on a graph of about one million nodes
   (target p50 100 ms), over random entity nodes and over entities of the DPRK side (trading
   firms, shells, fronts: the queries that find paths), seed 0.
3. Lead precision: on a generated registry with planted fronts, precision of the top |network|
   leads (positives: trading firms, shells and fronts of the DPRK side) and the share of planted
   fronts among them; anchor: the same precision for a random ranking (the base rate).

    python bench/network.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import time
from typing import Any

import numpy as np

FIXPOINT_TARGET_S = 60.0
MEMORY_TARGET_MB = 8 * 1024
EXPOSURE_TARGET_MS = 100.0


def _kernel(edges: int) -> dict[str, Any]:
    from chokepoint.network.generator import Role, generate
    from chokepoint.network.ownership import fixpoint, merge_stakes

    registry = generate(edges, seed=1)
    start = time.perf_counter()
    stakes = merge_stakes(
        registry.owner,
        registry.asset,
        registry.low,
        registry.high,
        np.arange(registry.owner.shape[0], dtype=np.int64),
        registry.node_count,
    )
    listed = np.isin(registry.role, [Role.SEED_PERSON, Role.SEED_COMPANY])
    result = fixpoint(registry.node_count, stakes, listed)
    seconds = time.perf_counter() - start
    return {
        "edges": int(registry.owner.shape[0]),
        "nodes": registry.node_count,
        "seconds": seconds,
        "rounds": result.rounds,
        "blocked": int((result.status == 2).sum()),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _end_to_end(edges: int) -> dict[str, Any]:
    from chokepoint.network.generator import generate
    from chokepoint.network.graph import build_graph
    from chokepoint.network.ownership import ownership_verdicts

    frames = generate(edges, seed=1).to_frames()
    start = time.perf_counter()
    graph = build_graph(frames)
    built = time.perf_counter() - start
    start = time.perf_counter()
    result = ownership_verdicts(graph)
    return {
        "graph_edges": graph.edge_count,
        "build_seconds": built,
        "verdict_seconds": time.perf_counter() - start,
        "blocked": int((result.status == 2).sum()),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _reference(edges: int) -> dict[str, Any]:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "network"))
    from reference import reference_verdicts  # type: ignore[import-not-found]

    from chokepoint.network.generator import Role, generate

    registry = generate(edges, seed=1)
    stakes = registry.stakes()
    listed = set(np.flatnonzero(np.isin(registry.role, [Role.SEED_PERSON, Role.SEED_COMPANY])).tolist())
    start = time.perf_counter()
    reference_verdicts(registry.node_count, stakes, listed)
    seconds = time.perf_counter() - start
    return {"edges": len(stakes), "seconds": seconds}


def _child(function: Any, *args: Any) -> dict[str, Any]:
    """Run ``function`` in a fresh process so its peak memory is its own."""
    with mp.get_context("spawn").Pool(1) as pool:
        result: dict[str, Any] = pool.apply(function, args)
    return result


def _timed_queries(index: Any, nodes: list[str]) -> tuple[list[float], int]:
    timings, found = [], 0
    for node in nodes:
        start = time.perf_counter()
        exposure = index.query(node, k=5)
        timings.append(time.perf_counter() - start)
        found += bool(exposure.paths)
    return timings, found


def _exposure(edges: int, queries: int) -> dict[str, Any]:
    from chokepoint.network.exposure import ExposureIndex
    from chokepoint.network.generator import generate
    from chokepoint.network.graph import build_graph

    registry = generate(edges, seed=2)
    graph = build_graph(registry.to_frames())
    start = time.perf_counter()
    index = ExposureIndex(graph)
    index_seconds = time.perf_counter() - start
    rng = np.random.default_rng(0)
    entities = np.flatnonzero(~graph.is_value)
    anyone = [graph.node_id(n) for n in rng.choice(entities, queries, replace=False).tolist()]
    network = rng.choice(registry.ground_truth()["network"], queries, replace=False).tolist()
    timings, found = _timed_queries(index, anyone)
    near, near_found = _timed_queries(index, network)
    return {
        "nodes": graph.node_count,
        "edges": graph.edge_count,
        "index_seconds": index_seconds,
        "queries": queries,
        "with_paths": found,
        "p50_ms": float(np.percentile(timings, 50) * 1000),
        "p95_ms": float(np.percentile(timings, 95) * 1000),
        "network_with_paths": near_found,
        "network_p50_ms": float(np.percentile(near, 50) * 1000),
        "network_p95_ms": float(np.percentile(near, 95) * 1000),
    }


def _leads(edges: int) -> dict[str, Any]:
    from chokepoint.network.generator import generate
    from chokepoint.network.graph import build_graph
    from chokepoint.network.leads import score_leads

    registry = generate(edges, seed=5)
    graph = build_graph(registry.to_frames())
    truth = registry.ground_truth()
    network, fronts = set(truth["network"]), set(truth["fronts"])
    start = time.perf_counter()
    score = score_leads(graph)
    seconds = time.perf_counter() - start
    top = [graph.node_id(i) for i in np.argsort(-score, kind="stable")[: len(network)]]
    candidates = int((~graph.listed & ~graph.is_value).sum())
    return {
        "entities": candidates,
        "network": len(network),
        "fronts": len(fronts),
        "seconds": seconds,
        "precision_at_network": sum(node in network for node in top) / len(top),
        "front_recall_at_network": sum(node in fronts for node in top) / len(fronts),
        "random_precision": len(network) / candidates,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="Small sizes (seconds instead of minutes).")
    args = parser.parse_args()
    fix_edges = 200_000 if args.quick else 10_000_000
    exposure_edges = 50_000 if args.quick else 1_800_000  # about one million nodes at full size
    lead_edges = 50_000 if args.quick else 1_000_000
    report: dict[str, Any] = {}

    kernel = report["fixpoint_kernel"] = _child(_kernel, fix_edges)
    print(
        f"OFAC fix-point kernel: {kernel['edges']:,} edges, {kernel['nodes']:,} nodes, "
        f"{kernel['rounds']} rounds, "
        f"{kernel['seconds']:.2f} s ({kernel['seconds'] / FIXPOINT_TARGET_S:.3f} of the 60 s target), "
        f"peak RSS {kernel['peak_rss_mb']:,.0f} MB ({kernel['peak_rss_mb'] / MEMORY_TARGET_MB:.3f} of 8 GB)"
    )
    e2e = report["fixpoint_end_to_end"] = _child(_end_to_end, fix_edges)
    total = e2e["build_seconds"] + e2e["verdict_seconds"]
    print(
        f"OFAC verdicts from frames: {e2e['graph_edges']:,} graph edges, "
        f"build {e2e['build_seconds']:.1f} s + "
        f"verdicts {e2e['verdict_seconds']:.2f} s ({total / FIXPOINT_TARGET_S:.3f} of 60 s), "
        f"peak RSS {e2e['peak_rss_mb']:,.0f} MB ({e2e['peak_rss_mb'] / MEMORY_TARGET_MB:.3f} of 8 GB)"
    )
    ref_edges = 20_000 if args.quick else 100_000
    ref = report["fixpoint_reference"] = _child(_reference, ref_edges)
    same = report["fixpoint_kernel_small"] = _child(_kernel, ref_edges)
    print(
        f"anchor: pure-Python reference fix-point on {ref['edges']:,} edges {ref['seconds']:.2f} s, "
        f"vectorised {same['seconds']:.3f} s (x{ref['seconds'] / max(same['seconds'], 1e-9):.0f} faster)"
    )
    exp = report["exposure"] = _child(_exposure, exposure_edges, 50 if args.quick else 200)
    print(
        f"exposure on {exp['nodes']:,} nodes / {exp['edges']:,} edges (index {exp['index_seconds']:.1f} s): "
        f"random entities p50 {exp['p50_ms']:.1f} ms ({exp['p50_ms'] / EXPOSURE_TARGET_MS:.2f} of 100 ms), "
        f"p95 {exp['p95_ms']:.1f} ms, {exp['with_paths']}/{exp['queries']} with paths; "
        f"DPRK-side entities p50 {exp['network_p50_ms']:.1f} ms "
        f"({exp['network_p50_ms'] / EXPOSURE_TARGET_MS:.2f} of 100 ms), p95 {exp['network_p95_ms']:.1f} ms, "
        f"{exp['network_with_paths']}/{exp['queries']} with paths"
    )
    leads = report["leads"] = _child(_leads, lead_edges)
    print(
        f"leads on {leads['entities']:,} unlisted entities: precision@{leads['network']:,} "
        f"{leads['precision_at_network']:.3f} (random {leads['random_precision']:.4f}, "
        f"x{leads['precision_at_network'] / leads['random_precision']:.0f}); planted fronts found "
        f"{leads['front_recall_at_network']:.3f} of {leads['fronts']}; scoring {leads['seconds']:.2f} s"
    )
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
