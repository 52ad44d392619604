"""The analysis cache: what ingest and analysis made of a source, kept between builds.

A rebuild analyses only the sources whose bytes changed, or whose sidecar or sources.yaml
entry changed, or after the settings, the glossary or the code that read and analyse them
changed: all of that is in the key. Values are pickles of the program's own dataclasses,
written and read by this program only (the cache folder is the project's, like its code).
Entries not used for a month are dropped.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
import time
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import generator

_SCHEMA = "CREATE TABLE IF NOT EXISTS analyses (key TEXT PRIMARY KEY, value BLOB NOT NULL, used REAL NOT NULL)"
# Entries no build has used for this long are dropped (seconds).
_KEEP_UNUSED = 30 * 24 * 3600


@cache
def code_version() -> str:
    """A hash of the code that reads, segments and analyses sources (a changed rule is a new key)."""
    package = Path(generator.__file__).parent
    digest = hashlib.sha256(generator.__version__.encode())
    parts = [package / name for name in ("data.py", "text.py", "glossary.py", "config.py", "safeyaml.py")]
    parts += sorted((package / "ingest").rglob("*.py")) + sorted((package / "analysis").rglob("*.py"))
    for path in parts:
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def source_key(*parts: bytes | str) -> str:
    digest = hashlib.sha256(code_version().encode())
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


class AnalysisCache:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute(_SCHEMA)
        self.db.commit()
        self.now = time.time()

    def get(self, key: str) -> object | None:
        row = self.db.execute("SELECT value FROM analyses WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            value = pickle.loads(row[0])
        except Exception:
            return None
        with self.db:
            self.db.execute("UPDATE analyses SET used = ? WHERE key = ?", (self.now, key))
        return value

    def put_many(self, items: Iterable[tuple[str, object]]) -> None:
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO analyses (key, value, used) VALUES (?, ?, ?)",
                [(key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), self.now) for key, value in items],
            )

    def close(self) -> None:
        with self.db:
            self.db.execute("DELETE FROM analyses WHERE used < ?", (self.now - _KEEP_UNUSED,))
        self.db.close()
