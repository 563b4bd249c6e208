"""``chokepoint payments …``: screen payment files, record dispositions, show the audit trail,
generate synthetic traffic."""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.table import Table

from chokepoint.clitools import HomeOption, JsonOption, console, print_json
from chokepoint.payments.alerts import CSV_COLUMNS, Alert
from chokepoint.payments.batch import screen_paths
from chokepoint.payments.dispositions import STATUSES, DispositionStore
from chokepoint.payments.generator import GeneratorConfig, generate
from chokepoint.store import Store

payments_app = typer.Typer(
    help="Screen ISO 20022 and SWIFT MT payments for a DPRK nexus; dispositions and audit trail.",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(payments_app, name="payments")


def write_csv(alerts: list[Alert], handle: TextIO) -> None:
    """One row per alert with the columns of ``CSV_COLUMNS``."""
    writer = csv.DictWriter(handle, fieldnames=list(CSV_COLUMNS), lineterminator="\n")
    writer.writeheader()
    for alert in alerts:
        writer.writerow(alert.csv_row())


@payments_app.command("screen")
def screen_command(
    files: Annotated[
        list[Path], typer.Argument(help="pacs.008 / pacs.009 XML, MT103 / MT202COV or RJE files.")
    ],
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Write alerts as CSV here (default: standard output)."),
    ] = None,
    home: HomeOption = None,
    json_out: JsonOption = False,
    include_dismissed: Annotated[
        bool, typer.Option("--include-dismissed", help="Also list alerts decided as false positives.")
    ] = False,
    typologies: Annotated[
        bool, typer.Option("--typologies/--no-typologies", help="Look for fan-in, fan-out, cycles ...")
    ] = True,
    matcher: Annotated[
        str, typer.Option("--matcher", help="Name matcher: words (default) or engine (chokepoint.screening).")
    ] = "words",
) -> None:
    """Screen every party, agent and free text of every message against the loaded lists."""
    if matcher not in ("words", "engine"):
        raise typer.BadParameter("words or engine", param_hint="--matcher")
    run = screen_paths(
        files,
        Store(home),
        typologies=typologies,
        include_dismissed=include_dismissed,
        matcher="engine" if matcher == "engine" else "words",
    )
    if output is not None:
        with output.open("w", newline="", encoding="utf-8") as handle:
            write_csv(run.alerts, handle)
    if json_out:
        print_json({**run.summary(), "alerts": [a.to_dict() for a in run.alerts]})
    elif output is None:
        write_csv(run.alerts, sys.stdout)
    else:
        summary = run.summary()
        console.print(
            f"{summary['messages']:,} messages, {summary['alert_count']:,} alerts on "
            f"{summary['messages_with_alerts']:,} messages "
            f"({summary['dismissed_false_positives']:,} set aside as false positives) -> {output}"
        )


@payments_app.command("dispose")
def dispose_command(
    alert_id: Annotated[str, typer.Argument(help="The alert id (in the evidence column, or --json output).")],
    status: Annotated[str, typer.Option("--status", help=f"One of: {', '.join(STATUSES)}.")],
    who: Annotated[str, typer.Option("--who", help="Who decided.")],
    why: Annotated[str, typer.Option("--why", help="Why: the reason kept in the audit trail.")],
    home: HomeOption = None,
    json_out: JsonOption = False,
) -> None:
    """Record a true or false positive decision on an alert; re-screening respects it."""
    decision = DispositionStore(Store(home).home).record(alert_id, status, who, why)
    if json_out:
        print_json(decision.to_dict())
    else:
        console.print(f"{decision.alert_id}: {decision.status} by {decision.who} at {decision.decided_at}")


@payments_app.command("trail")
def trail_command(
    alert_id: Annotated[str | None, typer.Option("--alert", help="Only this alert.")] = None,
    message_id: Annotated[str | None, typer.Option("--message", help="Only this message id or UETR.")] = None,
    home: HomeOption = None,
    json_out: JsonOption = False,
) -> None:
    """The audit trail: every disposition, oldest first."""
    trail = DispositionStore(Store(home).home).trail(alert_id, message_id)
    if json_out:
        print_json([d.to_dict() for d in trail])
        return
    table = Table("decided at", "alert", "message", "rule", "role", "party", "status", "who", "why")
    for d in trail:
        table.add_row(
            d.decided_at,
            d.alert_id,
            d.message_id or "",
            d.rule or "",
            d.party_role or "",
            (d.party_name or "")[:40],
            d.status,
            d.who,
            d.why,
        )
    console.print(table)


@payments_app.command("generate")
def generate_command(
    out_dir: Annotated[Path, typer.Argument(help="Folder for the message files and ground_truth.csv.")],
    seed: Annotated[int, typer.Option("--seed", help="Random seed: same seed, same files.")] = 1,
    messages: Annotated[int, typer.Option("--messages", help="Number of payments.")] = 2000,
    nexus_share: Annotated[float, typer.Option("--nexus-share", help="Share of DPRK-nexus payments.")] = 0.03,
    home: HomeOption = None,
    json_out: JsonOption = False,
) -> None:
    """Write synthetic pacs.008 / pacs.009 COV XML and MT103 / MT202COV RJE traffic with ground truth,
    hiding DPRK-nexus payments built from the store's listed parties among ordinary traffic."""
    config = GeneratorConfig(seed=seed, messages=messages, nexus_share=nexus_share)
    result = generate(config, Store(home), out_dir)
    if json_out:
        print_json(result.summary())
    else:
        summary = result.summary()
        console.print(f"wrote {summary['messages']:,} payments in {len(result.files)} files to {out_dir}")
