"""``chokepoint maritime …``: ingest AIS, detect events, look up a vessel, generate scenarios."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import polars as pl
import typer

from chokepoint.clitools import HomeOption, JsonOption, console, err_console, print_json
from chokepoint.maritime.analysis import Analysis, analyse, tie_to_lists, vessel_report
from chokepoint.maritime.events import EVENT_SCHEMA
from chokepoint.maritime.evidence import event_evidence
from chokepoint.maritime.generator import generate
from chokepoint.maritime.ingest import FORMATS, parquet_inputs, read_ais, read_inputs
from chokepoint.maritime.params import EventParams
from chokepoint.maritime.schema import ReadReport, write_frames
from chokepoint.maritime.zones import dprk_ports, east_asia_anchorages
from chokepoint.store import Store

maritime_app = typer.Typer(
    help="AIS ingest, evasion events (STS, dark periods, DPRK calls, spoofing).", no_args_is_help=True
)

InputsArg = Annotated[
    list[Path], typer.Argument(help="AIS files: NMEA, MarineCadastre, DMA or other AIS CSV, or Parquet.")
]
FormatOption = Annotated[str, typer.Option("--format", help=f"Input format: {' | '.join(FORMATS)}.")]


def register(app: typer.Typer) -> None:
    app.add_typer(maritime_app, name="maritime")


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise typer.BadParameter(f"one of {', '.join(FORMATS)}", param_hint="--format")


def _print_report(report: ReadReport) -> None:
    line = (
        f"{report.path} ({report.format}): {report.lines:,} lines, {report.positions:,} positions, "
        f"{report.statics:,} static reports, {report.bad:,} bad"
    )
    if report.untimed:
        line += f", {report.untimed:,} without time"
    err_console.print(line, highlight=False)
    for example in report.bad_examples:
        err_console.print(f"  bad: {example}", highlight=False)


@maritime_app.command("ingest")
def ingest_command(
    inputs: InputsArg,
    out: Annotated[Path, typer.Option("-o", "--out", help="Folder for the normalised Parquet files.")],
    fmt: FormatOption = "auto",
    json_out: JsonOption = False,
) -> None:
    """Normalise AIS files to Parquet: <name>.positions.parquet and <name>.statics.parquet per input."""
    _check_format(fmt)
    written: list[dict[str, Any]] = []
    for path in inputs:
        frames = read_ais(path, fmt)
        pos, sta = write_frames(frames, out, path.name.split(".")[0])
        written.append({**frames.report.to_dict(), "positions_file": str(pos), "statics_file": str(sta)})
        if not json_out:
            _print_report(frames.report)
    if json_out:
        print_json(written)
    else:
        console.print(f"wrote {len(written)} input(s) to {out}")


def _geojson(events: pl.DataFrame) -> dict[str, Any]:
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
            "properties": {
                k: (v.isoformat() if hasattr(v, "isoformat") else v)
                for k, v in row.items()
                if k not in ("lat", "lon")
            },
        }
        for row in events.filter(pl.col("lat").is_not_null()).iter_rows(named=True)
    ]
    return {"type": "FeatureCollection", "features": features}


def _csv_frame(events: pl.DataFrame) -> pl.DataFrame:
    return events.select(list(EVENT_SCHEMA)).with_columns(
        pl.col("start").dt.strftime("%Y-%m-%dT%H:%M:%SZ"), pl.col("end").dt.strftime("%Y-%m-%dT%H:%M:%SZ")
    )


@maritime_app.command("events")
def events_command(
    inputs: InputsArg,
    out: Annotated[Path, typer.Option("-o", "--out", help="Events CSV to write.")],
    fmt: FormatOption = "auto",
    geojson: Annotated[
        Path | None, typer.Option("--geojson", help="Also write the events as GeoJSON points.")
    ] = None,
    evidence: Annotated[
        Path | None, typer.Option("--evidence", help="Also write each event's positions (Parquet).")
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            help="Run by day (and --regions) on Dask: 'local' or a scheduler address; Parquet inputs only.",
        ),
    ] = None,
    regions: Annotated[int, typer.Option("--regions", help="With --dask: longitude bands per day.")] = 1,
    param: Annotated[
        list[str] | None,
        typer.Option(
            "--param", help="Override a detector parameter, e.g. --param gap_min_hours=6 (repeatable)."
        ),
    ] = None,
    home: HomeOption = None,
    json_out: JsonOption = False,
) -> None:
    """Detect events; vessels are joined to the lists in the store when one exists."""
    _check_format(fmt)
    try:
        params = EventParams().with_settings(param or [])
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--param") from exc
    store = Store(home)
    listed = store if store.exists() else None
    reports: list[ReadReport] = []
    if dask is not None:
        from chokepoint.scale.dask_runner import WORLD, lon_bands, run_events  # Dask loads only when asked

        files, statics = parquet_inputs(inputs)
        boxes = lon_bands(regions) if regions > 1 else [WORLD]
        address = None if dask == "local" else dask
        events = run_events(
            files, statics, dprk_ports(), east_asia_anchorages(), params, boxes, address=address
        )
        positions = pl.scan_parquet([str(f) for f in files])
        seen = positions.select(pl.col("mmsi").unique()).collect()["mmsi"].to_list()
        analysis = tie_to_lists(events, statics, seen, listed)
    else:
        data = read_inputs(inputs, fmt)
        reports = data.reports
        for report in reports:
            _print_report(report)
        analysis = analyse(data.positions, data.statics, listed, params)
        positions = data.positions.lazy()
    out.parent.mkdir(parents=True, exist_ok=True)
    _csv_frame(analysis.events).write_csv(out)
    if geojson is not None:
        geojson.write_text(json.dumps(_geojson(analysis.events), ensure_ascii=False, default=str))
    if evidence is not None:
        involved = pl.concat([analysis.events["mmsi"], analysis.events["other_mmsi"].drop_nulls()]).unique()
        near = positions.filter(pl.col("mmsi").is_in(involved.implode())).collect()
        event_evidence(analysis.events, near).write_parquet(evidence)
    analysis.save(home)
    counts = dict(analysis.events.group_by("type").len().sort("type").iter_rows())
    if json_out:
        print_json(
            {
                "events": analysis.events.height,
                "by_type": counts,
                "inputs": [r.to_dict() for r in reports],
            }
        )
    else:
        summary = ", ".join(f"{n} {t}" for t, n in counts.items()) or "none"
        console.print(f"{analysis.events.height} events ({summary}) written to {out}")


@maritime_app.command("vessel")
def vessel_command(
    key: Annotated[str, typer.Argument(help="An IMO number (7 digits) or an MMSI (9 digits).")],
    home: HomeOption = None,
    json_out: JsonOption = False,
) -> None:
    """Identity history, events, sanctions and risk of one vessel from the last events run."""
    report = vessel_report(Analysis.load(home), key)
    if json_out:
        print_json(report)
        return
    for vessel in report["vessels"]:
        risk = vessel["risk"]
        console.print(
            f"[bold]MMSI {vessel['mmsi']}[/] flag {vessel['flag'] or '?'} — risk {risk['score']:.2f}"
        )
        for reason in risk["reasons"]:
            console.print(f"  reason: {reason['why']} (weight {reason['weight']})")
        for ident in vessel["identity_history"]:
            console.print(
                f"  identity {ident['first_seen']} … {ident['last_seen']}: {ident['name']} "
                f"IMO {ident['imo']} call sign {ident['call_sign']}"
            )
        for listed in vessel["sanctions"]:
            console.print(f"  listed: {listed['name']} ({listed['entity_id']}, matched on {listed['basis']})")
        for event in vessel["events"]:
            console.print(
                f"  {event['type']} {event['start']} … {event['end']} confidence {event['confidence']}"
            )


@maritime_app.command("generate")
def generate_command(
    out: Annotated[Path, typer.Option("-o", "--out", help="Folder for positions, statics and truth.")],
    seed: Annotated[int, typer.Option(help="Random seed.")] = 1,
    background: Annotated[int, typer.Option(help="Number of ordinary vessels.")] = 200,
    days: Annotated[float, typer.Option(help="Days of traffic.")] = 5.0,
) -> None:
    """Write a seeded scenario with planted evasion (positions/statics Parquet, truth CSV)."""
    scenario = generate(seed, dprk_ports(), background=background, days=days)
    out.mkdir(parents=True, exist_ok=True)
    scenario.positions.write_parquet(out / f"scenario-{seed}.positions.parquet")
    scenario.statics.write_parquet(out / f"scenario-{seed}.statics.parquet")
    scenario.truth.write_csv(out / f"scenario-{seed}.truth.csv")
    console.print(
        f"{scenario.positions.height:,} positions, {scenario.truth.height} planted events written to {out}"
    )
