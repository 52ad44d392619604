"""Segmentation on synthetic damaged newspaper pages (see tests/synthetic_pages.py).

Reports, over N seeded pages: articles found exactly (title and whole body), titles
correct, and body characters recovered.

    python bench/segmentation_synthetic.py [--pages 300] [--seed 2024]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.data import Document  # noqa: E402
from generator.ingest.reflow import reflow  # noqa: E402
from generator.ingest.segment import segment  # noqa: E402
from tests.synthetic_pages import DEVDATA, pages, score  # noqa: E402


def evaluate(count: int, seed: int) -> tuple[float, float, float, int]:
    exact = titles = recovered = total = articles = 0
    for i, page in enumerate(pages(count, seed)):
        document = Document(path=f"page-{i}.txt", name=f"page-{i}.txt", text=page.text, format="text", needs_reflow=True)
        e, t, r, c = score(page, segment(document, reflow(document)))
        exact, titles, recovered, total = exact + e, titles + t, recovered + r, total + c
        articles += len(page.articles)
    return exact / articles, titles / articles, recovered / total, articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    exact, titles, chars, articles = evaluate(args.pages, args.seed)
    source = "development data" if DEVDATA.exists() else "built-in articles"
    print(f"{args.pages} pages, {articles} articles ({source}), seed {args.seed}")
    print(f"articles found exactly : {exact:6.1%}")
    print(f"titles correct         : {titles:6.1%}")
    print(f"body characters kept   : {chars:6.1%}")


if __name__ == "__main__":
    main()
