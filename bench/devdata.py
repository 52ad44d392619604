"""The development data as the summary scripts see it: each text as the reader's build gets it.

Two sets live outside the repository (``../shared/devdata``, never copied in): newsroom
headlines for financial news, and two to four key points for financial research notes. Each
text is written to a file of its own and read back through the ingest stage exactly as
``briefing inspect --single-article`` reads it (:func:`generator.build.load_sources`), so a
benchmark sees the :class:`~generator.data.Article` the build analyses: cleaned body, no
title (the texts are printed without one, so the analyse stage proposes one). The first half
of each set tunes the summariser (``summary_fit.py``); the second half is held out for
``summary_eval.py``; ``--swap`` in both scripts exchanges the halves.

ROUGE is ``rouge-chinese`` over jieba words, from a jieba dictionary of its own (the
product's jieba learns the glossary; the yardstick must not).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.data import Article  # noqa: E402

# ``shared/devdata`` beside the clone (or beside a folder of clones)
DATA_DIR = next(
    (d / "shared" / "devdata" for d in REPO.parents if (d / "shared" / "devdata").is_dir()),
    REPO.parent / "shared" / "devdata",
)
# name: (file, reference field, separator between the reference's key points)
DATASETS = {
    "headlines": ("news-headlines-dev.jsonl", "headline", None),
    "keypoints": ("keypoints-dev.jsonl", "summary", "｜"),
}
PARTS = ("tune", "test", "all")


@dataclass(frozen=True)
class Item:
    index: int  # 0-based line of the JSON-lines file
    file: str  # the name it was written under
    reference: str  # headline, or key points one a line
    article: Article | None  # what ingest made of the text; None when it found no article


def inspect_records(folder: Path) -> dict[str, list[dict]]:
    """``briefing inspect --json --no-translate`` on a folder, the path a reader's page takes:
    each source file's name with its articles' records."""
    return inspect_run(folder)[0]


def inspect_run(folder: Path) -> tuple[dict[str, list[dict]], str]:
    """The records of :func:`inspect_records`, and what the command reported (its stderr)."""
    cmd = [sys.executable, "-m", "generator", "inspect", "--json", "--no-translate", str(folder)]
    proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", check=False, cwd=REPO)
    records: dict[str, list[dict]] = {}
    for line in proc.stdout.splitlines():
        if line.strip():
            record = json.loads(line)
            records.setdefault(Path(record["source"]).name, []).append(record)
    return records, proc.stderr


def part_indexes(total: int, part: str, *, swap: bool = False) -> range:
    """Lines of ``part``: ``tune`` is the first half, ``test`` the second (exchanged with ``swap``)."""
    half = total // 2
    first, second = range(half), range(half, total)
    if swap:
        first, second = second, first
    return {"tune": first, "test": second, "all": range(total)}[part]


@contextmanager
def written(
    dataset: str, part: str, *, swap: bool = False, limit: int | None = None, data_dir: Path = DATA_DIR
) -> Iterator[tuple[Path, list[Item]]]:
    """A folder holding one file per text of ``part``, and the items as ingest read them."""
    from generator.build import load_sources

    file, field, separator = DATASETS[dataset]
    path = data_dir / file
    if not path.exists():
        raise SystemExit(f"{Path(sys.argv[0]).name}: {path} not found (the development data lives outside the repository)")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    chosen = list(part_indexes(len(rows), part, swap=swap))[:limit]
    with tempfile.TemporaryDirectory(prefix="briefing-devdata-") as name:
        folder = Path(name)
        for i in chosen:
            (folder / f"{dataset}-{i:05d}.txt").write_text(rows[i]["article"], encoding="utf-8")
        loaded = load_sources([folder], single=True)
        found = {Path(document.path).name: articles[0] for document, articles in loaded.documents}
        items = []
        for i in chosen:
            reference = rows[i][field]
            if separator:
                reference = "\n".join(p.strip() for p in reference.split(separator) if p.strip())
            name = f"{dataset}-{i:05d}.txt"
            items.append(Item(index=i, file=name, reference=reference, article=found.get(name)))
        yield folder, items


def load(dataset: str, part: str, *, swap: bool = False, limit: int | None = None) -> list[Item]:
    """The items of one part of a development set, each with the Article ingest makes of it."""
    with written(dataset, part, swap=swap, limit=limit) as (_, items):
        return items


@lru_cache(maxsize=1)
def _yardstick():
    import jieba

    return jieba.Tokenizer()


@lru_cache(maxsize=200_000)
def rouge_tokens(text: str) -> str:
    """jieba words joined by spaces, as ``rouge-chinese`` expects them (lines kept apart)."""
    cut = _yardstick().lcut
    lines = [" ".join(" ".join(cut(line)).split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line) or "。"


@lru_cache(maxsize=500_000)
def rouge(hypothesis: str, reference: str, metrics: Sequence[str] = ("rouge-1", "rouge-l")) -> dict[str, float]:
    """ROUGE F x100 of one hypothesis against one reference (rouge-chinese over jieba words)."""
    scores = _rouge(tuple(metrics)).get_scores(rouge_tokens(hypothesis), rouge_tokens(reference))[0]
    return {m: 100 * scores[m]["f"] for m in metrics}


@lru_cache(maxsize=8)
def _rouge(metrics: tuple[str, ...]):
    from rouge_chinese import Rouge

    return Rouge(metrics=list(metrics))
