"""Fetch the official list files and load them into the store (``chokepoint lists update``).

``OFFICIAL_FILES`` is the one table of where each source is published. A fetch streams each file to a
``.partial`` file beside its target, hashing as it goes, with a connect/read timeout, a size cap and
retries with exponential backoff on network errors, HTTP 429 and 5xx. All files of a source land in a
staging folder first; only when every file is complete is the folder renamed into place
(``<home>/lists/<source>/<UTC time>/``) with a manifest beside it recording each file's URL, size
and sha256, and only then is the source loaded with ``load_source``. A failed download therefore
leaves both the downloaded files and the store as they were.

URLs can point at a mirror: ``base_url`` fetches ``<base_url>/<source>/<file name>``, and ``urls``
overrides single files (key ``<source>/<file name>``) or a one-file source (key ``<source>``). The EU
Financial Sanctions Files URL carries a personal token (from the FSF web site); give it as ``token``
(``$CHOKEPOINT_EU_FSF_TOKEN``) or put the whole URL in ``urls``.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx

from chokepoint.errors import ChokepointError, InputError
from chokepoint.sources.load import load_source
from chokepoint.store import LoadResult, Store

OFAC_EXPORTS = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports"


@dataclass(frozen=True)
class ListFile:
    """One published file: the name Chokepoint saves it under and its official URL."""

    name: str
    url: str


OFFICIAL_FILES: dict[str, tuple[ListFile, ...]] = {
    "un-sc": (ListFile("consolidated.xml", "https://scsanctions.un.org/resources/xml/en/consolidated.xml"),),
    "ofac-sdn": (
        ListFile("sdn.csv", f"{OFAC_EXPORTS}/SDN.CSV"),
        ListFile("add.csv", f"{OFAC_EXPORTS}/ADD.CSV"),
        ListFile("alt.csv", f"{OFAC_EXPORTS}/ALT.CSV"),
        ListFile("sdn_comments.csv", f"{OFAC_EXPORTS}/SDN_COMMENTS.CSV"),
    ),
    "ofac-advanced": (ListFile("SDN_ADVANCED.XML", f"{OFAC_EXPORTS}/SDN_ADVANCED.XML"),),
    "eu-fsf": (
        ListFile(
            "xmlFullSanctionsList_1_1.xml",
            "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token={token}",
        ),
    ),
    "uk": (
        ListFile("UK-Sanctions-List.xml", "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml"),
    ),
}
"""Where each source is published. ``ofac-sdn`` is a folder of four files; the others are one file."""

DEFAULT_SOURCES = ("un-sc", "ofac-sdn", "eu-fsf", "uk")
"""What ``lists update`` fetches when no source is named (EU only when a token or URL is configured)."""
FOLDER_SOURCES = {"ofac-sdn"}
"""Sources whose reader takes the folder of files rather than one file."""
EU_TOKEN_ENV = "CHOKEPOINT_EU_FSF_TOKEN"
BASE_URL_ENV = "CHOKEPOINT_LISTS_BASE_URL"

_CHUNK = 1 << 16
_TOKEN_RE = re.compile(r"([?&]token=)[^&#]+", re.IGNORECASE)


def redact(url: str) -> str:
    """The URL with any ``token=`` query value hidden, for messages and manifests."""
    return _TOKEN_RE.sub(r"\1<token>", url)


class DownloadError(ChokepointError):
    """A list file could not be fetched: names the source, the URL (token hidden) and the reason."""

    def __init__(self, source: str, url: str | None, reason: str) -> None:
        self.source, self.url, self.reason = source, redact(url) if url else None, reason
        where = f"{source} ({self.url})" if self.url else source
        super().__init__(f"{where}: {reason}")


@dataclass(frozen=True)
class FetchPolicy:
    """How patient and how trusting a download is.

    ``timeout`` is seconds to connect and between received bytes; ``retries`` more attempts follow a
    network error, HTTP 429 or 5xx, after ``backoff`` seconds doubled each time; a file larger than
    ``max_bytes`` is refused (the largest official file, SDN_ADVANCED.XML, is about 120 MB).
    """

    timeout: float = 60.0
    retries: int = 3
    backoff: float = 2.0
    max_bytes: int = 1 << 30


@dataclass(frozen=True)
class DownloadConfig:
    """Where to fetch from: the official table, unless a mirror ``base_url`` or per-file ``urls`` say so."""

    base_url: str | None = None
    urls: Mapping[str, str] = field(default_factory=dict)
    token: str | None = None
    policy: FetchPolicy = field(default_factory=FetchPolicy)

    @classmethod
    def from_env(
        cls, base_url: str | None = None, urls_file: Path | None = None, policy: FetchPolicy | None = None
    ) -> DownloadConfig:
        """Options first, then ``$CHOKEPOINT_LISTS_BASE_URL`` and ``$CHOKEPOINT_EU_FSF_TOKEN``."""
        urls: dict[str, str] = {}
        if urls_file is not None:
            urls = read_url_map(urls_file)
        return cls(
            base_url=base_url or os.environ.get(BASE_URL_ENV) or None,
            urls=urls,
            token=os.environ.get(EU_TOKEN_ENV) or None,
            policy=policy or FetchPolicy(),
        )

    def files(self, source: str) -> list[ListFile]:
        """The files of ``source`` with the URLs this configuration resolves them to."""
        official = OFFICIAL_FILES.get(source)
        if official is None:
            raise DownloadError(source, None, f"no download known; sources: {', '.join(OFFICIAL_FILES)}")
        resolved = []
        for item in official:
            url = self.urls.get(f"{source}/{item.name}") or (
                self.urls.get(source) if len(official) == 1 else None
            )
            if url is None and self.base_url:
                url = f"{self.base_url.rstrip('/')}/{source}/{item.name}"
            if url is None:
                url = item.url
                if "{token}" in url:
                    if not self.token:
                        raise DownloadError(
                            source,
                            None,
                            f"the official URL needs a token: set ${EU_TOKEN_ENV} or give its URL",
                        )
                    url = url.format(token=self.token)
            resolved.append(ListFile(item.name, url))
        return resolved

    def configured(self, source: str) -> bool:
        """Whether ``files(source)`` can resolve every URL."""
        try:
            self.files(source)
        except DownloadError:
            return False
        return True


def read_url_map(path: Path) -> dict[str, str]:
    """A JSON object mapping ``<source>`` or ``<source>/<file name>`` to a URL."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(path, None, f"cannot read the URL map: {exc}") from exc
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise InputError(path, None, 'the URL map must be a JSON object of strings: {"un-sc": "https://…"}')
    return {str(k): v for k, v in data.items()}


@dataclass(frozen=True)
class FetchedFile:
    """One downloaded file as recorded in the manifest (its URL with any token hidden)."""

    name: str
    url: str
    bytes: int
    sha256: str


@dataclass(frozen=True)
class UpdateResult:
    """What ``update_source`` did for one source: where the files are, what was fetched, the load."""

    source: str
    path: Path
    files: list[FetchedFile]
    load: LoadResult
    reused: bool = False


Progress = Callable[[str, int, int | None], None]
"""Called with (file name, bytes so far, total bytes or None) while a file downloads."""


def fetch(
    client: httpx.Client,
    source: str,
    item: ListFile,
    target: Path,
    policy: FetchPolicy,
    progress: Progress | None = None,
) -> FetchedFile:
    """Download ``item`` to ``target`` atomically, retrying transient failures; returns its record."""
    attempt = 0
    while True:
        try:
            return _fetch_once(client, source, item, target, policy, progress)
        except _Transient as exc:
            if attempt >= policy.retries:
                raise DownloadError(
                    source, item.url, f"{exc} (gave up after {attempt + 1} attempts)"
                ) from exc
            time.sleep(policy.backoff * 2**attempt)
            attempt += 1


class _Transient(Exception):
    """A failure worth retrying: network trouble, HTTP 429 or 5xx."""


def _fetch_once(
    client: httpx.Client,
    source: str,
    item: ListFile,
    target: Path,
    policy: FetchPolicy,
    progress: Progress | None,
) -> FetchedFile:
    partial = target.with_name(target.name + ".partial")
    digest = hashlib.sha256()
    size = 0
    try:
        with client.stream("GET", item.url) as response:
            if response.status_code == 429 or response.status_code >= 500:
                raise _Transient(f"HTTP {response.status_code}")
            if response.status_code != 200:
                raise DownloadError(source, item.url, f"HTTP {response.status_code}")
            declared = response.headers.get("content-length")
            total = int(declared) if declared and declared.isdigit() else None
            if total is not None and total > policy.max_bytes:
                raise DownloadError(source, item.url, _too_big(total, policy))
            with partial.open("wb") as handle:
                for chunk in response.iter_bytes(_CHUNK):
                    size += len(chunk)
                    if size > policy.max_bytes:
                        raise DownloadError(source, item.url, _too_big(size, policy))
                    digest.update(chunk)
                    handle.write(chunk)
                    if progress is not None:
                        progress(item.name, size, total)
            received = response.num_bytes_downloaded
            if total is not None and received != total:
                raise _Transient(f"connection closed after {received:,} of {total:,} bytes")
    except httpx.TransportError as exc:
        partial.unlink(missing_ok=True)
        raise _Transient(f"{type(exc).__name__}: {exc}") from exc
    except httpx.HTTPError as exc:
        partial.unlink(missing_ok=True)
        raise DownloadError(source, item.url, f"{type(exc).__name__}: {exc}") from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(target)
    return FetchedFile(item.name, redact(item.url), size, digest.hexdigest())


def _too_big(size: int, policy: FetchPolicy) -> str:
    return f"file larger than the cap of {policy.max_bytes:,} bytes ({size:,} bytes)"


def download_source(
    source: str, lists_dir: Path, config: DownloadConfig, progress: Progress | None = None
) -> tuple[Path, list[FetchedFile], bool]:
    """Fetch every file of ``source`` into ``lists_dir/<source>/<UTC time>/``, all or nothing.

    Returns the folder, the files fetched, and whether an identical earlier download was reused
    instead (the new copy is then discarded).
    """
    items = config.files(source)
    base = lists_dir / source
    base.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=base))
    try:
        timeout = httpx.Timeout(config.policy.timeout)
        with httpx.Client(timeout=timeout, follow_redirects=True) as client:
            fetched = [
                fetch(client, source, item, staging / item.name, config.policy, progress) for item in items
            ]
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    previous = _latest_download(base)
    if previous is not None and _same_files(previous, fetched):
        shutil.rmtree(staging, ignore_errors=True)
        return previous[0], previous[1], True
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    folder = base / stamp
    staging.replace(folder)
    manifest = {"source": source, "retrieved_at": stamp, "files": [asdict(f) for f in fetched]}
    _manifest_path(folder).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return folder, fetched, False


def update_source(
    store: Store,
    source: str,
    config: DownloadConfig,
    *,
    lists_dir: Path | None = None,
    progress: Progress | None = None,
) -> UpdateResult:
    """Download the official files of ``source`` and load them as a new version (if they are new)."""
    folder, fetched, reused = download_source(source, lists_dir or store.home / "lists", config, progress)
    path = folder if source in FOLDER_SOURCES else folder / fetched[0].name
    retrieved = _manifest_time(folder)
    return UpdateResult(
        source, path, fetched, load_source(store, source, path, retrieved_at=retrieved), reused
    )


LOCAL_NAMES: dict[str, str] = {
    "un-sc": "*consolidated*.xml",
    "ofac-sdn": "sdn.csv",
    "ofac-advanced": "sdn_advanced*.xml",
    "eu-fsf": "*fullsanctionslist*.xml",
    "uk": "uk*sanctions*list*.xml",
}
"""How a local copy of each source may be named (case-insensitive glob), e.g. the dated
``UN_consolidated_2026-02-27.xml``; for ``ofac-sdn`` the folder holding ``sdn.csv`` is loaded."""


def local_copy(source: str, directory: Path) -> Path:
    """The local copy of ``source`` under ``directory`` (for ``--from DIR``).

    First the layout ``update`` writes and mirrors serve (``DIR/<source>/<official name>``), then the
    official name in ``DIR``, then the last (by path, so the newest dated) file anywhere below
    ``DIR`` whose name matches ``LOCAL_NAMES``.
    """
    official = OFFICIAL_FILES.get(source)
    if official is None:
        raise DownloadError(source, None, f"no official files known; sources: {', '.join(OFFICIAL_FILES)}")
    candidates = [folder / official[0].name for folder in (directory / source, directory)]
    pattern = LOCAL_NAMES[source]
    candidates += sorted(
        (p for p in directory.rglob("*") if fnmatch.fnmatch(p.name.lower(), pattern) and p.is_file()),
        reverse=True,
    )
    for found in candidates:
        if found.is_file():
            return found.parent if source in FOLDER_SOURCES else found
    raise InputError(directory, None, f"no local copy of {source} ({official[0].name} or {pattern})")


def load_local(store: Store, source: str, directory: Path) -> LoadResult:
    """Load the local copy of ``source`` from ``directory`` instead of downloading it."""
    return load_source(store, source, local_copy(source, directory))


def _manifest_path(folder: Path) -> Path:
    return folder.with_name(folder.name + ".download.json")


def _manifest_time(folder: Path) -> datetime:
    stamp = json.loads(_manifest_path(folder).read_text(encoding="utf-8"))["retrieved_at"]
    return datetime.strptime(stamp, "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC, microsecond=0)


def _latest_download(base: Path) -> tuple[Path, list[FetchedFile]] | None:
    manifests = sorted(base.glob("*.download.json"))
    if not manifests:
        return None
    data = json.loads(manifests[-1].read_text(encoding="utf-8"))
    folder = manifests[-1].with_name(manifests[-1].name.removesuffix(".download.json"))
    if not folder.is_dir():
        return None
    return folder, [FetchedFile(**f) for f in data["files"]]


def _same_files(previous: tuple[Path, list[FetchedFile]], fetched: list[FetchedFile]) -> bool:
    return {(f.name, f.sha256) for f in previous[1]} == {(f.name, f.sha256) for f in fetched}
