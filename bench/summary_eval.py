"""ROUGE of the summaries and titles a reader gets, against headlines and key points, beside baselines.

Measured on the product path. Each development text is written as a file and read as a
single-article source (:mod:`devdata`), and the summary is what
``generator.analysis.analyse`` gives for that Article. The texts are printed without a
title, so ``analyse`` proposes one, exactly as for the reader's page. Four cells are scored:

- ``auto``: the length a reader gets by default. This cell is taken from
  ``briefing inspect --json --no-translate --single-article`` run on the same files, and
  the script stops if the in-process ``analyse`` disagrees with it on any title or summary.
- ``k = 1, 2, 3``: ``analyse`` with ``summary: {min_sentences: k, max_sentences: k}``, as a
  ``briefing.yaml`` would set it, and no character budget.

Both development sets are scored: newsroom headlines (``headlines``) and analysts' key
points (``keypoints``). Each cell is set beside two baselines, both over the product's own
sentence splitter:

- at the same number of sentences, article by article: ``lead`` takes the first n sentences,
  and ``textrank`` takes the top n by TextRank over jieba words (TextRank4ZH's sentence
  similarity), in document order;
- at the same length in characters: ``lead`` is the body's first N characters, and
  ``textrank`` takes sentences in rank order, with the last one cut at N, in document order.

A summary shows each sentence as it reads on its own (``generator.text.shown_alone``): without
the stock codes after company names ("国巨(2327)宣布…") and pointers at pictures ("(见附图)"),
with Taiwan's bracketed dates written out ("今(14)日" -> "14日"). The baselines keep the text
as printed, as the issue defines them; ``lead, trimmed`` shows lead with the same trim, so a
reader can see how much of a margin the trim alone makes.

Margins are ours minus the better baseline at the same number of sentences (target
+1.0), and ours minus each baseline at the same length (target: above zero). Each margin
comes with a 95% interval from a paired bootstrap over articles.

Titles are scored against the headlines: the proposed title, beside the lead clause (the
first clause of 6–24 characters) and the central clause (the longest such clause of the
TextRank-top sentence). Every proposed title is checked to be a clause of the body, 6–24
characters long, not to begin or end inside a number ("收1" of "收1,852日圆"), and not to
read as a sentence's lead-in ("法人看好，…", "连续第3个月…", "…展望明年").
Readability is counted over every summary: sentences not copied verbatim (but for dropped
stock codes), a first sentence that leans on an earlier one, a dangling 这/该/其 or pronoun
whose antecedent is not in the summary, and sentences that stop mid-clause.

ROUGE is rouge-chinese F x100 over jieba words. Use ``--part tune`` to score the tune half
and ``--swap`` to exchange the halves (see ``summary_fit.py --swap``).

    python bench/summary_eval.py [--dataset headlines|keypoints|both] [--part test|tune|all] [--swap]
                                 [--resamples 1000] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from devdata import DATASETS, REPO, Item, rouge, written

from generator.analysis import analyse
from generator.analysis.salience import centrality
from generator.analysis.tokens import tokens
from generator.config import SummaryConfig
from generator.data import Analysis, Sentence
from generator.text import BRACKETED_DATE, shown_alone

KS = (1, 2, 3)
CELLS = ("auto", *KS)
METRICS = ("rouge-1", "rouge-l")
TARGET = 1.0  # points of ROUGE F x100 over the better baseline at the same number of sentences
NO_BUDGET = 10**6  # characters: a fixed-k summary is not cut short by the reader's budget
TITLE_CHARS = (6, 24)
_CLAUSE_MARK = "，,；;：:。！？!?、"
# The number of a point in a list: "（2）", "1）", "①"; right before where a clause starts, or
# opening a summary sentence (a reader sees "（3）海运费…" out of its list)
_POINT = r"(?:[（(]\s*[\d一二三四五六七八九十]{1,3}\s*[）)]|\d{1,2}[、．)）]|[一二三四五六七八九十]{1,3}、|[①-⑳])"
_POINT_NUMBER = re.compile(rf"{_POINT}\s*$")
_OPENS_ON_POINT = re.compile(rf"\s*{_POINT}")
_CLAUSE = re.compile(r"[^，,；;：:。！？!?]+")
# a digit, a thousands separator and a digit: matched where a title starts (two back) or ends (one back)
_GROUPED_NUMBER_EDGE = re.compile(r"\d(?:,\d|，\d{3}(?!\d))")
# A sentence (or its first clause after a short lead-in) that names its subject by pointing back.
# (其 right after "X宣布，" is X: "华义宣布，其旗下…")
_LEANS_BACK = re.compile(
    r"^(?:[^，。；]{1,12}[，,])?(?:这|那(?!么)|该|此(?!外|前|后|时)|他|她|它)"
    r"|^(?:[^，。；]{1,12}(?<!宣布)(?<!指出)(?<!表示)(?<!说)(?<!称)[，,])?其(?!他|余|实|次|中)"
    # "this" of something announced before, and the day or occasion set before: 本次交易, 当天，会上，
    r"|^(?:[^，。；]{1,12}[，,])?本(?:次|届|轮|案|计划|方案)"
    r"|^(?:当天|当日|同日|次日|当晚|同年|当年|同月|当月|同期|届时|会上|期间)[，,]"
)
# A title that reads as the lead-in or the tail of a sentence, not as a headline: it opens on
# an unnamed observer's view ("法人看好，…"), on a run of periods with no subject ("连续第3个月…"),
# on "because", "and" or "will", or ends on what introduces the next clause ("…展望明年",
# "…下滑后", "…预期") or on a concession the next clause answers ("…虽估可回温").
_LEAD_IN_TITLE = re.compile(
    r"^(?:法人|外资|分析师|市场|业界)[^，]{0,4}[，,]|^(?:连续?第?[0-9一二三四五六七八九十]+个?[月周年季]|[0-9]+个?月来)"
    r"|^(?:以及|将|因(?!应))|(?:后|预期|预估|展望.{0,6}|估算)$|虽[^但却仍，]*$"
)
_SENTENCE_END = re.compile(r"[。！？!?…；;][”’」』）)》】\"']*$")


@dataclass
class Scores:
    """Per-article ROUGE of each system of one cell, and the sentences it took."""

    rows: dict[str, list[dict[str, float]]] = field(default_factory=dict)
    sentences: list[int] = field(default_factory=list)
    chars: list[int] = field(default_factory=list)

    def add(self, system: str, text: str, reference: str) -> None:
        self.rows.setdefault(system, []).append(rouge(text or "。", reference, METRICS))

    def mean(self, system: str, metric: str) -> float:
        return math.fsum(r[metric] for r in self.rows[system]) / len(self.rows[system])

    def values(self, system: str, metric: str) -> np.ndarray:
        return np.array([r[metric] for r in self.rows[system]])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", choices=(*DATASETS, "both"), default="both")
    parser.add_argument("--part", choices=("test", "tune", "all"), default="test")
    parser.add_argument("--swap", action="store_true", help="exchange the tune and test halves")
    parser.add_argument("--resamples", type=int, default=1000, help="bootstrap resamples for the intervals")
    parser.add_argument("--limit", type=int, help="only the first N texts of the part (a quick look)")
    args = parser.parse_args()
    for dataset in DATASETS if args.dataset == "both" else (args.dataset,):
        evaluate(dataset, args)


def evaluate(dataset: str, args: argparse.Namespace) -> None:
    configs = {"auto": SummaryConfig()} | {
        k: SummaryConfig(min_sentences=k, max_sentences=k, char_budget=NO_BUDGET) for k in KS
    }
    with written(dataset, args.part, swap=args.swap, limit=args.limit) as (folder, items):
        printed = inspect_records(folder)
        usable = [item for item in items if item.article is not None]
        analyses = {cell: [analyse(item.article, config) for item in usable] for cell, config in configs.items()}
    for item, analysis in zip(usable, analyses["auto"], strict=True):
        record = printed[item.file]
        shown = (record["title"], record["summary_zh"])
        if shown != (analysis.title, [s.text for s in analysis.summary]):
            raise SystemExit(f"summary_eval: {item.file}: analyse() and `briefing inspect` disagree: {shown}")

    halves = "halves swapped, " if args.swap else ""
    print(f"\n== {dataset}: {len(usable)} texts ({args.part} part, {halves}lines {_span(items)}) ==")
    if len(usable) < len(items):
        lost = [item.file for item in items if item.article is None]
        print(f"ingest found no article in {len(lost)} text(s), left out of every system: {', '.join(lost)}")
    cells = {cell: score_cell(usable, analyses[cell]) for cell in CELLS}
    print_systems(cells)
    print_margins(cells, args.resamples)
    print_readability(analyses)
    if dataset == "headlines":
        print_titles(usable, analyses["auto"])


def inspect_records(folder: Path) -> dict[str, dict]:
    """``briefing inspect --json --no-translate --single-article`` on every file, by file name."""
    command = [sys.executable, "-m", "generator", "inspect", "--json", "--no-translate", "--single-article", str(folder)]
    done = subprocess.run(command, cwd=folder, capture_output=True, text=True, encoding="utf-8", env=_env())
    if done.returncode not in (0, 3):
        raise SystemExit(f"summary_eval: {' '.join(command)} failed: {done.stderr.strip()}")
    records = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    return {Path(r["source"]).name: r for r in records}


def _env() -> dict[str, str]:
    import os

    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def score_cell(items: list[Item], analyses: list[Analysis]) -> Scores:
    scores = Scores()
    for item, analysis in zip(items, analyses, strict=True):
        sentences = list(analysis.sentences)
        ours = "".join(s.text for s in analysis.summary)
        n, chars = len(analysis.summary), len(ours)
        ranked = textrank(sentences)
        scores.sentences.append(n)
        scores.chars.append(chars)
        scores.add("ours", ours, item.reference)
        scores.add("lead", _joined(sentences[:n]), item.reference)
        scores.add("lead, trimmed", shown_alone(_joined(sentences[:n])), item.reference)
        scores.add("textrank", _joined(sorted(ranked[:n], key=lambda s: s.start)), item.reference)
        scores.add("lead-chars", _joined(sentences)[:chars], item.reference)
        scores.add("textrank-chars", _cut(ranked, chars), item.reference)
    return scores


def textrank(sentences: list[Sentence]) -> list[Sentence]:
    """Sentences from most to least central: TextRank over jieba content words (TextRank4ZH's
    sentence similarity), the very ranking the word model's centrality features use."""
    rank = centrality([tokens(s.text) for s in sentences])
    return [sentences[i] for i in sorted(range(len(sentences)), key=lambda i: (-round(rank[i], 12), i))]


def _joined(sentences: list[Sentence]) -> str:
    return "".join(s.text for s in sentences)


def _cut(ranked: list[Sentence], chars: int) -> str:
    """Sentences in rank order up to ``chars`` characters (the last one cut), in document order."""
    taken: list[tuple[int, str]] = []
    left = chars
    for s in ranked:
        if left <= 0:
            break
        taken.append((s.start, s.text[:left]))
        left -= len(s.text)
    return "".join(text for _, text in sorted(taken))


def print_systems(cells: dict[object, Scores]) -> None:
    print("\nROUGE F x100 (mean over texts); baselines at the same number of sentences and at the same length")
    head = f"{'cell':<6} {'sent.':>5} {'chars':>5}  {'system':<19} {'R-1':>6} {'R-L':>6}"
    print(head)
    for cell, scores in cells.items():
        label = f"k={cell}" if cell != "auto" else "auto"
        sentences = sum(scores.sentences) / len(scores.sentences)
        chars = sum(scores.chars) / len(scores.chars)
        for i, system in enumerate(("ours", "lead", "textrank", "lead-chars", "textrank-chars", "lead, trimmed")):
            prefix = f"{label:<6} {sentences:5.2f} {chars:5.0f}" if i == 0 else " " * 18
            r1, rl = (scores.mean(system, m) for m in METRICS)
            print(f"{prefix}  {system:<19} {r1:6.2f} {rl:6.2f}")


def print_margins(cells: dict[object, Scores], resamples: int) -> None:
    n = len(next(iter(cells.values())).sentences)
    picks = np.random.default_rng(2024).integers(0, n, size=(resamples, n))
    print(f"\nmargins, ours minus baseline, with a 95% paired-bootstrap interval ({resamples} resamples);")
    print(f"'best' is the better of lead and textrank at the same number of sentences (target +{TARGET:.1f}),")
    print("'lead-chars'/'textrank-chars' are at the same length in characters (target > 0); * = target met")
    print(f"{'cell':<6} {'metric':<5} {'best (which)':<32} {'lead-chars':<27} {'textrank-chars':<27}")
    for cell, scores in cells.items():
        for metric in METRICS:
            best = max(("lead", "textrank"), key=lambda b: scores.mean(b, metric))
            parts = []
            for baseline, target in ((best, TARGET), ("lead-chars", 0.0), ("textrank-chars", 0.0)):
                diff = scores.values("ours", metric) - scores.values(baseline, metric)
                mean = math.fsum(diff) / len(diff)
                low, high = np.percentile(diff[picks].mean(axis=1), [2.5, 97.5])
                met = "*" if mean >= target and low > 0 else " "
                text = f"{mean:+.2f} [{low:+.2f}, {high:+.2f}]{met}"
                parts.append(f"{text} ({best})" if baseline == best else text)
            label = f"k={cell}" if cell != "auto" else "auto"
            print(f"{label:<6} {metric.replace('rouge-', 'R-').upper():<5} {parts[0]:<32} {parts[1]:<27} {parts[2]:<27}")


def reading_faults(analysis: Analysis) -> dict[str, int]:
    """What would read badly in this summary, counted by kind."""
    body = analysis.article.body
    position = {s.start: i for i, s in enumerate(analysis.sentences)}
    chosen = {_index(position, s) for s in analysis.summary}
    faults = {"not verbatim": 0, "first leans back": 0, "dangling reference": 0, "stops mid-clause": 0, "opens on a list number": 0}
    for n, s in enumerate(analysis.summary):
        faults["not verbatim"] += shown_alone(body[s.start : s.end]) != s.text
        faults["opens on a list number"] += bool(_OPENS_ON_POINT.match(s.text))
        leans = bool(_LEANS_BACK.match(s.text))
        faults["first leans back"] += n == 0 and leans
        faults["dangling reference"] += leans and _index(position, s) - 1 not in chosen
        faults["stops mid-clause"] += not _SENTENCE_END.search(s.text)
    return faults


def _index(position: dict[int, int], s: Sentence) -> int:
    """The body sentence a summary sentence comes from (a trimmed connective moves its start)."""
    return max(i for start, i in position.items() if start <= s.start)


def print_readability(analyses: dict[object, list[Analysis]]) -> None:
    print("\nreadability of the summaries (count of sentences; the body's own first sentences for comparison)")
    for cell, group in analyses.items():
        total: dict[str, int] = {}
        for analysis in group:
            for kind, count in reading_faults(analysis).items():
                total[kind] = total.get(kind, 0) + count
        sentences = sum(len(a.summary) for a in group)
        label = f"k={cell}" if cell != "auto" else "auto"
        print(f"{label:<6} {sentences:5d} sentences: " + ", ".join(f"{kind} {count}" for kind, count in total.items()))
    leads = sum(bool(_LEANS_BACK.match(a.sentences[0].text)) for a in analyses["auto"] if a.sentences)
    print(f"       (the first sentence of the body itself leans back in {leads} of {len(analyses['auto'])} texts)")


def print_titles(items: list[Item], analyses: list[Analysis]) -> None:
    low, high = TITLE_CHARS
    systems: dict[str, list[dict[str, float]]] = {}
    faults = {"not generated": 0, "not in the body": 0, "not a clause": 0, "cuts a number": 0, "length outside 6-24": 0,
              "reads as a lead-in": 0}
    for item, analysis in zip(items, analyses, strict=True):
        title, body = analysis.title, analysis.article.body
        faults["not generated"] += not analysis.title_generated
        # any place the title stands in the body may be the clause it was taken from
        places = _places(title, body)
        edges = {s.start for s in analysis.sentences} | {s.end for s in analysis.sentences}
        faults["not in the body"] += not places
        faults["not a clause"] += bool(places) and not any(_is_clause(body, a, b, edges) for a, b in places)
        faults["cuts a number"] += bool(places) and all(_cuts_number(body, a, b) for a, b in places)
        faults["length outside 6-24"] += not low <= len(title) <= high
        faults["reads as a lead-in"] += bool(_LEAD_IN_TITLE.search(title))
        sentences = list(analysis.sentences)
        for name, text in (
            ("title-proposed", title),
            ("title-lead-clause", _lead_clause(sentences)),
            ("title-central-clause", _central_clause(sentences)),
        ):
            systems.setdefault(name, []).append(rouge(text, item.reference, METRICS))
    print("\ntitles proposed for the untitled texts, against the newsroom headline (ROUGE F x100)")
    for name, rows in systems.items():
        r1, rl = (math.fsum(r[m] for r in rows) / len(rows) for m in METRICS)
        print(f"{name:<21} R-1 {r1:6.2f}  R-L {rl:6.2f}")
    print("title checks over all texts: " + ", ".join(f"{kind} {count}" for kind, count in faults.items()))


def _places(title: str, body: str) -> list[tuple[int, int]]:
    """Where ``title`` stands in ``body``: every span that reads as ``title`` when shown alone
    ("国巨宣布公开收购君耀" of "国巨(2327)宣布公开收购君耀", "14日挂牌" of "今(14)日挂牌")."""
    if not title:
        return []
    dated = title[0].isdigit()
    longest = 2 * len(title) + 24  # room for what the title left out
    return [
        (a, b)
        for a in range(len(body))
        if body[a] == title[0] or (dated and BRACKETED_DATE.match(body, a))
        for b in range(a + 1, min(len(body), a + longest) + 1)
        if shown_alone(body[a:b]) == title
    ]


def _is_clause(body: str, start: int, end: int, edges: set[int]) -> bool:
    """Starts and ends where a clause does: at a sentence's ends (``edges``: after "。」" too),
    punctuation or a space, or right after the number of a list point that starts there
    ("（2）2021年坚果收入…")."""
    def opens_at(at: int) -> bool:
        return at in edges or at == 0 or body[at - 1] in _CLAUSE_MARK or body[at - 1].isspace()

    point = _POINT_NUMBER.search(body, 0, start)
    opens = opens_at(start) or (point is not None and opens_at(point.start()))
    closes = end in edges or end == len(body) or body[end] in _CLAUSE_MARK or body[end].isspace()
    return opens and closes


def _cuts_number(body: str, start: int, end: int) -> bool:
    """The title begins or ends inside a number written with thousands separators ("收1" of
    "收1,852日圆", "净利润46" of "净利润46，084万元")."""
    return (start >= 2 and bool(_GROUPED_NUMBER_EDGE.match(body, start - 2))) or bool(_GROUPED_NUMBER_EDGE.match(body, end - 1))


def _clauses(text: str) -> list[str]:
    low, high = TITLE_CHARS
    return [c.strip() for c in _CLAUSE.findall(text) if low <= len(c.strip()) <= high]


def _lead_clause(sentences: list[Sentence]) -> str:
    """Baseline title: the article's first clause of 6-24 characters."""
    return next((c for s in sentences for c in _clauses(s.text)), sentences[0].text[: TITLE_CHARS[1]])


def _central_clause(sentences: list[Sentence]) -> str:
    """Baseline title: the longest clause of 6-24 characters in the TextRank-top sentence."""
    top = textrank(sentences)[0].text
    return max(_clauses(top), key=len, default=top[: TITLE_CHARS[1]])


def _span(items: list[Item]) -> str:
    return f"{items[0].index + 1}-{items[-1].index + 1}" if items else "none"


if __name__ == "__main__":
    main()
