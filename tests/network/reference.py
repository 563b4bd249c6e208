"""A slow, obviously-correct statement of the 50 % rules, to cross-check the vectorised fix-point."""

from __future__ import annotations

from collections import defaultdict


def reference_verdicts(
    n: int,
    stakes: list[tuple[int, int, float, float]],
    listed: set[int],
    threshold: float = 50.0,
    strict: bool = False,
) -> dict[int, str]:
    """Recompute every aggregate from scratch until nothing changes; stakes are merged per pair."""
    merged: dict[tuple[int, int], tuple[float, float]] = {}
    for owner, asset, low, high in stakes:
        if owner == asset:
            continue
        old = merged.get((owner, asset), (0.0, 0.0))
        merged[(owner, asset)] = (max(old[0], low), max(old[1], high))

    def reaches(total: float) -> bool:
        return total > threshold + 1e-9 if strict else total >= threshold - 1e-9

    blocked, possible = set(listed), set(listed)
    while True:
        low_sum: dict[int, float] = defaultdict(float)
        high_sum: dict[int, float] = defaultdict(float)
        for (owner, asset), (low, high) in merged.items():
            if owner in blocked:
                low_sum[asset] += low
            if owner in possible:
                high_sum[asset] += high
        new_blocked = blocked | {a for a, total in low_sum.items() if reaches(total)}
        new_possible = (
            possible | new_blocked | {a for a, total in high_sum.items() if reaches(min(total, 100.0))}
        )
        if new_blocked == blocked and new_possible == possible:
            break
        blocked, possible = new_blocked, new_possible
    return {
        node: "blocked" if node in blocked else "possibly_blocked" if node in possible else "not_blocked"
        for node in range(n)
    }
