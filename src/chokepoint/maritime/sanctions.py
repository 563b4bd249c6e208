"""Tying AIS vessels to the sanctions lists in the store.

Vessels are joined to the store's ``Vessel`` entities by IMO number and MMSI first; names
(every name the MMSI has broadcast, normalised) only for vessels that matched on neither.
Owners come from ``Ownership`` (owner -> asset) and ``UnknownLink`` relations. A vessel entity
counts as sanctioned when it carries the ``sanction`` topic; an owner likewise.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import polars as pl
from followthemoney import EntityProxy
from normality import normalize

from chokepoint.maritime.events import EVENT_SCHEMA, make_events
from chokepoint.maritime.imo import parse_imo
from chokepoint.store import Store


@dataclass(frozen=True)
class ListedVessel:
    """A vessel entity from the lists, with what the join needs."""

    entity_id: str
    name: str
    names: tuple[str, ...]
    imo: int | None
    mmsi: int | None
    flags: tuple[str, ...]
    sanctioned: bool
    programs: tuple[str, ...]
    owners: tuple[dict[str, Any], ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity_id": self.entity_id,
            "name": self.name,
            "imo": self.imo,
            "mmsi": self.mmsi,
            "flags": list(self.flags),
            "sanctioned": self.sanctioned,
            "programs": list(self.programs),
            "owners": list(self.owners),
        }


def _norm(name: str) -> str:
    return normalize(name, ascii=True) or ""


def _mmsi(values: list[str]) -> int | None:
    for value in values:
        digits = "".join(ch for ch in value if ch.isdigit())
        if len(digits) == 9:
            return int(digits)
    return None


def _imo(values: list[str]) -> int | None:
    for value in values:
        found = parse_imo(value)
        if found is not None:
            return found
    return None


def listed_vessels(entities: list[EntityProxy]) -> list[ListedVessel]:
    """``Vessel`` entities with their owners resolved from Ownership and UnknownLink relations."""
    by_id = {e.id: e for e in entities if e.id}
    owners: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entity in entities:
        if entity.schema.name == "Ownership":
            pairs = [(a, o) for a in entity.get("asset") for o in entity.get("owner")]
        elif entity.schema.name == "UnknownLink":
            pairs = [(o, s) for s in entity.get("subject") for o in entity.get("object")]
        else:
            continue
        for asset, owner_id in pairs:
            owner = by_id.get(owner_id)
            owners[asset].append(
                {
                    "entity_id": owner_id,
                    "name": owner.caption if owner is not None else owner_id,
                    "sanctioned": owner is not None and "sanction" in owner.get("topics"),
                    "relation": entity.schema.name,
                }
            )
    vessels = []
    for entity in entities:
        if entity.id is None or not entity.schema.is_a("Vessel"):
            continue
        names = tuple(entity.get("name") + entity.get("alias") + entity.get("previousName"))
        vessels.append(
            ListedVessel(
                entity_id=entity.id,
                name=entity.caption,
                names=names,
                imo=_imo(entity.get("imoNumber")),
                mmsi=_mmsi(entity.get("mmsi")),
                flags=tuple(f.lower() for f in entity.get("flag")),
                sanctioned="sanction" in entity.get("topics"),
                programs=tuple(entity.get("programId")),
                owners=tuple(owners.get(entity.id, [])),
            )
        )
    return vessels


def load_listed_vessels(store: Store) -> list[ListedVessel]:
    """The store's vessels with their owners (Vessel, Ownership, UnknownLink and parties)."""
    if not store.exists():
        return []
    wanted = ["Vessel", "Ownership", "UnknownLink", "LegalEntity"]
    return listed_vessels(list(store.entities(schemata=wanted)))


def match_vessels(
    history: pl.DataFrame, vessels: list[ListedVessel], seen: Iterable[int] = ()
) -> pl.DataFrame:
    """mmsi -> entity_id with the ``basis`` of the match (``imo``, ``mmsi`` or ``name``).

    ``history`` is :func:`chokepoint.maritime.identity.identity_history`; every IMO number and
    name an MMSI ever broadcast counts. ``seen`` are MMSIs with positions but perhaps no static
    report; they can match on the MMSI alone.
    """
    by_imo = {v.imo: v.entity_id for v in vessels if v.imo}
    by_mmsi = {v.mmsi: v.entity_id for v in vessels if v.mmsi}
    by_name: dict[str, set[str]] = defaultdict(set)
    for v in vessels:
        for name in v.names:
            by_name[_norm(name)].add(v.entity_id)
    rows: list[dict[str, Any]] = []
    for mmsi, imos, names in (
        history.group_by("mmsi")
        .agg(pl.col("imo").drop_nulls().unique(), pl.col("name").drop_nulls().unique())
        .iter_rows()
    ):
        strong = {(by_imo[i], "imo") for i in imos if i in by_imo}
        if mmsi in by_mmsi:
            strong.add((by_mmsi[mmsi], "mmsi"))
        found = strong or {(e, "name") for n in names for e in by_name.get(_norm(n), set())}
        rows.extend({"mmsi": mmsi, "entity_id": e, "basis": b} for e, b in sorted(found))
    known = set(history["mmsi"].to_list())
    rows.extend(
        {"mmsi": m, "entity_id": by_mmsi[m], "basis": "mmsi"}
        for m in sorted(set(seen) - known)
        if m in by_mmsi
    )
    return pl.DataFrame(rows, schema={"mmsi": pl.Int64(), "entity_id": pl.String(), "basis": pl.String()})


def annotate_events(events: pl.DataFrame, matches: pl.DataFrame, vessels: list[ListedVessel]) -> pl.DataFrame:
    """Events with ``sanctioned`` (listed vessels involved, their basis and owners) added to details."""
    if events.is_empty() or matches.is_empty():
        return events
    info = {v.entity_id: v for v in vessels}
    listed: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for mmsi, entity_id, basis in matches.iter_rows():
        v = info[entity_id]
        if v.sanctioned or any(o["sanctioned"] for o in v.owners):
            listed[mmsi].append(
                {
                    "mmsi": mmsi,
                    "entity_id": entity_id,
                    "name": v.name,
                    "basis": basis,
                    "vessel_sanctioned": v.sanctioned,
                    "programs": list(v.programs),
                    "sanctioned_owners": [o for o in v.owners if o["sanctioned"]],
                }
            )

    def add(row: dict[str, Any]) -> str:
        involved = listed.get(row["mmsi"], []) + (
            listed.get(row["other_mmsi"], []) if row["other_mmsi"] else []
        )
        if not involved:
            return str(row["details"])
        details = json.loads(row["details"])
        details["sanctioned"] = involved
        return json.dumps(details, ensure_ascii=False)

    return events.with_columns(
        pl.struct("mmsi", "other_mmsi", "details").map_elements(add, return_dtype=pl.String).alias("details")
    )


def flag_mismatches(
    history: pl.DataFrame, matches: pl.DataFrame, vessels: list[ListedVessel]
) -> pl.DataFrame:
    """``spoofing`` events (kind ``flag_mismatch``): the MMSI's MID claims a flag the matched list
    entry does not record (XIN YUAN 18 broadcasting a Maldives MMSI)."""
    flags = pl.DataFrame(
        [(v.entity_id, list(v.flags)) for v in vessels if v.flags],
        schema={"entity_id": pl.String(), "listed_flags": pl.List(pl.String())},
        orient="row",
    )
    spans = history.group_by("mmsi").agg(
        pl.col("mid_flag").drop_nulls().first(), pl.col("first_seen").min(), pl.col("last_seen").max()
    )
    joined = matches.join(flags, on="entity_id").join(spans, on="mmsi")
    found = joined.filter(
        pl.col("mid_flag").is_not_null() & ~pl.col("listed_flags").list.contains(pl.col("mid_flag"))
    )
    if found.is_empty():
        return pl.DataFrame(schema=EVENT_SCHEMA)
    found = found.with_columns(
        pl.col("first_seen").dt.epoch("s").alias("t_start"),
        pl.col("last_seen").dt.epoch("s").alias("t_end"),
        pl.lit(None, pl.Float64).alias("lat"),
        pl.lit(None, pl.Float64).alias("lon"),
        pl.lit("flag_mismatch").alias("kind"),
        pl.lit(0.7).alias("confidence"),
    )
    return make_events(found, "spoofing", ["kind", "mid_flag", "listed_flags", "entity_id", "basis"])
