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


def _run(*args: str) -> None:
    """Run one ``chokepoint`` command in this process, as a user would type it."""
    from chokepoint.cli import app

    console.print(f"[dim]$ chokepoint {' '.join(args)}[/]", highlight=False)
    app(list(args), standalone_mode=False)


def _screening(home: str) -> None:
    console.print("\n[bold]3. Screening across scripts and romanizations[/]")
    _run("screen", "Ri Che-son", "--schema", "Person", "--top", "3", "--home", home)
    _run("screen", "리제선", "--schema", "Person", "--top", "3", "--home", home)
    _run("screen", "CHON MA SAN", "--schema", "Vessel", "--imo", "8660313", "--top", "2", "--home", home)


def _maritime(home: str, work: Path) -> None:
    console.print("\n[bold]4. Maritime: a seeded AIS scenario with planted evasion, tied to the lists[/]")
    scenario = work / "ais"
    _run("maritime", "generate", "--seed", "1", "-o", str(scenario))
    events = work / "events.csv"
    _run("maritime", "events", str(scenario), "-o", str(events), "--home", home)


def _network(work: Path) -> None:
    console.print(
        "\n[bold]5. Networks: ownership, exposure, leads and chokepoints on a generated registry[/]"
    )
    registry, graph_home = work / "registry", str(work / "network-home")
    _run("graph", "generate", str(registry), "--edges", "3000", "--seed", "7")
    for name in ("", "listed.ftm.jsonl", "accounts.ftm.jsonl"):
        _run("graph", "load", str(registry / name) if name else str(registry), "--home", graph_home)
    _run("graph", "ownership", "-o", str(work / "verdicts.csv"), "--home", graph_home)
    _run("graph", "leads", "--top", "5", "--home", graph_home)
    _run("graph", "chokepoints", "--seeds", "DPRK", "--top", "3", "--home", graph_home)


def _payments(home: str, work: Path) -> None:
    console.print("\n[bold]6. Payments: real-format MT103 and pacs.008 messages, every party screened[/]")
    samples = sorted((shared_data_dir() / "payments").glob("*/*.*"))
    files = [str(p) for p in samples if p.suffix in (".rje", ".xml")]
    if files:
        _run("payments", "screen", *files, "-o", str(work / "alerts.csv"), "--home", home)
    console.print("[bold]   … and a generated day of traffic hiding DPRK-nexus payments[/]")
    traffic = work / "payments"
    _run("payments", "generate", str(traffic), "--seed", "7", "--messages", "2000", "--home", home)
    batch = sorted(str(p) for p in traffic.iterdir() if p.suffix in (".xml", ".rje"))
    _run("payments", "screen", *batch, "-o", str(work / "generated-alerts.csv"), "--home", home)


def main() -> None:
    store = Store()
    home = str(store.home)
    work = store.home / "demo"
    work.mkdir(parents=True, exist_ok=True)
    console.rule("[bold]Chokepoint demo")
    console.print(f"store: {store.path.resolve()}")
    console.print("[bold]1. Lists[/]")
    _load_lists(store)
    _summary(store)
    console.print("\n[bold]2. One entity, with its sanctions, links and provenance[/]")
    render_entity(entity_view(store, "un-sc-KPe.020"), console)
    _screening(home)
    _maritime(home, work)
    _network(work)
    _payments(home, work)
    console.rule(f"[bold]done: outputs under {work}")


if __name__ == "__main__":
    main()
