"""Corporate registry CSV: companies, officers and shareholders with their stakes.

A registry export is one CSV per table, or a folder holding ``companies.csv``, ``officers.csv`` and
``shareholders.csv``; the table is recognised by its header. All files are UTF-8 with a header row;
columns not listed are ignored; empty cells are missing values.

==============  ==========================================================================================
table           columns (required in bold)
==============  ==========================================================================================
companies       **company_id**, **name**, jurisdiction (ISO 3166 alpha-2), registration_number, address,
                phone, email, incorporation_date, dissolution_date
officers        **company_id**, **officer_id**, officer_name, officer_type (``person`` | ``company``), role,
                start_date, end_date, address, phone, email
shareholders    **company_id**, **holder_id**, **percentage** (text: "50%", "0.5", "25-50%", "majority", …),
                holder_name, holder_type (``person`` | ``company``), start_date, end_date
==============  ==========================================================================================

Ids are used as they are, so a registry row can point at a listed party by its list id (for example
``ofac-sdn-12345``). Dates are ISO (``2019``, ``2019-05`` or ``2019-05-17``).
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from chokepoint.errors import InputError
from chokepoint.network.frames import EDGE_SCHEMA, NODE_SCHEMA, VALUE_SCHEMA, GraphFrames, parse_day
from chokepoint.network.percentages import PercentageError, parse_percentage
from chokepoint.network.values import normalise

TABLES: dict[str, tuple[str, ...]] = {
    "shareholders": ("company_id", "holder_id", "percentage"),
    "officers": ("company_id", "officer_id"),
    "companies": ("company_id", "name"),
}
"""Each table's required columns, most specific first (the header decides the table)."""

FOLDER_FILES = ("companies.csv", "officers.csv", "shareholders.csv")
_VALUE_COLUMNS = {
    "address": "address",
    "phone": "phone",
    "email": "email",
    "registration_number": "identifier",
}


class RegistryFormatError(InputError):
    """A registry CSV without the columns of any known table, or with a value that cannot be read."""


def table_of(path: Path, header: list[str]) -> str:
    """Which registry table a header belongs to."""
    for table, required in TABLES.items():
        if set(required) <= set(header):
            return table
    wanted = "; ".join(f"{t}: {', '.join(cols)}" for t, cols in TABLES.items())
    raise RegistryFormatError(path, "header", f"not a registry table (needs the columns of one of: {wanted})")


def _read_csv(path: Path) -> pl.DataFrame:
    try:
        frame = pl.read_csv(path, infer_schema=False)
    except (pl.exceptions.PolarsError, OSError, UnicodeDecodeError) as exc:
        raise RegistryFormatError(path, None, f"cannot read CSV: {exc}") from exc
    frame = frame.rename({c: c.strip().lower() for c in frame.columns})
    return frame.with_columns(pl.col(c).str.strip_chars().replace("", None) for c in frame.columns)


def _column(frame: pl.DataFrame, name: str) -> pl.Expr:
    return pl.col(name) if name in frame.columns else pl.lit(None, pl.String)


def _dates(path: Path, frame: pl.DataFrame, column: str, end: bool) -> pl.Series:
    if column not in frame.columns:
        return pl.Series(column, [None] * frame.height, dtype=pl.Date)
    lookup = {}
    for text in frame[column].drop_nulls().unique().to_list():
        day = parse_day(text, end=end)
        if day is None:
            row = frame.with_row_index("row").filter(pl.col(column) == text)["row"][0] + 2
            raise RegistryFormatError(
                path, f"line {row}", f"{column} {text!r} is not a date (YYYY[-MM[-DD]])"
            )
        lookup[text] = day
    return frame[column].replace_strict(lookup, default=None, return_dtype=pl.Date).alias(column)


def _stakes(path: Path, frame: pl.DataFrame) -> tuple[pl.Series, pl.Series]:
    bounds: dict[str, tuple[float, float]] = {}
    for text in frame["percentage"].drop_nulls().unique().to_list():
        try:
            bounds[text] = parse_percentage(text)
        except PercentageError as exc:
            row = frame.with_row_index("row").filter(pl.col("percentage") == text)["row"][0] + 2
            raise RegistryFormatError(path, f"line {row}", exc.reason) from exc
    low = frame["percentage"].replace_strict(
        {k: v[0] for k, v in bounds.items()}, default=0.0, return_dtype=pl.Float64
    )
    high = frame["percentage"].replace_strict(
        {k: v[1] for k, v in bounds.items()}, default=100.0, return_dtype=pl.Float64
    )
    return low, high


def _require_ids(path: Path, frame: pl.DataFrame, columns: tuple[str, ...]) -> None:
    for column in columns:
        missing = frame.with_row_index("row").filter(pl.col(column).is_null())
        if missing.height:
            raise RegistryFormatError(path, f"line {missing['row'][0] + 2}", f"empty {column}")


def _values(frame: pl.DataFrame, node_column: str, region: pl.Expr) -> pl.DataFrame:
    parts = []
    for column, kind in _VALUE_COLUMNS.items():
        if column not in frame.columns:
            continue
        raw = frame.select(node=pl.col(node_column), raw=pl.col(column), region=region).drop_nulls("raw")
        unique = raw.select("raw", "region").unique()
        mapped = unique.with_columns(
            value=pl.Series(
                [normalise(kind, r, g) for r, g in unique.iter_rows()],
                dtype=pl.String,
            )
        )
        parts.append(
            raw.join(mapped, on=["raw", "region"], how="left", nulls_equal=True)
            .drop_nulls("value")
            .select("node", kind=pl.lit(kind), value="value")
        )
    return pl.concat(parts) if parts else pl.DataFrame(schema=VALUE_SCHEMA)


def _evidence(path: Path, table: str, frame: pl.DataFrame) -> pl.Expr:
    return pl.format("{}:{} line {}", pl.lit(path.name), pl.lit(table), pl.int_range(2, frame.height + 2))


def _read_table(path: Path, origin: str) -> GraphFrames:
    frame = _read_csv(path)
    table = table_of(path, frame.columns)
    _require_ids(path, frame, TABLES[table][:2])
    empty_nodes = pl.DataFrame(schema=NODE_SCHEMA)
    if table == "companies":
        nodes = frame.select(
            id=pl.col("company_id"),
            schema=pl.lit("Company"),
            caption=pl.col("name"),
            listed=pl.lit(False),
            programs=pl.lit(None, pl.String),
            origin=pl.lit(origin),
        )
        values = _values(frame, "company_id", _column(frame, "jurisdiction"))
        return GraphFrames(nodes, pl.DataFrame(schema=EDGE_SCHEMA), values)
    if table == "officers":
        kind_column, party, name = "officer_type", "officer_id", "officer_name"
        edge_kind, low, high = pl.lit("directorship"), pl.lit(None, pl.Float64), pl.lit(None, pl.Float64)
        default_schema = "Person"
    else:
        kind_column, party, name = "holder_type", "holder_id", "holder_name"
        stake_low, stake_high = _stakes(path, frame)
        frame = frame.with_columns(stake_low=stake_low, stake_high=stake_high)
        edge_kind, low, high = pl.lit("ownership"), pl.col("stake_low"), pl.col("stake_high")
        default_schema = "LegalEntity"
    schema = (
        pl.when(_column(frame, kind_column).str.to_lowercase() == "person")
        .then(pl.lit("Person"))
        .when(_column(frame, kind_column).str.to_lowercase() == "company")
        .then(pl.lit("Company"))
        .otherwise(pl.lit(default_schema))
    )
    nodes = frame.select(
        id=pl.col(party),
        schema=schema,
        caption=pl.coalesce(_column(frame, name), pl.col(party)),
        listed=pl.lit(False),
        programs=pl.lit(None, pl.String),
        origin=pl.lit(origin),
    ).unique("id", keep="first", maintain_order=True)
    edges = frame.with_columns(
        start=_dates(path, frame, "start_date", end=False), end=_dates(path, frame, "end_date", end=True)
    ).select(
        source=pl.col(party),
        target=pl.col("company_id"),
        kind=edge_kind,
        pct_min=low,
        pct_max=high,
        start="start",
        end="end",
        evidence=_evidence(path, table, frame),
    )
    values = _values(frame, party, pl.lit(None, pl.String))
    return GraphFrames(nodes if nodes.height else empty_nodes, edges, values)


def read_registry(path: Path) -> GraphFrames:
    """Nodes, edges and values from one registry CSV or a folder of them (see the module docstring)."""
    if not path.exists():
        raise RegistryFormatError(path, None, "no such file or folder")
    if path.is_dir():
        files = [path / name for name in FOLDER_FILES if (path / name).is_file()]
        if not files:
            raise RegistryFormatError(path, None, f"a registry folder needs one of {', '.join(FOLDER_FILES)}")
    else:
        files = [path]
    return GraphFrames.concat(_read_table(file, f"registry:{path.name}") for file in files)
