"""ROUGE of the project's summaries and proposed titles against newsroom headlines, beside baselines.

Reads ``../shared/devdata/news-headlines-dev.jsonl`` (never copied into the repository),
and for the held-out half (articles 1001–2000; the first 1000 were used for fitting) prints
ROUGE-1/2/L F over jieba words of:

- ``briefing-k``: the project's summariser fixed at k sentences, and ``briefing-auto`` at its
  own length choice;
- ``lead-k``: the first k sentences;
- ``textrank-k``: TextRank over jieba words (TextRank4ZH's sentence similarity), top k in
  document order;
- ``title-proposed``: the title the generator proposes for an article printed without one,
  against ``title-lead-clause`` (the first clause that could stand as a title) and
  ``title-central-clause`` (the longest such clause of the TextRank-top sentence).

All use the project's sentence splitter, so only the choice of sentences differs. Margins
over the better baseline come with a 95% interval from a paired bootstrap over articles.

    python bench/summary_eval.py [--data PATH] [--part test|tune|all] [--resamples 1000]
"""

from __future__ import annotations

import argparse
import math
import random
from pathlib import Path

from devdata import DEFAULT_DATA, load, prepare, tokens

KS = (1, 2, 3)
METRICS = ("rouge-1", "rouge-2", "rouge-l")


def lead(sentences, k):
    return sentences[:k]


def textrank(sentences, k):
    from generator.analysis.tokens import words

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


def lead_clause(sentences, max_chars=24):
    """Baseline title: the first clause of the article that could stand as a title."""
    from generator.analysis.titles import clauses

    return next((c for s in sentences for c in clauses(s.text, max_chars)), sentences[0].text[:max_chars])


def central_clause(sentences, max_chars=24):
    """Baseline title: the longest such clause of the TextRank-top sentence."""
    from generator.analysis.titles import clauses

    best = textrank(sentences, 1)[0].text
    return max(clauses(best, max_chars), key=len, default=best[:max_chars])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--part", choices=("test", "tune", "all"), default="test")
    parser.add_argument("--resamples", type=int, default=1000, help="bootstrap resamples for the intervals")
    args = parser.parse_args()

    from rouge_chinese import Rouge

    from generator.analysis.summarise import summarise
    from generator.analysis.titles import propose_title
    from generator.config import SummaryConfig

    config = SummaryConfig()
    texts: dict[str, list[str]] = {}
    refs: list[str] = []
    for item in filter(None, (prepare(raw) for raw in load(args.data, args.part))):
        sentences, figures = item.sentences, item.figure_sentences
        refs.append(tokens(item.headline))
        picks = {"briefing-auto": summarise(sentences, title="", figure_sentences=figures, config=config)}
        for k in KS:
            picks[f"briefing-{k}"] = summarise(sentences, title="", figure_sentences=figures, config=config, count=k)
            picks[f"lead-{k}"] = lead(sentences, k)
            picks[f"textrank-{k}"] = textrank(sentences, k)
        for name, chosen in picks.items():
            texts.setdefault(name, []).append("".join(s.text for s in chosen))
        texts.setdefault("title-proposed", []).append(propose_title(sentences))
        texts.setdefault("title-lead-clause", []).append(lead_clause(sentences))
        texts.setdefault("title-central-clause", []).append(central_clause(sentences))

    rouge = Rouge()
    scores = {name: [rouge.get_scores(tokens(t), ref)[0] for t, ref in zip(ts, refs, strict=True)] for name, ts in texts.items()}
    per_article = {name: {m: [100 * s[m]["f"] for s in rows] for m in METRICS} for name, rows in scores.items()}

    print(f"{len(refs)} articles ({args.part} part of {args.data.name}); ROUGE F x100 against the headline")
    print(f"{'system':<21} {'R-1':>6} {'R-2':>6} {'R-L':>6}")
    order = ["briefing-auto"] + [f"{s}-{k}" for k in KS for s in ("briefing", "lead", "textrank")]
    order += ["title-proposed", "title-lead-clause", "title-central-clause"]
    for name in order:
        print(f"{name:<21} " + " ".join(f"{_mean(per_article[name][m]):6.1f}" for m in METRICS))

    print("\nmargin over the better baseline at the same number of sentences (target: +1.0 on R-1 and R-L),")
    print(f"with a 95% interval from a paired bootstrap over articles ({args.resamples} resamples)")
    rng = random.Random(2024)
    samples = [[rng.randrange(len(refs)) for _ in refs] for _ in range(args.resamples)]
    for k in KS:
        cells = []
        for m in ("rouge-1", "rouge-l"):
            ours = per_article[f"briefing-{k}"][m]
            best = max((per_article[f"{b}-{k}"][m] for b in ("lead", "textrank")), key=_mean)
            diff = [a - b for a, b in zip(ours, best, strict=True)]
            low, high = _interval(diff, samples)
            cells.append(f"{m.replace('rouge-', 'R-').upper()} {_mean(diff):+.2f} [{low:+.2f}, {high:+.2f}]")
        print(f"k={k}: " + "   ".join(cells))


def _mean(values) -> float:
    return sum(values) / len(values)


def _interval(diff, samples) -> tuple[float, float]:
    means = sorted(_mean([diff[i] for i in sample]) for sample in samples)
    return means[int(0.025 * len(means))], means[int(0.975 * len(means)) - 1]


if __name__ == "__main__":
    main()
