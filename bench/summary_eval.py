"""ROUGE of the project's summaries against newsroom headlines, beside the classic baselines.

Reads ``../shared/devdata/news-headlines-dev.jsonl`` (never copied into the repository),
and for the held-out half (articles 1001–2000; the first 1000 were used for tuning) prints
ROUGE-1/2/L F over jieba words of:

- ``briefing-k``: the project's summariser fixed at k sentences, and ``briefing-auto`` at its
  own length choice;
- ``lead-k``: the first k sentences;
- ``textrank-k``: TextRank over jieba words (TextRank4ZH's sentence similarity), top k in
  document order.

All use the project's sentence splitter, so only the choice of sentences differs.

    python bench/summary_eval.py [--data PATH] [--part test|tune|all]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

DEFAULT_DATA = REPO.parent / "shared" / "devdata" / "news-headlines-dev.jsonl"


def lead(sentences, k):
    return sentences[:k]


def textrank(sentences, k):
    from generator.textstats import words

    bags = [set(words(s.text)) for s in sentences]
    n = len(bags)
    weight = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            if i != j and len(bags[i]) > 1 and len(bags[j]) > 1:
                shared = len(bags[i] & bags[j])
                if shared:
                    weight[i][j] = shared / (math.log(len(bags[i])) + math.log(len(bags[j])))
    out = [sum(row) for row in weight]
    rank = [1.0] * n
    for _ in range(50):
        rank = [0.15 + 0.85 * sum(weight[j][i] / out[j] * rank[j] for j in range(n) if weight[j][i]) for i in range(n)]
    top = sorted(range(n), key=lambda i: (-rank[i], i))[:k]
    return [sentences[i] for i in sorted(top)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--part", choices=("test", "tune", "all"), default="test")
    args = parser.parse_args()
    if not args.data.exists():
        raise SystemExit(f"summary_eval: {args.data} not found (the development data lives outside the repository)")

    import jieba
    from rouge_chinese import Rouge

    from generator.config import SummaryConfig
    from generator.figures import extract_figures
    from generator.keywords import extract_keywords
    from generator.sentences import split_sentences
    from generator.summarise import summarise

    items = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    half = len(items) // 2
    items = {"test": items[half:], "tune": items[:half], "all": items}[args.part]
    config = SummaryConfig()
    systems: dict[str, list[str]] = {}
    refs: list[str] = []
    for item in items:
        body = item["article"]
        sentences = split_sentences(body)
        if not sentences:
            continue
        refs.append(" ".join(jieba.lcut(item["headline"])))
        keywords = extract_keywords(body, limit=config.max_keywords)
        figure_texts = {f.sentence for f in extract_figures(sentences)}
        figure_idx = {i for i, s in enumerate(sentences) if s.text in figure_texts}

        def ours(count):
            return summarise(sentences, title="", keywords=keywords, figure_sentences=figure_idx, config=config, count=count)

        picks = {"briefing-auto": ours(None)}
        for k in (1, 2, 3):
            picks[f"briefing-{k}"] = ours(k)
            picks[f"lead-{k}"] = lead(sentences, k)
            picks[f"textrank-{k}"] = textrank(sentences, k)
        for name, chosen in picks.items():
            text = "".join(s.text for s in chosen)
            systems.setdefault(name, []).append(" ".join(jieba.lcut(text)) or "。")

    rouge = Rouge()
    print(f"{len(refs)} articles ({args.part} part of {args.data.name}); ROUGE F x100 against the headline")
    print(f"{'system':<15} {'R-1':>6} {'R-2':>6} {'R-L':>6}")
    order = ["briefing-auto"] + [f"{s}-{k}" for k in (1, 2, 3) for s in ("briefing", "lead", "textrank")]
    for name in order:
        scores = rouge.get_scores(systems[name], refs, avg=True)
        print(f"{name:<15} {100 * scores['rouge-1']['f']:6.1f} {100 * scores['rouge-2']['f']:6.1f} {100 * scores['rouge-l']['f']:6.1f}")


if __name__ == "__main__":
    main()
