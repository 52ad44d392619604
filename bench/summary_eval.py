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
import math
from pathlib import Path

from devdata import DEFAULT_DATA, load, prepare, tokens


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

    from rouge_chinese import Rouge

    from generator.config import SummaryConfig
    from generator.summarise import summarise

    config = SummaryConfig()
    systems: dict[str, list[str]] = {}
    refs: list[str] = []
    for item in filter(None, (prepare(raw, config) for raw in load(args.data, args.part))):
        sentences = item.sentences
        refs.append(tokens(item.headline))
        picks = {
            "briefing-auto": summarise(sentences, title="", keywords=item.keywords,
                                       figure_sentences=item.figure_sentences, config=config),
        }
        for k in (1, 2, 3):
            picks[f"briefing-{k}"] = summarise(sentences, title="", keywords=item.keywords,
                                               figure_sentences=item.figure_sentences, config=config, count=k)
            picks[f"lead-{k}"] = lead(sentences, k)
            picks[f"textrank-{k}"] = textrank(sentences, k)
        for name, chosen in picks.items():
            systems.setdefault(name, []).append(tokens("".join(s.text for s in chosen)))

    rouge = Rouge()
    print(f"{len(refs)} articles ({args.part} part of {args.data.name}); ROUGE F x100 against the headline")
    print(f"{'system':<15} {'R-1':>6} {'R-2':>6} {'R-L':>6}")
    order = ["briefing-auto"] + [f"{s}-{k}" for k in (1, 2, 3) for s in ("briefing", "lead", "textrank")]
    table = {}
    for name in order:
        scores = rouge.get_scores(systems[name], refs, avg=True)
        table[name] = {m: 100 * scores[f"rouge-{m}"]["f"] for m in ("1", "2", "l")}
        print(f"{name:<15} {table[name]['1']:6.1f} {table[name]['2']:6.1f} {table[name]['l']:6.1f}")
    print("\nmargin over the better baseline at the same number of sentences (target: +1.0 on R-1 and R-L)")
    for k in (1, 2, 3):
        margin = {m: table[f"briefing-{k}"][m] - max(table[f"lead-{k}"][m], table[f"textrank-{k}"][m]) for m in ("1", "l")}
        print(f"k={k}: R-1 {margin['1']:+.2f}  R-L {margin['l']:+.2f}")

if __name__ == "__main__":
    main()
