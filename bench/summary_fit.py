"""Fit the summariser on the tune half of the development data.

Two steps, both on the first 1,000 articles only (the second half stays held out for
``summary_eval.py``):

1. The word model of ``generator/salience.py``: for every distinct token of an article, does
   the newsroom headline use it? A network with one layer of tanh units over
   ``salience.FEATURES``, trained full-batch with Adam from a fixed seed on the cross-entropy.
2. The two constants of the summary objective in ``generator/summarise.py``: the imagined
   headline's length (``HEADLINE_TOKENS``) and how much repeated tokens count towards a
   summary's length (``LENGTH_BLEND``), chosen by a grid search on ROUGE-1 + ROUGE-L F at
   one, two and three sentences, with the hand-set terms (figure bonus, reading defects) in.

Prints the fitted values; ``--write`` puts them into the two modules (a re-run writes the
same bytes).

    python bench/summary_fit.py [--data PATH] [--write]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from devdata import DEFAULT_DATA, REPO, load, prepare, tokens

HEADLINE_GRID = (4.0, 5.0, 6.5, 8.0, 10.0)
BLEND_GRID = (0.0, 0.5, 1.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--hidden", type=int, default=8, help="tanh units")
    parser.add_argument("--steps", type=int, default=3000, help="full-batch Adam steps")
    parser.add_argument("--write", action="store_true", help="write the fitted values into the generator")
    args = parser.parse_args()

    import numpy as np

    from generator.analysis import salience
    from generator.analysis.tokens import tokens as jieba_tokens

    items = [it for raw in load(args.data, "tune") if (it := prepare(raw))]
    rows, labels = [], []
    for item in items:
        headline = set(jieba_tokens(item.headline))
        found, features = salience.token_features([jieba_tokens(s.text) for s in item.sentences])
        rows += features
        labels += [t in headline for t in found]
    print(f"word model: {len(rows)} tokens of {len(items)} articles, {100 * np.mean(labels):.1f}% in the headline")
    model = fit_network(np.array(rows), np.array(labels, dtype=float), args.hidden, args.steps)

    headline, blend = grid_search(items, model)
    block = model_source(model)
    constants = f"HEADLINE_TOKENS = {headline}\nLENGTH_BLEND = {blend}"
    print("\n" + block + "\n" + constants)
    if args.write:
        write(REPO / "generator" / "salience.py", r"(?<=^# fitted: begin\n).*?(?=^# fitted: end$)", block + "\n")
        write(REPO / "generator" / "summarise.py", r"^HEADLINE_TOKENS = [\d.]+\nLENGTH_BLEND = [\d.]+", constants)


def fit_network(x, y, hidden: int, steps: int, seed: int = 0):
    """A ``salience.WordModel`` trained on rows ``x`` (first column the constant 1) and labels ``y``.

    Features are standardised while training and the scaling is folded back into the first
    layer, so the generator feeds raw features.
    """
    import numpy as np

    from generator.analysis.salience import FEATURES, WordModel

    mean, scale = x.mean(0), x.std(0)
    mean[0], scale[0] = 0.0, 1.0  # the constant column stays as it is
    scale[scale == 0] = 1.0
    xn = (x - mean) / scale
    rng = np.random.default_rng(seed)
    params = [
        rng.normal(0, 1 / np.sqrt(x.shape[1]), (x.shape[1], hidden)),  # into the hidden layer
        rng.normal(0, 1 / np.sqrt(hidden), hidden),  # into the output
        np.array([np.log(y.mean() / (1 - y.mean()))]),  # output bias
    ]
    moments = [(np.zeros_like(p), np.zeros_like(p)) for p in params]
    for t in range(1, steps + 1):
        layer, output, bias = params
        h = np.tanh(xn @ layer)
        p = 1 / (1 + np.exp(-(h @ output + bias[0])))
        g = (p - y) / len(y)
        gh = np.outer(g, output) * (1 - h**2)
        grads = [xn.T @ gh + 1e-4 * layer, h.T @ g + 1e-4 * output, np.array([g.sum()])]
        for param, grad, (m, v) in zip(params, grads, moments, strict=True):
            m *= 0.9
            m += 0.1 * grad
            v *= 0.999
            v += 0.001 * grad**2
            param -= 0.01 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    layer, output, bias = params
    folded = layer / scale[:, None]
    folded[0] -= (mean[1:] / scale[1:]) @ layer[1:]
    loss = -np.mean(y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12))
    print(f"word model: {hidden} tanh units, {steps} steps, training cross-entropy {loss:.4f}")
    return WordModel(
        hidden={name: tuple(float(v) for v in row) for name, row in zip(FEATURES, folded, strict=True)},
        output=tuple(float(v) for v in output),
        output_bias=float(bias[0]),
    )


def model_source(model) -> str:
    """The ``FITTED = WordModel(...)`` block of ``generator/salience.py``."""
    from generator.analysis.salience import FEATURES

    width = max(len(name) for name in FEATURES) + 3
    lines = ["FITTED = WordModel(", "    hidden={"]
    for name in FEATURES:
        key = f'"{name}":'
        lines.append(f"        {key:<{width}} (" + ", ".join(f"{v:.5g}" for v in model.hidden[name]) + ",),")
    lines += ["    },", "    output=(" + ", ".join(f"{v:.5g}" for v in model.output) + ",),"]
    lines += [f"    output_bias={model.output_bias:.5g},", ")"]
    return "\n".join(lines)


def grid_search(items, model) -> tuple[float, float]:
    from rouge_chinese import Rouge

    from generator.analysis.summarise import Objective, select

    rouge = Rouge(metrics=["rouge-1", "rouge-l"])
    refs = [tokens(item.headline) for item in items]
    best = None
    for headline in HEADLINE_GRID:
        for blend in BLEND_GRID:
            total = 0.0
            for item, ref in zip(items, refs, strict=True):
                objective = Objective(item.sentences, figure_sentences=item.figure_sentences,
                                      headline_tokens=headline, length_blend=blend, word_model=model)
                for k in (1, 2, 3):
                    chosen = select(item.sentences, objective, k)
                    score = rouge.get_scores(tokens("".join(item.sentences[i].text for i in chosen)), ref)[0]
                    total += score["rouge-1"]["f"] + score["rouge-l"]["f"]
            mean = 100 * total / (6 * len(items))
            print(f"headline tokens {headline:4}, length blend {blend}: mean ROUGE-1/L F {mean:.2f}", flush=True)
            if best is None or mean > best[0] + 1e-9:
                best = (mean, headline, blend)
    return best[1], best[2]


def write(path: Path, pattern: str, replacement: str) -> None:
    source = path.read_text(encoding="utf-8")
    block = re.compile(pattern, re.MULTILINE | re.DOTALL)
    if not block.search(source):
        raise SystemExit(f"summary_fit: the fitted block was not found in {path}")
    path.write_text(block.sub(lambda _: replacement, source, count=1), encoding="utf-8")
    print(f"written to {path.relative_to(REPO)}")


if __name__ == "__main__":
    main()
