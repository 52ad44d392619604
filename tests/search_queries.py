"""Search as a reader uses it: a query set cut from the articles, and a measurement that types
each query into the built site's search box in Chromium and reads the result list.

Shared by ``bench/search_quality.py`` (the full set over the development data) and
``tests/test_search.py`` (a few dozen queries over the sample site).

The queries are real substrings of the articles as the site shows them (``inspect --json``
records), chosen without the generator's segmenter or figure parser: words are short strings
an article repeats with varying neighbours, phrases are windows of a clause, numbers are a
number with the characters written after it. A query must point at its article: it occurs in
no other article, or in at most ``MAX_SHARED`` articles of which the target holds at least
``DOMINANCE`` times as many occurrences as any other (a reader who sees a name four times in
one article and once in another wants the first).
"""

from __future__ import annotations

import random
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

# An article shares a query with at most this many others, or the query does not point at it.
MAX_SHARED = 2
# ... and then it holds at least this many times the occurrences of any other article.
DOMINANCE = 2
# A phrase typed without spaces: this many characters of one clause.
PHRASE_CHARS = (5, 10)
# A word: this many CJK characters.
WORD_CHARS = (2, 4)
# An English query: at most this many words.
ENGLISH_WORDS = 4
# How long the measurement waits for results before it counts the query as unanswered (ms).
RESULT_TIMEOUT_MS = 10_000

KINDS = (
    "word",
    "two words",
    "phrase, no spaces",
    "with a number",
    "traditional",
    "simplified, traditional page",
    "single character",
    "English",
)

_CJK = "\u3400-\u9fff"
_CJK_RUN = re.compile(f"[{_CJK}]+")
# A clause: text between punctuation or spaces (a comma or dot between digits belongs to a number).
_CLAUSE_BREAK = re.compile(r"[\s，。、；：！？“”‘’（）《》【】「」『』·—…;:!?()\"'\[\]]+|(?<!\d)[.,]|[.,](?!\d)")
_NUMBER = re.compile(rf"(?<![\d.,])\d+(?:[.,]\d+)*(?:[%％]|[{_CJK}]{{1,2}}|[A-Za-z]+)?")
# Characters that read as a unit or a magnitude after a number (the query set's own list,
# independent of the generator's figure parser): a second CJK character is kept only if it is one.
_UNIT_CHARS = set("元台辆个家人户吨股张件倍亿万千百米年月日天次岁项位名所座架套批只款亩度点层季周号期份种类条部公平美港克升秒分时小成")
# Grammatical characters: a reader's word neither starts nor ends with one (的财, 指数和).
_FUNCTION_CHARS = set("的了和与及在是为对把被将等也就都而并或之其于以从向到由着过这那个所但则又还已再很更最")


@dataclass(frozen=True)
class Target:
    """An article as its page shows it."""

    page: str  # the page's URL path below the site root, e.g. "digest/x/article-03/"
    title: str
    body: str
    english: str  # English on the page: figures, and title/summary when translated

    @property
    def traditional(self) -> bool:
        return _fold(self.body) != self.body and _share_changed(self.body) > 0.05


@dataclass(frozen=True)
class Query:
    kind: str
    text: str
    page: str


@dataclass
class Outcome:
    query: Query
    results: list[str]  # result pages, best first (URL paths below the site root)
    latency_ms: float | None  # keystroke to results in the page; None: no answer in time
    titles: list[str] = field(default_factory=list)
    snippets: list[str] = field(default_factory=list)

    @property
    def rank(self) -> int | None:
        return self.results.index(self.query.page) + 1 if self.query.page in self.results else None

    @property
    def duplicated(self) -> bool:
        """A page listed twice, or the article's text listed again under another page of its
        source (the source page, the source's list of articles)."""
        folder = self.query.page.rsplit("/", 2)[0] + "/"
        again = [r for r in self.results if r.startswith(folder) and not re.search(r"/article-\d+/$", r)]
        return len(set(self.results)) != len(self.results) or (self.query.page in self.results and bool(again))


def targets_from_records(records: Iterable[dict]) -> list[Target]:
    out = []
    for r in records:
        english = [r.get("title_en") or "", *(r.get("summary_en") or [])]
        english += [f.get("en") or "" for f in r["figures"]] + [f.get("metric_en") or "" for f in r["figures"]]
        out.append(Target(page=page_url(r["page"]), title=r["title"], body=r["body"], english="\n".join(e for e in english if e)))
    return out


def page_url(md_path: str) -> str:
    """``digest/x/article-03.md`` → ``digest/x/article-03/`` (MkDocs' directory URLs)."""
    path = md_path.removesuffix(".md")
    return "" if path == "index" else path.removesuffix("/index") + "/"


# -- the query set ------------------------------------------------------------------------


@cache
def _opencc(config: str):
    import opencc

    return opencc.OpenCC(config)


def _fold(text: str) -> str:
    """Simplified script, lower case: how a reader expects a query to compare with a page."""
    return _opencc("t2s").convert(text).lower()


def _share_changed(text: str) -> float:
    folded = _opencc("t2s").convert(text)
    cjk = [i for i, ch in enumerate(text) if _CJK_RUN.match(ch)]
    return sum(1 for i in cjk if i < len(folded) and folded[i] != text[i]) / max(len(cjk), 1)


class QuerySet:
    """Builds queries for a set of articles; each query names the article it must find."""

    def __init__(self, targets: list[Target], seed: int = 12) -> None:
        self.targets = targets
        self.seed = seed
        self._text = [_fold(t.title + "\n" + t.body) for t in targets]
        self._english = [t.english.lower() for t in targets]

    def owner(self, query: str, english: bool = False) -> int | None:
        """The one article the query points at (see the module docstring), or None."""
        terms = _fold(query).split()
        texts = self._english if english else self._text
        counts = []
        for text in texts:
            found = [text.count(term) for term in terms]
            counts.append(sum(found) if all(found) else 0)
        holders = [i for i, c in enumerate(counts) if c]
        if len(holders) == 1:
            return holders[0]
        if not holders or len(holders) > MAX_SHARED + 1:
            return None
        best = max(holders, key=lambda i: counts[i])
        others = max(counts[i] for i in holders if i != best)
        return best if counts[best] >= DOMINANCE * others else None

    def build(self) -> list[Query]:
        queries = []
        for i, target in enumerate(self.targets):
            rng = random.Random(f"{self.seed}:{target.page}")
            for kind, candidates in self._candidates(target, rng):
                owned = [c for c in candidates if self.owner(c, english=kind == "English") == i]
                if owned:
                    queries.append(Query(kind, rng.choice(owned), target.page))
        return queries

    def _candidates(self, t: Target, rng: random.Random) -> Iterable[tuple[str, list[str]]]:
        words = sorted(_words(t.title, t.body) | _dictionary_words(t.title + "\n" + t.body))
        yield "word", words
        pairs = [f"{a} {b}" for a in words for b in words if a < b and a not in b and b not in a]
        yield "two words", rng.sample(pairs, min(len(pairs), 200))
        phrases = _phrases(t.body, rng)
        yield "phrase, no spaces", phrases
        yield "with a number", sorted(_numbers(t.body))
        if t.traditional:
            yield "simplified, traditional page", [s for s in (_opencc("t2s").convert(w) for w in words + phrases) if _CJK_RUN.search(s)]
        else:
            converted = [_opencc("s2t").convert(w) for w in words + phrases]
            yield "traditional", [c for c, w in zip(converted, words + phrases, strict=True) if c != w]
        yield "single character", sorted({ch for ch in t.body if _CJK_RUN.match(ch)})
        yield "English", sorted(_english(t.english))


def _words(title: str, body: str) -> set[str]:
    """Short CJK strings the article writes at least twice (headline included) with different
    neighbours on both sides: a string always written inside the same longer one (亚迪 of
    比亚迪) is not a word of its own."""
    text = title + "\n" + body
    found = set()
    for run in _CJK_RUN.findall(text):
        for n in range(WORD_CHARS[0], WORD_CHARS[1] + 1):
            for k in range(len(run) - n + 1):
                found.add(run[k : k + n])
    words = set()
    for w in found:
        spots = [m.start() for m in re.finditer(re.escape(w), text)]
        if len(spots) < 2:
            continue
        before = {text[s - 1] if s else "" for s in spots}
        after = {text[s + len(w)] if s + len(w) < len(text) else "" for s in spots}
        if len(before) > 1 and len(after) > 1 and w[0] not in _FUNCTION_CHARS and w[-1] not in _FUNCTION_CHARS:
            words.add(w)
    return words


def _dictionary_words(text: str) -> set[str]:
    """Words of jieba's own dictionary (not the project's glossary or settings), 2–4 characters."""
    import jieba

    return {
        w for w in jieba.cut(text, HMM=False)
        if WORD_CHARS[0] <= len(w) <= WORD_CHARS[1] and _CJK_RUN.fullmatch(w)
        and w[0] not in _FUNCTION_CHARS and w[-1] not in _FUNCTION_CHARS
    }


def _phrases(body: str, rng: random.Random) -> list[str]:
    """Windows of a clause, as a reader copies or types part of a sentence."""
    out = []
    for clause in _CLAUSE_BREAK.split(body):
        if len(clause) < PHRASE_CHARS[0]:
            continue
        n = rng.randint(PHRASE_CHARS[0], min(PHRASE_CHARS[1], len(clause)))
        start = rng.randint(0, len(clause) - n)
        window = clause[start : start + n]
        if len(_CJK_RUN.findall(window)) and sum(1 for ch in window if _CJK_RUN.match(ch)) >= 3:
            out.append(window)
    return out


def _numbers(body: str) -> set[str]:
    out = set()
    for m in _NUMBER.finditer(body):
        text = m.group(0)
        cjk = re.search(f"[{_CJK}]+$", text)
        if cjk and cjk.group(0)[-1] not in _UNIT_CHARS:
            text = text[:-1]
        if cjk and cjk.group(0)[0] not in _UNIT_CHARS:
            text = text[: cjk.start()]
        if re.search(r"\D", text) or len(text) >= 3:
            out.add(text)
    return out


def _english(english: str) -> set[str]:
    """A short English figure as the page writes it (without its bracketed change), or one or
    two English words of the page."""
    out = set()
    for line in english.splitlines():
        head = re.sub(r"\s*[(\[].*?[)\]]\s*", " ", line).strip()
        if re.search(r"[A-Za-z]", head) and re.search(r"\d", head) and len(head.split()) <= ENGLISH_WORDS:
            out.add(head)
        words = re.findall(r"[A-Za-z][A-Za-z-]{3,}", line)
        out.update(words)
        out.update(f"{a} {b}" for a, b in pairwise(words))
    return out


def spread(queries: list[Query], count: int) -> list[Query]:
    """``count`` queries taking each kind in turn (for a quick test)."""
    by_kind = {k: [q for q in queries if q.kind == k] for k in KINDS}
    out: list[Query] = []
    while len(out) < count and any(by_kind.values()):
        for kind in KINDS:
            if by_kind[kind] and len(out) < count:
                out.append(by_kind[kind].pop(0))
    return out


# -- the reader's measurement ------------------------------------------------------------

_ARM = """([query, timeout]) => {
  const input = document.querySelector('.md-search__input');
  const meta = document.querySelector('.md-search-result__meta');
  const list = document.querySelector('.md-search-result__list');
  window.__searchDone = new Promise(resolve => {
    let t0 = null;
    const keyup = () => { if (t0 === null && input.value === query) t0 = performance.now(); };
    document.addEventListener('keyup', keyup, true);
    const finish = value => { observer.disconnect(); document.removeEventListener('keyup', keyup, true); resolve(value); };
    const observer = new MutationObserver(() => { if (t0 !== null) finish(performance.now() - t0); });
    observer.observe(list, {childList: true});
    observer.observe(meta, {childList: true, characterData: true, subtree: true});
    setTimeout(() => finish(null), timeout);
  });
}"""

_READ = """() => [...document.querySelectorAll('.md-search-result__item')].map(li => {
  const link = li.querySelector('a');
  const title = li.querySelector('h1, h2');
  const body = li.querySelector('article');
  return [link ? link.href : '', title ? title.innerText : '', body ? body.innerText : ''];
})"""


def open_search(page, base_url: str) -> None:
    """The site's home page with the search box open and its index loaded."""
    page.goto(base_url + "/")
    page.wait_for_load_state("networkidle")
    page.keyboard.press("s")  # the site's search shortcut, at any width
    page.wait_for_selector(".md-search__input:focus")
    page.wait_for_function(
        "() => !/Initializ/i.test(document.querySelector('.md-search-result__meta').textContent)", timeout=30_000
    )


def run_query(page, base_url: str, query: Query) -> Outcome:
    """Type the query as a reader does (an input method commits the text, then a key comes
    up) and read the result list when it appears; latency is measured inside the page."""
    box = page.locator(".md-search__input")
    box.fill("")
    page.keyboard.press("End")  # an empty query first: the next one is always a change
    page.wait_for_function(
        "() => document.querySelectorAll('.md-search-result__item').length === 0"
        " && /Type to start/.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    page.evaluate(_ARM, [query.text, RESULT_TIMEOUT_MS])
    page.keyboard.insert_text(query.text)
    page.keyboard.press("End")
    latency = page.evaluate("window.__searchDone")
    rows = page.evaluate(_READ)
    results = [_path(href, base_url) for href, _, _ in rows]
    return Outcome(query, results, latency, [t for _, t, _ in rows], [s for _, _, s in rows])


def _path(href: str, base_url: str) -> str:
    from urllib.parse import unquote, urlsplit

    path = unquote(urlsplit(href).path)
    return path.removeprefix(urlsplit(base_url).path.rstrip("/") + "/").lstrip("/")


def measure(page, base_url: str, queries: list[Query], progress: Callable[[int], None] | None = None) -> list[Outcome]:
    open_search(page, base_url)
    out = []
    for n, q in enumerate(queries):
        out.append(run_query(page, base_url, q))
        if progress:
            progress(n + 1)
    return out


# -- the table ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    kind: str
    queries: int
    top1: float
    top5: float
    none: int


def rows(outcomes: list[Outcome]) -> list[Row]:
    out = []
    for kind in [*KINDS, "all"]:
        these = [o for o in outcomes if kind in (o.query.kind, "all")]
        if not these:
            continue
        n = len(these)
        out.append(Row(kind, n, sum(o.rank == 1 for o in these) / n, sum(bool(o.rank and o.rank <= 5) for o in these) / n,
                       sum(not o.results for o in these)))
    return out


def table(outcomes: list[Outcome]) -> str:
    lines = ["| kind | queries | top-1 | top-5 | no result |", "|---|---|---|---|---|"]
    for r in rows(outcomes):
        lines.append(f"| {r.kind} | {r.queries} | {r.top1:.0%} | {r.top5:.0%} | {r.none} |")
    return "\n".join(lines)


def latency_summary(outcomes: list[Outcome]) -> tuple[float, float, int]:
    """Median and 90th percentile (ms) of the answered queries, and how many got no answer."""
    times = sorted(o.latency_ms for o in outcomes if o.latency_ms is not None)
    if not times:
        return float("nan"), float("nan"), len(outcomes)
    return statistics.median(times), times[min(len(times) - 1, int(0.9 * len(times)))], len(outcomes) - len(times)


def kind_counts(queries: list[Query]) -> Counter:
    return Counter(q.kind for q in queries)
