"""``chokepoint lists …``, ``chokepoint entity`` and ``chokepoint export``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from chokepoint.clitools import HomeOption, JsonOption, console, parse_as_of, print_json, progress_bar
from chokepoint.entity_view import entity_view, render_entity
from chokepoint.sources.ftm import write_ftm
from chokepoint.sources.load import load_source
from chokepoint.sources.registry import READER_MODULES
from chokepoint.store import LoadResult, Store

lists_app = typer.Typer(
    help="Load, update, inspect and diff the official sanctions lists.", no_args_is_help=True
)
export_app = typer.Typer(help="Export the stored entities.", no_args_is_help=True)

AsOfOption = Annotated[
    str | None, typer.Option("--as-of", help="Use the list versions in force on this date (YYYY-MM-DD).")
]


def register(app: typer.Typer) -> None:
    app.add_typer(lists_app, name="lists")
    app.add_typer(export_app, name="export")
    app.command("entity")(entity_command)


def _result_dict(result: LoadResult) -> dict[str, Any]:
    v = result.version
    return {
        "source": v.source,
        "version": v.version_id,
        "published": v.published,
        "sha256": v.sha256,
        "entities": v.entity_count,
        "created": result.created,
        "added": result.added,
        "removed": result.removed,
        "changed": result.changed,
    }


def _print_result(result: LoadResult) -> None:
    v = result.version
    if not result.created:
        console.print(
            f"{v.source} {v.version_id}: already loaded ({v.entity_count:,} entities), nothing changed"
        )
        return
    console.print(
        f"{v.source} {v.version_id}: loaded {v.entity_count:,} entities "
        f"(+{result.added:,} added, -{result.removed:,} removed, ~{result.changed:,} changed)"
    )


@lists_app.command("load")
def load_command(
    source: Annotated[str, typer.Argument(help=f"One of: {', '.join(READER_MODULES)}.")],
    path: Annotated[Path, typer.Argument(help="The list file (for ofac-sdn, the folder of the CSV set).")],
    home: HomeOption = None,
    json_out: JsonOption = False,
) -> None:
    """Load one list file into the store as a new version of its source."""
    store = Store(home)
    with progress_bar(f"reading {source}") as bar:
        result = load_source(store, source, path, progress=lambda n: bar.update(bar.task_ids[0], completed=n))
    if json_out:
        print_json(_result_dict(result))
    else:
        _print_result(result)


@lists_app.command("show")
def show_command(home: HomeOption = None, as_of: AsOfOption = None, json_out: JsonOption = False) -> None:
    """Sources, their versions, and entity counts by schema and programme."""
    store = Store(home)
    day = parse_as_of(as_of)
    current = store.current_versions(day)
    counts = store.counts(day) if current else {}
    data: list[dict[str, Any]] = [
        {
            "source": source,
            "version": info.version_id,
            "published": info.published,
            "sha256": info.sha256,
            "retrieved_at": info.retrieved_at,
            "entities": info.entity_count,
            "versions": [v.version_id for v in store.versions(source)],
            "schemata": counts[source]["schemata"],
            "programmes": counts[source]["programmes"],
        }
        for source, info in sorted(current.items())
    ]
    if json_out:
        print_json(data)
        return
    if not data:
        console.print(
            "No lists loaded yet. Try: chokepoint lists load un-sc FILE, or chokepoint lists update"
        )
        return
    for item in data:
        console.print(
            f"[bold]{item['source']}[/] version {item['version']} "
            f"({item['entities']:,} entities; {len(item['versions'])} version(s) stored)"
        )
        table = Table("schema", "count", box=None, padding=(0, 2))
        for schema, n in item["schemata"].items():
            table.add_row(schema, f"{n:,}")
        console.print(table)
        if item["programmes"]:
            top = sorted(item["programmes"].items(), key=lambda kv: -kv[1])
            console.print("  programmes: " + ", ".join(f"{p} {n:,}" for p, n in top))


@lists_app.command("update")
def update_command(
    sources: Annotated[
        list[str] | None, typer.Argument(help="Sources to update (default: un-sc ofac-sdn eu-fsf uk).")
    ] = None,
    from_dir: Annotated[
        Path | None, typer.Option("--from", help="Load local copies from this folder instead of downloading.")
    ] = None,
    base_url: Annotated[
        str | None, typer.Option("--base-url", help="Mirror serving <base-url>/<source>/<file name>.")
    ] = None,
    urls: Annotated[
        Path | None, typer.Option("--urls", help='JSON file of URLs: {"<source>[/<file>]": "https://…"}.')
    ] = None,
    home: HomeOption = None,
    json_out: JsonOption = False,
) -> None:
    """Download the official lists (timeouts, retries, size cap, sha256 recorded) and load them."""
    from chokepoint.clitools import err_console
    from chokepoint.errors import ChokepointError
    from chokepoint.sources.download import DEFAULT_SOURCES, DownloadConfig, load_local, update_source

    store = Store(home)
    config = DownloadConfig.from_env(base_url=base_url, urls_file=urls)
    chosen = sources or [s for s in DEFAULT_SOURCES if from_dir is not None or config.configured(s)]
    results: list[dict[str, Any]] = []
    failures = 0
    for source in chosen:
        try:
            if from_dir is not None:
                result, files = load_local(store, source, from_dir), []
            else:
                with progress_bar(f"downloading {source}") as bar:
                    update = update_source(
                        store,
                        source,
                        config,
                        progress=lambda name, done, total: bar.update(
                            bar.task_ids[0], description=f"downloading {name}", completed=done, total=total
                        ),
                    )
                result, files = update.load, [f.__dict__ for f in update.files]
        except ChokepointError as exc:
            failures += 1
            results.append({"source": source, "error": str(exc)})
            if not json_out:
                err_console.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
            continue
        results.append({**_result_dict(result), "files": files})
        if not json_out:
            for item in files:
                console.print(
                    f"  {item['name']}: {item['bytes']:,} bytes, sha256 {item['sha256']}", highlight=False
                )
            _print_result(result)
    if json_out:
        print_json(results)
    if failures:
        raise typer.Exit(code=2)


@lists_app.command("diff")
def diff_command(
    source: Annotated[str, typer.Argument(help="The source to compare versions of.")],
    from_version: Annotated[str | None, typer.Option("--from", help="Older version id.")] = None,
    to_version: Annotated[
        str | None, typer.Option("--to", help="Newer version id (default: newest).")
    ] = None,
    home: HomeOption = None,
    json_out: JsonOption = False,
) -> None:
    """Entities added, removed and changed (with the changed properties) between two versions."""
    diff = Store(home).diff(source, from_version, to_version)
    if json_out:
        print_json(
            {
                "source": diff.source,
                "from": diff.old,
                "to": diff.new,
                "added": diff.count("added"),
                "removed": diff.count("removed"),
                "changed": diff.count("changed"),
                "changes": [c.__dict__ for c in diff.changes],
            }
        )
        return
    console.print(
        f"{diff.source}: {diff.old or '(nothing)'} -> {diff.new}: "
        f"+{diff.count('added'):,} added, -{diff.count('removed'):,} removed, "
        f"~{diff.count('changed'):,} changed"
    )
    marks = {"added": "[green]+[/]", "removed": "[red]-[/]", "changed": "[yellow]~[/]"}
    for change in diff.changes:
        console.print(
            f"{marks[change.change]} {change.id} ({change.schema}) {change.caption or ''}", highlight=False
        )
        for prop, delta in change.properties.items():
            for value in delta["removed"]:
                console.print(f"    - {prop}: {value}", highlight=False)
            for value in delta["added"]:
                console.print(f"    + {prop}: {value}", highlight=False)


def entity_command(
    entity_id: Annotated[
        str, typer.Argument(metavar="ID", help="Entity id, e.g. un-sc-KPe.020 or ofac-sdn-12345.")
    ],
    home: HomeOption = None,
    as_of: AsOfOption = None,
    json_out: JsonOption = False,
) -> None:
    """One entity with names, aliases, identifiers, sanctions, links and provenance."""
    view = entity_view(Store(home), entity_id, parse_as_of(as_of))
    if json_out:
        print_json(view)
    else:
        render_entity(view, console)


@export_app.command("ftm")
def export_ftm_command(
    output: Annotated[
        Path, typer.Option("-o", "--output", help="FtM JSON lines file to write ('-' for stdout).")
    ],
    source: Annotated[list[str] | None, typer.Option("--source", help="Only these sources.")] = None,
    home: HomeOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Write the current entities (with provenance) as FollowTheMoney JSON lines."""
    store = Store(home)
    count = write_ftm(store.entities(sources=source, as_of=parse_as_of(as_of)), output)
    if str(output) != "-":
        console.print(f"wrote {count:,} entities to {output}")
