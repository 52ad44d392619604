"""The development data (newsroom headlines) as the summary scripts see it.

The file lives outside the repository (``../shared/devdata``) and is never copied in. The
first half tunes the summariser (``summary_fit.py``); the second half is held out for
``summary_eval.py``.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.data import Sentence  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "devdata" / "news-headlines-dev.jsonl"


@dataclass(frozen=True)
class Item:
    headline: str
    sentences: list[Sentence]
    figure_sentences: set[int]


def load(path: Path, part: str) -> list[dict]:
    """``tune`` (first half), ``test`` (second half) or ``all`` of the JSON lines."""
    if not path.exists():
        raise SystemExit(f"{Path(sys.argv[0]).name}: {path} not found (the development data lives outside the repository)")
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    half = len(items) // 2
    return {"test": items[half:], "tune": items[:half], "all": items}[part]


def prepare(raw: dict) -> Item | None:
    """What the analyse stage gives the summariser: sentences and the ones with figures."""
    from generator.analysis.figures import extract_figures, figure_sentences
    from generator.analysis.sentences import split_sentences

    sentences = split_sentences(raw["article"])
    if not sentences:
        return None
    return Item(
        headline=raw["headline"],
        sentences=sentences,
        figure_sentences=figure_sentences(sentences, extract_figures(sentences)),
    )


def tokens(text: str) -> str:
    """jieba words joined by spaces, as ``rouge-chinese`` expects them."""
    from generator.analysis.tokens import tokens as jieba_tokens

    return " ".join(jieba_tokens(text)) or "。"
