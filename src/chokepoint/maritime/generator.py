"""Seeded AIS scenarios with ground truth: background traffic plus planted evasion.

Kinematics and reception follow how AIS is really sent and heard:

* reporting interval by class and speed (ITU-R M.1371-5, table 1): Class A every 10 s under way
  (6 s above 14 kn), 3 min at anchor; Class B "CS" every 30 s under way, 3 min below 2 kn;
* receivers de-duplicate to one message a minute per vessel (as MarineCadastre publishes);
* terrestrial reception within :data:`TERRESTRIAL_RANGE_NM` of a port keeps 90 % of messages;
  beyond it only satellite passes are heard (about one message every 20–60 min, with
  occasional multi-hour holes);
* GPS noise of about 10 m (1 sigma) and speed noise of 0.1 kn.

Background vessels sail between East Asian ports at 9–15 kn and anchor for 6–36 h. Planted
scenarios (each recorded in the ground truth with its vessels, times and place):

* ``sts``: two vessels drift together (100–300 m apart, under 1 kn) for 4–10 h, both
  transmitting, at least 20 km from any port; some tankers serve two or three ships in a row;
* ``dark_sts``: both vessels go dark for 14–30 h and meet for 3–6 h while dark, in open water
  at least :data:`DARK_STS_MIN_DPRK_KM` from DPRK ports;
* ``port_call``: a vessel sails into a DPRK port and stays 12–36 h; most switch AIS off 40–90 km
  out (``dark``), some keep it on (``visible``);
* ``identity_swap``: a vessel repaints (new name and IMO on the same MMSI) or takes a new MMSI,
  name and IMO after a silence of 3–20 h (same hull dimensions);
* ``spoofing``: a second hull on an existing MMSI (``duplicate_mmsi``) or a burst of positions
  hundreds of km away (``impossible_speed``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
import polars as pl

from chokepoint.maritime.geo import KNOT_MPS, haversine_np
from chokepoint.maritime.imo import imo_is_valid
from chokepoint.maritime.schema import POSITION_SCHEMA, STATIC_SCHEMA
from chokepoint.maritime.zones import east_asia_anchorages

TERRESTRIAL_RANGE_NM = 40.0
"""Typical range of a shore AIS base station (VHF line of sight to a ship's antenna)."""
SATELLITE_MEAN_INTERVAL_MIN = 35.0
"""Chokepoint: mean interval between satellite receptions of one vessel in East Asian waters."""

DARK_STS_MIN_DPRK_KM = 250.0
"""Planted dark transfers happen in open water, as the documented ones did (East China Sea, 250-450 km
off Shanghai); a dark meeting on a DPRK approach cannot be told from a dark port call."""

_SEA_AREA = (27.0, 42.0, 121.0, 131.0)
"""Where planted scenarios happen (lat/lon box: Yellow Sea, Korea Bay, East China Sea, East Sea)."""

_KOREA_LAND = np.array(
    [
        (124.3, 39.9),
        (125.1, 38.7),
        (125.7, 38.0),
        (126.6, 37.45),
        (126.4, 36.5),
        (126.3, 34.7),
        (127.5, 34.6),
        (129.1, 35.1),
        (129.45, 35.5),
        (129.5, 36.0),
        (129.4, 37.0),
        (128.9, 37.8),
        (127.5, 39.2),
        (127.6, 39.8),
        (129.2, 40.7),
        (129.8, 41.8),
        (130.4, 42.3),
        (130.7, 42.3),
        (130.0, 43.0),
        (128.0, 42.0),
        (126.0, 41.5),
    ]
)
"""A coarse outline of the Korean peninsula (lon, lat) that generated voyages sail around."""
_AROUND_KOREA = ((33.7, 126.8), (34.7, 129.4))
"""Waypoints south of Jeju and in the Korea Strait joining the Yellow Sea and the East Sea."""


def on_land(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """True for points inside :data:`_KOREA_LAND` (even-odd ray casting)."""
    inside = np.zeros(np.shape(lat), dtype=bool)
    xs, ys = _KOREA_LAND[:, 0], _KOREA_LAND[:, 1]
    for i in range(len(xs)):
        x1, y1, x2, y2 = xs[i - 1], ys[i - 1], xs[i], ys[i]
        crosses = (y1 > lat) != (y2 > lat)
        x_at = x1 + (lat - y1) * (x2 - x1) / np.where(y2 == y1, 1e-12, y2 - y1)
        inside ^= crosses & (lon < x_at)
    return inside


TRUTH_SCHEMA: dict[str, pl.DataType] = {
    "scenario": pl.String(),
    "kind": pl.String(),
    "mmsi": pl.Int64(),
    "other_mmsi": pl.Int64(),
    "start": pl.Datetime("us", "UTC"),
    "end": pl.Datetime("us", "UTC"),
    "lat": pl.Float64(),
    "lon": pl.Float64(),
    "port": pl.String(),
}


@dataclass
class Scenario:
    """Generated positions and statics (normalised schema) and the ground truth of planted events."""

    positions: pl.DataFrame
    statics: pl.DataFrame
    truth: pl.DataFrame


@dataclass
class _Leg:
    """A piece of a vessel's timeline: from (t0, lat0, lon0) to (t1, lat1, lon1); ``dark`` when silent."""

    t0: float
    t1: float
    lat0: float
    lon0: float
    lat1: float
    lon1: float
    dark: bool = False


class ScenarioBuilder:
    """Builds one scenario; every random draw comes from one seeded generator."""

    def __init__(self, seed: int, start: datetime, days: float, ports: pl.DataFrame) -> None:
        self.rng = np.random.default_rng(seed)
        self.t_start = start.replace(tzinfo=UTC).timestamp() if start.tzinfo is None else start.timestamp()
        self.t_end = self.t_start + days * 86_400
        self.ports = ports
        self.anchorages = east_asia_anchorages()
        self.shore = pl.concat([self.anchorages, ports]).select("lat", "lon").to_numpy()
        self.positions: list[pl.DataFrame] = []
        self.statics: list[dict[str, object]] = []
        self.truth: list[dict[str, object]] = []
        self._mmsi_used: set[int] = set()
        self._imo_used: set[int] = set()

    # identities -----------------------------------------------------------------------------
    def new_mmsi(self, mid: int | None = None) -> int:
        mids = (412, 413, 440, 441, 351, 352, 538, 636, 370, 477, 457, 511, 667, 445)
        while True:
            m = int(mid or self.rng.choice(mids)) * 1_000_000 + int(self.rng.integers(0, 1_000_000))
            if m not in self._mmsi_used:
                self._mmsi_used.add(m)
                return m

    def new_imo(self) -> int:
        while True:
            base = int(self.rng.integers(700_000, 999_999))
            digits = [int(d) for d in str(base)]
            check = sum(d * w for d, w in zip(digits, (7, 6, 5, 4, 3, 2), strict=True)) % 10
            imo = base * 10 + check
            if imo_is_valid(imo) and imo not in self._imo_used:
                self._imo_used.add(imo)
                return imo

    def new_name(self) -> str:
        first = (
            "OCEAN",
            "GOLDEN",
            "EAST",
            "HAI",
            "XIN",
            "SEA",
            "PACIFIC",
            "BLUE",
            "GRAND",
            "STAR",
            "JIN",
            "TONG",
        )
        second = ("STAR", "GLORY", "FORTUNE", "WAY", "HARMONY", "PEARL", "UNITY", "DRAGON", "HOPE", "SUN")
        return f"{self.rng.choice(first)} {self.rng.choice(second)} {int(self.rng.integers(1, 99))}"

    def add_static(
        self,
        mmsi: int,
        t: float,
        imo: int | None,
        name: str,
        dims: tuple[float, float],
        draught: float,
        ship_type: int,
    ) -> None:
        self.statics.append(
            {
                "mmsi": mmsi,
                "timestamp": datetime.fromtimestamp(t, UTC),
                "imo": imo,
                "name": name,
                "call_sign": f"{name.split()[0][:2]}{mmsi % 10000:04d}",
                "ship_type": ship_type,
                "length": dims[0],
                "width": dims[1],
                "draught": draught,
                "destination": None,
            }
        )

    # kinematics -----------------------------------------------------------------------------
    def route(self, t: float, lat: float, lon: float, lat1: float, lon1: float, knots: float) -> list[_Leg]:
        """Legs from one point to another, around the Korean peninsula when the straight line crosses it."""
        k = np.linspace(0.0, 1.0, 25)
        if not on_land(lat + k * (lat1 - lat), lon + k * (lon1 - lon)).any():
            return [self.sail(t, lat, lon, lat1, lon1, knots)]
        points = list(_AROUND_KOREA) if lon < lon1 else list(reversed(_AROUND_KOREA))
        legs: list[_Leg] = []
        for w_lat, w_lon in [*points, (lat1, lon1)]:
            legs.append(self.sail(t, lat, lon, w_lat, w_lon, knots))
            t, lat, lon = legs[-1].t1, w_lat, w_lon
        return legs

    def sail(self, t: float, lat: float, lon: float, lat1: float, lon1: float, knots: float) -> _Leg:
        dist = float(haversine_np(np.array(lat), np.array(lon), np.array(lat1), np.array(lon1)))
        return _Leg(t, t + dist / (knots * KNOT_MPS), lat, lon, lat1, lon1)

    def stay(self, t: float, lat: float, lon: float, hours: float, dark: bool = False) -> _Leg:
        return _Leg(t, t + hours * 3600, lat, lon, lat, lon, dark)

    def emit(self, mmsi: int, legs: list[_Leg], class_b: bool = False, drift_m: float = 0.0) -> int:
        """Turn legs into received position reports (see the module docstring); how many were heard."""
        times_list, steps_list = [], []
        for leg in legs:
            if leg.dark or leg.t1 <= leg.t0:
                continue
            moving = (leg.lat0, leg.lon0) != (leg.lat1, leg.lon1)
            step = 60.0 if moving else 180.0
            times_list.append(np.arange(leg.t0, leg.t1, step) + self.rng.uniform(0, 5))
            steps_list.append(np.full(len(times_list[-1]), step))
        if not times_list:
            return 0
        t, steps = np.concatenate(times_list), np.concatenate(steps_list)
        inside = (t >= self.t_start) & (t < self.t_end)
        t, steps = t[inside], steps[inside]
        if len(t) == 0:
            return 0
        starts = np.array([leg.t0 for leg in legs])
        idx = np.clip(np.searchsorted(starts, t, side="right") - 1, 0, len(legs) - 1)
        l0 = np.array([[leg.t0, leg.t1, leg.lat0, leg.lon0, leg.lat1, leg.lon1] for leg in legs])[idx]
        frac = np.clip((t - l0[:, 0]) / np.maximum(l0[:, 1] - l0[:, 0], 1.0), 0.0, 1.0)
        lat = l0[:, 2] + frac * (l0[:, 4] - l0[:, 2])
        lon = l0[:, 3] + frac * (l0[:, 5] - l0[:, 3])
        dist = haversine_np(l0[:, 2], l0[:, 3], l0[:, 4], l0[:, 5])
        sog = dist / np.maximum(l0[:, 1] - l0[:, 0], 1.0) / KNOT_MPS
        cog = (
            np.degrees(np.arctan2((l0[:, 5] - l0[:, 3]) * np.cos(np.radians(lat)), l0[:, 4] - l0[:, 2])) % 360
        )
        if drift_m:
            phase = self.rng.uniform(0, 2 * np.pi)
            lat = lat + drift_m / 111_320 * np.sin(t / 3600 + phase)
        noise = 10.0 / 111_320
        lat = lat + self.rng.normal(0, noise, len(t))
        lon = lon + self.rng.normal(0, noise, len(t)) / np.cos(np.radians(lat))
        keep = self._received(t, steps, lat, lon)
        sog = np.clip(sog + self.rng.normal(0, 0.1, len(t)), 0, None)
        self.positions.append(
            pl.DataFrame(
                {
                    "mmsi": np.full(int(keep.sum()), mmsi, dtype=np.int64),
                    "timestamp": (t[keep] * 1_000_000).astype("int64"),
                    "lat": lat[keep],
                    "lon": lon[keep],
                    "sog": sog[keep].round(1),
                    "cog": np.where(sog[keep] > 0.5, cog[keep].round(1), np.nan),
                    "heading": np.where(sog[keep] > 0.5, cog[keep].round(0), np.nan),
                    "nav_status": np.where(sog[keep] > 0.5, 0, 1 if not class_b else 15),
                }
            )
        )
        return int(keep.sum())

    def _received(self, t: np.ndarray, steps: np.ndarray, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
        """Which transmitted reports a terrestrial or satellite receiver hears."""
        near = np.zeros(len(t), dtype=bool)
        for s_lat, s_lon in self.shore:
            box = (np.abs(lat - s_lat) < 0.8) & (np.abs(lon - s_lon) < 1.0)
            if box.any():
                near[box] |= haversine_np(lat[box], lon[box], s_lat, s_lon) < TERRESTRIAL_RANGE_NM * 1852
        p = np.where(near, 0.9, steps / (SATELLITE_MEAN_INTERVAL_MIN * 60.0))
        hours = (t // 3600).astype(np.int64)
        outage = self.rng.random(int(hours.max() - hours.min()) + 1) < 0.03
        heard: np.ndarray = (self.rng.random(len(t)) < p) & ~(outage[hours - hours.min()] & ~near)
        return heard

    def random_point(self, min_port_km: float = 20.0, min_dprk_km: float = 0.0) -> tuple[float, float]:
        """A random point at sea in :data:`_SEA_AREA`: off the Korean peninsula, at least
        ``min_port_km`` from every port and ``min_dprk_km`` from every DPRK port."""
        lat0, lat1, lon0, lon1 = _SEA_AREA
        dprk = self.ports.select("lat", "lon").to_numpy()
        while True:
            lat, lon = float(self.rng.uniform(lat0, lat1)), float(self.rng.uniform(lon0, lon1))
            if on_land(np.array(lat), np.array(lon)):
                continue
            to_port = haversine_np(self.shore[:, 0], self.shore[:, 1], np.array(lat), np.array(lon)).min()
            to_dprk = haversine_np(dprk[:, 0], dprk[:, 1], np.array(lat), np.array(lon)).min()
            if to_port >= min_port_km * 1000 and to_dprk >= min_dprk_km * 1000:
                return lat, lon

    def random_port(self) -> tuple[str, float, float]:
        row = self.anchorages.row(int(self.rng.integers(0, len(self.anchorages))), named=True)
        return str(row["port"]), float(row["lat"]), float(row["lon"])

    def voyage(self, t: float, lat: float, lon: float, until: float) -> list[_Leg]:
        """Port-to-port legs with anchor stays from (t, lat, lon) until ``until``."""
        legs: list[_Leg] = []
        while t < until:
            _, p_lat, p_lon = self.random_port()
            p_lat += float(self.rng.normal(0, 0.05))
            p_lon += float(self.rng.normal(0, 0.05))
            legs.extend(self.route(t, lat, lon, p_lat, p_lon, float(self.rng.uniform(9, 15))))
            stay = self.stay(legs[-1].t1, p_lat, p_lon, float(self.rng.uniform(6, 36)))
            legs.append(stay)
            t, lat, lon = stay.t1, p_lat, p_lon
        return legs

    def vessel(self, mid: int | None = None) -> tuple[int, int, str, tuple[float, float]]:
        length = float(self.rng.choice([80, 95, 110, 130, 150, 180, 200]))
        return self.new_mmsi(mid), self.new_imo(), self.new_name(), (length, round(length / 6.5))

    # background -----------------------------------------------------------------------------
    def background(self, n: int) -> None:
        for _ in range(n):
            mmsi, imo, name, dims = self.vessel()
            lat, lon = self.random_point()
            t0 = self.t_start - float(self.rng.uniform(0, 86_400))
            legs = self.voyage(t0, lat, lon, self.t_end)
            class_b = bool(self.rng.random() < 0.15)
            self.add_static(
                mmsi, self.t_start, None if class_b else imo, name, dims, 6.0, 37 if class_b else 70
            )
            self.emit(mmsi, legs, class_b=class_b)

    # planted scenarios ----------------------------------------------------------------------
    def _window(self, hours: float) -> float:
        """A start time leaving room for ``hours`` of scenario and a margin of background traffic
        (less margin when the scenario is short)."""
        margin = min(20 * 3600, (self.t_end - self.t_start) / 5)
        low = self.t_start + margin
        high = max(low, self.t_end - margin - hours * 3600)
        return float(self.rng.uniform(low, high))

    def _approach(self, t_meet: float, lat: float, lon: float, dist_km: float) -> tuple[float, float, float]:
        """A start point ``dist_km`` from (lat, lon) and the time to leave it at 11 kn to arrive at t_meet."""
        bearing = self.rng.uniform(0, 2 * np.pi)
        s_lat = lat + dist_km / 111.32 * np.cos(bearing)
        s_lon = lon + dist_km / (111.32 * np.cos(np.radians(lat))) * np.sin(bearing)
        return t_meet - dist_km * 1000 / (11 * KNOT_MPS), float(s_lat), float(s_lon)

    def _around(self, legs: list[_Leg], lat: float, lon: float) -> list[_Leg]:
        """Background voyages before the first and after the last planted leg."""
        first, last = legs[0], legs[-1]
        before = self.sail(
            self.t_start - 86_400, first.lat0 + 0.8, first.lon0 + 0.8, first.lat0, first.lon0, 11
        )
        shift = first.t0 - before.t1
        before = _Leg(before.t0 + shift, first.t0, before.lat0, before.lon0, first.lat0, first.lon0)
        after = self.voyage(last.t1, last.lat1, last.lon1, self.t_end)
        return [before, *legs, *after]

    def plant_sts(self, partners: int = 1) -> None:
        hours = float(self.rng.uniform(4, 10))
        lat, lon = self.random_point()
        t = self._window(hours * partners + 4)
        tanker, t_imo, t_name, t_dims = self.vessel(445 if self.rng.random() < 0.5 else None)
        t_legs: list[_Leg] = []
        self.add_static(tanker, self.t_start, t_imo, t_name, t_dims, 9.0, 80)
        for k in range(partners):
            p_lat = lat + k * 0.05
            t0, s_lat, s_lon = self._approach(t, p_lat, lon, float(self.rng.uniform(40, 120)))
            if k == 0:
                t_legs.append(_Leg(t0, t, s_lat, s_lon, p_lat, lon))
            else:
                t_legs.append(self.sail(t_legs[-1].t1, t_legs[-1].lat1, t_legs[-1].lon1, p_lat, lon, 8))
                t = t_legs[-1].t1
            t_legs.append(self.stay(t, p_lat, lon, hours))
            other, o_imo, o_name, o_dims = self.vessel()
            sep = float(self.rng.uniform(100, 300)) / 111_320
            o0, os_lat, os_lon = self._approach(t, p_lat + sep, lon, float(self.rng.uniform(40, 120)))
            o_legs = [_Leg(o0, t, os_lat, os_lon, p_lat + sep, lon), self.stay(t, p_lat + sep, lon, hours)]
            self.add_static(other, self.t_start, o_imo, o_name, o_dims, 5.0, 70)
            self.add_static(other, t + hours * 3600, o_imo, o_name, o_dims, 7.5, 70)
            self.emit(other, self._around(o_legs, p_lat, lon), drift_m=60)
            self._truth("sts", "visible", tanker, other, t, t + hours * 3600, p_lat, lon)
            t = t + hours * 3600
        self.add_static(tanker, t, t_imo, t_name, t_dims, 6.5, 80)
        self.emit(tanker, self._around(t_legs, lat, lon), drift_m=60)

    def plant_dark_sts(self) -> None:
        meet = float(self.rng.uniform(3, 6))
        lat, lon = self.random_point(min_dprk_km=DARK_STS_MIN_DPRK_KM)
        t = self._window(24)
        pair = []
        for _ in range(2):
            mmsi, imo, name, dims = self.vessel()
            dark_before = float(self.rng.uniform(7, 12))
            dark_after = float(self.rng.uniform(7, 12))
            dist_in = dark_before * 11 * 1.852 * float(self.rng.uniform(0.5, 0.9))
            t0, s_lat, s_lon = self._approach(t, lat, lon, dist_in)
            _, e_lat, e_lon = self._approach(t, lat, lon, dark_after * 11 * 1.852 * 0.7)
            pre = self.sail(t0 - 6 * 3600, s_lat + 0.5, s_lon, s_lat, s_lon, 11)
            pre = _Leg(t0 - (pre.t1 - pre.t0), t0, pre.lat0, pre.lon0, s_lat, s_lon)
            legs = [
                pre,
                _Leg(t0, t, s_lat, s_lon, lat, lon, dark=True),
                self.stay(t, lat, lon, meet, dark=True),
                _Leg(t + meet * 3600, t + meet * 3600 + dark_after * 3600, lat, lon, e_lat, e_lon, dark=True),
            ]
            self.add_static(mmsi, self.t_start, imo, name, dims, 8.0, 80)
            self.emit(mmsi, self._around(legs, lat, lon))
            pair.append(mmsi)
        self._truth("dark_sts", "dark", pair[0], pair[1], t, t + meet * 3600, lat, lon)

    def plant_port_call(self, dark: bool) -> None:
        row = self.ports.row(int(self.rng.integers(0, len(self.ports))), named=True)
        p_lat, p_lon = float(row["lat"]), float(row["lon"])
        stay = float(self.rng.uniform(12, 36))
        t = self._window(stay + 20)
        mmsi, imo, name, dims = self.vessel()
        off_km = float(self.rng.uniform(40, 90)) if dark else 0.0
        bearing = self._seaward(p_lat, p_lon)
        far_lat = p_lat + 3.0 * np.cos(bearing)
        far_lon = p_lon + 3.0 * np.sin(bearing) / np.cos(np.radians(p_lat))
        off_lat = p_lat + off_km / 111.32 * np.cos(bearing)
        off_lon = p_lon + off_km / 111.32 * np.sin(bearing) / np.cos(np.radians(p_lat))
        inbound = self.sail(t, float(off_lat), float(off_lon), p_lat, p_lon, 10)
        approach = self.sail(t, float(far_lat), float(far_lon), float(off_lat), float(off_lon), 11)
        shift = t - approach.t1
        approach = _Leg(approach.t0 + shift, t, approach.lat0, approach.lon0, approach.lat1, approach.lon1)
        in_port = self.stay(inbound.t1, p_lat, p_lon, stay, dark=dark)
        outbound = self.sail(in_port.t1, p_lat, p_lon, float(off_lat), float(off_lon), 10)
        legs = [
            approach,
            _Leg(inbound.t0, inbound.t1, inbound.lat0, inbound.lon0, p_lat, p_lon, dark=dark),
            in_port,
            _Leg(outbound.t0, outbound.t1, p_lat, p_lon, outbound.lat1, outbound.lon1, dark=dark),
        ]
        self.add_static(mmsi, self.t_start, imo, name, dims, 5.0, 70)
        self.emit(mmsi, self._around(legs, p_lat, p_lon))
        self._truth(
            "port_call",
            "dark" if dark else "visible",
            mmsi,
            None,
            in_port.t0,
            in_port.t1,
            p_lat,
            p_lon,
            str(row["port"]),
        )

    def _seaward(self, lat: float, lon: float) -> float:
        """A bearing (radians) from a DPRK port to open water (west coast faces west, east coast east)."""
        base = -np.pi / 2 if lon < 126.5 else np.pi / 2
        return float(base + self.rng.uniform(-0.5, 0.5))

    def plant_identity_swap(self, handover: bool) -> None:
        mmsi, imo, name, dims = self.vessel()
        lat, lon = self.random_point()
        t = self._window(24)
        legs_a = _truncate(self.voyage(self.t_start - 86_400, lat, lon, t), t)
        here_lat, here_lon = legs_a[-1].lat1, legs_a[-1].lon1
        new_imo, new_name = self.new_imo(), self.new_name()
        self.add_static(mmsi, self.t_start, imo, name, dims, 7.0, 80)
        if handover:
            silent = float(self.rng.uniform(3, 20))
            new_mmsi = self.new_mmsi()
            drift = self.sail(t, here_lat, here_lon, here_lat + 0.3, here_lon + 0.3, 8)
            start_b = t + silent * 3600
            legs_b = self.voyage(
                start_b,
                drift.lat1 if drift.t1 < start_b else here_lat,
                drift.lon1 if drift.t1 < start_b else here_lon,
                self.t_end,
            )
            self.emit(mmsi, legs_a)
            self.add_static(new_mmsi, start_b, new_imo, new_name, dims, 7.0, 80)
            self.emit(new_mmsi, legs_b)
            self._truth("identity_swap", "mmsi_handover", mmsi, new_mmsi, t, start_b, here_lat, here_lon)
        else:
            legs_b = self.voyage(t, here_lat, here_lon, self.t_end)
            self.add_static(mmsi, t, new_imo, new_name, dims, 7.0, 80)
            self.emit(mmsi, legs_a + legs_b)
            self._truth("identity_swap", "same_mmsi", mmsi, None, t, t, here_lat, here_lon)

    def plant_spoofing(self, duplicate: bool) -> None:
        mmsi, imo, name, dims = self.vessel()
        lat, lon = self.random_point()
        legs = self.voyage(self.t_start - 86_400, lat, lon, self.t_end)
        self.add_static(mmsi, self.t_start, imo, name, dims, 7.0, 70)
        self.emit(mmsi, legs)
        t = self._window(12)
        if duplicate:
            o_lat, o_lon = self.random_point()
            hours = float(self.rng.uniform(8, 24))
            self.emit(mmsi, _truncate(self.voyage(t, o_lat, o_lon, t + hours * 3600), t + hours * 3600))
            self._truth("spoofing", "duplicate_mmsi", mmsi, None, t, t + hours * 3600, o_lat, o_lon)
        else:
            o_lat, o_lon = lat + 4.0, lon - 3.0
            jump = self.stay(t, o_lat, o_lon, 0.5)
            # a burst no receiver heard is not in the data, so it is not in the truth either
            if self.emit(mmsi, [jump]):
                self._truth("spoofing", "impossible_speed", mmsi, None, t, t + 1800, o_lat, o_lon)

    def _truth(
        self,
        scenario: str,
        kind: str,
        mmsi: int,
        other: int | None,
        t0: float,
        t1: float,
        lat: float,
        lon: float,
        port: str | None = None,
    ) -> None:
        self.truth.append(
            {
                "scenario": scenario,
                "kind": kind,
                "mmsi": mmsi,
                "other_mmsi": other,
                "start": datetime.fromtimestamp(t0, UTC),
                "end": datetime.fromtimestamp(t1, UTC),
                "lat": lat,
                "lon": lon,
                "port": port,
            }
        )

    def build(self) -> Scenario:
        positions = pl.concat(self.positions).with_columns(
            pl.col("timestamp").cast(pl.Datetime("us", "UTC")),
            pl.col("cog").fill_nan(None),
            pl.col("heading").fill_nan(None),
        )
        positions = positions.select(pl.col(c).cast(t) for c, t in POSITION_SCHEMA.items())
        statics = pl.DataFrame(self.statics, schema=STATIC_SCHEMA, orient="row")
        truth = pl.DataFrame(self.truth, schema=TRUTH_SCHEMA, orient="row")
        return Scenario(positions.sort("timestamp"), statics.sort("timestamp"), truth.sort("start"))


def _truncate(legs: list[_Leg], t: float) -> list[_Leg]:
    """The legs before ``t``, the last one cut at ``t`` where the vessel then was."""
    kept = [leg for leg in legs if leg.t0 < t]
    last = kept[-1]
    if last.t1 > t:
        frac = (t - last.t0) / max(last.t1 - last.t0, 1.0)
        lat = last.lat0 + frac * (last.lat1 - last.lat0)
        lon = last.lon0 + frac * (last.lon1 - last.lon0)
        kept[-1] = _Leg(last.t0, t, last.lat0, last.lon0, lat, lon, last.dark)
    return kept


def generate(
    seed: int,
    ports: pl.DataFrame,
    background: int = 200,
    days: float = 5.0,
    start: datetime | None = None,
    sts: int = 8,
    dark_sts: int = 4,
    port_calls: int = 8,
    identity_swaps: int = 6,
    spoofing: int = 4,
) -> Scenario:
    """A scenario: ``background`` ordinary vessels over ``days`` days plus the planted events.

    ``ports`` are the DPRK ports (``zones.dprk_ports()``). A quarter of the STS scenarios are a
    tanker serving two or three ships; a quarter of the port calls keep AIS on; half the identity
    swaps and spoofing cases are of each kind. Deterministic for a given seed.
    """
    builder = ScenarioBuilder(seed, start or datetime(2018, 1, 15, tzinfo=UTC), days, ports)
    builder.background(background)
    for k in range(sts):
        builder.plant_sts(partners=1 if k % 4 else int(builder.rng.integers(2, 4)))
    for _ in range(dark_sts):
        builder.plant_dark_sts()
    for k in range(port_calls):
        builder.plant_port_call(dark=k % 4 != 0)
    for k in range(identity_swaps):
        builder.plant_identity_swap(handover=k % 2 == 1)
    for k in range(spoofing):
        builder.plant_spoofing(duplicate=k % 2 == 0)
    return builder.build()
