"""The user glossary: one list of terms for segmentation, translation and search.

``glossary.yaml`` maps a Chinese term to its English (``湖南: Hunan``); a ``.tsv`` file
with ``term<TAB>english`` lines works too. jieba learns every term as a word (``analysis.tokens``;
keywords keep it whole), translation protects it and writes the English exactly as given, and
the site search finds the term when a reader types its English.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from generator.errors import GlossaryError
from generator.safeyaml import YAMLError, load_yaml


@dataclass(frozen=True)
class Glossary:
    terms: tuple[tuple[str, str], ...] = ()  # (chinese, english), longest Chinese first

    def __bool__(self) -> bool:
        return bool(self.terms)

    def as_dict(self) -> dict[str, str]:
        return dict(self.terms)

    def jieba_words(self) -> list[tuple[str, int, str]]:
        """(term, frequency, tag) for jieba: frequent enough to stay one word, tagged as a
        proper noun so part-of-speech filters (keywords) keep it."""
        return [(zh, max(1000, 200 * len(zh)), "nz") for zh, _ in self.terms]


def load_glossary(path: Path | str | None) -> Glossary:
    """Load a glossary; a missing file is an empty glossary, a malformed one an error."""
    if path is None:
        return Glossary()
    path = Path(path)
    if not path.exists():
        return Glossary()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise GlossaryError(f"{path}: cannot read glossary ({exc.__class__.__name__})") from None
    pairs: dict[str, str] = {}
    if path.suffix.lower() in {".tsv", ".txt"}:
        for row in csv.reader(text.splitlines(), delimiter="\t"):
            if not row or row[0].startswith("#"):
                continue
            if len(row) < 2 or not row[0].strip() or not row[1].strip():
                raise GlossaryError(f"{path}: each line needs 'term<TAB>english': {row!r}")
            pairs[row[0].strip()] = row[1].strip()
    else:
        try:
            data = load_yaml(text) or {}
        except YAMLError as exc:
            raise GlossaryError(f"{path}: invalid YAML: {exc}") from None
        if not isinstance(data, dict):
            raise GlossaryError(f"{path}: expected a mapping 'chinese term: English'")
        for zh, en in data.items():
            if not isinstance(zh, str) or not isinstance(en, str) or not zh.strip() or not en.strip():
                raise GlossaryError(f"{path}: entry {zh!r}: both term and English must be text")
            pairs[zh.strip()] = en.strip()
    ordered = sorted(pairs.items(), key=lambda kv: (-len(kv[0]), kv[0]))
    return Glossary(terms=tuple(ordered))

