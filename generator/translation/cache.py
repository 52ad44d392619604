"""The persistent translation cache (SQLite), keyed by model and protected source sentence.

Each finished batch is committed at once (WAL journal), so a build killed half-way keeps
what it translated and the next build only translates the rest.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    model TEXT NOT NULL,
    source TEXT NOT NULL,
    output TEXT NOT NULL,
    quality TEXT NOT NULL,
    PRIMARY KEY (model, source)
)
"""


class TranslationCache:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(str(path), timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute(_SCHEMA)
        self.db.commit()

    def get_many(self, model: str, sources: Sequence[str]) -> dict[str, tuple[str, dict]]:
        found: dict[str, tuple[str, dict]] = {}
        for start in range(0, len(sources), 500):
            chunk = list(sources[start : start + 500])
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                f"SELECT source, output, quality FROM translations WHERE model = ? AND source IN ({marks})",
                [model, *chunk],
            )
            for source, output, quality in rows:
                found[source] = (output, json.loads(quality))
        return found

    def put_many(self, model: str, items: Iterable[tuple[str, str, dict]]) -> None:
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO translations (model, source, output, quality) VALUES (?, ?, ?, ?)",
                [(model, s, o, json.dumps(q, sort_keys=True)) for s, o, q in items],
            )

    def close(self) -> None:
        self.db.close()
