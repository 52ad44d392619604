"""The sentence splitter, extractive summaries, keywords and proposed titles (real jieba)."""

from __future__ import annotations

import pytest

from generator.config import SummaryConfig
from generator.keywords import extract_keywords
from generator.sentences import sentence_texts, split_sentences
from generator.summarise import sentence_count, summarise
from generator.titles import propose_title


@pytest.mark.parametrize(
    "text, expected",
    [
        ("同比增长19.2%。营业收入3.26万亿元。", ["同比增长19.2%。", "营业收入3.26万亿元。"]),
        ("零售额1.2955万亿元，增长14.4%。", ["零售额1.2955万亿元，增长14.4%。"]),
        ("2018-2020年持续增长。产值3.5亿元！", ["2018-2020年持续增长。", "产值3.5亿元！"]),
        ("“这对企业是一场及时雨。”王艳说。随后签约。", ["“这对企业是一场及时雨。”王艳说。", "随后签约。"]),
        ("他说：“第一句。第二句。”然后离开了会场。", ["他说：“第一句。第二句。”", "然后离开了会场。"]),
        ("真的吗？是的！", ["真的吗？", "是的！"]),
        ("依赖算力……当前发展很快。", ["依赖算力……", "当前发展很快。"]),
        ("It rose 3.5 percent. Mr. Li agreed.", ["It rose 3.5 percent.", "Mr. Li agreed."]),
        ("第一段。\n\n第二段没有句号", ["第一段。", "第二段没有句号"]),
    ],
)
def test_splitter(text, expected):
    assert sentence_texts(text) == expected


def test_offsets_point_into_the_text():
    text = "第一句。\n\n  第二句，有数字1.5%。"
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text
    assert [s.paragraph for s in split_sentences(text)] == [0, 1]


BODY = (
    "2024年，全省绿色智能计算产业规模达8520亿元，同比增长19.2%。"
    "智能算力逐级启新，是否将引领算力发展下一程？\n\n"
    "此外，政企学研各界人士齐聚绿色智能计算产业专场对接活动，为绿色智能计算产业研析趋势。"
    "这一过程中，充满挑战。\n\n"
    "专家认为，让网络与算力深度融合，有助于绿色智能计算产业解决跨域、跨网和跨算三方面的挑战。"
    "专家认为，让网络与算力深度融合，有助于绿色智能计算产业解决跨域、跨网和跨算三方面的难题。\n\n"
    "根据规划，湖南将利用5年时间，建设成绿色智能计算产业先导区，2030年绿色智能计算产业规模达到2万亿元左右。"
)


def _summary(body: str, **kw):
    sentences = split_sentences(body)
    return body, summarise(
        sentences,
        title=kw.get("title", "绿色智能计算产业规模达8520亿元"),
        keywords=extract_keywords(body, limit=8),
        figure_sentences=kw.get("figures", set()),
        config=kw.get("config", SummaryConfig()),
    )


def test_summary_sentences_are_verbatim_in_order_and_within_budget():
    body, summary = _summary(BODY)
    assert 1 <= len(summary) <= 4
    for s in summary:
        assert body[s.start : s.end] == s.text
    assert [s.start for s in summary] == sorted(s.start for s in summary)
    assert sum(len(s.text) for s in summary) <= SummaryConfig().char_budget
    assert summary[0].text.startswith("2024年")


def test_near_duplicates_are_dropped():
    _, summary = _summary(BODY, config=SummaryConfig(max_sentences=4, char_budget=1000))
    texts = [s.text for s in summary]
    assert not (any("三方面的挑战" in t for t in texts) and any("三方面的难题" in t for t in texts))


def test_loose_connective_is_trimmed():
    body = "此外，政企学研各界人士齐聚绿色智能计算产业专场对接活动，为产业研析趋势。"
    _, summary = _summary(body, title="政企学研各界人士齐聚对接活动")
    assert summary[0].text.startswith("政企学研")
    assert body[summary[0].start : summary[0].end] == summary[0].text


def test_length_follows_the_article():
    config = SummaryConfig()
    assert sentence_count(150, config) == 1
    assert sentence_count(3000, config) == 4
    _, brief = _summary("全省绿色智能计算产业规模达8520亿元，同比增长19.2%。专家认为前景广阔。")
    assert len(brief) == 1


def test_figure_sentence_is_preferred_when_otherwise_equal():
    from generator.summarise import rank_sentences

    sentences = split_sentences("各方代表参加了会议，会议在长沙举行。各方代表参加了会议，总投资达74亿元。")
    plain = rank_sentences(sentences)
    with_figure = rank_sentences(sentences, figure_sentences={1})
    assert with_figure[1] > plain[1] and with_figure[0] == plain[0]


def test_summary_is_deterministic():
    assert _summary(BODY)[1] == _summary(BODY)[1]


def test_keywords_are_words_not_numbers_and_keep_glossary_terms():
    from generator.glossary import Glossary, register_with_jieba

    register_with_jieba(Glossary(terms=(("算力券", "computing-power vouchers"),)))
    words = extract_keywords("首批算力券发放以来，申领企业超过70家。算力券降低企业算力成本，算力券受欢迎。", limit=5)
    assert "算力券" in words
    assert all(len(w) >= 2 and not w.replace(".", "").isdigit() for w in words)
    assert extract_keywords("") == []


def test_proposed_title_is_a_short_clause_of_the_article():
    body = "近年来，河北省承德市隆化县在优化产业结构过程中，立足区位优势，大力发展风电装备制造产业。该县引进龙头企业。"
    title = propose_title(split_sentences(body))
    assert 4 <= len(title) <= 24 and title in body


def test_every_feature_has_a_fitted_weight():
    from generator.summarise import FEATURES, WEIGHTS, sentence_features

    assert set(WEIGHTS) == set(FEATURES)
    rows = sentence_features(split_sentences(BODY), extract_keywords(BODY, limit=8))
    assert rows and all(len(row) == len(FEATURES) for row in rows)


def test_bare_quotations_and_cut_off_sentences_are_held_back():
    from generator.summarise import rank_sentences

    def score(text: str) -> float:
        return rank_sentences(split_sentences(text))[0]

    plain = "全省绿色智能计算产业规模达到8520亿元并保持较快增长。"
    assert score("“" + plain + "”") < score(plain) - 0.5
    assert score(plain.rstrip("。")) < score(plain) - 0.2


def test_a_sentence_on_the_same_topic_with_new_facts_is_not_a_duplicate():
    from generator.summarise import select

    sentences = split_sentences(
        "智能绿色计算产业，顾名思义，既智能、又绿色。"
        "2024年，全省绿色智能计算产业规模达8520亿元，同比增长19.2%。"
        "会议在长沙举行。"
    )
    assert select(sentences, [1.0, 0.9, 0.0], 2, redundancy=0.0) == [0, 1]
    assert select(sentences[:1] * 2, [1.0, 0.9], 2, redundancy=0.0) == [0]
