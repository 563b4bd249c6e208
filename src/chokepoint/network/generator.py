"""A seeded synthetic registry of a DPRK procurement network hidden in ordinary companies.

It mimics the structure C4ADS described for Dandong Hongxiang and similar networks: listed DPRK
persons and firms (the seeds) own Chinese trading firms, which own Hong Kong shells registered at a
few registered-agent addresses with nominee directors who sit on hundreds of boards; planted front
companies share a phone number or address with a listed party but have no recorded ownership tie;
everyone banks with a handful of banks. Ordinary companies and people form the bulk, with random
cross-holdings, and a few decoys share the (weak) registered-agent address of a listed firm.

Everything is integer arrays until ``to_frames`` or ``write_registry`` turns it into ids and text,
so ten million ownership edges generate in seconds. The ground truth (seeds, fronts, the unlisted
network of trading firms, shells and fronts, banks) is kept beside the data.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

import numpy as np
import numpy.typing as npt
import polars as pl
from followthemoney import model

from chokepoint.network.frames import GraphFrames
from chokepoint.sources.ftm import dump_entity

PROGRAMS = ("DPRK3", "NPWMD", "DPRK", "DPRK2", "DPRK4")


class Role(IntEnum):
    SEED_PERSON = 0
    SEED_COMPANY = 1
    TRADING = 2
    SHELL = 3
    FRONT = 4
    COMPANY = 5
    PERSON = 6
    NOMINEE = 7
    BANK = 8


_PREFIX = (
    "kp-person",
    "kp-firm",
    "cn-trading",
    "hk-shell",
    "cn-front",
    "company",
    "person",
    "nominee",
    "bank",
)
_SCHEMA = ("Person", "Company", "Company", "Company", "Company", "Company", "Person", "Person", "Company")
_NAME = (
    "Kim Song {}",
    "Korea Ryonbong Trading {}",
    "Dandong Hongda Trading {} Co Ltd",
    "Golden Harbour Holdings {} Limited",
    "Shenyang Pacific Commerce {} Co Ltd",
    "Lakeside Industries {} Ltd",
    "Chen Wei {}",
    "Lee Mei Ling {}",
    "Commerce Bank {}",
)
_JURISDICTION = ("kp", "kp", "cn", "hk", "cn", "cn", "cn", "hk", "hk")
_COMPANY_ROLES = (Role.TRADING, Role.SHELL, Role.FRONT, Role.COMPANY, Role.BANK)
_SEED_ROLES = (int(Role.SEED_PERSON), int(Role.SEED_COMPANY))


@dataclass
class SyntheticRegistry:
    """Nodes (by role), ownership, directorships, bank accounts, contact values and the ground truth."""

    role: npt.NDArray[np.int8]
    local: npt.NDArray[np.int64]  # number of the node within its role
    programs: npt.NDArray[np.int8]  # index into PROGRAMS for seeds, -1 otherwise
    owner: npt.NDArray[np.int32]
    asset: npt.NDArray[np.int32]
    low: npt.NDArray[np.float64]
    high: npt.NDArray[np.float64]
    director: npt.NDArray[np.int32]
    board: npt.NDArray[np.int32]
    client: npt.NDArray[np.int32]
    bank: npt.NDArray[np.int32]
    value_holder: npt.NDArray[np.int32]
    value_kind: npt.NDArray[np.int8]  # 0 address, 1 phone
    value_code: npt.NDArray[np.int64]

    @property
    def node_count(self) -> int:
        return int(self.role.shape[0])

    def indices(self, *roles: Role) -> npt.NDArray[np.int64]:
        return np.flatnonzero(np.isin(self.role, [int(r) for r in roles]))

    def ids(self) -> pl.Series:
        prefixes = pl.Series(_PREFIX)[pl.Series(self.role.astype(np.int64))]
        return (prefixes + "-" + pl.Series(self.local).cast(pl.String)).alias("id")

    def stakes(self) -> list[tuple[int, int, float, float]]:
        """Every ownership edge as ``(owner, asset, low, high)`` in plain Python values."""
        return list(
            zip(self.owner.tolist(), self.asset.tolist(), self.low.tolist(), self.high.tolist(), strict=True)
        )

    def network(self) -> npt.NDArray[np.int64]:
        """The unlisted side of the DPRK network (trading firms, shells, fronts): what leads should find."""
        return self.indices(Role.TRADING, Role.SHELL, Role.FRONT)

    def ground_truth(self) -> dict[str, list[str]]:
        ids = self.ids()
        return {
            "seeds": ids.gather(self.indices(Role.SEED_PERSON, Role.SEED_COMPANY)).to_list(),
            "fronts": ids.gather(self.indices(Role.FRONT)).to_list(),
            "network": ids.gather(self.network()).to_list(),
            "banks": ids.gather(self.indices(Role.BANK)).to_list(),
        }

    def to_frames(self) -> GraphFrames:
        """Nodes, edges and values in the interchange form (stakes as numbers)."""
        ids = self.ids()
        role = pl.Series(self.role.astype(np.int64))
        listed = np.isin(self.role, [Role.SEED_PERSON, Role.SEED_COMPANY])
        programs = pl.Series((*PROGRAMS, ""))[
            pl.Series(np.where(self.programs < 0, len(PROGRAMS), self.programs))
        ]
        nodes = pl.DataFrame(
            {
                "id": ids,
                "schema": pl.Series(_SCHEMA)[role],
                "caption": self._names(),
                "listed": listed,
                "programs": programs.replace("", None),
                "origin": pl.Series(["synthetic"]).gather(np.zeros(self.node_count, dtype=np.int64)),
            }
        )
        edges = pl.concat(
            [
                self._edge_frame(
                    ids, self.owner, self.asset, "ownership", self.low, self.high, "shareholder"
                ),
                self._edge_frame(ids, self.director, self.board, "directorship", None, None, "officer"),
                self._edge_frame(ids, self.client, self.bank, "unknown_link", None, None, "account"),
            ]
        )
        values = pl.DataFrame(
            {
                "node": ids.gather(self.value_holder),
                "kind": pl.Series(["address", "phone"])[pl.Series(self.value_kind.astype(np.int64))],
                "value": self._value_text(),
            }
        )
        return GraphFrames(nodes, edges, values)

    def write_registry(self, folder: Path) -> dict[str, Path]:
        """Write the registry CSVs, listed parties and bank accounts as FtM JSON lines, and the ground truth.

        Stakes are written as text in the spellings registries use ("40%", "0.40", "40 per cent").
        """
        folder.mkdir(parents=True, exist_ok=True)
        paths = {
            "companies": folder / "companies.csv",
            "officers": folder / "officers.csv",
            "shareholders": folder / "shareholders.csv",
            "listed": folder / "listed.ftm.jsonl",
            "accounts": folder / "accounts.ftm.jsonl",
            "ground_truth": folder / "ground_truth.json",
        }
        ids, names = self.ids(), self._names()
        role = pl.Series(self.role.astype(np.int64))
        values = pl.DataFrame(
            {
                "holder": self.value_holder,
                "kind": self.value_kind,
                "value": self._value_text(normalised=False),
            }
        ).unique(["holder", "kind"], keep="first", maintain_order=True)
        base = (
            pl.DataFrame(
                {
                    "holder": np.arange(self.node_count, dtype=np.int32),
                    "id": ids,
                    "name": names,
                    "role": role,
                    "jurisdiction": pl.Series(_JURISDICTION)[role],
                }
            )
            .join(
                values.filter(pl.col("kind") == 0).select("holder", address="value"), on="holder", how="left"
            )
            .join(values.filter(pl.col("kind") == 1).select("holder", phone="value"), on="holder", how="left")
            .sort("holder")
        )
        base.filter(pl.col("role").is_in([int(r) for r in _COMPANY_ROLES])).select(
            company_id="id", name="name", jurisdiction="jurisdiction", address="address", phone="phone"
        ).write_csv(paths["companies"])
        party_type = pl.Series(["person" if s == "Person" else "company" for s in _SCHEMA])[role]
        pl.DataFrame(
            {
                "company_id": ids.gather(self.board),
                "officer_id": ids.gather(self.director),
                "officer_name": names.gather(self.director),
                "officer_type": party_type.gather(self.director),
                "role": pl.Series(["director"]).gather(np.zeros(self.board.shape[0], dtype=np.int64)),
            }
        ).write_csv(paths["officers"])
        pl.DataFrame(
            {
                "company_id": ids.gather(self.asset),
                "holder_id": ids.gather(self.owner),
                "holder_name": names.gather(self.owner),
                "holder_type": party_type.gather(self.owner),
                "percentage": self._stake_text(),
            }
        ).write_csv(paths["shareholders"])
        with paths["listed"].open("w", encoding="utf-8") as handle:
            for row in base.filter(pl.Series(np.isin(self.role, _SEED_ROLES))).iter_rows(named=True):
                party = model.make_entity(_SCHEMA[row["role"]])
                party.id = row["id"]
                party.add("name", row["name"])
                party.add("address", row["address"])
                party.add("phone", row["phone"])
                sanction = model.make_entity("Sanction")
                sanction.id = f"{row['id']}-sanction"
                sanction.add("entity", row["id"])
                sanction.add("programId", PROGRAMS[int(self.programs[row["holder"]])])
                handle.write(dump_entity(party) + "\n" + dump_entity(sanction) + "\n")
        with paths["accounts"].open("w", encoding="utf-8") as handle:
            for n, (client, bank) in enumerate(
                zip(ids.gather(self.client), ids.gather(self.bank), strict=True)
            ):
                link = model.make_entity("UnknownLink")
                link.id = f"account-{n}"
                link.add("subject", client)
                link.add("object", bank)
                link.add("role", "account holder")
                handle.write(dump_entity(link) + "\n")
        paths["ground_truth"].write_text(json.dumps(self.ground_truth(), indent=1))
        return paths

    def _stake_text(self) -> pl.Series:
        style = pl.Series(np.random.default_rng(0).integers(0, 3, self.owner.shape[0]))
        whole = pl.Series(self.low).cast(pl.Int64).cast(pl.String)
        fraction = pl.Series(np.char.mod("%.2f", self.low / 100.0))
        return pl.select(
            pl.when(style == 0)
            .then(whole + "%")
            .when(style == 1)
            .then(fraction)
            .otherwise(whole + " per cent")
        ).to_series()

    def _names(self) -> pl.Series:
        frame = pl.DataFrame({"role": self.role.astype(np.int64), "n": self.local})
        pieces = [
            frame.filter(pl.col("role") == r).select(
                pl.col("n"), pl.col("role"), name=pl.format(_NAME[r], pl.col("n"))
            )
            for r in range(len(_NAME))
        ]
        joined = frame.with_row_index("i").join(pl.concat(pieces), on=["role", "n"], how="left").sort("i")
        return joined["name"]

    def _value_text(self, normalised: bool = True) -> pl.Series:
        """Addresses and phones as written, or already in their normalised value-node form."""
        frame = pl.DataFrame({"code": self.value_code, "kind": self.value_kind.astype(np.int64)})
        room = pl.col("code") % 97 + 1
        number = (pl.col("code") + 50_000_000).cast(pl.String)
        if normalised:
            address = pl.format("room {} {} des voeux road central hong kong", room, pl.col("code"))
            phone = pl.format("+8621{}", number)
        else:
            address = pl.format("Room {}, {} Des Voeux Road Central, Hong Kong", room, pl.col("code"))
            phone = pl.format("+86 21 {}", number)
        return frame.select(pl.when(pl.col("kind") == 0).then(address).otherwise(phone).alias("value"))[
            "value"
        ]

    @staticmethod
    def _edge_frame(
        ids: pl.Series,
        source: npt.NDArray[np.int32],
        target: npt.NDArray[np.int32],
        kind: str,
        low: npt.NDArray[np.float64] | None,
        high: npt.NDArray[np.float64] | None,
        evidence: str,
    ) -> pl.DataFrame:
        count = source.shape[0]
        return pl.DataFrame(
            {
                "source": ids.gather(source),
                "target": ids.gather(target),
                "pct_min": low if low is not None else np.full(count, np.nan),
                "pct_max": high if high is not None else np.full(count, np.nan),
                "row": np.arange(count),
            }
        ).select(
            "source",
            "target",
            kind=pl.lit(kind),
            pct_min=pl.col("pct_min").fill_nan(None),
            pct_max=pl.col("pct_max").fill_nan(None),
            start=pl.lit(None, pl.Date),
            end=pl.lit(None, pl.Date),
            evidence=pl.format("synthetic {} {}", pl.lit(evidence), pl.col("row")),
        )


def _pick(rng: np.random.Generator, pool: npt.NDArray[np.int64], size: int) -> npt.NDArray[np.int32]:
    return pool[rng.integers(0, pool.shape[0], size)].astype(np.int32)


def _stakes(rng: np.random.Generator, size: int, low: float, high: float) -> npt.NDArray[np.float64]:
    return np.round(rng.uniform(low, high, size), 0)


def generate(edges: int = 1_000, seed: int = 0) -> SyntheticRegistry:
    """A registry with about ``edges`` ownership edges (plus directorships, accounts and values).

    Deterministic for a given ``(edges, seed)``. Sizes scale with ``edges``: roughly one seed per
    2,000 edges, one front per 2,000, one nominee per 20,000 (each sits on ~400 boards), one
    registered-agent address per 50,000.
    """
    rng = np.random.default_rng(seed)
    counts = {
        Role.SEED_PERSON: max(4, edges // 4_000),
        Role.SEED_COMPANY: max(4, edges // 4_000),
        Role.TRADING: max(8, edges // 200),
        Role.SHELL: max(20, edges // 25),
        Role.FRONT: max(5, edges // 2_000),
        Role.COMPANY: max(60, edges // 3),
        Role.PERSON: max(40, edges // 6),
        Role.NOMINEE: max(3, edges // 20_000),
        Role.BANK: max(3, min(40, 3 + edges // 200_000)),
    }
    role = np.concatenate([np.full(n, int(r), dtype=np.int8) for r, n in counts.items()])
    local = np.concatenate([np.arange(n, dtype=np.int64) for n in counts.values()])
    of = {r: np.flatnonzero(role == int(r)) for r in counts}
    seeds = np.concatenate([of[Role.SEED_PERSON], of[Role.SEED_COMPANY]])
    programs = np.full(role.shape[0], -1, dtype=np.int8)
    programs[seeds] = rng.integers(0, len(PROGRAMS), seeds.shape[0])

    owners: list[npt.NDArray[np.int32]] = []
    assets: list[npt.NDArray[np.int32]] = []
    stakes: list[npt.NDArray[np.float64]] = []
    # Each trading firm: one seed holds a majority, or two seeds hold 20-35 % each (aggregation).
    trading = of[Role.TRADING].astype(np.int32)
    single = rng.random(trading.shape[0]) < 0.5
    owners += [
        _pick(rng, seeds, int(single.sum())),
        _pick(rng, seeds, int((~single).sum())),
        _pick(rng, seeds, int((~single).sum())),
    ]
    assets += [trading[single], trading[~single], trading[~single]]
    stakes += [
        _stakes(rng, int(single.sum()), 50, 100),
        _stakes(rng, int((~single).sum()), 20, 35),
        _stakes(rng, int((~single).sum()), 20, 35),
    ]
    # Shells: owned by a trading firm or an earlier shell (chains several layers deep).
    shells = of[Role.SHELL].astype(np.int32)
    parent_is_trading = rng.random(shells.shape[0]) < 0.3
    earlier = np.maximum(0, (rng.random(shells.shape[0]) * np.arange(shells.shape[0])).astype(np.int64))
    parents = np.where(parent_is_trading, _pick(rng, of[Role.TRADING], shells.shape[0]), shells[earlier])
    chained = parents != shells
    owners.append(parents[chained].astype(np.int32))
    assets.append(shells[chained])
    stakes.append(_stakes(rng, int(chained.sum()), 30, 100))
    # The bulk: ordinary people and companies holding stakes in ordinary companies, cycles allowed.
    used = sum(a.shape[0] for a in assets)
    bulk = max(0, edges - used - counts[Role.FRONT])
    holders = np.concatenate([of[Role.PERSON], of[Role.COMPANY]])
    owners.append(_pick(rng, holders, bulk))
    assets.append(_pick(rng, of[Role.COMPANY], bulk))
    stakes.append(_stakes(rng, bulk, 1, 60))
    # Fronts: wholly owned by an ordinary person; their tie to the seeds is a shared phone or address.
    fronts = of[Role.FRONT].astype(np.int32)
    owners.append(_pick(rng, of[Role.PERSON], fronts.shape[0]))
    assets.append(fronts)
    stakes.append(np.full(fronts.shape[0], 100.0))
    owner = np.concatenate(owners).astype(np.int32)
    asset = np.concatenate(assets).astype(np.int32)
    pct = np.concatenate(stakes)

    # Directors: nominees on shell boards, seed persons on trading-firm boards, people elsewhere.
    companies = of[Role.COMPANY]
    n_company_directors = min(companies.shape[0], max(1, edges // 10))
    director = np.concatenate(
        [
            _pick(rng, of[Role.NOMINEE], shells.shape[0]),
            _pick(rng, of[Role.SEED_PERSON], trading.shape[0]),
            _pick(rng, of[Role.PERSON], fronts.shape[0]),
            _pick(rng, of[Role.PERSON], n_company_directors),
        ]
    )
    board = np.concatenate([shells, trading, fronts, companies[:n_company_directors].astype(np.int32)])

    # Bank accounts: the network banks where everyone else does.
    clients = np.concatenate(
        [
            trading,
            shells[: max(1, shells.shape[0] // 4)],
            companies[: companies.shape[0] // 10].astype(np.int32),
        ]
    )
    banks = _pick(rng, of[Role.BANK], clients.shape[0])

    holder_parts, kind_parts, code_parts = [], [], []
    next_code = 0

    def add(
        holders_: npt.NDArray[np.int64] | npt.NDArray[np.int32], kind: int, codes: npt.NDArray[np.int64]
    ) -> None:
        holder_parts.append(holders_.astype(np.int32))
        kind_parts.append(np.full(holders_.shape[0], kind, dtype=np.int8))
        code_parts.append(codes)

    def fresh(count: int) -> npt.NDArray[np.int64]:
        nonlocal next_code
        codes = np.arange(next_code, next_code + count, dtype=np.int64)
        next_code += count
        return codes

    agents = fresh(max(2, edges // 50_000))
    own_address = np.concatenate([seeds, trading, companies])
    address_codes = fresh(own_address.shape[0])
    seed_company_address = address_codes[len(of[Role.SEED_PERSON]) : len(seeds)]
    seed_company_address[0] = agents[0]  # one listed firm uses a registered agent, as many do
    add(own_address, 0, address_codes)
    add(shells, 0, agents[rng.integers(0, agents.shape[0], shells.shape[0])])
    decoys = companies[rng.random(companies.shape[0]) < 0.01]
    add(decoys, 0, np.full(decoys.shape[0], agents[0]))
    phone_holders = np.concatenate([seeds, trading, companies])
    phone_codes = fresh(phone_holders.shape[0])
    company_phones = phone_codes[-companies.shape[0] :]  # a view: edits land in phone_codes
    sharers = np.flatnonzero(rng.random(companies.shape[0]) < 0.02)  # firms sharing a switchboard
    company_phones[sharers] = company_phones[(sharers + 1) % companies.shape[0]]
    add(phone_holders, 1, phone_codes)
    # Each front copies the phone or the own address of one listed party.
    victim = rng.integers(0, seeds.shape[0], fronts.shape[0])
    by_phone = rng.random(fronts.shape[0]) < 0.5
    add(fronts[by_phone], 1, phone_codes[victim[by_phone]])
    add(fronts[~by_phone], 0, address_codes[victim[~by_phone]])
    add(fronts[by_phone], 0, fresh(int(by_phone.sum())))
    return SyntheticRegistry(
        role=role,
        local=local,
        programs=programs,
        owner=owner,
        asset=asset,
        low=pct,
        high=pct.copy(),
        director=director.astype(np.int32),
        board=board.astype(np.int32),
        client=clients.astype(np.int32),
        bank=banks,
        value_holder=np.concatenate(holder_parts),
        value_kind=np.concatenate(kind_parts),
        value_code=np.concatenate(code_parts),
    )
