"""jieba, set up once: the words of a sentence, shared by summaries, titles and keywords.

The glossary's terms are taught to jieba here (``use_glossary``), so every stage that
segments text keeps them whole.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

import jieba

from generator.glossary import Glossary

jieba.setLogLevel(logging.WARNING)

# Function words that carry no topic: they would make every sentence look alike.
STOPWORDS = frozenset(
    ["的", "了", "在", "是", "和", "与", "及", "以及", "或", "等", "也", "都", "而", "并", "将", "对", "为", "于", "从", "以", "把", "被", "让", "向", "到", "由", "中", "上", "下", "这", "那", "其", "之", "此", "该", "个", "一", "有", "我们", "他们", "它们", "我", "你", "他", "她", "它", "要", "会", "能", "可", "可以", "已", "已经", "还", "又", "就", "更", "最", "很", "不", "没有", "没", "着", "过", "说", "表示", "介绍", "认为", "指出", "记者", "本报", "今年", "目前", "其中", "同时", "此外", "另外", "通过", "进行", "相关", "一个", "一批", "一些", "方面", "情况", "工作", "问题", "今天", "日前", "近日", "据", "据悉", "同比", "环比", "数据", "显示", "增长", "下降", "提高", "记者", "发布"]
)
_CONTENT = re.compile(r"[\u4e00-\u9fffA-Za-z]")


@lru_cache(maxsize=65536)
def tokens(sentence: str) -> tuple[str, ...]:
    """Every jieba token of a sentence, punctuation included, whitespace dropped.

    This is also how ROUGE over jieba words counts a summary's length, so the summariser's
    notion of "how long" matches the measurement in ``bench/``.
    """
    return tuple(" ".join(jieba.lcut(sentence)).split())


@lru_cache(maxsize=65536)
def words(sentence: str) -> tuple[str, ...]:
    """Content words of a sentence (no stop words, punctuation or bare numbers)."""
    return tuple(w for w in tokens(sentence) if len(w) > 1 and _CONTENT.search(w) and w not in STOPWORDS)


_registered: set[str] = set()


def use_glossary(glossary: Glossary) -> None:
    """Teach jieba the glossary terms (idempotent, process-wide like jieba itself)."""
    for word, freq, tag in glossary.jieba_words():
        if word not in _registered:
            jieba.add_word(word, freq=freq, tag=tag)
            _registered.add(word)
