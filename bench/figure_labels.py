"""Key figures of the development articles as a reader sees them: labels cut inside a word,
and the currency a bare 元 is given.

Each development text is read as the build reads it (:mod:`devdata`) and analysed by
``generator.analysis.analyse``; for every figure the page shows, the label ("what it
measures") is checked against the segmenter's words of its sentence: a label that ends inside
a dictionary word ("英特尔在当地拥" of "拥有", "营收高" of "高达") reads as half a word. The
check is this script's own (the segmenter's tokens of the whole sentence), not the parser's
rule. A label may stand twice in its sentence; the first place is taken, so a few counted
labels are right ("营业净利" before "营业净利率" elsewhere in the sentence). Its start is checked
the same way: a label that starts inside a word ("司和国网…" of 公司) or inside a number
("234万元与净利" of "1,234万元", "018会计年度" of 2018) is cut wrong at the front.

Also counted: figures in each currency, so a change to how a bare 元 is read shows (the
development news is Taiwan's, converted to simplified script; most of it never names the
New Taiwan dollar, and those figures stay CNY).

    python bench/figure_labels.py [--dataset headlines|keypoints|both] [--show 20]
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter

from devdata import DATASETS, load

from generator.analysis import analyse
from generator.analysis.tokens import token_spans, word_tag
from generator.config import SummaryConfig
from generator.data import Figure

_ISO_CODE = re.compile(r"[A-Z]{3}")
_NUMBER_END = re.compile(r"\d[,，.]?$")


def _label_at(figure: Figure) -> tuple[int, int] | None:
    label, sentence = figure.metric or "", figure.sentence
    at = sentence.find(label)
    return (at, at + len(label)) if label and at >= 0 else None


def _inside_a_word(sentence: str, position: int) -> bool:
    cut = next((word for word, start, stop in token_spans(sentence) if start < position < stop), None)
    return cut is not None and word_tag(cut) is not None


def ends_inside_a_word(figure: Figure) -> bool:
    span = _label_at(figure)
    return span is not None and _inside_a_word(figure.sentence, span[1])


def starts_inside(figure: Figure) -> bool:
    """The label starts inside a dictionary word or inside a number (a digit, or a separator
    between digits, stands right before it)."""
    span = _label_at(figure)
    if span is None or span[0] == 0:
        return False
    before = figure.sentence[: span[0]]
    in_number = figure.metric[0].isdigit() and bool(_NUMBER_END.search(before))  # type: ignore[index]
    return in_number or _inside_a_word(figure.sentence, span[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", choices=[*DATASETS, "both"], default="both")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="print N labels that end inside a word")
    args = parser.parse_args()
    print("| set | articles | figures shown | with a label | label ends inside a word | starts inside a word or number | currencies |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for dataset in DATASETS if args.dataset == "both" else [args.dataset]:
        items = [item for item in load(dataset, "all") if item.article is not None]
        figures = [f for item in items for f in analyse(item.article, SummaryConfig()).figures]
        labelled = [f for f in figures if f.metric]
        cut = [f for f in labelled if ends_inside_a_word(f)]
        front = [f for f in labelled if starts_inside(f)]
        money = Counter(code for f in figures if _ISO_CODE.fullmatch(code := (f.unit or "").split("/")[0]))
        shown = ", ".join(f"{code} {n}" for code, n in money.most_common(4))
        print(f"| {dataset} | {len(items)} | {len(figures)} | {len(labelled)} | {len(cut)} ({len(cut) / max(1, len(labelled)):.1%}) | {len(front)} ({len(front) / max(1, len(labelled)):.1%}) | {shown} |")
        for f in random.Random(0).sample(cut, min(args.show, len(cut))):
            print(f"    {f.metric!r} in {f.sentence[f.sentence.find(f.metric):][: len(f.metric) + 8]!r}")
        for f in random.Random(0).sample(front, min(args.show, len(front))):
            at = f.sentence.find(f.metric or "")
            print(f"    {f.metric!r} in {f.sentence[max(0, at - 8) : at + len(f.metric or '')]!r}")


if __name__ == "__main__":
    main()
