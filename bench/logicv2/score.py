"""Score bench pairs and screening queries with nomenklatura's logic-v2 (run inside .venv-logicv2).

Called by ``bench/screening.py`` as a subprocess, so that the matcher runs with its own pinned
dependencies (``bench/logicv2/requirements.txt``). Input (JSON file named on the command line)::

    {"pairs": [{"schema": "Person", "name1": "...", "name2": "..."}, ...],
     "queries": [{"query": <FtM entity dict>, "candidates": [<FtM entity dict>, ...]}, ...]}

Output (JSON on stdout): ``pair_scores`` (one logic-v2 score per pair, in order), and for the
queries ``queries``, ``comparisons``, ``cpu_seconds`` (process CPU time of the query loop, one core)
and ``wall_seconds``; plus the ``nomenklatura`` version. Each query is compared with every one of its
candidates, as yente does after its index search (the retrieval is given to logic-v2 for free).
"""

from __future__ import annotations

import json
import os
import sys
import time
from importlib.metadata import version
from typing import Any

from followthemoney import model
from nomenklatura.matching import LogicV2, ScoringConfig


def _pair_entity(schema: str, name: str, key: str) -> Any:
    return model.get_proxy({"id": key, "schema": schema, "properties": {"name": [name]}})


def main() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    with open(sys.argv[1], encoding="utf-8") as handle:
        spec = json.load(handle)
    config = ScoringConfig.defaults()
    pair_scores = []
    for number, pair in enumerate(spec["pairs"]):
        schema = pair["schema"] or "LegalEntity"
        left = _pair_entity(schema, pair["name1"], f"q{number}")
        right = _pair_entity(schema, pair["name2"], f"r{number}")
        pair_scores.append(LogicV2.compare(left, right, config).score)
    queries = [
        (model.get_proxy(q["query"]), [model.get_proxy(c) for c in q["candidates"]]) for q in spec["queries"]
    ]
    comparisons = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for query, candidates in queries:
        for candidate in candidates:
            LogicV2.compare(query, candidate, config)
            comparisons += 1
    result = {
        "nomenklatura": version("nomenklatura"),
        "pair_scores": pair_scores,
        "queries": len(queries),
        "comparisons": comparisons,
        "cpu_seconds": time.process_time() - cpu,
        "wall_seconds": time.perf_counter() - wall,
    }
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
