"""Key figures as a reader gets them: recall and precision on the tables of news phrases.

Every phrase of tests/data/figure_*.yaml is set in a short news article (in each written
form: as written, full-width digits, traditional script, and a traditional phrase inside a
simplified article), written as files into a temporary folder, and run through
``briefing inspect --json --no-translate --single-article <folder>`` in one process. A figure
counts as found when the page shows its value and unit (and, for a change, its direction);
a value shown that the table does not list for the phrase is a wrong value. The tables read a
bare 元 as the renminbi; an article printed in traditional script that names no currency is
read in New Taiwan dollars (as the README says), so there the bench expects TWD for it.

    .venv/bin/python bench/figures_eval.py                 # all tables, every written form
    .venv/bin/python bench/figures_eval.py --tables news-heldout tricky-heldout news-blind --show

Tables (tests/figure_table.py): ``news`` and ``tricky`` were tuned on; ``news-heldout`` and
``tricky-heldout`` were written before the parser and never tuned on; ``news-blind`` was
labelled after the parser was written, before it was ever run on it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.text import is_traditional  # noqa: E402
from tests.figure_table import TABLES, Row, Score, full_width, load, read_in, score, traditional  # noqa: E402

TITLE = "财经简讯"
LEAD = "记者获悉，"
# Neutral simplified sentences without numbers around a traditional phrase: the article
# stays simplified (under generator.text.TRADITIONAL_SHARE), so only the figure parser's
# own folding can read the phrase.
PADDING = (
    "这一情况引起了市场各方的广泛关注。业内人士表示，相关企业正在积极调整经营策略，努力提升产品竞争力和服务水平。"
    "分析人士认为，行业整体发展态势总体平稳，后续走势仍有待进一步观察。有关部门将继续加强监测，及时发布相关信息，"
    "引导市场预期保持稳定。不少企业负责人表示，将把握发展机遇，加快转型升级步伐，推动高质量发展取得新成效。"
    "专家建议，要进一步优化营商环境，激发市场主体活力，为经济平稳运行提供有力支撑。"
)
FORMS = ("as written", "full-width", "traditional", "traditional in simplified")


def article(row: Row, form: str) -> str | None:
    """The source file for ``row`` in one written form, or None when the form changes nothing."""
    phrase = row.phrase
    if form == "full-width":
        phrase = full_width(phrase)
    elif form.startswith("traditional"):
        phrase = traditional(phrase)
    if form != "as written" and phrase == row.phrase:
        return None
    if form == "traditional":
        return traditional(f"{TITLE}\n\n{LEAD}{phrase}。\n")
    body = f"{LEAD}{phrase}。"
    if form == "traditional in simplified":
        body = f"{PADDING}{body}{PADDING}"
        if is_traditional(TITLE + body):
            raise SystemExit(f"padding too short: the article of {row.phrase!r} reads as traditional")
    return f"{TITLE}\n\n{body}\n"


def run_inspect(folder: Path) -> dict[str, dict]:
    cmd = [sys.executable, "-m", "generator", "inspect", "--json", "--no-translate", "--single-article", str(folder)]
    proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", check=False)
    records = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    if proc.returncode != 0 and not records:
        raise SystemExit(f"briefing inspect failed: {proc.stderr.strip()}")
    return {Path(r["source"]).name: r for r in records}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tables", nargs="+", choices=list(TABLES), default=list(TABLES))
    parser.add_argument("--forms", nargs="+", choices=FORMS, default=list(FORMS))
    parser.add_argument("--show", action="store_true", help="list every miss and wrong value")
    args = parser.parse_args()

    cases: dict[str, tuple[Row, str]] = {}
    with tempfile.TemporaryDirectory(prefix="figures-eval-") as tmp:
        folder = Path(tmp)
        for table in args.tables:
            for i, row in enumerate(load(table)):
                for form in args.forms:
                    text = article(row, form)
                    if text is None:
                        continue
                    name = f"{table}-{i:04d}-{FORMS.index(form)}.txt"
                    (folder / name).write_text(text, encoding="utf-8")
                    cases[name] = (row, form)
        records = run_inspect(folder)

    by_table: dict[tuple[str, str], Score] = defaultdict(Score)
    by_category: dict[tuple[str, str], Score] = defaultdict(Score)
    phrases: dict[tuple[str, str], int] = defaultdict(int)
    lost = []
    for name, (row, form) in sorted(cases.items()):
        record = records.get(name)
        if record is None:
            lost.append(name)
            s = Score(expected=len(row.figures), problems=["article lost"])
        else:
            expected = read_in(row, "TWD") if is_traditional(record["body"]) else row
            s = score(expected, record["figures"], record["body"])
        by_table[(row.table, form)].add(s)
        by_category[(row.table, row.category)].add(s)
        phrases[(row.table, row.category)] += 1
        if args.show and s.problems:
            print(f"{row.table} | {form} | {row.phrase} :: " + "; ".join(s.problems))
    if args.show:
        print()

    print("| Table | Written form | Phrases | Figures | Recall | Shown | Wrong | Precision |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for table in args.tables:
        for form in args.forms:
            s = by_table.get((table, form))
            if s is None:
                continue
            n = sum(1 for r, f in cases.values() if r.table == table and f == form)
            print(f"| {table} | {form} | {n} | {s.expected} | {_pct(s.found, s.expected)} | {s.shown} | {s.wrong} | "
                  f"{_pct(s.shown - s.wrong, s.shown)} |")
    print()
    print("| Table | Category (all written forms) | Phrases | Figures | Recall | Shown | Wrong | Precision |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for (table, category), s in sorted(by_category.items()):
        print(f"| {table} | {category} | {phrases[(table, category)]} | {s.expected} | {_pct(s.found, s.expected)} | "
              f"{s.shown} | {s.wrong} | {_pct(s.shown - s.wrong, s.shown)} |")
    if lost:
        print(f"\n{len(lost)} articles not in the output (no article found): {', '.join(lost[:10])}")


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "–"


if __name__ == "__main__":
    main()
