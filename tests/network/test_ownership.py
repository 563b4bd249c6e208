"""The OFAC 50 % rule on OFAC's own worked examples, and the vectorised fix-point against a reference."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from followthemoney import EntityProxy, model
from hypothesis import given, settings
from hypothesis import strategies as st

from chokepoint.network.frames import frames_from_entities
from chokepoint.network.graph import build_graph
from chokepoint.network.ownership import Explainer, Rule, fixpoint, merge_stakes, ownership_verdicts

from .reference import reference_verdicts


def _party(name: str, listed: bool = False) -> EntityProxy:
    entity = model.make_entity("Company")
    entity.id = name
    entity.add("name", name)
    if listed:
        entity.add("topics", "sanction")
    return entity


def _owns(owner: str, asset: str, percentage: str, **dates: str) -> EntityProxy:
    entity = model.make_entity("Ownership")
    entity.id = f"own-{owner}-{asset}"
    entity.add("owner", owner)
    entity.add("asset", asset)
    entity.add("percentage", percentage)
    for prop, value in dates.items():
        entity.add(prop, value)
    return entity


def _verdicts(*entities: EntityProxy, rule: str = "ofac", as_of: date | None = None) -> dict[str, str]:
    graph = build_graph(frames_from_entities(entities))
    result = ownership_verdicts(graph, rule, as_of)
    return {graph.node_id(i): result.verdict(i) for i in range(graph.node_count)}


def test_faq_401_example_1_chains_are_not_multiplied() -> None:
    # X owns 50 % of A, A owns 50 % of B: B is blocked (never 25 %).
    v = _verdicts(
        _party("X", listed=True), _party("A"), _party("B"), _owns("X", "A", "50%"), _owns("A", "B", "50%")
    )
    assert v["A"] == "blocked" and v["B"] == "blocked"


def test_faq_401_example_2_blocked_subsidiaries_aggregate() -> None:
    # X owns 50 % of A and of B; A and B each own 25 % of C: C is blocked.
    v = _verdicts(
        _party("X", listed=True),
        *(_party(n) for n in "ABC"),
        _owns("X", "A", "50%"),
        _owns("X", "B", "50%"),
        _owns("A", "C", "25%"),
        _owns("B", "C", "25%"),
    )
    assert v["C"] == "blocked"


def test_faq_401_example_3_direct_and_indirect_stakes_add_up() -> None:
    # X owns 50 % of A and 10 % of B; A owns 40 % of B: B is blocked.
    v = _verdicts(
        _party("X", listed=True),
        _party("A"),
        _party("B"),
        _owns("X", "A", "50%"),
        _owns("X", "B", "10%"),
        _owns("A", "B", "40%"),
    )
    assert v["B"] == "blocked"


def test_faq_399_stakes_of_different_blocked_persons_aggregate() -> None:
    v = _verdicts(
        _party("X", listed=True),
        _party("Y", listed=True),
        _party("C"),
        _owns("X", "C", "25%"),
        _owns("Y", "C", "25%"),
    )
    assert v["C"] == "blocked"


def test_an_unblocked_intermediary_stops_the_chain() -> None:
    # X owns 40 % of A (A not blocked), A owns 100 % of B: nothing is blocked through A.
    v = _verdicts(
        _party("X", listed=True), _party("A"), _party("B"), _owns("X", "A", "40%"), _owns("A", "B", "100%")
    )
    assert v["A"] == "not_blocked" and v["B"] == "not_blocked"


def test_bounds_that_straddle_fifty_percent_are_possibly_blocked() -> None:
    v = _verdicts(_party("X", listed=True), _party("A"), _owns("X", "A", "25-60%"))
    assert v["A"] == "possibly_blocked"


def test_ownership_that_ended_before_the_date_does_not_count() -> None:
    entities = (_party("X", listed=True), _party("A"), _owns("X", "A", "60%", endDate="2019-06"))
    assert _verdicts(*entities, as_of=date(2019, 6, 30))["A"] == "blocked"
    assert _verdicts(*entities, as_of=date(2020, 1, 1))["A"] == "not_blocked"


def test_a_sanction_entity_marks_its_party_listed() -> None:
    sanction = model.make_entity("Sanction")
    sanction.id = "sanction-X"
    sanction.add("entity", "X")
    sanction.add("programId", "DPRK3")
    v = _verdicts(sanction, _party("X"), _party("A"), _owns("X", "A", "50%"))
    assert v["X"] == "blocked" and v["A"] == "blocked"


def test_eu_needs_more_than_half_but_follows_control() -> None:
    control = model.make_entity("Control")
    control.id = "ctl"
    control.add("controller", "X")
    control.add("controlled", "B")
    entities = (_party("X", listed=True), _party("A"), _party("B"), _owns("X", "A", "50%"), control)
    assert _verdicts(*entities, rule="ofac") == {"X": "blocked", "A": "blocked", "B": "not_blocked"}
    assert _verdicts(*entities, rule="eu") == {"X": "blocked", "A": "not_blocked", "B": "blocked"}


def test_eu_board_majority_counts_as_control() -> None:
    def directs(person: str, org: str) -> EntityProxy:
        entity = model.make_entity("Directorship")
        entity.id = f"dir-{person}-{org}"
        entity.add("director", person)
        entity.add("organization", org)
        return entity

    two_of_three = (_party("P", listed=True), _party("Q", listed=True), _party("R"), _party("O"))
    v = _verdicts(*two_of_three, directs("P", "O"), directs("Q", "O"), directs("R", "O"), rule="eu")
    assert v["O"] == "blocked"
    v = _verdicts(*two_of_three, directs("P", "O"), directs("R", "O"), rule="eu")
    assert v["O"] == "not_blocked"


def test_evidence_names_the_stakes_and_the_chain() -> None:
    graph = build_graph(
        frames_from_entities(
            [
                _party("X", listed=True),
                _party("A"),
                _party("B"),
                _owns("X", "A", "50%"),
                _owns("A", "B", "60%"),
            ]
        )
    )
    result = ownership_verdicts(graph, Rule.OFAC)
    text = Explainer(graph, result).evidence_text(graph.index("B"))
    assert "A owns 60%" in text and "[own-A-B]" in text and text.endswith("chain: X > A > B")


@st.composite
def _random_graphs(draw: st.DrawFn) -> tuple[int, list[tuple[int, int, float, float]], set[int]]:
    n = draw(st.integers(2, 12))
    edge = st.tuples(
        st.integers(0, n - 1),
        st.integers(0, n - 1),
        st.sampled_from([10.0, 20.0, 25.0, 30.0, 40.0, 50.0, 60.0, 100.0]),
    )
    raw = draw(st.lists(edge, max_size=30))
    widen = draw(st.lists(st.sampled_from([0.0, 0.0, 15.0, 40.0]), min_size=len(raw), max_size=len(raw)))
    stakes = [(o, a, p, min(100.0, p + w)) for (o, a, p), w in zip(raw, widen, strict=True)]
    listed = set(draw(st.lists(st.integers(0, n - 1), max_size=3)))
    return n, stakes, listed


def _fast(
    n: int, stakes: list[tuple[int, int, float, float]], listed: set[int], strict: bool
) -> dict[int, str]:
    arr = np.array(stakes, dtype=np.float64).reshape(-1, 4)
    merged = merge_stakes(
        arr[:, 0].astype(np.int32),
        arr[:, 1].astype(np.int32),
        arr[:, 2],
        arr[:, 3],
        np.arange(len(stakes)),
        n,
    )
    mask = np.zeros(n, dtype=np.bool_)
    mask[list(listed)] = True
    result = fixpoint(n, merged, mask, strict=strict)
    return {i: result.verdict(i) for i in range(n)}


@settings(max_examples=300, deadline=None)
@given(_random_graphs(), st.booleans())
def test_vectorised_fixpoint_agrees_with_the_reference(
    case: tuple[int, list[tuple[int, int, float, float]], set[int]], strict: bool
) -> None:
    n, stakes, listed = case
    assert _fast(n, stakes, listed, strict) == reference_verdicts(n, stakes, listed, strict=strict)


@pytest.mark.parametrize("seed", [1, 2])
def test_generated_networks_agree_with_the_reference(seed: int) -> None:
    from chokepoint.network.generator import generate

    registry = generate(3_000, seed)
    stakes = registry.stakes()
    listed = set(np.flatnonzero(np.isin(registry.role, [0, 1])).tolist())
    fast = _fast(registry.node_count, stakes, listed, strict=False)
    assert fast == reference_verdicts(registry.node_count, stakes, listed)
    assert sum(v == "blocked" for v in fast.values()) > len(listed)
