"""How the build scales: 100 / 1,000 / 10,000 articles of the development data as seeds.

For each size it writes a project (Markdown sources of ``--per-source`` articles each, with
front matter: publication and date, so the site has editions), then measures on the path a
user takes, each step a fresh process:

- analysis: ``briefing inspect --json --no-translate --no-cache seeds`` (articles/s, CPU), and
  its ratio to a bare jieba run over the same article texts, three ways: process to process
  (a fresh Python that imports jieba, loads its dictionary and ``jieba.lcut``s every text,
  start to exit: the issue's "8.6×"); the analysis alone in one process (``analyse`` of every
  article, tables loaded) to the ``lcut`` pass alone (the issue's "in-process 11.7×"); and,
  strictest, the whole ``inspect`` process to the ``lcut`` pass alone. Beside them, the ratio to
  one bare pass of jieba-rs (``rjieba``), the segmenter the analysis uses;
- cold build (``briefing build --no-translate``, empty caches), warm build (nothing changed),
  one-change build (one article of one source edited);
- ``mkdocs build`` of the result: time, pages, HTML bytes per article page, search index;
- peak RSS of each step; the exponent of time against size (1.0 is linear);
- with ``--serve``: ``mkdocs serve``, one seed edited, seconds until the page shows it;
- with ``--repeat N``: the analysis and the bare passes N times, one after the other, and
  the median of each (on shared cores a single run can be 15% off either way).

With ``--stages N``, then the analysis of N held-out development articles in one process,
stage by stage (CPU seconds), beside one bare ``jieba.lcut`` pass over the same bodies.

    python bench/scale.py [--sizes 100 1000 10000] [--per-source 10] [--serve] [--repeat 3] [--stages 400]

Reads ../shared/devdata/news-headlines-dev.jsonl at run time (never copied into the repo).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEVDATA = Path(os.environ.get("BRIEFING_DEVDATA", REPO.parent / "shared" / "devdata")) / "news-headlines-dev.jsonl"
PUBLICATIONS = ("经济日报", "湖南日报", "中国工业报")


def articles() -> list[tuple[str, str]]:
    if not DEVDATA.exists():
        raise SystemExit(f"scale.py: {DEVDATA} not found (the development data lives outside the repository)")
    rows = [json.loads(line) for line in DEVDATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(r["headline"].replace("\n", " "), r["article"]) for r in rows]


def write_project(root: Path, count: int, per_source: int) -> list[str]:
    """The project folder; returns the article texts (for the bare jieba pass)."""
    pool = articles()
    (root / "seeds").mkdir(parents=True)
    shutil.copytree(REPO / "docs", root / "docs", ignore=lambda folder, names: {
        n for n in names if n in ("digest", "index.md") or n.startswith(".briefing-")})
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copy2(REPO / "glossary.yaml", root / "glossary.yaml")
    texts = []
    for start in range(0, count, per_source):
        source = start // per_source
        day = 1 + source // len(PUBLICATIONS)
        date = time.strftime("%Y-%m-%d", time.gmtime(1704067200 + 86400 * (day % 3650)))
        parts = [f"---\npublication: {PUBLICATIONS[source % len(PUBLICATIONS)]}\ndate: {date}\n---\n"]
        for i in range(start, min(count, start + per_source)):
            headline, body = pool[i % len(pool)]
            if i >= len(pool):  # a later copy of the same article, as another paper prints it
                body = f"（第{i // len(pool) + 1}版）" + body
            parts.append(f"# {headline}\n\n{body}\n")
            texts.append(body)
        (root / "seeds" / f"s{source:05d}.md").write_text("\n".join(parts), encoding="utf-8")
    return texts


def run(args: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float, int, str]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one command; its stderr."""
    started = time.perf_counter()
    process = subprocess.Popen(args, cwd=cwd, env={**os.environ, **(env or {})},
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    stderr = process.stderr.read() if process.stderr else ""
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0, 3):
        raise SystemExit(f"{' '.join(args)} failed:\n{stderr[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024, stderr


def _timed_in(code: str, root: Path) -> float:
    """What a fresh Python running ``code`` in ``root`` prints: the CPU seconds of its timed part."""
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    return float(out.stdout)


_TEXTS = "texts = json.load(open('texts.json', encoding='utf-8'));"


def bare_jieba(root: Path) -> float:
    """CPU seconds of one jieba.lcut pass over the texts, jieba already loaded."""
    return _timed_in(
        "import json, time, jieba, logging; jieba.setLogLevel(logging.WARNING); jieba.initialize();"
        + _TEXTS + "t = time.process_time(); [jieba.lcut(x) for x in texts]; print(time.process_time() - t)", root)


def bare_jieba_process(root: Path) -> float:
    """CPU seconds of a whole process that loads jieba and cuts the texts, start to exit: what
    the ``inspect`` process (also start to exit) is set against process to process."""
    code = ("import json, jieba, logging; jieba.setLogLevel(logging.WARNING);"
            + _TEXTS + "[jieba.lcut(x) for x in texts]")
    return run([sys.executable, "-c", code], root)[1]


def bare_segmenter(root: Path) -> float:
    """CPU seconds of one jieba-rs pass over the texts, its dictionary already built."""
    return _timed_in(
        "import json, time, rjieba; j = rjieba.Jieba();"
        + _TEXTS + "t = time.process_time(); [j.cut(x) for x in texts]; print(time.process_time() - t)", root)


def analysis_in_process(root: Path) -> float:
    """CPU seconds of ``analyse`` over every article of the project's seeds in one process, the
    sources read and the analysis's tables loaded first (as the workers find them)."""
    return _timed_in(
        "import time; from generator.build import load_sources; from generator.config import SummaryConfig;"
        "from generator.analysis import analyse, warm_up;"
        "found = [a for _, articles in load_sources(['seeds']).documents for a in articles];"
        "warm_up(); config = SummaryConfig(); t = time.process_time();"
        "[analyse(a, config) for a in found]; print(time.process_time() - t)", root)


def stages(count: int) -> None:
    """Where the analysis time goes, in one process: each stage's CPU seconds (mean of 2 rounds,
    caches cleared), for held-out development articles read as the build reads them."""
    import jieba

    import generator.analysis as analysis
    from generator.analysis import salience, tokens
    from generator.config import SummaryConfig

    sys.path.insert(0, str(REPO / "bench"))
    from devdata import load

    found = [item.article for item in load("headlines", "test", limit=count) if item.article is not None]
    config = SummaryConfig()
    spent: dict[str, float] = {}

    def timed(name: str, function):
        def wrapper(*args, **kwargs):
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - started
        return wrapper

    originals = {name: getattr(analysis, name) for name in (
        "split_sentences", "propose_title", "extract_keywords", "parse_figures", "summarise", "rank_figures", "in_english")}
    labels = dict(zip(originals, ("split", "title", "keywords", "figures", "summary", "rank", "figures"), strict=True))
    tokens.warm_up()
    rounds = 2
    for _ in range(rounds):
        tokens.tokens.cache_clear()
        tokens.words.cache_clear()
        for article in found:
            # segmentation and the word model first, timed on their own; the analysis then
            # finds both in their caches, so each stage below is its own work
            sentences = originals["split_sentences"](article.body)
            started = time.process_time()
            segmented = [tokens.tokens(s.text) for s in sentences]
            middle = time.process_time()
            salience._fitted_probabilities.cache_clear()
            salience.headline_probabilities(segmented)
            spent["tokens"] = spent.get("tokens", 0.0) + middle - started
            spent["word model"] = spent.get("word model", 0.0) + time.process_time() - middle
            for name, function in originals.items():
                setattr(analysis, name, timed(labels[name], function))
            try:
                analysis.analyse(article, config)
            finally:
                for name, function in originals.items():
                    setattr(analysis, name, function)
    jieba.setLogLevel(60)
    jieba.initialize()
    started = time.process_time()
    for _ in range(rounds):
        for article in found:
            jieba.lcut(article.body)
    bare = (time.process_time() - started) / rounds
    columns = ("split", "tokens", "word model", "title", "keywords", "figures", "summary", "rank")
    total = sum(spent.get(c, 0.0) for c in columns) / rounds
    print(f"in one process, {len(found)} articles, CPU s (mean of {rounds} rounds):")
    print("| " + " | ".join(columns) + " | total | bare `jieba.lcut` of the bodies |")
    print("|" + "---|" * (len(columns) + 2))
    print("| " + " | ".join(f"{spent.get(c, 0.0) / rounds:.2f}" for c in columns)
          + f" | {total:.2f} | {bare:.2f} ({total / bare:.1f}×) |", flush=True)


def serve_seconds(root: Path) -> float:
    """``mkdocs serve``; edit one seed; seconds until its article page shows the edit."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
                              cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    records = [json.loads(x) for x in subprocess.run(
        [sys.executable, "-m", "generator", "inspect", "--json", "--no-translate", "seeds/s00000.md"],
        cwd=root, capture_output=True, text=True, check=True).stdout.splitlines()]
    url = f"http://127.0.0.1:{port}/" + records[0]["page"].removesuffix(".md") + "/"

    def fetch() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    try:
        while "</html>" not in fetch():
            time.sleep(0.5)
        seed = root / "seeds" / "s00000.md"
        marker = "新增的一句话用于测量重建时间。"
        text = seed.read_text(encoding="utf-8")
        first = text.index("\n\n", text.index("# ")) + 2
        seed.write_text(text[:first] + marker + text[first:], encoding="utf-8")
        started = time.perf_counter()
        while marker not in fetch():
            time.sleep(0.2)
            if time.perf_counter() - started > 600:
                return float("inf")
        return time.perf_counter() - started
    finally:
        server.send_signal(signal.SIGINT)  # as Ctrl-C: mkdocs removes its temporary site folder
        server.wait(timeout=60)


def measure(count: int, per_source: int, serve: bool, repeat: int = 1) -> dict:
    root = Path(tempfile.mkdtemp(prefix=f"scale-{count}-"))
    try:
        texts = write_project(root, count, per_source)
        (root / "texts.json").write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        m: dict = {"articles": count, "characters": sum(map(len, texts))}
        rounds = []
        for _ in range(repeat):  # interleaved, so a slow spell of the machine hits both sides
            wall, cpu, rss, _ = run(
                [sys.executable, "-m", "generator", "inspect", "--json", "--no-translate", "--no-cache", "seeds"], root)
            rounds.append((bare_jieba(root), bare_segmenter(root), wall, cpu, rss,
                           bare_jieba_process(root), analysis_in_process(root)))
        keys = ("jieba_cpu", "rjieba_cpu", "inspect_wall", "inspect_cpu", "inspect_rss", "jieba_process_cpu", "in_process_cpu")
        m.update({key: statistics.median(r[i] for r in rounds) for i, key in enumerate(keys)})
        m["inspect_rss"] = round(m["inspect_rss"])
        m["ratio_range"] = (min(r[3] / r[0] for r in rounds), max(r[3] / r[0] for r in rounds))
        m["process_ratio_range"] = (min(r[3] / r[5] for r in rounds), max(r[3] / r[5] for r in rounds))
        m["in_process_ratio_range"] = (min(r[6] / r[0] for r in rounds), max(r[6] / r[0] for r in rounds))
        shutil.rmtree(root / ".briefing-cache", ignore_errors=True)
        m["cold_wall"], m["cold_cpu"], m["cold_rss"], _ = run([sys.executable, "-m", "generator", "build", "--no-translate", "-q"], root)
        m["warm_wall"], m["warm_cpu"], m["warm_rss"], _ = run([sys.executable, "-m", "generator", "build", "--no-translate", "-q"], root)
        seed = root / "seeds" / "s00000.md"
        seed.write_text(seed.read_text(encoding="utf-8").replace("。", "。今天天气晴。", 1), encoding="utf-8")
        m["change_wall"], m["change_cpu"], m["change_rss"], _ = run([sys.executable, "-m", "generator", "build", "--no-translate", "-q"], root)
        m["mkdocs_wall"], m["mkdocs_cpu"], m["mkdocs_rss"], _ = run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-d", "site"], root, {"NO_MKDOCS_2_WARNING": "1"})
        site = root / "site"
        pages = list(site.rglob("*.html"))
        article_pages = [p for p in pages if p.parent.name.startswith("article-")]
        m["pages"] = len(pages)
        m["site_mb"] = sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6
        m["article_kb"] = sum(p.stat().st_size for p in article_pages) / max(1, len(article_pages)) / 1e3
        index = site / "search" / "briefing.json"
        m["search_kb_per_article"] = index.stat().st_size / count / 1e3 if index.exists() else float("nan")
        if serve:
            m["serve_seconds"] = serve_seconds(root)
        return m
    finally:
        shutil.rmtree(root, ignore_errors=True)


def exponent(results: list[dict], key: str) -> float:
    if len(results) < 2:
        return float("nan")
    xs = [math.log(r["articles"]) for r in results]
    ys = [math.log(max(r[key], 1e-3)) for r in results]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000, 10000], help="none: only --stages")
    parser.add_argument("--per-source", type=int, default=10)
    parser.add_argument("--serve", action="store_true", help="also time a one-seed change under mkdocs serve --dirty")
    parser.add_argument("--stages", type=int, default=0, metavar="N", help="then the per-stage analysis time of N articles")
    parser.add_argument("--repeat", type=int, default=1, metavar="N", help="median of N interleaved analysis and bare passes")
    args = parser.parse_args()
    results = []
    for count in args.sizes:
        m = measure(count, args.per_source, args.serve, args.repeat)
        results.append(m)
        print(json.dumps(m), file=sys.stderr, flush=True)
    def ratio(numerator: str, denominator: str, spread: str):
        return lambda r: f"{r[numerator] / r[denominator]:.2f}×" + (
            f" ({r[spread][0]:.2f}–{r[spread][1]:.2f})" if args.repeat > 1 else "")

    rows = [
        ("analysis, articles/s (inspect, CPU)", lambda r: f"{r['articles'] / r['inspect_cpu']:.0f}"),
        ("analysis ÷ bare jieba, process to process (CPU)", ratio("inspect_cpu", "jieba_process_cpu", "process_ratio_range")),
        ("analysis ÷ bare jieba.lcut pass, in one process (CPU)", ratio("in_process_cpu", "jieba_cpu", "in_process_ratio_range")),
        ("analysis process ÷ bare jieba.lcut pass (CPU)", ratio("inspect_cpu", "jieba_cpu", "ratio_range")),
        ("analysis ÷ bare jieba-rs pass (CPU)", lambda r: f"{r['inspect_cpu'] / r['rjieba_cpu']:.1f}×"),
        ("cold build, s (wall / CPU)", lambda r: f"{r['cold_wall']:.1f} / {r['cold_cpu']:.1f}"),
        ("warm build, s", lambda r: f"{r['warm_wall']:.1f}"),
        ("one-change build, s", lambda r: f"{r['change_wall']:.1f}"),
        ("mkdocs build, s (wall / CPU)", lambda r: f"{r['mkdocs_wall']:.1f} / {r['mkdocs_cpu']:.1f}"),
        ("pages / site MB", lambda r: f"{r['pages']} / {r['site_mb']:.1f}"),
        ("HTML per article page, KB", lambda r: f"{r['article_kb']:.1f}"),
        ("search index per article, KB", lambda r: f"{r['search_kb_per_article']:.2f}"),
        ("peak RSS MB (inspect / build / mkdocs)", lambda r: f"{r['inspect_rss']} / {r['cold_rss']} / {r['mkdocs_rss']}"),
    ]
    if args.serve:
        rows.append(("serve: one seed changed → page shows it, s", lambda r: f"{r['serve_seconds']:.1f}"))
    if results:
        print("| what | " + " | ".join(f"{r['articles']:,} articles" for r in results) + " |")
        print("|---|" + "---|" * len(results))
        for name, cell in rows:
            print(f"| {name} | " + " | ".join(cell(r) for r in results) + " |")
        for key, name in (("cold_cpu", "cold build"), ("inspect_cpu", "analysis"), ("mkdocs_cpu", "mkdocs build")):
            print(f"exponent of {name} CPU time against size: {exponent(results, key):.2f}")
    if args.stages:  # last: a process that has loaded the analysis passes its peak RSS on to every child
        stages(args.stages)


if __name__ == "__main__":
    main()
