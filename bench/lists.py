"""Load time and peak memory of the UN and OFAC lists into a fresh store.

Target (issue 2): UN + OFAC together in under 5 s on this machine. Each run loads both lists into
an empty home folder in a child process, so the peak resident memory is that of the load alone.

    python bench/lists.py [--repeat N] [--quick]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from chokepoint.config import shared_data_dir

TARGET_SECONDS = 5.0

_CHILD = """
import json, resource, sys, time
from pathlib import Path
from chokepoint.sources.load import load_source
from chokepoint.store import Store
home, un, ofac = sys.argv[1:4]
store = Store(home)
timings = {}
start = time.perf_counter()
for source, path in (("un-sc", un), ("ofac-sdn", ofac)):
    t0 = time.perf_counter()
    result = load_source(store, source, Path(path))
    timings[source] = {"seconds": time.perf_counter() - t0, "entities": result.version.entity_count}
timings["total_seconds"] = time.perf_counter() - start
timings["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(timings))
"""


def run_once(un: Path, ofac: Path) -> dict[str, float | dict[str, float]]:
    with tempfile.TemporaryDirectory() as home:
        out = subprocess.run(
            [sys.executable, "-c", _CHILD, home, str(un), str(ofac)],
            check=True,
            capture_output=True,
            text=True,
        )
    result: dict[str, float | dict[str, float]] = json.loads(out.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="one run only")
    args = parser.parse_args()
    data = shared_data_dir()
    un = data / "lists/un/UN_consolidated_2026-02-27.xml"
    ofac = data / "lists/ofac_sdn_2021-07"
    runs = [run_once(un, ofac) for _ in range(1 if args.quick else args.repeat)]
    best = min(runs, key=lambda r: float(r["total_seconds"]))  # type: ignore[arg-type]
    total = float(best["total_seconds"])  # type: ignore[arg-type]
    print(f"lists: UN + OFAC load into a fresh store, best of {len(runs)}")
    for source in ("un-sc", "ofac-sdn"):
        info = best[source]
        assert isinstance(info, dict)
        print(f"  {source:9s} {info['seconds']:6.2f} s  {int(info['entities']):>7,} entities")
    print(
        f"  total     {total:6.2f} s  (target {TARGET_SECONDS:.0f} s: {total / TARGET_SECONDS:.2f} of target)"
    )
    print(f"  peak RSS  {float(best['peak_rss_mb']):6.0f} MB")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
