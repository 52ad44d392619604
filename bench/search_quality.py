"""Search quality as a reader meets it: does the article's own page come first?

Builds a project of the two sample seeds plus ``--articles`` articles of the development data
(``../shared/devdata/news-headlines-dev.jsonl``, read here, never copied into the repository),
each a Markdown seed whose front-matter ``title:`` is the newsroom headline; every
``--traditional-every``-th one is written in traditional script (OpenCC s2t), as a Taiwan or
Hong Kong paper prints it. The site is built as a user builds it (the tiny test model
installed, ``briefing build``, ``mkdocs build --strict``), served on loopback, and every
query of the set (``tests/search_queries.py``: words, two words, phrases typed without
spaces, numbers, traditional characters, single characters, English of the page) is typed
into the search box in headless Chromium. Prints, per kind, how often the article's page is
the first result and in the top five, how many queries found nothing, result lists holding
a page twice, the index size per article, and the keystroke-to-results latency.

    python bench/search_quality.py [--articles 64] [--seed 12] [--keep DIR] [--width 1280]

``--keep DIR`` builds into DIR (or reuses the site already built there).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.helpers import CHROMIUM, CHROMIUM_ARGS, briefing, make_project, mkdocs_build  # noqa: E402
from tests.search_queries import (  # noqa: E402
    QuerySet,
    kind_counts,
    latency_summary,
    measure,
    table,
    targets_from_records,
)

DEFAULT_DATA = REPO.parent / "shared" / "devdata" / "news-headlines-dev.jsonl"
# Articles shorter than this (characters) are briefs, not the stories a reader searches for.
MIN_ARTICLE_CHARS = 200
# Files a search engine's code is made of (fixed cost, not per article).
CODE_SUFFIXES = (".js", ".wasm", ".css")


def select_articles(path: Path, count: int) -> list[dict]:
    """``count`` articles spread evenly over the file, distinct headlines, no briefs."""
    if not path.exists():
        raise SystemExit(f"search_quality.py: {path} not found (the development data lives outside the repository)")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if len(r["article"]) >= MIN_ARTICLE_CHARS]
    step = len(rows) / count
    chosen, seen = [], set()
    for k in range(count):
        row = rows[int(k * step)]
        if row["headline"] not in seen:
            seen.add(row["headline"])
            chosen.append(row)
    return chosen


def write_project(dest: Path, articles: list[dict], traditional_every: int) -> Path:
    import opencc
    import yaml

    project = make_project(dest)
    s2t = opencc.OpenCC("s2t")
    for n, row in enumerate(articles, 1):
        headline, text = row["headline"], row["article"]
        if traditional_every and n % traditional_every == 0:
            headline, text = s2t.convert(headline), s2t.convert(text)
        front = yaml.safe_dump({"title": headline}, allow_unicode=True).strip()
        (project / "seeds" / f"dev-{n:03d}.md").write_text(f"---\n{front}\n---\n\n{text}\n", encoding="utf-8")
    return project


def build(project: Path) -> list[dict]:
    """The site as a user builds it (with the tiny test model), and the inspect records."""
    from tests.tiny_argos import build_tiny_package

    env = {"ARGOS_PACKAGES_DIR": str(project.parent / "argos-packages")}
    package = build_tiny_package(project.parent)
    for args in (["model", "install", str(package)], ["build"]):
        result = briefing(*args, cwd=project, env=env)
        if result.returncode != 0:
            raise SystemExit(f"briefing {' '.join(args)} failed:\n{result.stderr}")
    site = mkdocs_build(project, env=env)
    if site.returncode != 0:
        raise SystemExit(f"mkdocs build failed:\n{site.stderr}{site.stdout}")
    return inspect(project, env)


def inspect(project: Path, env: dict | None = None) -> list[dict]:
    result = briefing("inspect", "--json", "seeds", cwd=project, env=env or {"ARGOS_PACKAGES_DIR": str(project.parent / "argos-packages")})
    if result.returncode != 0:
        raise SystemExit(f"briefing inspect failed:\n{result.stderr}")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    (project / "records.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return records


def index_size(site: Path, engine: str) -> tuple[int, int, int]:
    """Bytes the search data takes (as served, and gzipped) and the engine's code files."""
    from generator.site.search import HIGHLIGHT_PATH, WORKER_PATH

    data = code = packed = 0
    files = [f for folder in ("search", "pagefind") if (site / folder).is_dir() for f in sorted((site / folder).rglob("*"))]
    files += [site / WORKER_PATH, site / HIGHLIGHT_PATH]
    for f in files:
        if engine == "pagefind" and f.name == "briefing.json":
            continue  # the adapter reads only its folding table
        if f.is_file():
            raw = f.read_bytes()
            if f.suffix in CODE_SUFFIXES or f.name.endswith(".pagefind"):
                code += len(raw)
            else:
                data += len(raw)
                packed += len(gzip.compress(raw, 9))
    return data, packed, code


def serve(site: Path):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def run_browser(base_url: str, queries, width: int):
    from playwright.sync_api import sync_playwright

    external: list[str] = []
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
        page.on("request", lambda r: external.append(r.url) if not r.url.startswith(base_url) else None)
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))

        def progress(n: int) -> None:
            if n % 50 == 0:
                print(f"  {n}/{len(queries)} queries", file=sys.stderr)

        outcomes = measure(page, base_url, queries, progress)
        browser.close()
    return outcomes, external, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--articles", type=int, default=64, help="articles of the development data (default 64)")
    parser.add_argument("--traditional-every", type=int, default=8, help="every n-th article in traditional script (0: none)")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--keep", type=Path, help="build into this folder (reuse its site when already built)")
    parser.add_argument("--width", type=int, default=1280, help="browser width in CSS pixels")
    parser.add_argument("--misses", type=int, default=0, help="print this many queries whose article was not first")
    parser.add_argument("--dump", type=Path, help="write every outcome as JSON lines here")
    parser.add_argument("--engine", choices=("site", "pagefind"), default="site",
                        help="the site as built, or Pagefind behind the same box (bench/search_pagefind.py)")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="search-quality-"))
    project = work / "project"
    started = time.perf_counter()
    if (project / "site" / "index.html").exists() and (project / "records.json").exists():
        records = json.loads((project / "records.json").read_text(encoding="utf-8"))
        print(f"reusing the site built in {project}", file=sys.stderr)
    else:
        write_project(project, select_articles(args.data, args.articles), args.traditional_every)
        records = build(project)
        print(f"built {len(records)} articles in {time.perf_counter() - started:.0f} s ({project})", file=sys.stderr)

    site = project / "site"
    if args.engine == "pagefind":
        from search_pagefind import convert

        site = project / "site-pagefind"
        shutil.rmtree(site, ignore_errors=True)
        shutil.copytree(project / "site", site)
        convert(site)

    targets = targets_from_records(records)
    queries = QuerySet(targets, seed=args.seed).build()
    counts = kind_counts(queries)
    print(f"{len(queries)} queries over {len({q.page for q in queries})} articles: "
          + ", ".join(f"{k} {n}" for k, n in counts.items()), file=sys.stderr)

    server, base_url = serve(site)
    try:
        outcomes, external, errors = run_browser(base_url, queries, args.width)
    finally:
        server.shutdown()

    data, packed, code = index_size(site, args.engine)
    median, p90, unanswered = latency_summary(outcomes)
    articles = len(targets)
    print(table(outcomes))
    print()
    print(f"result lists holding a page twice: {sum(o.duplicated for o in outcomes)} of {len(outcomes)}")
    print(f"index: {data / 1024:.1f} KB for {articles} articles = {data / articles / 1024:.2f} KB per article "
          f"({packed / articles / 1024:.2f} KB gzipped); engine code {code / 1024:.0f} KB")
    print(f"latency keystroke → results: median {median:.1f} ms, 90th percentile {p90:.1f} ms"
          + (f", {unanswered} unanswered" if unanswered else ""))
    if external:
        print(f"requests leaving the site: {sorted(set(external))[:5]}")
    if errors:
        print(f"console errors: {errors[:5]}")
    misses = [o for o in outcomes if o.rank != 1]
    for o in misses[: args.misses]:
        print(f"  {o.query.kind}: {o.query.text!r} → rank {o.rank} ({o.query.page}); first: {o.results[:3]}")
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as f:
            for o in outcomes:
                f.write(json.dumps({"kind": o.query.kind, "query": o.query.text, "page": o.query.page, "rank": o.rank,
                                    "results": o.results, "latency_ms": o.latency_ms, "titles": o.titles,
                                    "snippets": o.snippets}, ensure_ascii=False) + "\n")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
