"""Nothing lost without a word: every character of a source is in an article (body, title,
section head) or in a reported drop with its lines and reason (``dropped`` in
``briefing inspect --json``, per article, and per document on the load result)."""

from __future__ import annotations

import json

import opencc
import pytest

from generator.build import load_sources
from generator.data import Dropped
from generator.ingest.readers import read_document
from generator.ingest.reflow import reflow
from generator.ingest.segment import split_articles
from generator.text import to_simplified
from tests.coverage import coverage
from tests.helpers import SEEDS, briefing
from tests.synthetic_pages import wrap

REASONS = {
    "caption",
    "photo credit",
    "picture credit",
    "editor credit",
    "site notice",
    "table",
    "pull quote",
    "repeated paragraph",
    "repeated fragment",
    "page header",
    "byline",
    "dateline",
    "unplaced headline",
}

PHRASE = "推动大规模设备更新行动方案"
NOTE = "编者按：本组报道的数据均来自国家统计局和各地统计部门的公开发布。"
EXYNOS = (
    "三星电子日前在首尔发布新一代行动处理器「Exynos 5 Octa」，采用八核心架构，由四颗高效能核心与四颗低功耗核心组成，"
    "可依工作负载自动切换，官方表示效能较上一代提升约四成、功耗降低约七成，首批产品将搭载于旗舰手机，"
    "并于第二季起陆续出货至全球市场。"
)
MULTI = f"""# 工业领域迎大规模设备更新

本报讯（记者 叶伟） 国务院日前印发“{PHRASE}”，提出到2027年，工业、农业、建筑、交通、教育等领域设备投资规模较2023年增长25%以上。

业内人士表示，“{PHRASE}”的出台，将带动数万亿元的投资需求，对稳增长意义重大。

方案明确，以大规模设备更新为抓手，实施制造业技术改造升级工程。

{NOTE}

# 三星新处理器亮相

{EXYNOS}

业界认为，「Exynos 5 Octa」将与高通骁龙系列正面竞争，手机厂商的采购意愿将是观察重点。

{NOTE}

# 协禧Q3营收创新高

协禧电机今日公布第三季营收达12.5亿元，季增18%，创下单季新高，主要受惠于电动车马达订单放量。公司表示，第四季订单能见度已达年底。(图片来源:协禧网站)
"""


def _load(path):
    loaded = load_sources([path])
    assert not loaded.problems, loaded.problems
    (document, articles), = loaded.documents
    return document, articles, loaded.dropped[document.path]


def _load_text(folder, name, text, encoding="utf-8"):
    """``text`` written as the file ``name`` (in ``encoding``) and loaded as the build loads it."""
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return _load(path)


def _all_drops(articles, document_dropped) -> list[Dropped]:
    return [d for a in articles for d in a.dropped] + list(document_dropped)


def test_every_character_of_the_samples_is_accounted_for():
    for path in sorted(SEEDS.iterdir()):
        document, articles, document_dropped = _load(path)
        result = coverage(document.text, articles, document_dropped)
        assert result.share == 1.0, (path.name, result.missing[:5])
        for article in articles:
            for d in article.dropped:  # an article's drops lie in its own lines
                assert article.span[0] <= d.lines[0] <= article.span[1], (article.title, d)
        for d in _all_drops(articles, document_dropped):
            assert d.reason in REASONS and d.text.strip(), d
        for d in document_dropped:  # the document's drops lie outside every article
            assert not any(a.span[0] <= d.lines[0] <= a.span[1] for a in articles), d


def test_samples_report_their_furniture():
    _, articles, document_dropped = _load(SEEDS / "000_9623b259a8a6cc57.txt")
    reasons = {d.reason for d in _all_drops(articles, document_dropped)}
    assert {"page header", "byline", "dateline", "pull quote", "photo credit"} <= reasons


def test_shared_and_quoted_paragraphs_stay_in_every_article(tmp_path):
    document, articles, document_dropped = _load_text(tmp_path, "multi.md", MULTI)
    assert [a.title for a in articles] == ["工业领域迎大规模设备更新", "三星新处理器亮相", "协禧Q3营收创新高"]
    first, second, third = articles
    # a lead and a second paragraph that cite the same phrase are both body text
    assert sum(PHRASE in p for p in first.paragraphs) == 2
    assert len(first.paragraphs) == 4
    # a note two articles share is in both
    assert NOTE in first.paragraphs and NOTE in second.paragraphs
    # a long paragraph quoting a name the next paragraph repeats is body text
    assert EXYNOS in second.paragraphs
    # an article whose last sentence credits its picture keeps its headline and its body
    assert third.kind == "article"
    assert third.body.endswith("第四季订单能见度已达年底。")
    assert [(d.reason, d.text) for d in third.dropped] == [("picture credit", "(图片来源:协禧网站)")]
    assert [d.reason for d in first.dropped] == ["dateline"]
    assert coverage(document.text, articles, document_dropped).share == 1.0


def test_a_long_paragraph_ending_in_a_credit_is_body_text(tmp_path):
    body = (
        "株洲时代新材料科技股份有限公司的风电叶片生产车间里，工人们正在加紧赶制一批出口订单。"
        "近年来，株洲市加快打造新材料产业基地，大力培育一批有竞争力、有引领性的产业项目，"
        "全市新材料产业规模突破千亿元，形成了从原材料到终端产品的完整链条。"
        "企业负责人介绍，今年一季度订单同比增长三成以上，生产线满负荷运转。"
        "下一步，企业将加大研发投入，推动叶片材料向轻量化、高强度方向升级。"
    )
    lines = [" 新材料产业链加速成长，株洲订单排到年底", *wrap(body + "（资料照片）", 16)]
    document, articles, document_dropped = _load_text(tmp_path, "page.txt", "\n\n".join(lines) + "\n")
    assert articles[0].kind == "article" and articles[0].title == "新材料产业链加速成长，株洲订单排到年底"
    assert articles[0].body.startswith("株洲时代新材料")
    assert coverage(document.text, articles, document_dropped).share == 1.0
    assert any(d.reason == "picture credit" for d in _all_drops(articles, document_dropped))


# A saved web page as a Chinese news site prints one: a caption in brackets of its own between
# two paragraphs, a line for the site's app, the editors credited under the article, the site's
# chrome around it
WEB_PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>湖南：一季度规上工业增加值同比增长6.8%--湖南频道--人民网</title></head>
<body><div class="nav"><a href="/">首页</a> | <a href="/hn">湖南</a></div>
<h1>湖南：一季度规上工业增加值同比增长6.8%</h1>
<div class="content">
<p>人民网长沙4月18日电（记者 张三）4月17日，湖南省统计局发布数据显示，一季度全省规模以上工业增加值同比增长6.8%，增速比全国高0.7个百分点。</p>
<p>（图为长沙经开区一家工程机械企业的生产线。资料图）</p>
<p>海量资讯、精准解读，尽在人民网APP</p>
<p>一季度，全省高技术制造业增加值同比增长12.3%，占规模以上工业的比重为13.9%，比上年同期提高0.8个百分点。</p>
<p>(责编：李四、王五)</p>
</div>
<div class="footer">人民网版权所有，未经书面授权禁止使用</div></body></html>
"""


def test_a_web_pages_caption_and_editors_are_furniture_not_body(tmp_path):
    _, articles, document_dropped = _load_text(tmp_path, "page.html", WEB_PAGE)
    (article,) = articles
    assert article.paragraphs[1].startswith("一季度，全省高技术制造业"), article.paragraphs  # not glued to the caption
    assert "资料图" not in article.body and "责编" not in article.body and "李四" not in article.body
    reasons = {(d.reason, d.text) for d in _all_drops(articles, document_dropped)}
    assert ("caption", "（图为长沙经开区一家工程机械企业的生产线。资料图）") in reasons
    assert ("editor credit", "(责编：李四、王五)") in reasons
    assert ("site notice", "海量资讯、精准解读，尽在人民网APP") in reasons
    assert "APP" not in article.body


def test_single_article_with_a_picture_credit(tmp_path):
    """`inspect --single-article` on a one-paragraph news text closing with a picture credit."""
    text = (
        "神盾今日宣布，旗下指纹辨识晶片获国际手机大厂采用，预计第三季起量产出货，"
        "法人估计全年营收可望年增两成以上。(图片来源为神盾官网)\n"
    )
    (tmp_path / "egis.txt").write_text(text, encoding="utf-8")
    result = briefing("inspect", "--json", "--no-translate", "--single-article", "egis.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["body"].endswith("年增两成以上。")
    assert record["dropped"] == [{"lines": [1, 1], "reason": "picture credit", "text": "(图片来源为神盾官网)"}]


def test_traditional_script_pages_segment_like_simplified_ones(tmp_path):
    """A Big5-era page (記者, 本報訊, 攝, 資料照片) is read as its simplified twin."""
    source = SEEDS / "000_9623b259a8a6cc57.txt"
    traditional = opencc.OpenCC("s2t").convert(source.read_text(encoding="utf-8"))
    assert "本報訊" in traditional and "攝" in traditional
    path = tmp_path / "traditional.txt"
    path.write_text(traditional, encoding="utf-8")
    simplified = split_articles(document := read_document(source), reflow(document))
    folded = split_articles(document := read_document(path), reflow(document))
    assert [(a.kind, a.span) for a in folded.articles] == [(a.kind, a.span) for a in simplified.articles]
    assert [tuple(map(to_simplified, a.byline)) for a in folded.articles] == [a.byline for a in simplified.articles]
    assert [len(a.title or "") for a in folded.articles] == [len(a.title or "") for a in simplified.articles]
    assert [to_simplified(a.title or "")[:4] for a in folded.articles] == [
        (a.title or "")[:4] for a in simplified.articles
    ]
    assert [(d.lines, d.reason) for a in folded.articles for d in a.dropped] == [
        (d.lines, d.reason) for a in simplified.articles for d in a.dropped
    ]


def test_editor_credits_and_bracketed_captions_are_told_from_body_lines():
    from generator.ingest.furniture import is_caption, is_staff_credit

    for credit in ("(责编：李四、王五)", "（责任编辑：张三）", "【编辑：张三 审核：李四】", "編輯：張三"):
        assert is_staff_credit(credit), credit
    for line in ("他的责编是李四。", "（责任编辑：张三）公司表示将扩产", "本报记者 张三"):
        assert not is_staff_credit(line), line
    for caption in (
        "（图为长沙经开区一家工程机械企业的生产线。资料图）", "图为工人在生产线上作业。资料图", "（图为工人在生产线上作业）",
        # as web pages print one under a picture: a file photo, a credit or a source in brackets
        "工人在生产线上作业。（资料图）", "工人在生产线上作业。（新华社记者 张三 摄）", "工人在生产线上作业。（摄影：张三）",
        "工人在生产线上作业。（张三/摄）", "工人在生产线上作业。（新华社发）",
        "（图片来源：网络）",
    ):
        assert is_caption(caption), caption
    for line in ("（以上数据均为初步统计）", "图为公司总部。", "（下同）", "他热爱摄影（包括航拍摄影）。", "公司发布了新品（详见附件）。"):
        assert not is_caption(line), line


def test_a_sites_promotion_of_its_app_is_furniture_but_body_text_about_apps_is_not():
    from generator.ingest.furniture import is_site_notice

    for line in ("海量资讯、精准解读，尽在新浪财经APP", "下载澎湃新闻客户端", "扫码关注上证报公众号"):
        assert is_site_notice(line), line
    for line in ("公司推出新版APP，用户可下载使用。", "市场监管总局提醒消费者下载官方客户端办理业务，谨防诈骗。",
                 # headlines: an app in the middle, a date and one button word
                 "打开支付宝APP就能办社保", "2024年3月13日 投资者分享会举行"):
        assert not is_site_notice(line), line


DISCLAIMER = ("＊编者按：本文仅供参考之用，并不构成要约、招揽或邀请、诱使、任何不论种类或形式之申述或订立任何建议及推荐，"
              "读者务请运用个人独立思考能力，自行作出投资决定，如因相关建议招致损失，概与《精实财经媒体》、编者及作者无涉。")


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_a_sites_disclaimer_closing_an_article_is_set_aside_but_news_run_into_it_is_kept(tmp_path, suffix):
    """"本文仅供参考…不构成要约" as a paragraph of its own is the site's notice (reported); run into
    a paragraph after news, the paragraph is the article's and stays whole."""
    news = "台积电20日证实16奈米产品已量产，本月将开始出货给客户。"
    path = tmp_path / f"a{suffix}"
    heading = "# " if suffix == ".md" else ""
    path.write_text(f"{heading}台积电16奈米量产\n\n{news}\n\n{DISCLAIMER}\n", encoding="utf-8")
    document = read_document(path)
    segmented = split_articles(document, reflow(document))
    (article,) = segmented.articles
    assert article.paragraphs == [news]
    assert any(d.reason == "site notice" and d.text.startswith("＊编者按") for d in [*article.dropped, *segmented.dropped])
    path.write_text(f"{heading}台积电16奈米量产\n\n{news}{DISCLAIMER}\n", encoding="utf-8")
    document = read_document(path)
    (article,) = split_articles(document, reflow(document)).articles
    assert article.paragraphs == [news + DISCLAIMER]


def test_a_disclaimer_closing_a_page_dump_is_set_aside(tmp_path):
    """The same in a PDF page's text dump, its lines wrapped at the column's width."""
    news = ("台积电20日证实16奈米产品已量产，本月将开始出货给客户。不过，16奈米第三季量产带来的营收效益还要等到"
            "第四季才会反映在财报上，法人预估第四季营收将季增一成以上。")
    lines = ["台积电16奈米量产", "", *wrap(news, 24), *wrap(DISCLAIMER, 24)]
    path = tmp_path / "page.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    document = read_document(path)
    assert document.needs_reflow
    segmented = split_articles(document, reflow(document))
    (article,) = segmented.articles
    assert article.paragraphs == [news]
    assert any(d.reason == "site notice" for d in [*article.dropped, *segmented.dropped])


def test_a_disclaimer_is_told_from_news_about_one():
    from generator.ingest.furniture import is_site_notice

    for line in (DISCLAIMER, "免责声明：本文不构成投资建议，据此操作风险自负。", "本文仅供参考，不构成投资建议。",
                 "编者按：本版文章仅供参考，不构成投资建议，读者据此操作，风险自担。"):
        assert is_site_notice(line), line
    for line in ("证监会提醒，荐股软件宣传的内容仅供参考，不构成投资建议的说法并不能免除其责任。",
                 "台积电20日证实16奈米产品已量产。本文仅供参考，不构成投资建议。"):
        assert not is_site_notice(line), line


WECHAT = """# 一季度湖南规上工业增加值增长6.8%

点击上方蓝字关注我们

来源：湖南日报（ID：hnrb）

4月17日，湖南省统计局发布数据显示，一季度全省规模以上工业增加值同比增长6.8%，增速比全国高0.7个百分点。

“工业经济开局良好，为全年目标打下坚实基础。”湖南省统计局相关负责人表示，下一步将持续推动新型工业化。

- END -

编辑：张三 | 审核：李四

## 往期推荐

- 长沙：打造全球研发中心城市
- 株洲轨道交通产业集群加速发展
- 湘潭：智能制造再上新台阶

喜欢就点个“在看”吧！

点击“阅读原文”了解更多
"""


def test_an_article_copied_from_a_wechat_account_keeps_only_its_body(tmp_path):
    document, articles, document_dropped = _load_text(tmp_path, "wechat.md", WECHAT)
    (article,) = articles
    assert article.paragraphs[0].startswith("4月17日") and article.paragraphs[-1].endswith("推动新型工业化。")
    drops = {d.text: d.reason for d in _all_drops(articles, document_dropped)}
    for notice in ("点击上方蓝字关注我们", "来源：湖南日报（ID：hnrb）", "- END -", "往期推荐", "株洲轨道交通产业集群加速发展", "点击“阅读原文”了解更多"):
        assert drops.get(notice) == "site notice", (notice, drops)
    assert drops.get("编辑：张三 | 审核：李四") == "editor credit"
    assert article.meta.publication == "湖南日报"  # the origin its "来源：" line credits
    assert coverage(document.text, articles, document_dropped).share == 1.0


def test_a_wire_storys_closing_editor_credit_leaves_its_last_sentence_in_the_body(tmp_path):
    """Taiwan's Central News Agency closes a story with its editor and a date code: the last
    sentence is body text, the credit is reported (it was read as an unplaced headline)."""
    text = (
        "台積電4月營收年增48%　創同期新高\n\n"
        "（中央社記者張建中新竹10日電）晶圓代工廠台積電今天公布4月營收新台幣2360.21億元，較去年同期增加48.1%。\n\n"
        "法人預估，台積電第2季營收可望季增逾1成。（編輯：林淑媛）1130510\n"
    )
    document, articles, document_dropped = _load_text(tmp_path, "cna.txt", text, "big5")
    (article,) = articles
    assert article.paragraphs[-1] == "法人預估，台積電第2季營收可望季增逾1成。"
    assert article.meta.publication == "中央社"
    assert {(d.reason, d.text) for d in _all_drops(articles, document_dropped)} == {
        ("dateline", "（中央社記者張建中新竹10日電）"), ("editor credit", "（編輯：林淑媛）1130510")}
    assert coverage(document.text, articles, document_dropped).share == 1.0


def test_a_markdown_table_is_set_aside_not_run_into_the_next_paragraph(tmp_path):
    text = (
        "# 宁德时代一季报点评\n\n"
        "公司一季度实现营业收入797.71亿元，同比下降10.41%；归母净利润105.1亿元，同比增长7%。\n\n"
        "| 指标 | 2023Q1 | 2024Q1 |\n| --- | ---: | ---: |\n| 毛利率 | 20.79% | 26.42% |\n\n"
        "毛利率提升至26.42%，主要受益于原材料价格下降。\n"
    )
    document, articles, document_dropped = _load_text(tmp_path, "note.md", text)
    (article,) = articles
    assert article.paragraphs[-1] == "毛利率提升至26.42%，主要受益于原材料价格下降。"
    assert "|" not in article.body
    (table,) = [d for d in _all_drops(articles, document_dropped) if d.reason == "table"]
    assert table.lines == (5, 7) and table.text.startswith("| 指标 |")
    assert coverage(document.text, articles, document_dropped).share == 1.0
