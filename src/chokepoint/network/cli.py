"""``chokepoint graph …``: load registries, the 50 % rules, exposure, leads, chokepoints, exports."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import numpy as np
import typer
from rich.table import Table

from chokepoint.clitools import HomeOption, JsonOption, console, parse_as_of, print_json, progress_bar
from chokepoint.network.chokepoints import find_chokepoints, program_seeds
from chokepoint.network.export import FORMATS, neighbourhood, write_export
from chokepoint.network.exposure import ExposureIndex, ExposureParams
from chokepoint.network.generator import generate
from chokepoint.network.leads import rank_leads
from chokepoint.network.ownership import VERDICTS, Rule, ownership_verdicts, verdict_table
from chokepoint.network.storage import import_file, imports, load_graph
from chokepoint.store import Store

graph_app = typer.Typer(
    help="Ownership (OFAC 50 % / EU), exposure paths, leads and chokepoints over lists and registries.",
    no_args_is_help=True,
)

AsOfOption = Annotated[
    str | None,
    typer.Option("--as-of", help="Lists in force and relationships not ended on this date (YYYY-MM-DD)."),
]


def register(app: typer.Typer) -> None:
    app.add_typer(graph_app, name="graph")


@graph_app.command("load")
def load_command(
    path: Annotated[Path, typer.Argument(help="Registry CSV (or folder of them) or FtM JSON lines.")],
    fmt: Annotated[
        str | None, typer.Option("--format", help="registry or ftm (default: from the file name).")
    ] = None,
    home: HomeOption = None,
    json_out: JsonOption = False,
) -> None:
    """Import a registry or FtM file into the graph (kept as Parquet under <home>/graph/)."""
    with progress_bar(f"reading {path.name}"):
        info = import_file(Store(home), path, fmt)
    if json_out:
        print_json(info.__dict__)
        return
    state = "imported" if info.created else "already imported"
    console.print(
        f"{path}: {state} as {info.format} {info.key} "
        f"({info.nodes:,} nodes, {info.edges:,} edges, {info.values:,} values)",
        highlight=False,
    )


@graph_app.command("imports")
def imports_command(home: HomeOption = None, json_out: JsonOption = False) -> None:
    """The registry and FtM files imported into the graph."""
    found = imports(Store(home))
    if json_out:
        print_json([info.__dict__ for info in found])
        return
    if not found:
        console.print("No files imported yet. Try: chokepoint graph load FILE")
    for info in found:
        console.print(
            f"{info.key} {info.format} {info.path} ({info.nodes:,} nodes, {info.edges:,} edges, "
            f"{info.values:,} values; {info.loaded_at})",
            highlight=False,
        )


@graph_app.command("generate")
def generate_command(
    folder: Annotated[Path, typer.Argument(help="Folder to write the synthetic registry into.")],
    edges: Annotated[int, typer.Option("--edges", min=100, help="Ownership edges to generate.")] = 1_000,
    seed: Annotated[int, typer.Option("--seed", help="Random seed.")] = 0,
) -> None:
    """Write a seeded synthetic DPRK registry (CSV + listed parties as FtM + ground truth)."""
    paths = generate(edges, seed).write_registry(folder)
    for name, path in paths.items():
        console.print(f"{name}: {path}", highlight=False)


@graph_app.command("ownership")
def ownership_command(
    output: Annotated[Path, typer.Option("-o", "--output", help="CSV file to write the verdicts to.")],
    rule: Annotated[
        Rule, typer.Option("--rule", help="ofac (50 % or more) or eu (more than 50 % or control).")
    ] = Rule.OFAC,
    as_of: AsOfOption = None,
    only_caught: Annotated[
        bool, typer.Option("--only-caught", help="Only blocked and possibly blocked entities.")
    ] = False,
    home: HomeOption = None,
) -> None:
    """Blocked / possibly blocked / not blocked for every owned entity, with evidence, as CSV."""
    day = parse_as_of(as_of)
    graph = load_graph(Store(home), day)
    result = ownership_verdicts(graph, rule, day)
    table = verdict_table(graph, result, only_caught)
    table.write_csv(output)
    counts = np.bincount(result.status, minlength=3)
    summary = ", ".join(f"{VERDICTS[i]} {int(counts[i]):,}" for i in (2, 1))
    console.print(
        f"{rule.value}: {summary} ({result.rounds} rounds); wrote {table.height:,} rows to {output}"
    )


@graph_app.command("exposure")
def exposure_command(
    entity_id: Annotated[str, typer.Argument(metavar="ID", help="Entity id.")],
    k: Annotated[int, typer.Option("--k", min=1, max=50, help="Paths to return.")] = 5,
    max_hops: Annotated[int, typer.Option("--max-hops", min=1, max=12, help="Longest path in edges.")] = 6,
    home: HomeOption = None,
    json_out: JsonOption = False,
) -> None:
    """The k strongest explainable paths from an entity to listed parties, and its exposure score."""
    graph = load_graph(Store(home))
    exposure = ExposureIndex(graph, ExposureParams(max_hops=max_hops)).query(entity_id, k)
    if json_out:
        print_json(exposure.to_dict())
        return
    state = " (listed)" if exposure.listed else ""
    console.print(f"[bold]{entity_id}[/]{state}: exposure {exposure.score:.3f}", highlight=False)
    for n, path in enumerate(exposure.paths, start=1):
        console.print(f"  {n}. to {path.listed} strength {path.strength:.3f}", highlight=False)
        for step in path.steps:
            arrow = "->" if step.forward else "<-"
            stake = f" {step.stake[0]:g}-{step.stake[1]:g}%" if step.stake else ""
            console.print(
                f"     {step.source} {arrow}[{step.kind}{stake}] {step.target}  ({step.evidence})",
                highlight=False,
            )


@graph_app.command("leads")
def leads_command(
    top: Annotated[int, typer.Option("--top", min=1, help="How many leads.")] = 20,
    home: HomeOption = None,
    json_out: JsonOption = False,
) -> None:
    """Unlisted entities ranked by their ties to listed parties, with reasons."""
    leads = rank_leads(load_graph(Store(home)), top)
    if json_out:
        print_json([lead.to_dict() for lead in leads])
        return
    table = Table("score", "entity", "reasons", box=None, padding=(0, 1))
    for lead in leads:
        reasons = "; ".join(
            f"{r.edge_kinds[0]} {r.listed}"
            if r.via is None
            else f"{'+'.join(r.edge_kinds)} via {r.via} -> {r.listed}"
            for r in lead.reasons[:3]
        )
        table.add_row(f"{lead.score:.3f}", f"{lead.entity} {lead.caption or ''}", reasons)
    console.print(table)


@graph_app.command("chokepoints")
def chokepoints_command(
    seeds: Annotated[
        str, typer.Option("--seeds", help="Programme code prefix(es), e.g. DPRK or DPRK,NPWMD.")
    ],
    top: Annotated[int, typer.Option("--top", min=1, help="How many designations to pick.")] = 10,
    targets: Annotated[
        list[str] | None, typer.Option("--target", help="Target ids (default: banks by name).")
    ] = None,
    home: HomeOption = None,
    json_out: JsonOption = False,
) -> None:
    """The designations that cut the most paths from programme seeds to the financial system."""
    graph = load_graph(Store(home))
    target_nodes = np.array([graph.index(t) for t in targets], dtype=np.int64) if targets else None
    report = find_chokepoints(graph, program_seeds(graph, seeds), target_nodes, top)
    if json_out:
        print_json(report.to_dict())
        return
    console.print(
        f"{report.seeds} seeds, {report.targets} targets, {report.relevant_nodes:,} nodes on paths; "
        f"{report.channels:,} channels reachable; minimum cut {report.min_cut}",
        highlight=False,
    )
    table = Table(
        "#", "designate", "betweenness", "articulation", "channels", "min cut", box=None, padding=(0, 1)
    )
    for n, pick in enumerate(report.picks, start=1):
        table.add_row(
            str(n),
            f"{pick.entity} {pick.caption or ''}",
            f"{pick.betweenness:.1f}",
            "yes" if pick.articulation_point else "",
            f"{pick.channels_before:,} -> {pick.channels_after:,}",
            f"{pick.min_cut_before} -> {pick.min_cut_after}",
        )
    console.print(table)


@graph_app.command("export")
def export_command(
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
    fmt: Annotated[str, typer.Option("--format", help=f"One of: {', '.join(FORMATS)}.")] = "graphml",
    around: Annotated[list[str] | None, typer.Option("--around", help="Only nodes near these ids.")] = None,
    hops: Annotated[int, typer.Option("--hops", min=0, max=6, help="Neighbourhood radius in edges.")] = 2,
    home: HomeOption = None,
) -> None:
    """Export the graph (or the neighbourhood of some ids) to GraphML or Cytoscape JSON."""
    if fmt not in FORMATS:
        raise typer.BadParameter(f"one of {', '.join(FORMATS)}", param_hint="--format")
    graph = load_graph(Store(home))
    count = write_export(graph, neighbourhood(graph, around or [], hops), fmt, output)
    console.print(f"wrote {count:,} nodes to {output}")
