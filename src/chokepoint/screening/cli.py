"""``chokepoint screen NAME``, ``screen batch``, ``screen pairs``, ``screen calibrate`` and ``resolve``.

``screen`` is a command group whose unknown first word is the name to screen: ``chokepoint screen
"Kim Jong Un" --schema Person`` and ``chokepoint screen batch in.csv -o out.csv`` both work; a name
that is itself a sub-command word is screened with ``chokepoint screen name batch``. The matcher is
imported inside the commands, so ``chokepoint --help`` and other areas' commands start fast.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from followthemoney.types import registry
from typer import _click as click  # the click that typer vendors: its Context and Command types
from typer.core import TyperGroup

from chokepoint.clitools import HomeOption, JsonOption, console, print_json, progress_bar
from chokepoint.config import home_dir
from chokepoint.errors import InputError
from chokepoint.screening.defaults import DEFAULT_RESOLVE_THRESHOLD, DEFAULT_THRESHOLD, MODEL_FILE
from chokepoint.store import Store

if TYPE_CHECKING:
    from chokepoint.screening.records import Query
    from chokepoint.screening.screener import Match

BATCH_COLUMNS = ("query_id", "entity_id", "source", "source_id", "score", "matched_name", "explanation")
_QUERY_COLUMNS = {
    "birth_date": "birth_date",
    "nationality": "nationality",
    "country": "country",
    "gender": "gender",
    "imo": "imo",
    "mmsi": "mmsi",
    "passport": "passport",
    "id_number": "id_number",
    "registration": "registration",
    "bic": "bic",
    "wallet": "wallet",
    "address": "address",
    "ticker": "ticker",
}
_CHUNK = 512


class ScreenGroup(TyperGroup):
    """A group whose first word, when it is not a sub-command, is the NAME for ``screen name``."""

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            return "name", self.commands["name"], args
        return super().resolve_command(ctx, args)


screen_app = typer.Typer(
    cls=ScreenGroup,
    help="Screen names against the loaded lists: one NAME, a CSV batch, or explicit pairs.",
    no_args_is_help=True,
)

ThresholdOption = Annotated[
    float, typer.Option("--threshold", min=0.0, max=1.0, help="Report matches scoring at least this.")
]
TopOption = Annotated[int, typer.Option("--top", min=1, max=100, help="Matches per query.")]


def register(app: typer.Typer) -> None:
    app.add_typer(screen_app, name="screen")
    app.command("resolve")(resolve_command)


def _match_line(match: Match) -> str:
    top = sorted(match.explanation.items(), key=lambda kv: -abs(kv[1]["contribution"]))[:4]
    why = ", ".join(f"{name} {v['contribution']:+.2f}" for name, v in top)
    return (
        f"{match.score:.3f}  {match.caption} [{match.entity_id}] {match.source} {match.source_id}"
        f"\n       matched {match.matched_name!r}: {why}"
    )


@screen_app.command("name")
def name_command(
    name: Annotated[str, typer.Argument(help="The name to screen (any script).")],
    schema: Annotated[
        str | None, typer.Option("--schema", help="Person, Organization, Company, Vessel or CryptoWallet.")
    ] = None,
    birth_date: Annotated[
        str | None, typer.Option("--birth-date", help="YYYY, YYYY-MM or YYYY-MM-DD.")
    ] = None,
    country: Annotated[str | None, typer.Option("--country", help="ISO 3166 code or country name.")] = None,
    nationality: Annotated[str | None, typer.Option("--nationality")] = None,
    imo: Annotated[str | None, typer.Option("--imo", help="IMO ship number (check digit verified).")] = None,
    mmsi: Annotated[str | None, typer.Option("--mmsi")] = None,
    wallet: Annotated[
        str | None, typer.Option("--wallet", help="Wallet address (checksum verified).")
    ] = None,
    ticker: Annotated[
        str | None, typer.Option("--ticker", help="Currency of --wallet, e.g. XBT, ETH.")
    ] = None,
    threshold: ThresholdOption = DEFAULT_THRESHOLD,
    top: TopOption = 10,
    home: HomeOption = None,
    json_out: JsonOption = False,
) -> None:
    """Screen one NAME (also: chokepoint screen NAME) and print ranked, explained matches."""
    from chokepoint.screening.cache import screener_for
    from chokepoint.screening.records import Query

    query = Query(
        name=name,
        schema=schema,
        birth_date=birth_date,
        country=_country(country),
        nationality=_country(nationality),
        imo=imo,
        mmsi=mmsi,
        wallet=wallet,
        ticker=ticker,
    )
    matches = screener_for(Store(home)).match(query, limit=top, threshold=threshold)
    if json_out:
        print_json([m.to_dict() for m in matches])
        return
    if not matches:
        console.print(f"no match at or above {threshold:.2f}")
    for match in matches:
        console.print(_match_line(match), highlight=False, markup=False)


def _country(value: str | None) -> str | None:
    if not value:
        return None
    code = registry.country.clean(value)
    return str(code) if code else value.lower()


def _rows(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(path, None, f"cannot read: {exc.strerror}") from exc
    with handle:
        reader = csv.DictReader(handle)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(
                path, "header", f"missing column(s) {', '.join(missing)}; need {', '.join(required)}"
            )
        try:
            for row in reader:
                yield reader.line_num, {k: (v or "").strip() for k, v in row.items() if k is not None}
        except (csv.Error, UnicodeDecodeError) as exc:
            raise InputError(path, f"line {reader.line_num}", f"not valid CSV: {exc}") from exc


def _query(path: Path, line: int, row: dict[str, str], name_column: str = "name") -> Query:
    from chokepoint.screening.records import Query, QueryError

    fields: dict[str, Any] = {attr: row[col] or None for col, attr in _QUERY_COLUMNS.items() if col in row}
    for key in ("country", "nationality"):
        fields[key] = _country(fields.get(key))
    query = Query(
        name=row.get(name_column, ""), schema=row.get("schema") or None, id=row.get("id") or None, **fields
    )
    try:
        query.to_record()
    except QueryError as exc:
        raise InputError(path, f"line {line} (id {row.get('id', '')})", exc.reason) from exc
    return query


def _open_output(path: Path) -> Any:
    try:
        return path.open("w", newline="", encoding="utf-8")
    except OSError as exc:
        raise InputError(path, None, f"cannot write: {exc.strerror}") from exc


@screen_app.command("batch")
def batch_command(
    input_csv: Annotated[
        Path, typer.Argument(help="CSV with id,schema,name (+ birth_date, country, imo ...).")
    ],
    output: Annotated[Path, typer.Option("-o", "--output", help="Where to write the matches (CSV).")],
    threshold: ThresholdOption = DEFAULT_THRESHOLD,
    top: TopOption = 5,
    home: HomeOption = None,
) -> None:
    """Screen every row of INPUT.csv; write ranked matches with scores and explanations to OUT.csv."""
    from chokepoint.screening.cache import screener_for

    queries = [_query(input_csv, line, row) for line, row in _rows(input_csv, ("id", "name"))]
    screener = screener_for(Store(home))
    written = 0
    with _open_output(output) as handle, progress_bar("screening", total=len(queries)) as progress:
        writer = csv.writer(handle)
        writer.writerow(BATCH_COLUMNS)
        for start in range(0, len(queries), _CHUNK):
            chunk = queries[start : start + _CHUNK]
            for query, matches in zip(chunk, screener.match_batch(chunk, top, threshold), strict=True):
                for m in matches:
                    writer.writerow(
                        [
                            query.id,
                            m.entity_id,
                            m.source,
                            m.source_id,
                            f"{m.score:.4f}",
                            m.matched_name,
                            json.dumps(m.explanation, sort_keys=True),
                        ]
                    )
                    written += 1
            progress.advance(progress.task_ids[0], len(chunk))
    console.print(
        f"screened {len(queries):,} queries: {written:,} matches at or above {threshold:.2f} -> {output}"
    )


@screen_app.command("pairs")
def pairs_command(
    input_csv: Annotated[Path, typer.Argument(help="CSV with id,schema,name1,name2.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Where to write the scores (CSV).")],
    home: HomeOption = None,
) -> None:
    """Score explicit name pairs (no lists needed): the input columns plus score and explanation."""
    from chokepoint.screening.scoring import load_model, score

    model = load_model(home_dir(home))
    rows = list(_rows(input_csv, ("id", "name1", "name2")))
    with _open_output(output) as handle, progress_bar("scoring", total=len(rows)) as progress:
        writer = csv.writer(handle)
        writer.writerow(["id", "schema", "name1", "name2", "score", "matched_name", "explanation"])
        for line, row in rows:
            a = _query(input_csv, line, row, "name1").to_record()
            b = _query(input_csv, line, row, "name2").to_record()
            scored = score(a, b, model)
            writer.writerow(
                [
                    row["id"],
                    row.get("schema", ""),
                    row["name1"],
                    row["name2"],
                    f"{scored.score:.4f}",
                    scored.matched_name,
                    json.dumps(scored.explanation, sort_keys=True),
                ]
            )
            progress.advance(progress.task_ids[0])
    console.print(f"scored {len(rows):,} pairs -> {output}")


@screen_app.command("calibrate")
def calibrate_command(
    home: HomeOption = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help=f"Default: <home>/screening/{MODEL_FILE}.")
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the generated training pairs.")] = 7,
    json_out: JsonOption = False,
) -> None:
    """Fit the name weights on pairs generated from the loaded lists; screening then uses them."""
    from chokepoint.screening.cache import store_key
    from chokepoint.screening.calibration import calibrate
    from chokepoint.screening.screener import records_from_entities

    store = Store(home)
    store_key(store)
    versions = {s: v.version_id for s, v in store.current_versions().items()}
    with progress_bar("calibrating"):
        model = calibrate(records_from_entities(store.entities()), versions, seed)
    target = output or store.home / "screening" / MODEL_FILE
    model.save(target)
    if json_out:
        print_json(json.loads(model.to_json()))
        return
    meta = model.metadata
    console.print(
        f"fitted on {meta['train_pairs']:,} pairs; held-out log-loss {meta.get('holdout_log_loss')}, "
        f"accuracy {meta.get('holdout_accuracy')} -> {target}"
    )


def resolve_command(
    threshold: Annotated[
        float, typer.Option("--threshold", min=0.0, max=1.0, help="Link records scoring at least this.")
    ] = DEFAULT_RESOLVE_THRESHOLD,
    home: HomeOption = None,
    json_out: JsonOption = False,
) -> None:
    """Cluster the records of one real-world party across the loaded lists (UN, OFAC ...)."""
    from chokepoint.screening.resolve import resolve_store

    store = Store(home)
    with progress_bar("resolving"):
        result = resolve_store(store, threshold)
    summary = result.summary()
    if json_out:
        print_json(summary)
        return
    console.print(
        f"{summary['clusters']:,} clusters of several records ({summary['cross_source']:,} across "
        f"sources) from {summary['records']:,} records -> {summary['path']}"
    )
