"""Segmentation on synthetic damaged newspaper pages (see tests/synthetic_pages.py).

Each page is written to a file and read back through ``load_sources``, the function
``briefing build`` and ``briefing inspect`` call, so the figures are those a reader gets.
Reports, over N seeded pages: titles right (the main headline, alone or with its kicker and
subhead), articles and pages with every article exact (title and whole body), body
characters kept, and body precision (characters of found bodies that belong there).

    python bench/segmentation_synthetic.py [--pages 300] [--seed 2024] [--part test]

``--part test`` (the default) uses the held-out half of the development data, ``tune`` the
half the rules were tuned on; without the development data, the built-in articles.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.build import load_sources  # noqa: E402
from tests.synthetic_pages import DEVDATA, Page, Score, pages, score  # noqa: E402


def evaluate(pages_: list[Page]) -> Score:
    total = Score()
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i, page in enumerate(pages_):
            path = Path(tmp) / f"page-{i:04d}.txt"
            path.write_text(page.text, encoding="utf-8")
            files.append(path)
        loaded = load_sources(files)
        found = {Path(document.path).name: articles for document, articles in loaded.documents}
        for path, page in zip(files, pages_, strict=True):
            total.add(score(page, found.get(path.name, [])))
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--part", choices=("tune", "test"), default="test")
    args = parser.parse_args()
    result = evaluate(pages(args.pages, args.seed, part=args.part))
    source = f"development data, {args.part} half" if DEVDATA.exists() else "built-in articles"
    print(f"{args.pages} pages, {result.articles} articles ({source}), seed {args.seed}")
    for name, value in result.table().items():
        print(f"{name:<15}: {value:6.1%}")


if __name__ == "__main__":
    main()
