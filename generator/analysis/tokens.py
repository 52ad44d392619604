"""Segmentation, set up once and only when text is first segmented: the words of a sentence,
shared by summaries, titles, keywords and figures.

Each sentence is segmented once (``tokens`` is cached); everything else reads those tokens.
The words are jieba's, found by jieba-rs (``rjieba``), its Rust port, at about a fifteenth of
the cost of jieba's pure-Python DAG search: the sentence is cut into the runs jieba segments and the
characters it passes through, as jieba does, and a number-and-letter run that jieba-rs keeps
whole ("1.6GHz", "68-83%") is split the way jieba splits it, so the tokens are jieba's own
(a test compares them on the samples and the development data). A word's part of speech
comes from jieba's dictionary (``word_tag``), not from its HMM tagger, which cost eight times
a segmentation pass. The glossary's terms are taught to the segmenter here
(``use_glossary``), so every stage that segments text keeps them whole.
"""

from __future__ import annotations

import marshal
import os
import re
import tempfile
from collections.abc import Callable
from functools import cache, lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

from generator.glossary import Glossary

if TYPE_CHECKING:
    import rjieba

# Function words that carry no topic: they would make every sentence look alike.
STOPWORDS = frozenset(
    ["的", "了", "在", "是", "和", "与", "及", "以及", "或", "等", "也", "都", "而", "并", "将", "对", "为", "于", "从", "以", "把", "被", "让", "向", "到", "由", "中", "上", "下", "这", "那", "其", "之", "此", "该", "个", "一", "有", "我们", "他们", "它们", "我", "你", "他", "她", "它", "要", "会", "能", "可", "可以", "已", "已经", "还", "又", "就", "更", "最", "很", "不", "没有", "没", "着", "过", "说", "表示", "介绍", "认为", "指出", "记者", "本报", "今年", "目前", "其中", "同时", "此外", "另外", "通过", "进行", "相关", "一个", "一批", "一些", "方面", "情况", "工作", "问题", "今天", "日前", "近日", "据", "据悉", "同比", "环比", "数据", "显示", "增长", "下降", "提高", "记者", "发布"]
)
_CONTENT = re.compile(r"[\u4e00-\u9fffA-Za-z]")


# jieba's own patterns (``jieba.re_han_default``, ``jieba.finalseg.re_skip``): the runs it
# segments, everything else passing through a character at a time; and how it splits a run
# of letters and digits that no dictionary word covers
_SEGMENTED_RUN = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)")
_ALNUM_PIECE = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")


@lru_cache(maxsize=65536)
def tokens(sentence: str) -> tuple[str, ...]:
    """Every jieba token of a sentence, punctuation included, whitespace dropped.

    This is also how ROUGE over jieba words counts a summary's length, so the summariser's
    notion of "how long" matches the measurement in ``bench/``.
    """
    segmenter = _segmenter()
    parts = _SEGMENTED_RUN.split(sentence)  # between runs, run, between runs, run, ...
    # one call for all runs: a line break is never inside a run, and jieba-rs cuts there
    words = iter(segmenter.cut("\n".join(parts[1::2])))
    out: list[str] = []
    for i, part in enumerate(parts):
        if not i % 2:  # between runs: each character a token, as jieba yields them
            out.extend("".join(part.split()))
            continue
        for word in words:
            if word == "\n":
                break
            # a run is Han characters and ASCII: a word of two or more ASCII characters that
            # the dictionary lacks is split the way jieba splits it ("1.6GHz" → "1.6", "GHz")
            if len(word) > 1 and word.isascii() and not segmenter.has_word(word):
                out.extend(piece for piece in _ALNUM_PIECE.split(word) if piece)
            else:
                out.append(word)
    return tuple(out)


@lru_cache(maxsize=65536)
def words(sentence: str) -> tuple[str, ...]:
    """Content words of a sentence (no stop words, punctuation or bare numbers)."""
    return tuple(filter(is_content, tokens(sentence)))


@lru_cache(maxsize=262_144)
def is_content(token: str) -> bool:
    """A word that carries topic: not a stop word, punctuation or a bare number."""
    return len(token) > 1 and bool(_CONTENT.search(token)) and token not in STOPWORDS


_taught: list[tuple[str, int, str]] = []  # every glossary term learnt, in order
_glossary_tags: dict[str, str] = {}  # the same terms, for lookups
_given = 0  # how many of ``_taught`` the segmenter has been given
_segmenter_instance: rjieba.Jieba | None = None


def use_glossary(glossary: Glossary) -> None:
    """Teach the segmenter the glossary terms (idempotent, process-wide); they are added when
    it is first needed, so a build with nothing to segment never loads it. A new term empties
    the caches of segmented sentences: under ``mkdocs serve`` the glossary can change."""
    known = len(_taught)
    for word, freq, tag in glossary.jieba_words():
        if word not in _glossary_tags:
            _taught.append((word, freq, tag))
            _glossary_tags[word] = tag
    if len(_taught) != known:
        tokens.cache_clear()
        words.cache_clear()
        word_tag.cache_clear()
    if _segmenter_instance is not None:
        _segmenter()


def _segmenter() -> rjieba.Jieba:
    global _segmenter_instance, _given
    if _segmenter_instance is None:
        import rjieba

        _segmenter_instance = rjieba.Jieba()  # jieba's dictionary, built into the extension
    for word, freq, tag in _taught[_given:]:
        _segmenter_instance.add_word(word, freq, tag)
    _given = len(_taught)
    return _segmenter_instance


def warm_up() -> None:
    """Load the segmenter and jieba's tables now (before worker processes fork, so they share them)."""
    _segmenter()
    _dictionary_tags()
    idf()


def taught_words() -> list[tuple[str, int, str]]:
    """(term, frequency, tag) of every glossary term this process taught the segmenter."""
    return list(_taught)


def glossary_generation() -> int:
    """Changes whenever the glossary teaches a new term (a word's tag may change with it)."""
    return len(_taught)


@lru_cache(maxsize=262_144)
def word_tag(word: str) -> str | None:
    """The part of speech jieba's dictionary gives a word (glossary terms: ``nz``), else None."""
    return _glossary_tags.get(word) or _dictionary_tags().get(word)


@cache
def idf() -> tuple[dict[str, float], float]:
    """jieba's table of how rare each word is in general Chinese, and its median (for words
    it does not list): the IDF of TF-IDF, read without importing jieba.analyse and its tagger."""
    table = _cached_table(_JIEBA / "analyse" / "idf.txt", _parse_idf)
    values = sorted(table.values())
    return table, values[len(values) // 2]


# jieba's data files, found without importing jieba (its import loads the HMM tables)
_JIEBA = Path(find_spec("jieba").origin).parent  # type: ignore[union-attr,arg-type]


@cache
def _dictionary_tags() -> dict[str, str]:
    return _cached_table(_JIEBA / "dict.txt", _parse_tags)


def _parse_tags(path: Path) -> dict[str, str]:
    tags = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    return tags


def _parse_idf(path: Path) -> dict[str, float]:
    table = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            word, _, value = line.strip().rpartition(" ")
            if word:
                table[word] = float(value)
    return table


@cache
def _cached_table(source: Path, parse: Callable[[Path], dict]) -> dict:
    """A table parsed from one of jieba's files, kept in marshal form beside jieba's own cache
    (parsing 350,000 lines costs more than the analysis of a hundred articles)."""
    stat = source.stat()
    cached = Path(tempfile.gettempdir()) / f"briefing-{source.stem}-{stat.st_size}-{stat.st_mtime_ns}.marshal"
    try:
        return marshal.loads(cached.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    table = parse(source)
    try:
        tmp = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(table))
        os.replace(tmp, cached)
    except OSError:
        pass  # a read-only temp folder: parse again next time
    return table
