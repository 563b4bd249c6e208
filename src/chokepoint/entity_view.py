"""One entity as an investigator reads it: names, identifiers, sanctions, links and provenance."""

from __future__ import annotations

from datetime import date
from typing import Any

from followthemoney import EntityProxy
from rich.console import Console
from rich.markup import escape

from chokepoint.screening.clusters import cluster_of
from chokepoint.store import Store

_NAME_PROPS = ("name", "alias", "weakAlias", "previousName")
_SKIP_PROPS = {*_NAME_PROPS, "notes"}


def _values(entity: EntityProxy) -> dict[str, list[str]]:
    props: dict[str, list[str]] = entity.to_dict()["properties"]
    return props


def _brief(entity: EntityProxy) -> dict[str, Any]:
    return {
        "id": entity.id,
        "schema": entity.schema.name,
        "caption": entity.caption,
        "properties": _values(entity),
    }


def entity_view(store: Store, entity_id: str, as_of: date | None = None) -> dict[str, Any]:
    """A JSON-ready view of one entity and everything in the store that points at it."""
    entity = store.get(entity_id, as_of)
    props = _values(entity)
    view: dict[str, Any] = {
        "id": entity.id,
        "schema": entity.schema.name,
        "caption": entity.caption,
        "names": {p: props.get(p, []) for p in _NAME_PROPS if props.get(p)},
        "properties": {k: v for k, v in sorted(props.items()) if k not in _SKIP_PROPS},
        "notes": props.get("notes", []),
        "provenance": entity.context.get("provenance"),
        "sanctions": [],
        "links": [],
        "cluster": cluster_of(store.home, entity_id),
    }
    for other in store.referencing(entity_id, as_of):
        if other.schema.name == "Sanction":
            view["sanctions"].append(_brief(other))
        else:
            view["links"].append(_brief(other))
    for prop in entity.schema.properties.values():
        if prop.type.name != "entity" or prop.stub:
            continue
        for target in entity.get(prop):
            view["links"].append({"id": target, "via": prop.name})
    return view


def render_entity(view: dict[str, Any], console: Console) -> None:
    """Print an entity view for a person at a terminal."""
    console.print(
        f"[bold]{escape(str(view['caption']))}[/] ({view['schema']}, {escape(view['id'])})", highlight=False
    )
    for prop, names in view["names"].items():
        console.print(f"  {prop}: " + "; ".join(names), highlight=False, markup=False)
    for prop, values in view["properties"].items():
        console.print(f"  {prop}: " + "; ".join(values), highlight=False, markup=False)
    for sanction in view["sanctions"]:
        p = sanction["properties"]
        console.print(
            "  sanction: "
            + ", ".join(
                "; ".join(p.get(k, []))
                for k in ("authority", "program", "programId", "listingDate", "unscId", "authorityId")
                if p.get(k)
            ),
            highlight=False,
            markup=False,
        )
    for link in view["links"]:
        label = link.get("caption") or link["id"]
        console.print(
            f"  link: {link.get('schema', link.get('via'))} {label} [{link['id']}]",
            highlight=False,
            markup=False,
        )
    cluster = view.get("cluster")
    if cluster:
        others = [
            f"{m['source']} {m['source_id']} [{m['entity_id']}]"
            for m in cluster["members"]
            if m["entity_id"] != view["id"]
        ]
        console.print(
            f"  same party ({cluster['confidence']:.2f}): " + "; ".join(others), highlight=False, markup=False
        )
    for note in view["notes"]:
        console.print(f"  note: {note}", highlight=False, markup=False)
    prov = view["provenance"] or {}
    console.print(
        f"  provenance: {prov.get('source')} record {prov.get('record')}, version {prov.get('version')}, "
        f"sha256 {str(prov.get('sha256'))[:16]}…, retrieved {prov.get('retrieved_at')}",
        highlight=False,
    )
