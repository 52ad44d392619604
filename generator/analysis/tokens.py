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
import math
import os
import re
import tempfile
from array import array
from bisect import bisect_left
from dataclasses import dataclass, field
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
# Where jieba-rs, cutting a whole sentence, would differ from jieba: ASCII runs that jieba
# splits into pieces ("68-83%", "1.6GHz", "N.V."), and the Han characters its runs take in
# and jieba's do not (CJK extension A, compatibility ideographs, beyond U+9FD5, astral)
_CUT_APART = re.compile(r"[+#&_\-]|\.(?!\d)|\.\d+[A-Za-z.]|%[A-Za-z0-9.%]|[^\x00-\u33ff\u4e00-\u9fd5\ua000-\uf8ff\ufb00-\uffff]")


@lru_cache(maxsize=65536)
def tokens(sentence: str) -> tuple[str, ...]:
    """Every jieba token of a sentence, punctuation included, whitespace dropped.

    This is also how ROUGE over jieba words counts a summary's length, so the summariser's
    notion of "how long" matches the measurement in ``bench/``.
    """
    segmenter = _segmenter_instance if _given == len(_taught) and _segmenter_instance else _segmenter()
    if not _CUT_APART.search(sentence):
        # nothing jieba-rs cuts otherwise than jieba: its own pass over the whole sentence
        return tuple(word for word in segmenter.cut(sentence) if not word.isspace())
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


def token_spans(text: str) -> list[tuple[str, int, int]]:
    """The tokens of ``text`` with where each stands in it (``tokens`` drops whitespace)."""
    spans, at = [], 0
    for word in tokens(text):
        at = text.find(word, at)
        spans.append((word, at, at + len(word)))
        at += len(word)
    return spans


@lru_cache(maxsize=65536)
def words(sentence: str) -> frozenset[str]:
    """The content words of a sentence, each once (no stop words, punctuation or bare numbers)."""
    return frozenset(filter(is_content, set(tokens(sentence))))


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

        # the module's own segmenter (the one behind ``rjieba.cut``), with jieba's dictionary
        # built into the extension: the import builds it, and a second ``Jieba()`` costs as much again
        _segmenter_instance = rjieba._DEFAULT_JIEBA
    for word, freq, tag in _taught[_given:]:
        _segmenter_instance.add_word(word, freq, tag)
    _given = len(_taught)
    return _segmenter_instance


def warm_up() -> None:
    """Load the segmenter and jieba's word list now (before worker processes fork, so they share them)."""
    _segmenter()
    _lexicon()


def taught_words() -> list[tuple[str, int, str]]:
    """(term, frequency, tag) of every glossary term this process taught the segmenter."""
    return list(_taught)


def glossary_generation() -> int:
    """Changes whenever the glossary teaches a new term (a word's tag may change with it)."""
    return len(_taught)


@lru_cache(maxsize=262_144)
def word_tag(word: str) -> str | None:
    """The part of speech jieba's dictionary gives a word (glossary terms: ``nz``), else None."""
    if word in _glossary_tags:
        return _glossary_tags[word]
    return _lexicon().tag(word)


@lru_cache(maxsize=262_144)
def rarity(word: str) -> float:
    """How rare a word is in general Chinese: the IDF of TF-IDF from jieba's table, its median
    for a word the table does not list."""
    return _lexicon().rarity(word)


# jieba's data files, found without importing jieba (its import loads the HMM tables)
_JIEBA = Path(find_spec("jieba").origin).parent  # type: ignore[union-attr,arg-type]
_NO_TAG = 255
_FOUND_LIMIT = 262_144


@dataclass(frozen=True)
class _Lexicon:
    """jieba's dictionary (word → part of speech) and IDF table as one sorted word list with
    the two values beside it. Looking a word up is a bisection; loading it is one split of a
    string, where two 300,000-entry dicts cost a third of a second of every command."""

    words: list[str]
    tags: bytes  # index into tag_names, or _NO_TAG
    tag_names: tuple[str, ...]
    idf: array  # NaN where the IDF table lacks the word
    median_idf: float
    # words already looked up (a word's tag and its rarity are asked for apart)
    found: dict[str, int | None] = field(default_factory=dict, repr=False, compare=False)

    def find(self, word: str) -> int | None:
        if word in self.found:
            return self.found[word]
        if len(self.found) >= _FOUND_LIMIT:
            self.found.clear()
        i = bisect_left(self.words, word)
        self.found[word] = at = i if i < len(self.words) and self.words[i] == word else None
        return at

    def tag(self, word: str) -> str | None:
        i = self.find(word)
        return None if i is None or self.tags[i] == _NO_TAG else self.tag_names[self.tags[i]]

    def rarity(self, word: str) -> float:
        i = self.find(word)
        value = self.idf[i] if i is not None else math.nan
        return self.median_idf if math.isnan(value) else value


_SOURCES = (_JIEBA / "dict.txt", _JIEBA / "analyse" / "idf.txt")


@cache
def _lexicon() -> _Lexicon:
    cached = _lexicon_cache()
    try:
        blob, tags, tag_names, idf, median = marshal.loads(cached.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        blob, tags, tag_names, idf, median = packed = _pack(*_SOURCES)
        try:  # kept beside jieba's own cache: parsing 620,000 lines costs more than loading
            tmp = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
            tmp.write_bytes(marshal.dumps(packed))
            os.replace(tmp, cached)
        except OSError:
            pass  # a read-only temp folder: parse again next time
    values = array("d")
    values.frombytes(idf)
    return _Lexicon(blob.split("\n"), tags, tuple(tag_names), values, median)


_LEXICON_FORMAT = 1  # bump when _pack's output changes


def _lexicon_cache() -> Path:
    """Named by the sizes of jieba's tables, not their file times: every fresh virtual
    environment installs them anew, and would leave another 7 MB file in the temp folder."""
    stamp = "-".join(str(s.stat().st_size) for s in _SOURCES)
    return Path(tempfile.gettempdir()) / f"briefing-lexicon-{_LEXICON_FORMAT}-{stamp}.marshal"


def _pack(dictionary: Path, idf_file: Path) -> tuple[str, bytes, list[str], bytes, float]:
    tags: dict[str, str] = {}
    with dictionary.open(encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    idf: dict[str, float] = {}
    with idf_file.open(encoding="utf-8") as f:
        for line in f:
            word, _, value = line.strip().rpartition(" ")
            if word:
                idf[word] = float(value)
    words = sorted(tags.keys() | idf.keys())
    tag_names = sorted(set(tags.values()))
    number = {name: i for i, name in enumerate(tag_names)}
    values = sorted(idf.values())
    return (
        "\n".join(words),
        bytes(number[tags[w]] if w in tags else _NO_TAG for w in words),
        tag_names,
        array("d", (idf.get(w, math.nan) for w in words)).tobytes(),
        values[len(values) // 2],
    )
