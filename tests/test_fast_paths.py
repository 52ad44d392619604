"""The analysis's fast paths give what the plain definitions give (issue 16).

Each speed-up is checked against an oracle that does not share its shortcut: jieba itself
for the segmentation done by jieba-rs, a per-token loop for the vectorised word-model
features, a translation of every character for the folding guards, a character-by-character
reading for the splitter's jumps, a fresh objective for the summariser's reuse of a base,
jieba's own files for the sorted word list that gives tags and IDF, a walk over every open
element for the search extractor, four substitutions one after another for the one that
drops extraction's spaces.
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections import Counter
from collections.abc import Sequence
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import jieba
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.analysis.figures import extract_figures
from generator.analysis.salience import centrality, token_features
from generator.analysis.sentences import split_sentences
from generator.analysis.summarise import Objective
from generator.analysis.tokens import STOPWORDS, is_content, rarity, taught_words, tokens, use_glossary, word_tag
from generator.glossary import Glossary
from generator.ingest.paragraphs import tidy
from generator.site.search import _BLOCKS, _Extractor
from generator.text import CJK_OR_FULL, to_half_width, to_simplified, to_simplified_half_width
from tests.synthetic_pages import DEVDATA

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# What PDF text layers and wire copy really hold: full-width digits and signs, letters and
# digits glued to Chinese, hyphenated English, abbreviations with dots, ranges, tabs and
# ideographic spaces, CJK extension-A characters (which jieba passes through one by one and
# jieba-rs would segment), a traditional phrase.
AWKWARD = [
    "是搭载1.6GHz处理器、2.3GHz 64bit的手机，售价７９９９元，同比增长１９．２％。",
    "意法半导体（STMicroelectronics N.V.）的测距(Time-of-Flight)芯片将季增68-83%至4.4-4.8亿欧元。",
    "南韩媒体media.daum 8日报导，barron`s.com称Q3(7-9月)营收可能接近19-20亿元。",
    "㐀㐁中文鿖字，\u3000１２３４５ＡＢＣ１.５％\t和\r\n第二段。",
    "沙国石油部长Ali-al-Naimi当天在维也纳说，油价“不会”跌破每桶$40；C++和C#、AT&T、Wi-Fi 6E。",
    "2025年全省規模以上工業增加值增長6.5%，高於全國1.2個百分點。",
    # and text that jieba-rs cuts whole, in one pass (no ASCII run that jieba splits)
    "中文\u3000全角空格和\t制表符，２０２５年ＡＩ芯片出货量增长１２％，iPhone15售价799美元。",
    "トヨタ自动车和삼성전자的销量增长19.2%，《经济日报》报道：“新质生产力”——AI。",
    "   ",
    "",
]
GLOSSARY = Glossary(terms=(("新质生产力", "new quality productive forces"), ("AI大模型", "AI large models"),
                           ("算力券", "computing-power vouchers"), ("中国人民银行副行长", "deputy governor")))


def _sample_sentences() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.iterdir()) if p.suffix in (".txt", ".md")]
    return [s.text for t in texts for s in split_sentences(t)]


@pytest.fixture(scope="module")
def reference() -> jieba.Tokenizer:
    """jieba's own tokenizer (a fresh one: the process-wide ``jieba.dt`` stays untouched),
    taught every term the product's segmenter was taught in this process (other tests teach
    theirs too)."""
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    use_glossary(GLOSSARY)
    for word, freq, tag in taught_words():
        tokenizer.add_word(word, freq=freq, tag=tag)
    return tokenizer


def _jieba_tokens(tokenizer: jieba.Tokenizer, text: str) -> tuple[str, ...]:
    return tuple(" ".join(tokenizer.lcut(text)).split())


def test_segmentation_is_jiebas_on_the_samples_awkward_text_and_glossary_terms(reference):
    glossary_text = ["坚持发展新质生产力，发放算力券，AI大模型和中国人民银行副行长。"]
    sentences = _sample_sentences() + AWKWARD + glossary_text
    assert len(sentences) > 100
    differ = [s for s in sentences if tokens(s) != _jieba_tokens(reference, s)]
    assert differ == []
    assert {"新质生产力", "算力券", "AI大模型"} <= set(tokens(glossary_text[0]))
    assert tokens(AWKWARD[0])[2:4] == ("1.6", "GHz")  # jieba's split of a letters-and-digits run


@pytest.mark.skipif(not DEVDATA.exists(), reason="the development data lives outside the repository (../shared/devdata)")
def test_segmentation_is_jiebas_on_the_development_data(reference):
    rows = [json.loads(line) for line in DEVDATA.read_text(encoding="utf-8").splitlines()]
    texts = [r["article"] for r in rows[:400]]
    assert sum(tokens(t) != _jieba_tokens(reference, t) for t in texts) == 0


def _loop_features(sentence_tokens: Sequence[Sequence[str]]) -> tuple[list[str], list[list[float]]]:
    """The word-model features as first written: one Python pass per sentence and per token."""
    import re

    n = len(sentence_tokens)
    count: Counter[str] = Counter()
    sentences_with: Counter[str] = Counter()
    opening: Counter[str] = Counter()
    opens: Counter[str] = Counter()
    pairs = Counter(pair for toks in sentence_tokens for pair in pairwise(toks))
    first: dict[str, int] = {}
    bracketed, near_figure, first_clause, repeated_pair = set(), set(), set(), set()
    central = centrality(sentence_tokens)
    best: dict[str, float] = {}
    share: dict[str, float] = {}
    for i, toks in enumerate(sentence_tokens):
        count.update(toks)
        sentences_with.update(set(toks))
        if i < 2:
            opening.update(toks)
        if toks:
            opens[toks[0]] += 1
        for t in toks:
            first.setdefault(t, i)
        for t in set(toks):
            best[t] = max(best.get(t, 0.0), central[i])
            share[t] = share.get(t, 0.0) + central[i]
        depth = 0
        for t in toks:
            if t in "(（[【":
                depth += 1
            elif t in ")）]】":
                depth = max(0, depth - 1)
            elif depth:
                bracketed.add(t)
        cut = next((j for j, t in enumerate(toks) if t in "，,；;：:"), len(toks))
        first_clause.update(toks[:cut])
        digit = [re.search(r"\d", t) is not None for t in toks]
        near_figure.update(t for j, t in enumerate(toks) if any(digit[j + 1 : j + 3]))
        for a, b in pairwise(toks):
            if len(a) > 1 and len(b) > 1 and pairs[(a, b)] > 1:
                repeated_pair.update((a, b))
    total = math.fsum(central) or 1.0
    rows = []
    for t, i in first.items():
        early, rare = 1 / (1 + i), rarity(t) / 10
        rows.append([
            1.0, math.log(count[t]), sentences_with[t] / n, early, i / max(1, n - 1), math.log1p(opening[t]),
            rare, early * rare, float(bool(re.match(r"^[\W_]+$", t))), float(t in STOPWORDS),
            float(bool(re.search(r"\d", t))), float(bool(re.match(r"^[A-Za-z]", t))), min(len(t), 6) / 6,
            float(t in bracketed), math.log1p(opens[t]), float(t in near_figure), float(t in first_clause),
            float(t in repeated_pair), best[t], share[t] / total,
            math.log(max(1, n)), math.log1p(sum(count.values()) / max(1, n)),
        ])
    return list(first), rows


def _central_loop(sentence_tokens: Sequence[Sequence[str]]) -> list[float]:
    """TextRank as first written: a similarity per pair of sentences, then the walk."""
    import numpy as np

    bags = [{t for t in toks if is_content(t)} for toks in sentence_tokens]
    n = len(bags)
    weight = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            if len(bags[i]) > 1 and len(bags[j]) > 1 and (shared := len(bags[i] & bags[j])):
                weight[i, j] = weight[j, i] = shared / (math.log(len(bags[i])) + math.log(len(bags[j])))
    out = weight.sum(axis=1)
    walk = np.divide(weight, out[:, None], out=np.zeros_like(weight), where=out[:, None] > 0)
    rank = np.ones(n)
    for _ in range(50):
        rank = (1 - 0.85) + 0.85 * (walk.T @ rank)
    return (rank / rank.max()).tolist() if n else []


def _articles() -> list[list[tuple[str, ...]]]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.iterdir()) if p.suffix in (".txt", ".md")]
    articles = [[tokens(s.text) for s in split_sentences(t)] for t in texts + AWKWARD]
    # brackets opened and never closed, nested, a sentence of one mark, an empty sentence
    articles.append([("（", "a", "（", "b", "）", "c", "）", "d"), ("1",), ("x", "y", "1"), (), ("【", "营收")])
    return articles


def test_vectorised_word_model_features_equal_the_per_token_loop_bit_for_bit():
    for article in _articles():
        assert centrality(article) == _central_loop(article)
        found, rows = token_features(article)
        expected_found, expected_rows = _loop_features(article) if article else ([], [])
        assert found == expected_found
        assert rows.tolist() == expected_rows  # exact: the summaries must not move


def test_folding_guards_change_nothing_on_any_character():
    every = "".join(chr(c) for c in range(0x20, 0x10000) if not 0xD800 <= c < 0xE000)
    from generator.text import _simplified_table

    table = _simplified_table()
    assert to_simplified(every) == every.translate(table)
    assert to_simplified_half_width(every) == to_half_width(every.translate(table))
    assert to_simplified("中國") == "中国" and to_simplified("简体") == "简体"


def _split_by_character(text: str) -> list[str]:
    """Sentences by reading every character (the splitter's old loop, via its own helpers)."""
    from generator.analysis import sentences as module

    class Everything:
        @staticmethod
        def search(string: str, pos: int, endpos: int):
            class Here:
                @staticmethod
                def start() -> int:
                    return pos

            return Here if pos < endpos else None

    saved = module._MARK
    module._MARK = Everything  # type: ignore[assignment]
    try:
        return [s.text for s in module.split_sentences(text)]
    finally:
        module._MARK = saved


def test_the_splitter_jumping_between_marks_splits_as_reading_every_character():
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.iterdir()) if p.suffix in (".txt", ".md")]
    texts += [*AWKWARD, "他说：“今天……明天。”张三说。Mr. Smith went. No. 5 is 3.5. 好……", "“" + "很长的引文。" * 40]
    for text in texts:
        assert [s.text for s in split_sentences(text)] == _split_by_character(text)


def _tidy_one_substitution_at_a_time(text: str) -> str:
    text = re.sub(r"[ \t\u3000]+", " ", text.strip())
    text = re.sub(rf"(?<=[{CJK_OR_FULL}]) (?=[0-9A-Za-z%.])", "", text)
    text = re.sub(rf"(?<=[0-9A-Za-z%.]) (?=[{CJK_OR_FULL}])", "", text)
    return re.sub(r"(?<=\d) (?=\d*-\d)|(?<=\d-) (?=\d)|(?<=\d) (?=-\d)", "", text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=" \t\u3000-—%.5０A增长。，2x", max_size=40))
def test_dropping_extractions_spaces_in_two_passes_equals_four_passes(text):
    assert tidy(text) == _tidy_one_substitution_at_a_time(text)
    for awkward in (*AWKWARD, "2 2 ０-2"):  # a range that closes up only once a script's space is gone
        assert tidy(awkward) == _tidy_one_substitution_at_a_time(awkward)


def test_a_change_is_read_at_the_end_of_a_long_head_and_not_from_far_before_it():
    filler = "在全省各地各部门的共同努力和社会各界的大力支持下，经过一年多的持续建设和不断完善，"
    figures = extract_figures(split_sentences(filler * 3 + "全省规模以上工业增加值同比增长6.5%。"))
    assert [(f.change.direction, f.change.basis) for f in figures if f.change] == [(1, "y/y")]
    # a direction word far before the number is no change of it
    far = extract_figures(split_sentences("同比增长" + "，" + filler * 2 + "产值达到3.2亿元。"))
    assert [f.change for f in far] == [None]


def test_the_summary_objective_gives_the_same_value_whatever_was_asked_before():
    sentences = split_sentences(
        "湖南省绿色智能计算产业规模达到8520亿元。全省建成智算中心12个，算力规模居全国前列。"
        "长沙市发放算力券1亿元，支持中小企业用算力。株洲市的轨道交通装备产值同比增长19.2%。"
    )
    asked = [[0], [0, 1], [0, 2], [1, 0], [2], [0, 1, 3], [3, 1, 0], []]
    warm = Objective(sentences)
    values = [warm.value(c) for c in asked]
    assert values == [Objective(sentences).value(c) for c in asked]
    assert values[1] == values[3]  # a summary's worth does not depend on the order it was built in


def test_a_term_the_glossary_learns_later_recuts_sentences_already_segmented():
    """Under ``mkdocs serve`` the glossary can change while segmented sentences sit in the cache."""
    sentence = "湘江新区推出星链算盘计划，首批企业入驻。"
    assert "星链算盘" not in tokens(sentence)
    use_glossary(Glossary(terms=(("星链算盘", "Starlink Abacus"),)))
    assert "星链算盘" in tokens(sentence)


def test_the_sorted_word_list_gives_jiebas_tags_and_idf_for_every_word(tmp_path, monkeypatch):
    """The lexicon replaced two dicts read from jieba's files; every entry must read the same,
    also when its cache file is damaged and has to be rebuilt."""
    from importlib.util import find_spec

    from generator.analysis import tokens as module

    folder = Path(find_spec("jieba").origin).parent  # type: ignore[arg-type]
    tags = {}
    for line in (folder / "dict.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3:
            tags[parts[0]] = parts[2]
    idf = {}
    for line in (folder / "analyse" / "idf.txt").read_text(encoding="utf-8").splitlines():
        word, _, value = line.strip().rpartition(" ")
        if word:
            idf[word] = float(value)
    median = sorted(idf.values())[len(idf) // 2]

    fresh = module._lexicon()  # as this process loaded it
    monkeypatch.setattr(module.tempfile, "gettempdir", lambda: str(tmp_path))
    written = module._lexicon_cache()
    assert written.parent == tmp_path
    written.write_bytes(b"\x00damaged")
    rebuilt = module._lexicon.__wrapped__()  # parsed from jieba's files again, the cache rewritten
    assert written.read_bytes() != b"\x00damaged"
    cached = module._lexicon.__wrapped__()  # read back from the rewritten file

    absent = ["星链算盘", "ZZZ", "", "的的的的", "\U00020000"]
    assert fresh.median_idf == median
    assert all(fresh.tag(w) == t for w, t in list(tags.items())[::5])
    assert all(fresh.rarity(w) == idf.get(w, median) for w in sorted(tags.keys() | idf.keys())[::5])
    assert all(fresh.tag(w) is None and fresh.rarity(w) == median for w in absent)
    for lexicon in (rebuilt, cached):
        assert (lexicon.words, lexicon.tags, lexicon.tag_names, lexicon.idf.tobytes(), lexicon.median_idf) == (
            fresh.words, fresh.tags, fresh.tag_names, fresh.idf.tobytes(), fresh.median_idf)
    taught = {w for w, _, _ in taught_words()}
    assert all(word_tag(w) == t for w, t in list(tags.items())[::50] if w not in taught)
    assert all(rarity(w) == v for w, v in list(idf.items())[::50])


def test_a_fresh_install_of_jieba_reuses_the_lexicon_cache(tmp_path, monkeypatch):
    """A new virtual environment installs jieba's tables with new file times: the cache file
    is the same one, not another 7 MB left in the temp folder per install."""
    import os
    import shutil

    from generator.analysis import tokens as module

    copies = []
    for source in module._SOURCES:
        copy = tmp_path / source.parent.name / source.name
        copy.parent.mkdir(exist_ok=True)
        copies.append(Path(shutil.copy2(source, copy)))
    monkeypatch.setattr(module, "_SOURCES", tuple(copies))
    before = module._lexicon_cache()
    for copy in copies:
        os.utime(copy, ns=(10**18, 10**18))
    assert module._lexicon_cache() == before
    with copies[0].open("a", encoding="utf-8") as f:
        f.write("星链算盘 3 n\n")  # a table edited in place is read again
    assert module._lexicon_cache() != before


class _WalkingExtractor(HTMLParser):
    """The search extractor as first written: every piece of text walks the open elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.seen_h2 = False
        self.body: list[str] = []
        self.english: list[str] = []
        self.alt: list[str] = []
        self.meta: list[str] = []
        self.cells: list[str] = []

    def _inside(self, test) -> bool:
        return any(test(tag, attrs) for tag, attrs in self.stack)

    def handle_starttag(self, tag, attrs_list):
        attrs = dict(attrs_list)
        if tag in {"br", "hr", "img", "input", "meta", "link"}:
            self._break()
            return
        if tag == "h2" and not self._inside(lambda t, a: "briefing-fulltext" in (a.get("class") or "")):
            self.seen_h2 = True
        self.stack.append((tag, attrs))
        if tag in _BLOCKS:
            self._break()

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break
        if tag in _BLOCKS:
            self._break()

    def _break(self):
        for part in (self.body, self.english, self.alt, self.meta, self.cells):
            if part and part[-1] != "\n":
                part.append("\n")

    def handle_data(self, data):
        if self._inside(lambda t, a: "headerlink" in (a.get("class") or "")):
            return
        if self._inside(lambda t, a: "briefing-fulltext" in (a.get("class") or "")):
            if not self._inside(lambda t, a: t == "h2"):
                self.body.append(data)
            return
        if self._inside(lambda t, a: t in {"h1", "h2", "th", "summary", "nav", "script", "style", "code"}):
            return
        if self._inside(lambda t, a: a.get("lang") == "en"):
            self.english.append(data)
        elif self._inside(lambda t, a: t == "td"):
            self.cells.append(data)
        elif not self.seen_h2:
            zh = self._inside(lambda t, a: a.get("lang") == "zh")
            (self.alt if zh else self.meta).append(data)


_OPEN_TAGS = [
    '<div class="briefing-fulltext">', "<h2>", "<h1>", "<td>", "<th>", '<p lang="en">', '<span lang="zh">',
    '<a class="headerlink" href="#x">', "<p>", "<code>", "<summary>", "<nav>", "<br>", '<div lang="en" lang="zh">',
    '<span class="md-typeset briefing-fulltext-x">', "<table>", "<tr>",
]
_CLOSE_TAGS = ["</div>", "</h2>", "</h1>", "</td>", "</th>", "</p>", "</span>", "</a>", "</code>", "</summary>", "</nav>", "</tr>"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_OPEN_TAGS), st.sampled_from(_CLOSE_TAGS),
                          st.sampled_from(["长沙", "GDP 5%", " ", "\n", "&amp;", "增长3.2%"])), min_size=8, max_size=60))
def test_the_search_extractor_reading_the_innermost_element_collects_what_walking_the_stack_did(pieces):
    """The extractor keeps, per open element, what it is inside; misnested and unclosed
    tags included, it must collect exactly what walking every open element collected."""
    html = "".join(pieces)
    walking, fast = _WalkingExtractor(), _Extractor()
    for parser in (walking, fast):
        parser.feed(html)
        parser.close()
    for part in ("body", "english", "alt", "meta", "cells"):
        assert getattr(fast, part) == getattr(walking, part), part
    assert fast.seen_h2 == walking.seen_h2
