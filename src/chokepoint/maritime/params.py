"""Detector parameters: named constants from the literature, overridable per run.

Sources:

* Encounters: Kroodsma et al. 2018, "Tracking the global footprint of fisheries", Science 359;
  Miller et al. 2018, "Identifying global patterns of transshipment behavior", Front. Mar. Sci. 5:240;
  GFW pipe-events encounter filter (``median_speed_knots < 2``, duration > 2 h) and GFW API docs
  ("within 500 m for at least 2 hours ... at least 10 km from a coastal anchorage").
* Loitering: Miller et al. 2018 (average speed < 2 kn for at least 8 h, > 20 nm from shore).
* AIS gaps: Welch et al. 2022, "Hot spots of unseen fishing vessels", Science Advances 8 (gaps of
  at least 12 h starting and ending more than 50 nm from shore); GFW pipe-gaps.
* Segmentation: GFW gpsdio-segment (implied speed above 30 kn starts a new segment).
Values marked "Chokepoint" are this project's choices, explained in docs/maritime.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from chokepoint.maritime.zones import Region, default_regions

ENCOUNTER_MAX_DISTANCE_M = 500.0
"""Kroodsma et al. 2018 / GFW: vessels within 500 m of each other."""
ENCOUNTER_MIN_HOURS = 2.0
"""Kroodsma et al. 2018 / GFW: for at least 2 hours."""
ENCOUNTER_MAX_MEDIAN_SPEED_KN = 2.0
"""GFW pipe-events: median speed of both vessels below 2 knots."""
ENCOUNTER_MIN_ANCHORAGE_KM = 10.0
"""GFW API docs: encounters at least 10 km from a coastal anchorage."""
RESAMPLE_MINUTES = 10
"""GFW resamples tracks to 10-minute steps before pairing (pipe-events encounters)."""
ENCOUNTER_MAX_FILL_MINUTES = 120
"""Chokepoint: interpolate a track across silences up to 2 h (satellite revisit) when pairing."""
ENCOUNTER_MAX_FILL_SLOW_MINUTES = 360
"""Chokepoint: a vessel that moved at under 1 kn across a silence is interpolated across up to 6 h."""
ENCOUNTER_MAX_BREAK_MINUTES = 30
"""Chokepoint: a pair apart for longer than 30 minutes ends the encounter."""
LOITER_MAX_SPEED_KN = 2.0
"""Miller et al. 2018: loitering vessels average below 2 knots."""
LOITER_MIN_HOURS = 8.0
"""Miller et al. 2018: loitering for at least 8 hours."""
LOITER_MIN_PORT_NM = 20.0
"""Miller et al. 2018: at least 20 nm from shore (here: from a known port or anchorage)."""
GAP_MIN_HOURS = 12.0
"""Welch et al. 2022 / GFW: a gap lasts at least 12 hours."""
GAP_MIN_SHORE_NM = 50.0
"""Welch et al. 2022 / GFW: the gap starts and ends more than 50 nm from shore."""
SEGMENT_MAX_SPEED_KN = 30.0
"""GFW gpsdio-segment: an implied speed above 30 kn cannot be the same hull."""
SEGMENT_NOISE_M = 1000.0
"""Chokepoint: jumps under 1 km are position noise, never a new segment."""
SPOOF_MIN_SEGMENT_POSITIONS = 10
"""Chokepoint: a segment with fewer positions beside a longer one is a spoofed/erroneous jump."""
PORT_CALL_RADIUS_KM = 8.0
"""Chokepoint: ports.csv positions are approximate (city or basin), so 8 km rather than GFW's 3 km."""
PORT_CALL_MIN_HOURS = 3.0
"""Chokepoint: at least 3 h within the port radius makes a call."""
DARK_CALL_APPROACH_KM = 120.0
"""Chokepoint: a gap that starts or ends within 120 km of a DPRK port may hide a call there."""
DARK_CALL_MIN_STAY_HOURS = 6.0
"""Chokepoint: loading coal or discharging oil takes at least ~6 h alongside."""
DARK_CALL_MAX_HEADING_DEG = 60.0
"""Chokepoint: the last course must point within 60 degrees of the port."""
DARK_SPEED_KN = 12.0
"""Chokepoint: assumed top speed while dark (tankers and bulkers in DPRK trade run 10-13 kn)."""
RENDEZVOUS_MIN_HOURS = 2.0
"""The encounter duration (Kroodsma et al. 2018) applied to the time both prisms allow together."""
HANDOVER_MAX_HOURS = 48.0
"""Chokepoint: a new MMSI appearing within 48 h where an old one vanished may be the same hull."""
HANDOVER_MAX_DIM_DIFF = 0.1
"""Chokepoint: hull length and beam agree within 10 %."""
DRAUGHT_CHANGE_M = 0.5
"""Chokepoint: a draught change of 0.5 m across an encounter or gap suggests cargo moved."""


@dataclass(frozen=True)
class EventParams:
    """Every detector parameter of one run (units: metres, km, nautical miles, knots, hours)."""

    encounter_max_distance_m: float = ENCOUNTER_MAX_DISTANCE_M
    encounter_min_hours: float = ENCOUNTER_MIN_HOURS
    encounter_max_median_speed_kn: float = ENCOUNTER_MAX_MEDIAN_SPEED_KN
    encounter_min_anchorage_km: float = ENCOUNTER_MIN_ANCHORAGE_KM
    resample_minutes: int = RESAMPLE_MINUTES
    encounter_max_fill_minutes: int = ENCOUNTER_MAX_FILL_MINUTES
    encounter_max_fill_slow_minutes: int = ENCOUNTER_MAX_FILL_SLOW_MINUTES
    encounter_max_break_minutes: int = ENCOUNTER_MAX_BREAK_MINUTES
    loiter_max_speed_kn: float = LOITER_MAX_SPEED_KN
    loiter_min_hours: float = LOITER_MIN_HOURS
    loiter_min_port_nm: float = LOITER_MIN_PORT_NM
    gap_min_hours: float = GAP_MIN_HOURS
    gap_min_shore_nm: float = GAP_MIN_SHORE_NM
    segment_max_speed_kn: float = SEGMENT_MAX_SPEED_KN
    segment_noise_m: float = SEGMENT_NOISE_M
    spoof_min_segment_positions: int = SPOOF_MIN_SEGMENT_POSITIONS
    port_call_radius_km: float = PORT_CALL_RADIUS_KM
    port_call_min_hours: float = PORT_CALL_MIN_HOURS
    dark_call_approach_km: float = DARK_CALL_APPROACH_KM
    dark_call_min_stay_hours: float = DARK_CALL_MIN_STAY_HOURS
    dark_call_max_heading_deg: float = DARK_CALL_MAX_HEADING_DEG
    dark_speed_kn: float = DARK_SPEED_KN
    rendezvous_min_hours: float = RENDEZVOUS_MIN_HOURS
    handover_max_hours: float = HANDOVER_MAX_HOURS
    handover_max_dim_diff: float = HANDOVER_MAX_DIM_DIFF
    draught_change_m: float = DRAUGHT_CHANGE_M
    regions: tuple[Region, ...] = field(default_factory=default_regions)

    def with_overrides(self, **overrides: Any) -> EventParams:
        """A copy with some parameters changed; unknown names raise ``TypeError``."""
        return replace(self, **overrides)

    def with_settings(self, settings: list[str]) -> EventParams:
        """A copy with ``NAME=VALUE`` settings applied (the command line's ``--param``)."""
        changes: dict[str, Any] = {}
        for setting in settings:
            name, sep, value = setting.partition("=")
            name = name.strip().replace("-", "_")
            current = getattr(self, name, None)
            if not sep or name == "regions" or not isinstance(current, int | float):
                raise ValueError(f"not a NAME=VALUE detector parameter: {setting!r}")
            try:
                changes[name] = type(current)(value)
            except ValueError as exc:
                raise ValueError(f"{name} takes a {type(current).__name__}, not {value!r}") from exc
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in self.__dict__.items() if k != "regions"}
        out["regions"] = [r.name for r in self.regions]
        return out
