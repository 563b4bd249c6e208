"""``make demo``: load the UN and OFAC lists and show what Chokepoint makes of them.

Uses the copies under ``$CHOKEPOINT_SHARED_DATA`` (default ``../shared/data``) when present, else
downloads the official files (``chokepoint lists update``). Everything goes to the home folder
(``$CHOKEPOINT_HOME``, else ``./.chokepoint``).
"""

from __future__ import annotations

import time
from pathlib import Path

from rich.console import Console

from chokepoint.config import shared_data_dir
from chokepoint.entity_view import entity_view, render_entity
from chokepoint.sources.load import load_source
from chokepoint.store import Store

console = Console()

LOCAL_LISTS: tuple[tuple[str, str], ...] = (
    ("un-sc", "lists/un/UN_consolidated_2026-02-27.xml"),
    ("ofac-sdn", "lists/ofac_sdn_2021-07"),
)


def _load_lists(store: Store) -> None:
    data = shared_data_dir()
    local = [(source, data / rel) for source, rel in LOCAL_LISTS]
    if all(path.exists() for _, path in local):
        for source, path in local:
            _load_one(store, source, path)
        return
    from chokepoint.sources.download import DownloadConfig, update_source

    console.print(f"[yellow]no local lists under {data}: downloading the official files[/]")
    config = DownloadConfig.from_env()
    for source, _ in LOCAL_LISTS:
        result = update_source(store, source, config)
        console.print(f"  {source:9s} {result.load.version.entity_count:>7,} entities from {result.path}")


def _load_one(store: Store, source: str, path: Path) -> None:
    started = time.perf_counter()
    result = load_source(store, source, path)
    took = time.perf_counter() - started
    state = "loaded" if result.created else "already loaded"
    console.print(
        f"  {source:9s} {state} {result.version.entity_count:>7,} entities "
        f"(version {result.version.version_id}) in {took:.1f} s"
    )


def _summary(store: Store) -> None:
    counts = store.counts()
    for source, info in counts.items():
        schemata = ", ".join(f"{n:,} {schema}" for schema, n in sorted(info["schemata"].items()))
        console.print(f"  [bold]{source}[/]: {schemata}")
        dprk = {p: n for p, n in info["programmes"].items() if p.startswith("DPRK")}
        if dprk:
            console.print("    DPRK programmes: " + ", ".join(f"{p} {n:,}" for p, n in sorted(dprk.items())))


def main() -> None:
    store = Store()
    console.rule("[bold]Chokepoint demo")
    console.print(f"store: {store.path.resolve()}")
    console.print("[bold]1. Lists[/]")
    _load_lists(store)
    _summary(store)
    console.print("\n[bold]2. One entity, with its sanctions, links and provenance[/]")
    render_entity(entity_view(store, "un-sc-KPe.020"), console)


if __name__ == "__main__":
    main()
