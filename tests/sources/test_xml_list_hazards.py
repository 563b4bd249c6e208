"""Every XML list reader refuses hostile or broken files with a SourceFormatError naming the file, leaves
the store as it was, and survives fuzzed variants of its fixture."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from xml_hazards import billion_laughs, mutations, read_all, truncated, xxe

from chokepoint.errors import SourceFormatError
from chokepoint.sources import eu_fsf, ofac_advanced, uk
from chokepoint.sources.load import load_source
from chokepoint.store import Store

FIXTURES = Path(__file__).parent / "fixtures"

# (reader, fixture, root element) per XML format
FORMATS: dict[str, tuple[ModuleType, Path, str]] = {
    "eu-fsf": (eu_fsf, FIXTURES / "eu_fsf" / "xmlFullSanctionsList_1_1_dprk.xml", "export"),
    "uk": (uk, FIXTURES / "uk" / "UK-Sanctions-List_dprk.xml", "Designations"),
    "ofac-advanced": (ofac_advanced, FIXTURES / "ofac_advanced" / "sdn_advanced_dprk.xml", "Sanctions"),
}
HAZARDS = {
    "xxe": lambda fixture, root: xxe(root),
    "laughs": lambda fixture, root: billion_laughs(root),
    "cut": lambda fixture, root: truncated(fixture),
}


@pytest.mark.parametrize("hazard", sorted(HAZARDS))
@pytest.mark.parametrize("source", sorted(FORMATS))
def test_hostile_or_broken_xml_is_refused_and_the_store_is_unchanged(
    tmp_path: Path, store: Store, source: str, hazard: str
) -> None:
    _, fixture, root = FORMATS[source]
    load_source(store, source, fixture)
    before = store.versions()
    path = tmp_path / "list.xml"
    path.write_bytes(HAZARDS[hazard](fixture, root))
    with pytest.raises(SourceFormatError) as error:
        load_source(store, source, path)
    assert str(path) in str(error.value)
    assert store.versions() == before


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
@pytest.mark.parametrize("source", sorted(FORMATS))
def test_fuzzed_files_parse_or_raise_source_format_error(
    tmp_path: Path, source: str, data: st.DataObject
) -> None:
    reader, fixture, _ = FORMATS[source]
    path = tmp_path / "fuzz.xml"
    path.write_bytes(data.draw(mutations(fixture.read_bytes())))
    try:
        read_all(reader, path)
    except SourceFormatError as error:
        assert str(path) in str(error)
