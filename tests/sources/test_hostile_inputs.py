"""Broken and hostile UN XML and OFAC CSV input: one clear error, a non-zero exit, the store untouched.

Every case runs the real command line (``python -m chokepoint lists load``) against a store that already
holds a UN and an OFAC load, then checks the exit code, the one-line error naming file and record, and
that the store's versions and entities are exactly as before. The parsers are also fuzzed.
"""

from __future__ import annotations

import contextlib
import csv
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from xml_hazards import billion_laughs, mutations, read_all, truncated, xxe

from chokepoint.errors import SourceFormatError
from chokepoint.sources import ofac_sdn, un_sc
from chokepoint.sources.csvsafe import MAX_FIELD_CHARS
from chokepoint.sources.load import load_source
from chokepoint.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "un_ofac"
UN_FIXTURE = FIXTURES / "un_consolidated_small.xml"
OFAC_FIXTURE = FIXTURES / "ofac_sdn_2024-01-15"
FIFTY_MB = 50 * 1024 * 1024


@pytest.fixture(scope="module")
def loaded_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding one load of each fixture: the earlier state every failed load must keep."""
    home = tmp_path_factory.mktemp("loaded") / "home"
    store = Store(home)
    load_source(store, "un-sc", UN_FIXTURE)
    load_source(store, "ofac-sdn", OFAC_FIXTURE)
    return home


def store_state(home: Path) -> tuple[list[str], list[tuple[str, str]]]:
    store = Store(home)
    versions = sorted(f"{v.source}/{v.version_id}/{v.entity_count}" for v in store.versions())
    entities = sorted((str(e.id), str(sorted(e.to_dict()["properties"].items()))) for e in store.entities())
    return versions, entities


def run_load(home: Path, source: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "chokepoint", "lists", "load", source, str(path), "--home", str(home)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def assert_refused(loaded_home: Path, tmp_path: Path, source: str, path: Path, *expected: str) -> None:
    home = tmp_path / "home"
    shutil.copytree(loaded_home, home)
    before = store_state(home)
    process = run_load(home, source, path)
    assert process.returncode != 0
    assert "Traceback" not in process.stderr
    message = process.stderr.strip()
    assert message.startswith("error:") and str(path) in message
    for text in expected:
        assert text in message
    assert store_state(home) == before


# -- UN XML ----------------------------------------------------------------------------------------------


def un_file(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "un.xml"
    path.write_bytes(data)
    return path


def with_comment(text: bytes) -> bytes:
    """The UN fixture with the first COMMENTS1 replaced by ``text``."""
    data = UN_FIXTURE.read_bytes()
    start = data.index(b"<COMMENTS1>") + len(b"<COMMENTS1>")
    return data[:start] + text + data[data.index(b"</COMMENTS1>") :]


def test_truncated_xml(loaded_home: Path, tmp_path: Path) -> None:
    path = un_file(tmp_path, truncated(UN_FIXTURE))
    assert_refused(loaded_home, tmp_path, "un-sc", path, "record #", "malformed XML")


def test_xml_external_entity(loaded_home: Path, tmp_path: Path) -> None:
    path = un_file(tmp_path, xxe("CONSOLIDATED_LIST"))
    assert_refused(loaded_home, tmp_path, "un-sc", path, "refused hostile XML")


def test_billion_laughs(loaded_home: Path, tmp_path: Path) -> None:
    path = un_file(tmp_path, billion_laughs("CONSOLIDATED_LIST"))
    assert_refused(loaded_home, tmp_path, "un-sc", path, "refused hostile XML")


def test_non_utf8_bytes_in_xml(loaded_home: Path, tmp_path: Path) -> None:
    path = un_file(tmp_path, with_comment(b"Telephone \xff\xfe 123"))
    assert_refused(loaded_home, tmp_path, "un-sc", path, "record #1")


def test_fifty_megabyte_xml_field(loaded_home: Path, tmp_path: Path) -> None:
    path = un_file(tmp_path, with_comment(b"A" * FIFTY_MB))
    assert_refused(loaded_home, tmp_path, "un-sc", path, "record #1", "<COMMENTS1>")


def test_record_without_reference_number(loaded_home: Path, tmp_path: Path) -> None:
    data = UN_FIXTURE.read_bytes().replace(b"<REFERENCE_NUMBER>QDi.901</REFERENCE_NUMBER>", b"")
    path = un_file(tmp_path, data)
    assert_refused(loaded_home, tmp_path, "un-sc", path, "record #2", "no REFERENCE_NUMBER")


def test_a_repeated_reference_number_is_refused(tmp_path: Path) -> None:
    data = UN_FIXTURE.read_bytes().replace(b">QDi.901<", b">KPi.901<")
    with pytest.raises(SourceFormatError, match=r"record #2 \(KPi.901\): REFERENCE_NUMBER occurs twice"):
        read_all(un_sc, un_file(tmp_path, data))


def test_unknown_declared_encoding(tmp_path: Path) -> None:
    data = UN_FIXTURE.read_bytes().replace(b'encoding="UTF-8"', b'encoding="U99TF-8"')
    with pytest.raises(SourceFormatError, match="unknown encoding"):
        read_all(un_sc, un_file(tmp_path, data))


def test_a_list_without_records_is_refused(tmp_path: Path) -> None:
    data = UN_FIXTURE.read_bytes()
    empty = data[: data.index(b"<INDIVIDUALS>")] + b"</CONSOLIDATED_LIST>\n"
    with pytest.raises(SourceFormatError, match="no INDIVIDUAL or ENTITY record"):
        read_all(un_sc, un_file(tmp_path, empty))


# -- OFAC CSV --------------------------------------------------------------------------------------------


def ofac_copy(tmp_path: Path, edit: Callable[[bytes], bytes], name: str = "sdn.csv") -> Path:
    folder = tmp_path / "ofac_sdn"
    shutil.copytree(OFAC_FIXTURE, folder)
    (folder / name).write_bytes(edit((folder / name).read_bytes()))
    return folder


def test_csv_row_with_the_wrong_column_count(loaded_home: Path, tmp_path: Path) -> None:
    folder = ofac_copy(tmp_path, lambda data: data + b'\r\n9100,"SHORT ROW","individual"\r\n')
    assert_refused(loaded_home, tmp_path, "ofac-sdn", folder, "sdn.csv, record line 7", "expected 12 columns")


def test_byte_invalid_in_windows_1252(loaded_home: Path, tmp_path: Path) -> None:
    # 0x81 is unassigned in cp1252, and the file is not UTF-8 either (it holds a cp1252 É).
    folder = ofac_copy(tmp_path, lambda data: data.replace(b"EX-AIR", b"EX-\x81IR"), name="sdn.csv")
    assert_refused(loaded_home, tmp_path, "ofac-sdn", folder, "sdn.csv, record line 4", "81", "cp1252")


def test_invalid_utf8_in_a_file_without_cp1252_fallback(loaded_home: Path, tmp_path: Path) -> None:
    folder = ofac_copy(tmp_path, lambda data: data.replace(b"EOS", b"E\x8dS"), name="alt.csv")
    assert_refused(loaded_home, tmp_path, "ofac-sdn", folder, "alt.csv, record line 3", "8d")


def test_fifty_megabyte_csv_field(loaded_home: Path, tmp_path: Path) -> None:
    big = b'9200,"' + b"A" * FIFTY_MB + b'","individual",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'
    folder = ofac_copy(tmp_path, lambda data: big + data)
    assert_refused(loaded_home, tmp_path, "ofac-sdn", folder, "sdn.csv, record line 1", "field size cap")


def test_multi_line_field_over_the_cap(tmp_path: Path) -> None:
    lines = b"\r\n".join([b"B" * 1000] * (MAX_FIELD_CHARS // 1000 + 5))
    folder = ofac_copy(
        tmp_path,
        lambda data: b'9300,"X","individual",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"' + lines + b'"\r\n',
    )
    with pytest.raises(SourceFormatError, match="characters long"):
        read_all(ofac_sdn, folder)


def test_an_empty_sdn_file_is_refused(tmp_path: Path) -> None:
    folder = ofac_copy(tmp_path, lambda data: b"\x1a")
    with pytest.raises(SourceFormatError, match="no SDN entries"):
        read_all(ofac_sdn, folder)


def test_overflow_only_folder_names_the_missing_file(loaded_home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "ofac_overflow"
    folder.mkdir()
    shutil.copy(OFAC_FIXTURE / "alt.csv", folder)
    shutil.copy(OFAC_FIXTURE / "sdn_comments.csv", folder)
    assert_refused(loaded_home, tmp_path, "ofac-sdn", folder, "sdn.csv is missing")


# -- fuzzing ---------------------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=mutations(UN_FIXTURE.read_bytes()))
def test_fuzz_un_reader(tmp_path: Path, data: bytes) -> None:
    path = un_file(tmp_path, data)
    with contextlib.suppress(SourceFormatError):
        read_all(un_sc, path)


SDN_BYTES = (OFAC_FIXTURE / "sdn.csv").read_bytes()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.one_of(
        st.binary(max_size=2000),
        mutations(SDN_BYTES),
        st.lists(
            st.sampled_from([b",", b'"', b"-0- ", b"\r\n", b"\x1a", b"9001", b"]", b"DOB", b"\x81", b"\xc3"])
        ).map(b"".join),
    ),
    name=st.sampled_from(["sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"]),
)
def test_fuzz_ofac_reader(tmp_path: Path, data: bytes, name: str) -> None:
    folder = tmp_path / "fuzz"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(OFAC_FIXTURE, folder)
    (folder / name).write_bytes(data)
    with contextlib.suppress(SourceFormatError):
        read_all(ofac_sdn, folder)


REMARK_WORDS = st.sampled_from(
    [
        "DOB",
        "POB",
        "alt.",
        "Linked To:",
        "a.k.a.",
        "Digital Currency Address -",
        "Vessel Registration Identification IMO",
        "Company Number IMO",
        "Passport",
        "National ID No.",
        "SWIFT/BIC",
        "Phone Number",
        "Website",
        "(",
        ")",
        "'",
        ";",
        ".",
        "circa",
        "to",
        "Jul",
        "1986",
        "9074729",
        "Korea, North",
        "KIM, Chol Su",
    ]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(remarks=st.one_of(st.text(max_size=300), st.lists(REMARK_WORDS, max_size=30).map(" ".join)))
def test_fuzz_ofac_remarks(tmp_path: Path, remarks: str) -> None:
    """Any remark text, however garbled, gives entities, never an exception."""
    folder = tmp_path / "remarks"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(OFAC_FIXTURE, folder)
    sdn = folder / "sdn.csv"
    text = sdn.read_bytes().decode("cp1252").rstrip("\x1a")
    with sdn.open("w", encoding="utf-8", newline="") as handle:
        handle.write(text)
        csv.writer(handle).writerow(["9400", "FUZZ PARTY", "individual", "DPRK3", *["-0- "] * 7, remarks])
    entities = read_all(ofac_sdn, folder)
    assert any(e.id == "ofac-sdn-9400" for e in entities)
