"""Which FtM facts become graph edges, and how strong each kind of tie is.

Edge schemata (Ownership, Directorship, …) are read from the FtM model: their ``edge_source`` and
``edge_target`` properties say which end is which, so ``Ownership`` runs owner → asset and
``Directorship`` director → organization exactly as FtM defines them. Property links that FtM keeps
on a thing itself (a vessel's ``owner`` and ``operator``, a wallet's ``holder``) are listed here too.

Tie strengths (0–1) weight exposure paths and leads. They are this project's judgement, not a
published calibration, and every function that uses them accepts an override.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from followthemoney import model


@dataclass(frozen=True)
class Relation:
    """One kind of edge: where it comes from in FtM and how it counts.

    ``ownership`` edges feed the 50 % rules (their stake is the ``percentage`` property, else
    ``full_stake``); ``control`` edges feed the EU "controlled" test.
    """

    kind: str
    schema: str
    source_prop: str
    target_prop: str
    ownership: bool = False
    control: bool = False
    full_stake: bool = False


def _edge(kind: str, schema_name: str, *, ownership: bool = False, control: bool = False) -> Relation:
    schema = model.get(schema_name)
    assert schema is not None and schema.edge_source and schema.edge_target, schema_name
    return Relation(kind, schema_name, schema.edge_source, schema.edge_target, ownership, control)


EDGE_RELATIONS: tuple[Relation, ...] = (
    _edge("ownership", "Ownership", ownership=True),
    _edge("directorship", "Directorship"),
    _edge("control", "Control", control=True),
    _edge("family", "Family"),
    _edge("associate", "Associate"),
    _edge("employment", "Employment"),
    _edge("membership", "Membership"),
    _edge("representation", "Representation"),
    _edge("unknown_link", "UnknownLink"),
)
"""Relationship schemata: the FtM entity is the edge, its source/target properties the ends."""

PROPERTY_RELATIONS: tuple[Relation, ...] = (
    # The registered owner holds title to the whole vessel (or other vehicle).
    Relation("ownership", "Vehicle", "owner", "", ownership=True, full_stake=True),
    Relation("operator", "Vehicle", "operator", ""),
    Relation("holder", "CryptoWallet", "holder", ""),
)
"""Links kept as a property of the thing (``target_prop`` empty: the thing itself is the target)."""

RELATION_BY_SCHEMA = MappingProxyType({r.schema: r for r in EDGE_RELATIONS})

DEFAULT_STRENGTHS: MappingProxyType[str, float] = MappingProxyType(
    {
        "ownership": 1.0,  # scaled by the stake's upper bound
        "control": 0.9,
        "directorship": 0.8,
        "operator": 0.8,
        "holder": 1.0,
        "family": 0.6,
        "associate": 0.5,
        "employment": 0.5,
        "representation": 0.5,
        "membership": 0.4,
        "unknown_link": 0.4,
        "shared_value": 1.0,  # scaled by the value's specificity
    }
)
"""Tie strength per edge kind, 0–1 (project judgement; override per call)."""

EDGE_KINDS: tuple[str, ...] = tuple(DEFAULT_STRENGTHS)
"""Edge kind codes: the position of a kind in this tuple is its int8 code in the compiled graph."""

KIND_CODE = MappingProxyType({kind: code for code, kind in enumerate(EDGE_KINDS)})


def is_edge_schema(schema_name: str) -> bool:
    """Whether entities of this schema become edges rather than nodes."""
    schema = model.get(schema_name)
    return bool(schema is not None and schema.edge)
