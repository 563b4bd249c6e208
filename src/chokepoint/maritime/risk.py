"""Vessel risk: a list of features, each a small function of a vessel's profile with a weight.

The score combines fired features as independent evidence, ``1 - prod(1 - weight * strength)``,
so one strong reason (a listed hull) dominates and several weak ones add up. Every fired
feature is a reason with its strength and weight, so the score explains itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class VesselProfile:
    """What is known about one vessel (one MMSI): list matches, events and identity."""

    mmsi: int
    listed: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    mid_flag: str | None = None
    identities: int = 1


@dataclass(frozen=True)
class Feature:
    """One reason a vessel is risky: ``func`` returns a strength in [0, 1] and a short explanation."""

    name: str
    weight: float
    func: Callable[[VesselProfile], tuple[float, str]]


def _count(profile: VesselProfile, *types: str) -> int:
    return sum(1 for e in profile.events if e["type"] in types)


def sanctioned_vessel(p: VesselProfile) -> tuple[float, str]:
    """The hull itself is on a sanctions list."""
    hits = [m for m in p.listed if m.get("vessel_sanctioned")]
    return (1.0, f"listed as {hits[0]['name']} (matched on {hits[0]['basis']})") if hits else (0.0, "")


def sanctioned_owner(p: VesselProfile) -> tuple[float, str]:
    """An owner or linked party of the hull is sanctioned."""
    owners = [o["name"] for m in p.listed for o in m.get("sanctioned_owners", [])]
    return (1.0, f"owned by or linked to listed {', '.join(sorted(set(owners)))}") if owners else (0.0, "")


def dprk_port_calls(p: VesselProfile) -> tuple[float, str]:
    """Calls at DPRK ports, seen or inferred."""
    n = _count(p, "port_call", "dark_port_call")
    return (min(1.0, 0.6 + 0.2 * n), f"{n} DPRK port call(s)") if n else (0.0, "")


def sts_with_listed(p: VesselProfile) -> tuple[float, str]:
    """Ship-to-ship meetings with a listed vessel."""
    hits = [
        e
        for e in p.events
        if e["type"] in ("encounter", "dark_rendezvous")
        and any(s["mmsi"] != p.mmsi for s in e.get("sanctioned", []))
    ]
    return (1.0, f"{len(hits)} transfer(s) with listed vessels") if hits else (0.0, "")


def dark_time(p: VesselProfile) -> tuple[float, str]:
    """Hours dark (AIS gaps under the global and regional rules)."""
    hours = sum(float(e.get("hours", 0.0)) for e in p.events if e["type"] == "gap")
    return (min(1.0, hours / 72.0), f"{hours:.0f} h dark") if hours else (0.0, "")


def identity_changes(p: VesselProfile) -> tuple[float, str]:
    """Name, IMO, call sign or MMSI changes."""
    n = _count(p, "identity_change")
    return (min(1.0, 0.5 * n), f"{n} identity change(s)") if n else (0.0, "")


def spoofing(p: VesselProfile) -> tuple[float, str]:
    """Spoofing findings: impossible speeds, shared MMSI, invalid MID or IMO, flag mismatch."""
    kinds = sorted({str(e.get("kind")) for e in p.events if e["type"] == "spoofing"})
    return (min(1.0, 0.5 * len(kinds)), f"spoofing: {', '.join(kinds)}") if kinds else (0.0, "")


def dprk_flag(p: VesselProfile) -> tuple[float, str]:
    """The MMSI claims the DPRK flag (MID 445)."""
    return (1.0, "DPRK flag (MID 445)") if p.mid_flag == "kp" else (0.0, "")


FEATURES: tuple[Feature, ...] = (
    Feature("sanctioned_vessel", 1.0, sanctioned_vessel),
    Feature("sanctioned_owner", 0.8, sanctioned_owner),
    Feature("sts_with_listed", 0.7, sts_with_listed),
    Feature("dprk_port_calls", 0.7, dprk_port_calls),
    Feature("dprk_flag", 0.5, dprk_flag),
    Feature("spoofing", 0.4, spoofing),
    Feature("identity_changes", 0.4, identity_changes),
    Feature("dark_time", 0.3, dark_time),
)
"""The risk model on one screen: (name, weight, feature)."""


def risk_score(profile: VesselProfile, features: tuple[Feature, ...] = FEATURES) -> dict[str, Any]:
    """``{"score": float, "reasons": [{feature, weight, strength, why}]}`` for one vessel."""
    remaining = 1.0
    reasons = []
    for feature in features:
        strength, why = feature.func(profile)
        if strength > 0:
            remaining *= 1.0 - feature.weight * strength
            reasons.append(
                {
                    "feature": feature.name,
                    "weight": feature.weight,
                    "strength": round(strength, 2),
                    "why": why,
                }
            )
    return {"score": round(1.0 - remaining, 3), "reasons": reasons}
