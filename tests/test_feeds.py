"""News feeds (RSS 2.0, RSS 1.0, Atom, JSON Feed), written as portals and RSSHub write them:
GB2312 declared and GBK sent, HTML in CDATA or escaped, dates in China's time zone, an
author as a mail address, items that carry only a title. Written by hand, not through the
library that reads them."""

from __future__ import annotations

import json
import re

import pytest

from generator.errors import SourceError
from generator.ingest.readers import discover_sources, read_document
from generator.ingest.reflow import reflow
from generator.ingest.segment import split_articles
from tests.helpers import briefing, make_project

TRADE = "一季度湖南外贸进出口增长8.2%"
TRADE_TEXT = [
    "长沙4月18日电 一季度，湖南外贸进出口总值1325.6亿元，同比增长8.2%，增速高于全国3.2个百分点。",
    "其中，出口866.1亿元，增长11.5%；进口459.5亿元，增长2.4%。海关关长朱镕表示，外贸稳中向好的态势进一步巩固。",
]
CATL = "宁德时代一季度净利润同比增长7%"
CATL_TEXT = [
    "宁德时代4月15日晚间发布一季报，公司实现营业收入797.71亿元，同比下降10.41%；归母净利润105.1亿元，同比增长7%。",
    "公司表示，海外市场需求旺盛，储能业务继续保持较快增长。",
]

# 人民网's channel feed as its server sends it: declared gb2312, the bytes GBK (镕), the
# description HTML in CDATA opening on the headline again, a picture and a script in it;
# the second item's text escaped, its lines parted by <br>, published late in the evening
# of the 19th in Beijing (the 19th in UTC too, but the 18th's item is the 17th in UTC)
RSS = f"""<?xml version="1.0" encoding="gb2312"?>
<rss version="2.0">
<channel>
<title>人民网-财经频道</title>
<link>http://finance.people.com.cn/</link>
<description>人民网财经频道</description>
<item>
<title><![CDATA[{TRADE}]]></title>
<link>http://finance.people.com.cn/n1/2024/0418/c1004-40218601.html</link>
<pubDate>Thu, 18 Apr 2024 07:30:00 +0800</pubDate>
<author>finance@people.cn (张三)</author>
<description><![CDATA[<p><strong>{TRADE}</strong></p><p>{TRADE_TEXT[0]}</p><p><img src="/NMediaFile/2024/0418/x.jpg" /></p>
<p>{TRADE_TEXT[1]}</p><script>document.write('<p>广告</p>')</script>]]></description>
</item>
<item>
<title>{CATL}</title>
<link>http://finance.people.com.cn/n1/2024/0419/c1004-40219002.html</link>
<pubDate>Fri, 19 Apr 2024 23:10:00 +0800</pubDate>
<description>{CATL_TEXT[0]}&lt;br&gt;&lt;br&gt;{CATL_TEXT[1]}</description>
</item>
<item>
<title>国务院常务会议召开</title>
<link>http://finance.people.com.cn/n1/2024/0419/c1004-40219003.html</link>
<pubDate>Fri, 19 Apr 2024 21:00:00 +0800</pubDate>
<description></description>
</item>
</channel>
</rss>
"""

FED = "美联储维持利率不变"
FED_TEXT = [
    "美联储周三宣布将联邦基金利率目标区间维持在5.25%至5.5%不变，符合市场预期。",
    "声明称，近几个月通胀在实现2%目标方面缺乏进一步进展。",
]
# RSSHub's Atom: the content HTML escaped, the update time an hour after midnight in Beijing
ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>华尔街见闻 - 最新</title>
<link href="https://wallstreetcn.com/news/global"/>
<id>https://rsshub.app/wallstreetcn/news/global</id>
<updated>2024-05-02T02:00:00+08:00</updated>
<entry>
<title>{FED}</title>
<link href="https://wallstreetcn.com/articles/3713712"/>
<id>https://wallstreetcn.com/articles/3713712</id>
<updated>2024-05-02T01:05:00+08:00</updated>
<author><name>李四</name></author>
<content type="html">&lt;p&gt;{FED_TEXT[0]}&lt;/p&gt;&lt;p&gt;{FED_TEXT[1]}&lt;/p&gt;</content>
</entry>
</feed>
"""

CPI = "国家统计局：4月CPI同比上涨0.3%"
CPI_TEXT = ["国家统计局5月11日发布数据，4月份全国居民消费价格同比上涨0.3%。", "其中，城市上涨0.3%，农村上涨0.2%。"]


def _json_feed() -> str:
    return json.dumps({
        "version": "https://jsonfeed.org/version/1.1", "title": "财联社 - 电报", "home_page_url": "https://www.cls.cn/telegraph",
        "items": [{"id": "1652392", "url": "https://www.cls.cn/detail/1652392", "title": CPI, "content_text": "\n".join(CPI_TEXT),
                   "date_published": "2024-05-11T09:30:00+08:00", "authors": [{"name": "王五"}]}],
    }, ensure_ascii=False, indent=1)


def _articles(path):
    document = read_document(path)
    return document, split_articles(document, reflow(document)).articles


def test_an_rss_feed_is_read_item_by_item_with_each_items_link_date_and_author(tmp_path):
    path = tmp_path / "people.xml"
    path.write_bytes(RSS.encode("gbk"))
    document, articles = _articles(path)
    assert [a.title for a in articles] == [TRADE, CATL]
    trade, catl = articles
    # the headline once, the dateline read, the script's words and the picture not text
    assert trade.paragraphs == [TRADE_TEXT[0].removeprefix("长沙4月18日电 "), TRADE_TEXT[1]]
    assert catl.paragraphs == CATL_TEXT
    assert "广告" not in document.text
    assert (trade.meta.date, catl.meta.date) == ("2024-04-18", "2024-04-19")  # Beijing's day, not UTC's
    assert trade.meta.url == "http://finance.people.com.cn/n1/2024/0418/c1004-40218601.html"
    assert catl.meta.url.endswith("c1004-40219002.html")
    assert trade.byline == ("张三",)  # the name, not the mail address
    # the site, not the channel, and not the place a wire filed from ("长沙4月18日电")
    assert trade.meta.publication == catl.meta.publication == "人民网"
    # each article's lines are its own item's
    lines = document.text.split("\n")
    assert TRADE_TEXT[1] in "\n".join(lines[trade.span[0] - 1 : trade.span[1]])
    assert CATL_TEXT[0] in "\n".join(lines[catl.span[0] - 1 : catl.span[1]]) and trade.span[1] < catl.span[0]
    # the item with no text is named, not left out quietly
    assert any("国务院常务会议召开" in w and "no text" in w for w in document.warnings), document.warnings


def test_an_atom_feed_and_a_json_feed_are_read_as_their_items(tmp_path):
    (tmp_path / "wscn.atom").write_text(ATOM, encoding="utf-8")
    (tmp_path / "cls.json").write_text(_json_feed(), encoding="utf-8")
    _, (fed,) = _articles(tmp_path / "wscn.atom")
    assert (fed.title, fed.paragraphs, fed.meta.date, fed.byline) == (FED, FED_TEXT, "2024-05-02", ("李四",))
    assert fed.meta.url == "https://wallstreetcn.com/articles/3713712" and fed.meta.publication == "华尔街见闻"
    _, (cpi,) = _articles(tmp_path / "cls.json")
    assert (cpi.title, cpi.paragraphs, cpi.meta.date, cpi.byline) == (CPI, CPI_TEXT, "2024-05-11", ("王五",))
    assert cpi.meta.publication == "财联社"  # the outlet, not its channel 电报 ("telegraph")


def test_an_rss_1_feed_with_dublin_core_dates_and_creators(tmp_path):
    rdf = f"""<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel rdf:about="https://www.yicai.com/"><title>第一财经</title><link>https://www.yicai.com/</link><description>x</description></channel>
<item rdf:about="https://www.yicai.com/news/102088.html"><title>{TRADE}</title><link>https://www.yicai.com/news/102088.html</link>
<dc:date>2024-04-18T00:20:00+08:00</dc:date><dc:creator>赵六</dc:creator>
<content:encoded><![CDATA[<div><p>{TRADE_TEXT[1]}</p></div>]]></content:encoded></item>
</rdf:RDF>"""
    (tmp_path / "yicai.rss").write_text(rdf, encoding="utf-8")
    _, (article,) = _articles(tmp_path / "yicai.rss")
    assert (article.title, article.paragraphs, article.meta.date, article.byline) == (TRADE, [TRADE_TEXT[1]], "2024-04-18", ("赵六",))
    assert article.meta.publication == "第一财经"


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("sitemap.xml", '<?xml version="1.0"?><urlset><url><loc>https://a.cn/</loc></url></urlset>',
         "not a news feed"),
        ("data.json", '{"rows": [1, 2]}', "a JSON file that is not a news feed"),
        ("notes.json", "[1, 2]", "not a news feed"),
        ("links.rss", '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>'
         "<item><title>只有标题</title><link>https://a.cn/1</link></item></channel></rss>",
         r"the feed has no item with text \(1 item\(s\)\)"),
        ("broken.json", '{"version": "https://jsonfeed.org/version/1", "items": [', "not a readable JSON Feed"),
    ],
)
def test_what_is_no_feed_or_has_no_text_is_refused_in_one_line(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_text(data, encoding="utf-8")
    with pytest.raises(SourceError, match=re.escape(str(path)) + ": " + message) as refused:
        read_document(path)
    assert "\n" not in str(refused.value)


def test_an_items_paragraph_is_its_own_whatever_another_item_says(tmp_path):
    """Items are apart: a short item whose text another item quotes inside a longer paragraph
    is no pull quote of it, and the same closing line in two items is in both."""
    note = "公司表示，海外市场需求旺盛，储能业务继续保持较快增长。"
    items = [(CATL, [CATL_TEXT[0] + note, "以上内容由本网编辑整理，转载请联系授权。"]), ("宁德时代回应海外需求", [note, "以上内容由本网编辑整理，转载请联系授权。"])]
    rss = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>测试网</title>'
           + "".join(f"<item><title>{t}</title><link>https://a.cn/{i}</link><description><![CDATA["
                     + "".join(f"<p>{p}</p>" for p in ps) + "]]></description></item>" for i, (t, ps) in enumerate(items))
           + "</channel></rss>")
    path = tmp_path / "x.rss"
    path.write_text(rss, encoding="utf-8")
    _, articles = _articles(path)
    assert [a.paragraphs for a in articles] == [ps for _, ps in items]


def test_an_item_without_a_title_is_not_titled_after_its_feed(tmp_path):
    """A flash-news feed's items may have no title: the analysis proposes one from the text, as
    for any untitled article; the feed's own title names its page only."""
    feed = {"version": "https://jsonfeed.org/version/1", "title": "财联社 - 电报",
            "items": [{"id": "1", "url": "https://www.cls.cn/detail/1", "content_text": "\n".join(CPI_TEXT)}]}
    path = tmp_path / "flash.json"
    path.write_text(json.dumps(feed, ensure_ascii=False), encoding="utf-8")
    document, (article,) = _articles(path)
    assert article.title is None and article.paragraphs == CPI_TEXT
    assert document.meta.title == "财联社 - 电报"


# RSSHub's feed of 财联社's telegraph: a flash prints its headline again in black brackets
# before its dateline; one with no headline of its own is titled with its opening sentence
TELEGRAPH = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss xmlns:atom="http://www.w3.org/2005/Atom" version="2.0"><channel><title><![CDATA[财联社 - 电报]]></title>
<link>https://www.cls.cn/telegraph</link><description><![CDATA[财联社 - 电报 - Powered by RSSHub]]></description>
<generator>RSSHub</generator>
<item><title><![CDATA[{CPI}]]></title><description><![CDATA[【{CPI}】财联社5月11日电，{CPI_TEXT[0]}{CPI_TEXT[1]}<br>]]></description>
<pubDate>Sat, 11 May 2024 01:30:00 GMT</pubDate><guid isPermaLink="false">cls-1652392</guid><link>https://www.cls.cn/detail/1652392</link></item>
<item><title><![CDATA[财联社5月11日电，美股三大指数收盘涨跌不一。]]></title>
<description><![CDATA[财联社5月11日电，美股三大指数收盘涨跌不一，道指涨0.32%，纳指跌0.03%，标普500指数涨0.16%。]]></description>
<pubDate>Sat, 11 May 2024 00:05:00 GMT</pubDate><link>https://www.cls.cn/detail/1652390</link></item>
<item><title><![CDATA[美联储维持利率不变]]></title>
<description><![CDATA[<p>美联储维持利率不变，符合市场预期。</p><p>{FED_TEXT[1]}</p>]]></description>
<pubDate>Thu, 02 May 2024 18:05:00 GMT</pubDate><link>https://www.cls.cn/detail/1650000</link></item>
</channel></rss>"""


def test_a_flash_says_its_headline_once_and_a_flash_without_one_gets_one(tmp_path):
    path = tmp_path / "cls.xml"
    path.write_text(TELEGRAPH, encoding="utf-8")
    _, (cpi, stocks, fed) = _articles(path)
    assert cpi.title == CPI and cpi.paragraphs == [CPI_TEXT[0] + CPI_TEXT[1]]  # no "【…】", no "，" left of the dateline
    assert (cpi.meta.publication, cpi.meta.date) == ("财联社", "2024-05-11")
    assert stocks.title is None and stocks.paragraphs == ["美股三大指数收盘涨跌不一，道指涨0.32%，纳指跌0.03%，标普500指数涨0.16%。"]
    # a headline that is also its text's first clause is a headline
    assert fed.title == FED and fed.paragraphs == ["美联储维持利率不变，符合市场预期。", FED_TEXT[1]]


def test_an_items_table_is_set_aside_and_reported_as_a_pages_is(tmp_path):
    rows = "<tr><th>项目</th><th>2024Q1</th><th>同比</th></tr><tr><td>营业收入（亿元）</td><td>797.71</td><td>-10.41%</td></tr>"
    rss = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>测试网</title>'
           f"<item><title>{CATL}</title><link>https://a.cn/1</link><description><![CDATA[<p>{CATL_TEXT[0]}</p>"
           f"<table>{rows}</table><p>{CATL_TEXT[1]}</p>]]></description></item></channel></rss>")
    path = tmp_path / "x.rss"
    path.write_text(rss, encoding="utf-8")
    document = read_document(path)
    segmented = split_articles(document, reflow(document))
    (article,) = segmented.articles
    assert article.paragraphs == CATL_TEXT
    (table,) = [d for d in [*article.dropped, *segmented.dropped] if d.reason == "table"]
    assert table.text == "| 项目 | 2024Q1 | 同比 |\n| 营业收入（亿元） | 797.71 | -10.41% |"


def test_feeds_are_found_as_sources(tmp_path):
    for name in ("a.rss", "b.atom", "c.xml", "d.json"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in discover_sources([tmp_path]).files] == ["a.rss", "b.atom", "c.xml", "d.json"]


def test_a_feed_saved_as_txt_is_read_as_a_feed(tmp_path):
    path = tmp_path / "feed.txt"
    path.write_text(ATOM, encoding="utf-8")
    document, (article,) = _articles(path)
    assert document.format == "feed" and article.title == FED


def test_an_items_markup_stays_text(tmp_path):
    """An item's title and text are data: markup in them is shown, never run, and a title that
    is markup alone leaves the article to a title from its text."""
    rss = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>测试网</title>'
           "<item><title><![CDATA[<img src=x onerror=alert(1)>{{ config }} 标题]]></title><link>javascript:alert(1)</link>"
           f"<description><![CDATA[<p onclick='alert(1)'>{CATL_TEXT[0]}</p><iframe src='https://evil.example/'>嵌入</iframe>"
           "<style>p{color:red}</style>]]></description></item></channel></rss>")
    path = tmp_path / "x.rss"
    path.write_text(rss, encoding="utf-8")
    document, (article,) = _articles(path)
    assert article.title == "{{ config }} 标题" and article.paragraphs == [CATL_TEXT[0]]
    rss = rss.replace("<![CDATA[<img src=x onerror=alert(1)>{{ config }} 标题]]>", "中芯国际H股&lt;A股价差扩大")
    path.write_text(rss, encoding="utf-8")
    _, (article,) = _articles(path)
    assert article.title == "中芯国际H股<A股价差扩大"  # a title of text: its "<" is a character
    plain = rss.replace("<![CDATA[<p onclick", "市盈率&lt;A股均值。<![CDATA[<p onclick")
    path.write_text(plain.replace("<![CDATA[<p onclick='alert(1)'>" + CATL_TEXT[0] + "</p><iframe src='https://evil.example/'>嵌入</iframe><style>p{color:red}</style>]]>", ""), encoding="utf-8")
    _, (article,) = _articles(path)
    assert article.paragraphs == ["市盈率<A股均值。"]  # and so is a text's
    assert article.meta.url is None  # only a web address is a link
    assert not any(word in document.text for word in ("嵌入", "color:red", "alert", "onerror"))


def test_feeds_built_into_the_site_link_each_article_to_its_original(tmp_path):
    project = make_project(tmp_path / "p", seeds=False)
    (project / "seeds" / "people.xml").write_bytes(RSS.encode("gbk"))
    (project / "seeds" / "cls.json").write_text(_json_feed(), encoding="utf-8")
    result = briefing("build", "--no-translate", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "国务院常务会议召开" in result.stderr and "no text in the feed" in result.stderr
    texts = [p.read_text(encoding="utf-8") for p in (project / "docs" / "digest").glob("*/article-*.md")]
    pages = {re.search(r"^# .*$", text, re.MULTILINE).group(0): text for text in texts}
    assert set(pages) == {f"# {TRADE}", f"# {CATL}", f"# {CPI}"}
    trade = pages[f"# {TRADE}"]
    assert "**Original:** [http://finance.people.com.cn/n1/2024/0418/c1004-40218601.html]" in trade
    assert "of the text read from [people.xml](" in trade and "people.xml#L" not in trade
    assert "18 April 2024" in trade and "19 April 2024" in pages[f"# {CATL}"]
    # the feed's page is named as the feed is, not after its first item
    assert (project / "docs" / "digest" / "people-xml" / "index.md").read_text(encoding="utf-8").startswith("# 人民网-财经频道\n")
    records = [json.loads(line) for line in briefing("inspect", "--json", "--no-translate", "seeds", cwd=project).stdout.splitlines()]
    assert sorted(r["title"] for r in records) == sorted([TRADE, CATL, CPI])
    assert all(r["page"].startswith("digest/") for r in records)
