"""``lists update``: download from a local HTTP server (never the internet), check, record, load.

The server serves real files (the shared data, or the reader fixtures) and can be told to answer
503 a few times, stall, or omit the Content-Length, so each failure mode is exercised for real.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from chokepoint.cli import app
from chokepoint.errors import InputError
from chokepoint.sources.download import (
    DownloadConfig,
    DownloadError,
    FetchPolicy,
    load_local,
    local_copy,
    update_source,
)
from chokepoint.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
UK_FILE = "uk/UK-Sanctions-List_dprk.xml"
FAST = FetchPolicy(timeout=5.0, retries=2, backoff=0.0, max_bytes=10 << 20)


class ListServer:
    """A static file server on 127.0.0.1 with scripted misbehaviour per path."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.hits: Counter[str] = Counter()
        self.errors_before_success: dict[str, int] = {}
        self.delay: dict[str, float] = {}
        self.chunked: set[str] = set()
        self.short_before_success: dict[str, int] = {}
        handler = partial(_Handler, self, directory=str(root))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"


class _Handler(SimpleHTTPRequestHandler):
    def __init__(self, lists: ListServer, *args: Any, **kwargs: Any) -> None:
        self.lists = lists
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: tests read the hit counter instead."""

    def do_GET(self) -> None:
        path = self.path
        self.lists.hits[path] += 1
        if self.lists.hits[path] <= self.lists.errors_before_success.get(path, 0):
            self.send_error(503, "try again")
            return
        time.sleep(self.lists.delay.get(path, 0.0))
        if self.lists.hits[path] <= self.lists.short_before_success.get(path, 0):
            body = (self.lists.root / path.lstrip("/")).read_bytes()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])  # the connection drops half-way
            self.close_connection = True
            return
        if path in self.lists.chunked:
            body = (self.lists.root / path.lstrip("/")).read_bytes()
            self.send_response(200)
            self.end_headers()
            self.wfile.write(body)  # no Content-Length: the client must count
            self.close_connection = True
            return
        super().do_GET()


@contextmanager
def _serve(root: Path) -> Iterator[ListServer]:
    lists = ListServer(root)
    lists.thread.start()
    try:
        yield lists
    finally:
        lists.httpd.shutdown()
        lists.httpd.server_close()


@pytest.fixture
def server() -> Iterator[ListServer]:
    """Serves the reader fixtures (UK, EU, OFAC advanced)."""
    with _serve(FIXTURES) as lists:
        yield lists


@pytest.fixture
def shared_server(shared_data: Path) -> Iterator[ListServer]:
    """Serves the real UN and OFAC files of the shared data, in their own folder layout."""
    with _serve(shared_data / "lists") as lists:
        yield lists


def _config(server: ListServer, policy: FetchPolicy = FAST, **urls: str) -> DownloadConfig:
    return DownloadConfig(
        urls={k.replace("_", "-"): f"{server.url}/{v}" for k, v in urls.items()}, policy=policy
    )


def test_update_downloads_records_the_sha256_and_loads(server: ListServer, store: Store) -> None:
    result = update_source(store, "uk", _config(server, uk=UK_FILE))
    expected = hashlib.sha256((FIXTURES / UK_FILE).read_bytes()).hexdigest()
    assert [f.sha256 for f in result.files] == [expected]
    assert result.path.read_bytes() == (FIXTURES / UK_FILE).read_bytes()
    manifest = json.loads(
        result.path.parent.with_name(result.path.parent.name + ".download.json").read_text()
    )
    assert manifest["files"][0]["sha256"] == expected and manifest["files"][0]["url"].endswith(UK_FILE)
    assert result.load.created and result.load.version.sha256 == expected
    assert store.get("uk-DPR0241").get("imoNumber") == ["IMO7937317"]


def test_progress_is_reported_in_bytes(server: ListServer, store: Store) -> None:
    calls: list[tuple[str, int, int | None]] = []
    update_source(store, "uk", _config(server, uk=UK_FILE), progress=lambda *c: calls.append(c))
    size = (FIXTURES / UK_FILE).stat().st_size
    assert calls[-1] == ("UK-Sanctions-List.xml", size, size)


def test_the_same_file_again_reuses_the_download_and_changes_nothing(
    server: ListServer, store: Store
) -> None:
    first = update_source(store, "uk", _config(server, uk=UK_FILE))
    second = update_source(store, "uk", _config(server, uk=UK_FILE))
    assert second.reused and second.path == first.path
    assert not second.load.created and len(store.versions("uk")) == 1


def test_a_503_is_retried(server: ListServer, store: Store) -> None:
    server.errors_before_success[f"/{UK_FILE}"] = 2
    result = update_source(store, "uk", _config(server, uk=UK_FILE))
    assert server.hits[f"/{UK_FILE}"] == 3 and result.load.created


def test_a_body_cut_short_is_retried(server: ListServer, store: Store) -> None:
    server.short_before_success[f"/{UK_FILE}"] = 1
    result = update_source(store, "uk", _config(server, uk=UK_FILE))
    assert server.hits[f"/{UK_FILE}"] == 2
    assert result.path.read_bytes() == (FIXTURES / UK_FILE).read_bytes()


def test_persistent_503_gives_up_and_leaves_store_and_files_unchanged(
    server: ListServer, store: Store
) -> None:
    update_source(
        store, "ofac-advanced", _config(server, ofac_advanced="ofac_advanced/sdn_advanced_dprk.xml")
    )
    before = store.versions()
    server.errors_before_success[f"/{UK_FILE}"] = 10
    with pytest.raises(DownloadError, match=r"HTTP 503 \(gave up after 3 attempts\)"):
        update_source(store, "uk", _config(server, uk=UK_FILE))
    assert store.versions() == before
    assert list((store.home / "lists" / "uk").iterdir()) == []  # no staging folder, no .partial


def test_a_stalled_server_times_out(server: ListServer, store: Store) -> None:
    server.delay[f"/{UK_FILE}"] = 1.5
    policy = FetchPolicy(timeout=0.3, retries=1, backoff=0.0, max_bytes=10 << 20)
    with pytest.raises(DownloadError, match="ReadTimeout"):
        update_source(store, "uk", _config(server, policy, uk=UK_FILE))
    assert server.hits[f"/{UK_FILE}"] == 2
    assert not store.exists() or store.versions() == []


@pytest.mark.parametrize("chunked", [False, True], ids=["declared-length", "streamed"])
def test_a_file_over_the_size_cap_is_refused(server: ListServer, store: Store, chunked: bool) -> None:
    if chunked:
        server.chunked.add(f"/{UK_FILE}")
    policy = FetchPolicy(timeout=5.0, retries=0, backoff=0.0, max_bytes=1000)
    with pytest.raises(DownloadError, match="larger than the cap of 1,000 bytes"):
        update_source(store, "uk", _config(server, policy, uk=UK_FILE))
    assert list((store.home / "lists" / "uk").iterdir()) == []


def test_a_missing_file_is_not_retried(server: ListServer, store: Store) -> None:
    with pytest.raises(DownloadError, match="HTTP 404"):
        update_source(store, "uk", _config(server, uk="uk/nothing.xml"))
    assert server.hits["/uk/nothing.xml"] == 1


def test_a_mirror_serves_source_and_file_name() -> None:
    files = DownloadConfig(base_url="http://mirror.example/lists/").files("ofac-sdn")
    assert [f.url for f in files] == [
        f"http://mirror.example/lists/ofac-sdn/{name}"
        for name in ("sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv")
    ]


def test_the_eu_url_needs_a_token() -> None:
    with pytest.raises(DownloadError, match="CHOKEPOINT_EU_FSF_TOKEN"):
        DownloadConfig().files("eu-fsf")
    (item,) = DownloadConfig(token="abc").files("eu-fsf")
    assert item.url.endswith("xmlFullSanctionsList_1_1/content?token=abc")


def test_tokens_never_reach_the_manifest_or_messages(server: ListServer, store: Store) -> None:
    fixture = "eu_fsf/xmlFullSanctionsList_1_1_dprk.xml"
    result = update_source(store, "eu-fsf", _config(server, eu_fsf=f"{fixture}?token=s3cret"))
    manifest = result.path.parent.with_name(result.path.parent.name + ".download.json").read_text()
    assert "s3cret" not in manifest and result.files[0].url.endswith("?token=<token>")
    with pytest.raises(DownloadError) as error:
        update_source(store, "eu-fsf", _config(server, eu_fsf="missing.xml?a=1&token=s3cret"))
    assert "s3cret" not in str(error.value) and "token=<token>" in str(error.value)


def test_from_dir_loads_local_copies(tmp_path: Path, store: Store) -> None:
    (tmp_path / "uk").mkdir()
    (tmp_path / "uk" / "UK-Sanctions-List.xml").write_bytes((FIXTURES / UK_FILE).read_bytes())
    assert local_copy("uk", tmp_path) == tmp_path / "uk" / "UK-Sanctions-List.xml"
    assert load_local(store, "uk", tmp_path).version.entity_count == 11


def test_from_dir_finds_dated_copies_in_the_shared_data_layout(shared_data: Path) -> None:
    lists = shared_data / "lists"
    assert local_copy("un-sc", lists) == lists / "un" / "UN_consolidated_2026-02-27.xml"
    assert local_copy("ofac-sdn", lists) == lists / "ofac_sdn_2021-07"
    with pytest.raises(InputError, match="no local copy of uk"):
        local_copy("uk", lists)


def test_cli_update_from_a_folder(tmp_path: Path) -> None:
    (tmp_path / "lists" / "uk").mkdir(parents=True)
    (tmp_path / "lists" / "uk" / "UK-Sanctions-List.xml").write_bytes((FIXTURES / UK_FILE).read_bytes())
    home = tmp_path / "home"
    result = CliRunner().invoke(
        app, ["lists", "update", "uk", "--from", str(tmp_path / "lists"), "--home", str(home)]
    )
    assert result.exit_code == 0, result.output
    assert "uk 2024-03-14-" in result.stdout and "loaded 11 entities" in result.stdout


def test_cli_update_prints_json_and_fails_with_exit_code_2(server: ListServer, tmp_path: Path) -> None:
    urls = tmp_path / "urls.json"
    urls.write_text(json.dumps({"uk": f"{server.url}/{UK_FILE}", "un-sc": f"{server.url}/missing.xml"}))
    runner = CliRunner()
    home = tmp_path / "home"
    ok = runner.invoke(app, ["lists", "update", "uk", "--urls", str(urls), "--home", str(home), "--json"])
    assert ok.exit_code == 0, ok.output
    (report,) = json.loads(ok.stdout)
    assert report["source"] == "uk" and report["files"][0]["sha256"] == report["sha256"]
    failed = runner.invoke(
        app, ["lists", "update", "un-sc", "--urls", str(urls), "--home", str(home), "--json"]
    )
    assert failed.exit_code == 2
    assert "HTTP 404" in json.loads(failed.stdout)[0]["error"]


def test_un_and_ofac_lists_download_and_load_end_to_end(
    shared_server: ListServer, shared_data: Path, store: Store
) -> None:
    ofac = "ofac_sdn_2021-07"
    urls = {"un-sc": f"{shared_server.url}/un/UN_consolidated_2026-02-27.xml"} | {
        f"ofac-sdn/{name}": f"{shared_server.url}/{ofac}/{name}"
        for name in ("sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv")
    }
    config = DownloadConfig(urls=urls, policy=FAST)
    un = update_source(store, "un-sc", config)
    assert (
        un.files[0].sha256
        == hashlib.sha256(
            (shared_data / "lists" / "un" / "UN_consolidated_2026-02-27.xml").read_bytes()
        ).hexdigest()
    )
    assert "OCEAN MARITIME MANAGEMENT" in store.get("un-sc-KPe.020").caption.upper()
    sdn = update_source(store, "ofac-sdn", config)
    assert sdn.path.is_dir() and sorted(p.name for p in sdn.path.iterdir()) == [
        "add.csv",
        "alt.csv",
        "sdn.csv",
        "sdn_comments.csv",
    ]
    assert store.get("ofac-sdn-17069").get("imoNumber") == ["IMO7937317"]
    assert {v.source for v in store.versions()} == {"un-sc", "ofac-sdn"}
