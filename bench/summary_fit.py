"""Fit the summariser's sentence weights on the tune half of the development data.

For every sentence of the first 1,000 articles the target is its ROUGE (mean of ROUGE-1 and
ROUGE-L F, jieba words) against the newsroom headline. The weights of
``generator.summarise.FEATURES`` are fitted listwise: a softmax over an article's sentence
scores is pulled towards a sharp softmax of their ROUGE, so what is learned is which
sentence wins within an article, the decision the summariser makes. The hand-set part of a
score (``fixed_scores``: reading defects, figure bonus) is held fixed while fitting. The MMR
redundancy weight is then chosen on the same half at two and three sentences.

Prints the ``WEIGHTS`` and ``REDUNDANCY`` to paste into ``generator/summarise.py``; the
held-out half stays for ``bench/summary_eval.py``.

    python bench/summary_fit.py [--data PATH] [--epochs 400] [--write]
"""

from __future__ import annotations

import argparse
import re
from itertools import pairwise
from pathlib import Path

from devdata import DEFAULT_DATA, REPO, load, prepare, tokens


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--epochs", type=int, default=400)
    parser.add_argument("--temperature", type=float, default=0.01, help="sharpness of the ROUGE target")
    parser.add_argument("--write", action="store_true", help="write the fitted values into generator/summarise.py")
    args = parser.parse_args()

    import numpy as np
    from rouge_chinese import Rouge

    from generator.config import SummaryConfig
    from generator.summarise import FEATURES, fixed_scores, select, sentence_features

    config = SummaryConfig()
    rouge = Rouge()
    items = [it for raw in load(args.data, "tune") if (it := prepare(raw, config))]
    features, fixed, target, groups = [], [], [], []
    for item in items:
        ref = tokens(item.headline)
        features += sentence_features(item.sentences, item.keywords)
        fixed += fixed_scores(item.sentences, figure_sentences=item.figure_sentences)
        for s in item.sentences:
            score = rouge.get_scores(tokens(s.text), ref)[0]
            target.append((score["rouge-1"]["f"] + score["rouge-l"]["f"]) / 2)
        groups.append(len(item.sentences))
    x = np.array(features)
    offset, y = np.array(fixed), np.array(target)
    mean, scale = x.mean(0), x.std(0)
    scale[scale == 0] = 1.0
    xn = (x - mean) / scale
    group = np.repeat(np.arange(len(groups)), groups)

    def group_softmax(v: np.ndarray) -> np.ndarray:
        peak = np.full(len(groups), -np.inf)
        np.maximum.at(peak, group, v)
        e = np.exp(v - peak[group])
        return e / np.bincount(group, weights=e)[group]

    wanted = group_softmax(y / args.temperature)
    w = np.zeros(x.shape[1])
    for _ in range(args.epochs):
        p = group_softmax(xn @ w + offset)
        w -= 0.1 * (xn.T @ (p - wanted) / len(groups) + 1e-2 * w)
    raw_w = w / scale  # the mean shifts every sentence of an article alike: it cannot change a choice

    scores = x @ raw_w + offset
    starts = np.cumsum([0] + groups)
    top1 = [y[a + int(np.argmax(scores[a:b]))] for a, b in pairwise(starts)]
    lead1 = [y[a] for a in starts[:-1]]
    print(f"tune half, {len(items)} articles: best sentence {100 * np.mean(top1):.1f}, lead {100 * np.mean(lead1):.1f} "
          "(mean of ROUGE-1 and ROUGE-L F)")

    best = None
    for redundancy in (0.0, 0.5, 1.0, 2.0, 3.0, 4.0):
        total = 0.0
        for item, (a, b) in zip(items, pairwise(starts), strict=True):
            ref = tokens(item.headline)
            for k in (2, 3):
                chosen = select(item.sentences, list(scores[a:b]), k, redundancy=redundancy)
                score = rouge.get_scores(tokens("".join(item.sentences[i].text for i in chosen)), ref)[0]
                total += score["rouge-1"]["f"] + score["rouge-l"]["f"]
        print(f"redundancy {redundancy}: {100 * total / (4 * len(items)):.2f}")
        if best is None or total > best[1] + 1e-9:
            best = (redundancy, total)

    lines = ["WEIGHTS = dict(zip(FEATURES, ("]
    lines += ["    " + " ".join(f"{v:.4g}," for v in raw_w[i : i + 5]) for i in range(0, len(FEATURES), 5)]
    lines += ["), strict=True))", f"REDUNDANCY = {best[0]}"]
    fitted = "\n".join(lines)
    print("\n" + fitted)
    if args.write:
        write_fitted(fitted)


def write_fitted(fitted: str) -> None:
    """Replace the WEIGHTS ... REDUNDANCY lines of the summariser with freshly fitted ones."""
    path = REPO / "generator" / "summarise.py"
    source = path.read_text(encoding="utf-8")
    block = re.compile(r"^WEIGHTS = dict\(zip\(FEATURES, \(.*?^REDUNDANCY = [\d.]+", re.MULTILINE | re.DOTALL)
    if not block.search(source):
        raise SystemExit(f"summary_fit: no WEIGHTS/REDUNDANCY block found in {path}")
    path.write_text(block.sub(lambda _: fitted, source, count=1), encoding="utf-8")
    print(f"written to {path.relative_to(REPO)}")

if __name__ == "__main__":
    main()
