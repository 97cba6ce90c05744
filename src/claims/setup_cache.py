"""Set-up data built once and kept on disk: tables derived from package data (the lemma table
of spacy-lookups-data, the noun and verb tables and cue forms built from it).

Building them takes about a second at every start; reading them back takes a fraction of that.
Each table is stored in ``<cache dir>/setup/`` (the platform cache folder of
:meth:`claims.cache.Cache.default_dir`, or ``$CLAIMS_CACHE_DIR``) under a name that holds a hash
of everything it is built from (the data files' bytes, the building code, the Python version),
so an update of any of them builds it anew. The file is ``marshal`` data (plain strings, tuples,
dicts and sets: nothing that runs code when read) behind a SHA-256 checksum; a file that does
not match is ignored and rebuilt. Where the folder cannot be written (read-only home, full disk)
the table is built in memory, as before. A table built from other data (another version or
checkout sharing the folder) is removed once it has not been used for a week, not at once: two
installations would otherwise remove each other's tables and rebuild their own at every start.
:func:`cached_file` keeps files that other code writes (the SQLite index of
:mod:`claims.nlp.table_index`) the same way.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

#: Bump when the layout of a stored table changes.
FORMAT = b"claims-setup-1"
#: ``CLAIMS_SETUP_CACHE=0`` builds every table in memory and writes nothing; a folder name
#: keeps the tables there instead of ``<cache dir>/setup``.
ENV = "CLAIMS_SETUP_CACHE"


def setup_dir() -> Path | None:
    """Where the tables are kept (None: nowhere)."""
    setting = os.environ.get(ENV, "").strip()
    if setting == "0":
        return None
    if setting:
        return Path(setting)
    from claims.cache import Cache

    return Cache.default_dir() / "setup"


def fingerprint(sources: Iterable[Path | bytes | str]) -> str:
    """Hash of the sources a table is built from (files by their bytes)."""
    digest = hashlib.sha256(FORMAT)
    digest.update(sys.version.encode())  # marshal's format follows the Python version
    for source in sources:
        if isinstance(source, Path):
            data = source.read_bytes()
        elif isinstance(source, str):
            data = source.encode()
        else:
            data = source
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()[:24]


def cached(name: str, sources: Iterable[Path | bytes | str], build: Callable[[], T]) -> T:
    """The table ``name`` as ``build()`` makes it: read from disk if it was stored before with
    the same sources, else built and stored (best effort)."""
    folder = setup_dir()
    if folder is None:
        return build()
    try:
        path = folder / f"{name}-{fingerprint(sources)}.marshal"
    except OSError:
        return build()
    found = _read(path)
    if found is not None:
        _mark_used(path)
        return found  # type: ignore[return-value]
    value = build()
    _write(path, value)
    return value


def cached_file(
    name: str, suffix: str, sources: Iterable[Path | bytes | str], build: Callable[[Path], None]
) -> tuple[Path | None, bool]:
    """The file ``name`` that ``build(path)`` writes, kept like the tables (named by the hash
    of its sources, written to a temporary name and renamed into place): its path, and whether
    it was there before this call. ``(None, False)`` where nothing can be stored."""
    folder = setup_dir()
    if folder is None:
        return None, False
    try:
        path = folder / f"{name}-{fingerprint(sources)}{suffix}"
        if path.is_file():
            _mark_used(path)
            return path, True
        folder.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.stem}.", dir=folder)
        os.close(fd)
        os.unlink(temp)  # ``build`` makes the file
    except OSError:
        return None, False
    try:
        build(Path(temp))
        os.chmod(temp, 0o600)  # private, as the tables are
        os.replace(temp, path)
        _remove_stale(path)
    except Exception:  # a file that cannot be made is only a lost speed-up
        with contextlib.suppress(OSError):
            os.unlink(temp)
        return None, False
    return path, False


def _read(path: Path) -> object | None:
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    checksum, payload = raw[:32], raw[32:]
    if len(raw) < 32 or hashlib.sha256(payload).digest() != checksum:
        return None
    try:
        return marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None


def _write(path: Path, value: Any) -> None:
    """Store ``value`` atomically (a temporary file renamed into place); ignore any failure."""
    try:
        payload = marshal.dumps(value)
    except ValueError:  # not marshal data: a programming error, but never fatal here
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.stem}.", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(hashlib.sha256(payload).digest())
            handle.write(payload)
        os.replace(temp, path)
        _remove_stale(path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)


#: A table of the same name built from other data is removed once unused for this long: two
#: installations (versions, checkouts) sharing the cache folder would otherwise remove each
#: other's tables and build their own again at every start.
STALE_AFTER = 7 * 24 * 3600.0


def _mark_used(path: Path) -> None:
    """Note (in the file's mtime, at most once a day) that a table is still in use."""
    with contextlib.suppress(OSError):
        if time.time() - path.stat().st_mtime > 24 * 3600:
            os.utime(path)


def _remove_stale(path: Path) -> None:
    """Tables of the same name built from other data and unused for :data:`STALE_AFTER`."""
    prefix = path.name.rsplit("-", 1)[0] + "-"
    now = time.time()
    for other in path.parent.glob(f"{prefix}*{path.suffix}"):
        if other != path and other.name.rsplit("-", 1)[0] + "-" == prefix:
            with contextlib.suppress(OSError):
                if now - other.stat().st_mtime > STALE_AFTER:
                    other.unlink()
