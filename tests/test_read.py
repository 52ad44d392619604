"""Reading sources: encodings, formats, web pages, PDF files and metadata."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from generator.errors import SourceError
from generator.ingest.metadata import read_index as load_sources_index
from generator.ingest.readers import discover_sources, read_document
from generator.ingest.reflow import reflow
from generator.ingest.segment import segment, split_articles
from tests.helpers import SEEDS

ARTICLE = (
    "# 一季度中小企业发展指数上升\n\n"
    "本报讯 4月9日，中国中小企业协会发布的最新数据显示，今年一季度，我国中小企业发展指数为89.3，"
    "比去年四季度上升1.3点。\n\n"
    "中国中小企业协会有关负责人表示，春节后生产加速回升，经济回暖势头不断增强，企业生产经营持续改善。\n"
)


# Big5 holds traditional script: the same article in traditional characters.
TRADITIONAL = (
    "# 一季度中小企業發展指數上升\n\n"
    "本報訊 4月9日，中國中小企業協會發布的最新數據顯示，今年一季度，我國中小企業發展指數為89.3，"
    "比去年四季度上升1.3點。\n\n"
    "中國中小企業協會有關負責人表示，春節後生產加速回升，經濟回暖勢頭不斷增強，企業生產經營持續改善。\n"
)


@pytest.mark.parametrize(
    "encoding, text, data",
    [
        ("utf-8", ARTICLE, ARTICLE.encode("utf-8")),
        ("utf-8-bom", ARTICLE, b"\xef\xbb\xbf" + ARTICLE.encode("utf-8")),
        ("gb18030", ARTICLE, ARTICLE.encode("gb18030")),
        ("gbk", ARTICLE, ARTICLE.encode("gbk")),
        ("big5", TRADITIONAL, TRADITIONAL.encode("big5")),
        ("utf-16", ARTICLE, ARTICLE.encode("utf-16")),
        ("utf-16-le-no-bom", ARTICLE, ARTICLE.encode("utf-16-le")),
        ("utf-16-be-bom", ARTICLE, b"\xfe\xff" + ARTICLE.encode("utf-16-be")),
    ],
)
def test_every_common_encoding_gives_the_same_article(tmp_path, encoding, text, data):
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(data)
    document = read_document(path)
    assert document.text == text
    articles = segment(document, reflow(document))
    assert len(articles) == 1
    assert articles[0].title == text.splitlines()[0][2:]
    assert articles[0].body.startswith("4月9日")
    assert articles[0].byline == ()


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x02\x00" + bytes(range(256)) * 4, "not a text file"),
        ("empty.txt", b"", "empty"),
        ("blank.md", b"\n  \n\t\n", "empty"),
        ("random.txt", bytes((i * 7919) % 251 for i in range(5000)), "not a text file"),
    ],
)
def test_unusable_files_raise_a_one_line_reason_with_the_name(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(SourceError) as info:
        read_document(path)
    message = str(info.value)
    assert name in message and reason in message and "\n" not in message


def test_format_is_decided_by_content():
    dump = read_document(SEEDS / "000_9623b259a8a6cc57.txt")
    assert dump.format == "text" and dump.needs_reflow
    markdown = read_document(SEEDS / "003_84a0f30d0b85aac9.txt")
    assert markdown.format == "markdown" and not markdown.needs_reflow


def test_html_main_text_without_page_chrome(tmp_path):
    page = """<!DOCTYPE html><html><head><title>新材料项目产业链专场 湖南“磁吸”超千亿元 - 湖南日报</title>
    <meta property="og:site_name" content="湖南日报">
    <meta property="article:published_time" content="2025-03-29T10:00:00+08:00">
    <link rel="canonical" href="https://example.com/news/2025/0329/123.html">
    <style>body{color:red}</style><script>alert("x")</script></head><body>
    <nav><a href="/">首页</a> <a href="/news">新闻中心</a> <a href="/about">关于我们</a></nav>
    <article><h1>新材料项目产业链专场 湖南“磁吸”超千亿元</h1>
    <p>今天，2025中国产业转移发展对接活动（湖南）新材料产业链专场对接活动发布转移项目105个，总投资超1260亿元。其中，12个项目在活动现场集中签署合作协议，总投资额超217亿元。</p>
    <!-- 编辑注释：不要发布 -->
    <p>现场签约的12个项目涉及电池新材料、陶瓷新材料、金属复合材料、钙基新材料、特种新材料等领域，分别转移落户长沙、湘潭、常德、郴州、永州、怀化、娄底等地。</p>
    <p>“湖南具有优良原材料资源禀赋，有利于发展新材料产业。”宁波江丰电子材料股份有限公司向常德石门县投资20亿元打造先进陶瓷粉体特色产业项目，该项目为此次集中签约项目之一。</p>
    </article>
    <footer>版权所有 © 湖南日报 联系我们 网站地图</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    document = read_document(path)
    assert document.format == "html"
    for junk in ("alert", "color:red", "首页", "版权所有", "编辑注释"):
        assert junk not in document.text
    assert "总投资超1260亿元" in document.text and "娄底等地" in document.text
    assert document.meta.date == "2025-03-29"
    assert document.meta.url == "https://example.com/news/2025/0329/123.html"
    articles = segment(document, reflow(document))
    assert len(articles) == 1 and "磁吸" in articles[0].title


# A news flash as a portal prints it: two short paragraphs inside the site's chrome, a date line
# in Chinese under the headline and a copyright year in the footer
FLASH_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>湖南一季度工业开局良好--财经--人民网</title></head>
<body><div class="nav"><a href="/">首页</a> | <a>时政</a> | <a>国际</a> | <a>财经</a></div>
<h1>湖南一季度工业开局良好</h1><div class="box01">2024年04月18日09:12 | 来源：人民网－财经频道 分享到：</div>
<div class="rm_txt_con"><p>新浪财经讯 一季度全省规模以上工业增加值同比增长6.8%。</p><p>全省高技术制造业增加值同比增长12.3%。</p></div>
<div class="col-2">推荐阅读 一季度国民经济开局良好</div>
<div class="footer">人民网版权所有，未经书面授权禁止使用 Copyright © 1997-2024</div></body></html>"""
# A long read whose paragraphs open on a linked name: the precise extraction keeps only its footer
LINKED_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>五粮液三季度实现较好增长 - 财经周刊</title></head>
<body><div class="menu"><a>首页</a> <a>封面</a></div><div class="post"><h1>五粮液三季度实现较好增长</h1>
<div class="post-body"><p><a href="/tag/事件">事件</a>：公司披露2020年三季报。</p>
<p><a href="/tag/营收">1-9月</a>实现营业收入424.93亿元，同比增长14.53%；实现归母净利润145.45亿元，同比增长15.96%。</p></div>
<div class="post-foot">本文首发于财经周刊，转载请注明出处。</div></div></body></html>"""


def test_a_short_web_page_is_read_without_the_sites_chrome_and_dated_as_printed(tmp_path):
    path = tmp_path / "flash.html"
    path.write_text(FLASH_PAGE, encoding="utf-8")
    document = read_document(path)
    for chrome in ("首页", "来源", "分享", "推荐阅读", "版权所有"):
        assert chrome not in document.text, chrome
    assert "同比增长6.8%" in document.text and "同比增长12.3%" in document.text
    assert document.meta.date == "2024-04-18"  # printed under the headline; not the footer's year as 2024-01-01
    (article,) = segment(document, reflow(document))
    assert article.meta.publication == "新浪财经"  # a web desk's dateline, undated
    assert article.body.startswith("一季度全省")


@pytest.mark.parametrize(
    ("page_title", "site"),
    [
        ("台积电10月营收创新高_新浪财经_新浪网", "新浪网"),
        ("台积电10月营收创新高--湖南频道--人民网", "人民网"),
        ("台积电10月营收创新高 | 鉅亨網 - 台股新聞", "鉅亨網"),  # the channel is no site
        ("台积电10月营收创新高｜经济日报", "经济日报"),
        ("中时新闻网 - 台积电10月营收创新高", "中时新闻网"),  # the site named first
        ("台积电营收 - 澎湃新闻", "澎湃新闻"),  # a <title> worded unlike the headline
        ("F-众达营收创新高 - 工商時報", "工商時報"),
        ("台积电10月营收创新高_财经", None),  # a channel alone: no site is guessed
        ("台积电10月营收创新高-财经-人民网", None),  # a lone hyphen may be the headline's own
        ("台积电10月营收创新高", None),
    ],
)
def test_a_web_pages_site_is_named_by_its_title_where_its_markup_names_none(page_title, site):
    from generator.ingest.html import html_to_text

    paragraphs = "".join("<p>台积电今日公布10月营收，较上月增加12.3%，创下历史新高，法人预计第四季营收将持续成长。</p>" for _ in range(3))
    page = f"<html><head><title>{page_title}</title></head><body><div><h1>台积电10月营收创新高</h1>{paragraphs}</div></body></html>"
    _, meta = html_to_text(page, "page.html")
    assert meta is not None and meta.site == site and meta.publication is None


@pytest.mark.parametrize("headline", ["美(吉吉)10月营收年增逾6%；Q3.92中国销售续成长", "1.业绩增长略超预期"])
def test_a_headline_with_a_dot_in_it_is_no_sites_address(headline):
    """trafilatura takes a part of the <title> with a dot in it for the site's address."""
    from generator.ingest.html import html_to_text

    paragraphs = "".join("<p>公司公布10月营收，较上月增加12.3%，创下历史新高，法人预计第四季营收将持续成长。</p>" for _ in range(3))
    page = f"<html><head><title>{headline} - Foo</title></head><body><div><h1>{headline}</h1>{paragraphs}</div></body></html>"
    _, meta = html_to_text(page, "page.html")
    assert meta is not None and meta.site is None and meta.publication is None


def test_the_site_a_page_was_saved_from_is_its_articles_publication_unless_a_dateline_names_one(tmp_path):
    undated = FLASH_PAGE.replace("新浪财经讯 ", "")
    for name, page, publication in (("desk.html", FLASH_PAGE, "新浪财经"), ("site.html", undated, "人民网")):
        path = tmp_path / name
        path.write_text(page, encoding="utf-8")
        document = read_document(path)
        assert document.meta.site == "人民网" and document.meta.publication is None
        (article,) = segment(document, reflow(document))
        assert article.meta.publication == publication, name


def test_a_web_page_whose_paragraphs_open_on_links_keeps_them(tmp_path):
    path = tmp_path / "linked.html"
    path.write_text(LINKED_PAGE, encoding="utf-8")
    document = read_document(path)
    assert "公司披露2020年三季报" in document.text and "424.93亿元" in document.text


def test_html_without_article_text_is_reported(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body><nav>首页</nav></body></html>", encoding="utf-8")
    with pytest.raises(SourceError, match=r"empty\.html"):
        read_document(path)


def _pdf_with_unmapped_glyphs(path, unmapped_lines: int, text_lines: int) -> None:
    """A PDF written by hand: lines in a font with no Unicode map (Identity-H, no ToUnicode: its
    characters read as "(cid:4096)"), then lines of plain Latin text."""
    glyphs = "".join(f"{0x1000 + i:04X}" for i in range(30))
    ops = [f"BT /F1 10 Tf 40 {790 - 14 * row} Td <{glyphs}> Tj ET" for row in range(unmapped_lines)]
    ops += [f"BT /F2 10 Tf 40 {600 - 14 * row} Td (Revenue rose 12 percent in March, the company said.) Tj ET" for row in range(text_lines)]
    stream = "\n".join(ops)
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R /F2 7 0 R >> >> /Contents 4 0 R >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type0 /BaseFont /NoMap /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NoMap /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = "%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n" + "".join(f"{o:010d} 00000 n \n" for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    path.write_bytes(out.encode("ascii"))


# "日本金融行业" and "长沙" as a PDF text layer (macOS's above all) may give them: Kangxi radicals,
# a simplified radical, a compatibility ideograph
_LOOKALIKES = "\u2f47\u672c\u2fa6\u878d\u2f8f\u4e1a，\u2ed3\u6c99\uf967\u65ad"


def test_radicals_a_text_layer_gives_for_ideographs_are_read_as_the_ideographs(tmp_path):
    assert _LOOKALIKES != "日本金融行业，长沙不断"
    path = tmp_path / "copied.txt"
    path.write_text(f"# {_LOOKALIKES[:6]}报告\n\n{_LOOKALIKES}营收增长12%。\n", encoding="utf-8")
    document = read_document(path)
    assert document.text == "# 日本金融行业报告\n\n日本金融行业，长沙不断营收增长12%。\n"

    def draw(page) -> None:
        page.setFont("STSong-Light", 20)
        page.drawString(40, 790, _LOOKALIKES[:6] + "报告")
        page.setFont("STSong-Light", 11)
        page.drawString(40, 750, _LOOKALIKES.replace("\uf967", "不") + "营收增长12%。")  # (the font has no compatibility forms)

    pdf = tmp_path / "page.pdf"
    _draw_page(pdf, draw)
    assert read_document(pdf).text == "日本金融行业报告\n日本金融行业，长沙不断营收增长12%。\n"


def test_a_pdf_whose_fonts_map_its_text_to_nothing_is_reported_not_read_as_cid_codes(tmp_path):
    path = tmp_path / "nomap.pdf"
    _pdf_with_unmapped_glyphs(path, unmapped_lines=10, text_lines=0)
    with pytest.raises(SourceError, match=r"nomap\.pdf: the PDF's fonts map 300 of its 300 characters to no text"):
        read_document(path)
    # a few such characters (a logo, a symbol) are left out, with a warning
    _pdf_with_unmapped_glyphs(path, unmapped_lines=1, text_lines=12)
    document = read_document(path)
    assert "cid:" not in document.text and "Revenue rose 12 percent" in document.text
    assert document.warnings == ("30 characters the PDF's fonts map to no text were left out",)


LEFT = ("4月9日，工业和信息化部等七部门联合印发推动工业领域设备更新实施方案。"
        "方案提出到2027年，工业领域设备投资规模较2023年增长25%以上。")
RIGHT = ("中国轻工业联合会近日发布的数据显示，今年前2个月，我国规模以上轻工企业实现营业收入3.26万亿元，"
         "同比增长4.1%。轻工行业生产较快回升，盈利持续改善。")


def test_two_column_pdf_reads_column_by_column(tmp_path):
    """A two-column page set in Adobe's standard Chinese font (no font file needed, so the
    test does not depend on the fonts a machine has installed)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "page.pdf"
    page = canvas.Canvas(str(path))
    page.setFont("STSong-Light", 11)
    for x, text in ((40, LEFT), (310, RIGHT)):
        for row, start in enumerate(range(0, len(text), 20)):
            page.drawString(x, 780 - 16 * row, text[start : start + 20])
    page.save()
    document = read_document(path)
    assert document.format == "pdf" and document.needs_reflow
    body = "".join(b.text for b in reflow(document))
    assert "增长25%以上" in body and "营业收入3.26万亿元" in body
    assert body.index("工业和信息化部") < body.index("中国轻工业联合会"), "left column first"
    assert LEFT.replace("，", "") in body.replace("，", "") or "设备投资规模较2023年增长25%以上" in body


def test_a_page_whose_layout_the_reader_cannot_work_out_is_read_line_by_line_with_a_warning(tmp_path, monkeypatch):
    """A fault in the layout code is no fault of the file: the page's text is read in the order
    the PDF gives it and the user is told, not the whole file skipped as "damaged"."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    import generator.ingest.pdf as pdf

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "page.pdf"
    page = canvas.Canvas(str(path))
    page.setFont("STSong-Light", 11)
    for row, start in enumerate(range(0, len(LEFT), 20)):
        page.drawString(40, 780 - 16 * row, LEFT[start : start + 20])
    page.save()

    def fails(page):
        raise ValueError("a layout this reader does not handle")

    monkeypatch.setattr(pdf, "_blocks", fails)
    document = read_document(path)
    assert "工业和信息化部" in document.text
    assert any("page 1: its layout could not be worked out" in w for w in document.warnings), document.warnings


def test_columns_under_a_headline_across_them_are_one_article(tmp_path):
    """A headline set across two columns: the gutter no longer runs the page's height, and the
    page was read line by line across both columns, two halves of different lines joined."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    headline, text = "七部门印发工业领域设备更新实施方案", LEFT + RIGHT
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "page.pdf"
    page = canvas.Canvas(str(path))
    page.setFont("STSong-Light", 20)
    page.drawString(40, 790, headline + "　轻工业生产较快回升")
    page.setFont("STSong-Light", 11)
    lines = [text[i : i + 22] for i in range(0, len(text), 22)]
    half = (len(lines) + 1) // 2
    for column, chunk in enumerate((lines[:half], lines[half:])):
        for row, line in enumerate(chunk):
            page.drawString(40 + 270 * column, 750 - 16 * row, line)
    page.save()
    document = read_document(path)
    (article,) = segment(document, reflow(document))
    assert article.title == headline + " 轻工业生产较快回升"  # (the text layer has a space for the gap)
    assert article.body == text


def _draw_page(path, draw) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    page = canvas.Canvas(str(path))
    draw(page)
    page.save()


def test_a_headline_over_the_first_of_its_columns_heads_them_all(tmp_path):
    """A short headline set over the left column only: the gutter runs the page's height, yet
    the column beside it, with no headline of its own, is the article's text running on; its
    last column may hold a single line."""
    headline, text = "湖南一季度工业开局良好", LEFT + RIGHT
    lines = [text[i : i + 22] for i in range(0, len(text), 22)]
    cut = len(lines) - 1  # the right column: the article's last line

    def draw(page) -> None:
        page.setFont("STSong-Light", 20)
        page.drawString(40, 790, headline)
        page.setFont("STSong-Light", 11)
        for row, line in enumerate(lines[:cut]):
            page.drawString(40, 750 - 16 * row, line)
        page.drawString(310, 750, lines[cut])

    path = tmp_path / "page.pdf"
    _draw_page(path, draw)
    document = read_document(path)
    (article,) = segment(document, reflow(document))
    assert (article.title, article.body) == (headline, text)


def test_a_line_of_text_with_a_latin_word_after_a_space_is_no_headline_in_a_pdf(tmp_path):
    """Shape alone ("机构 Gartner表示…": words apart with no full stop) made a line of text a
    section head; a PDF tells its headlines by their type size."""
    headline = "研调：三星与苹果蝉连全球两大晶片采购大户"
    text = ("国际研究暨顾问机构 Gartner表示，三星电子与苹果蝉连全球两大晶片采购客户，"
            "其对半导体之需求合计成长17%。三星和苹果的半导体采购金额合计为537亿美元。")

    def draw(page) -> None:
        page.setFont("STSong-Light", 20)
        page.drawString(40, 790, headline)
        page.setFont("STSong-Light", 11)
        for row, start in enumerate(range(0, len(text), 24)):
            page.drawString(40, 750 - 16 * row, text[start : start + 24])

    path = tmp_path / "page.pdf"
    _draw_page(path, draw)
    document = read_document(path)
    (article,) = segment(document, reflow(document))
    # (the space between Chinese and Latin is the text layer's, and is tidied away)
    assert (article.title, article.body) == (headline, text.replace(" ", ""))
    assert [section.heading for section in article.sections] == [None]


NEWS_PAGE = (
    ("湖南一季度工业开局良好", "本报讯 一季度全省规模以上工业增加值同比增长6.8%，增速比全国高0.7个百分点。"
     "全省高技术制造业增加值同比增长12.3%，占规模以上工业比重提升。"),
    ("长沙新材料项目集中签约", "本报讯 2025中国产业转移发展对接活动新材料产业链专场发布转移项目105个，总投资超1260亿元。"
     "其中12个项目在活动现场集中签署合作协议。"),
    ("株洲轨道交通产业集群加速发展", "记者从株洲市工信局获悉，今年前两个月，株洲轨道交通产业集群实现产值186亿元，同比增长9.1%。"
     "集群内企业订单饱满，生产线满负荷运转，多家企业加快海外布局。"),
)


@pytest.mark.parametrize(
    ("line", "publication", "date"),
    [
        ("2025年3月29日 星期六 湖南日报 04 经济", "湖南日报", "2025-03-29"),
        ("湖南日报 2025年3月29日 第4版", "湖南日报", "2025-03-29"),
        ("2024年5月10日 星期五 工商時報 A2 產業", "工商時報", "2024-05-10"),
        ("中華民國113年5月10日 星期五 經濟日報 A3", "經濟日報", "2024-05-10"),  # the Republic's calendar
        ("2024年5月10日 星期五 要闻", None, "2024-05-10"),
        ("2024年3月13日 投资者分享会举行", None, None),  # a headline with a date: no folio
        ("2025年3月29日，湖南日报发布一季度数据", None, None),
    ],
)
def test_a_folio_line_dates_the_page_and_names_its_paper(line, publication, date):
    from generator.ingest.metadata import read_folio

    meta = read_folio(line)
    assert (meta.publication, meta.date) == (publication, date) if date else meta is None


@pytest.mark.parametrize("datelines", [True, False])
def test_a_news_page_is_read_article_by_article_under_its_folio_line(tmp_path, datelines):
    """A folio line across the page, two articles side by side (each a headline over its
    column) and one across the page under them: the line across kept the columns from being
    cut, and both headlines came before both texts. Without a dateline ("本报讯") to start
    each article, a headline is told from a section head by its size."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "page.pdf"
    page = canvas.Canvas(str(path))
    page.setFont("STSong-Light", 9)
    page.drawString(40, 815, "2025年3月29日 星期六 湖南日报 04 经济")
    bottom = 780
    news = [(h, t if datelines else t.removeprefix("本报讯 ")) for h, t in NEWS_PAGE]
    for (headline, text), x, y, per in zip(news, (40, 310, 40), (780, 780, None), (24, 24, 50), strict=True):
        y = y or bottom - 40
        page.setFont("STSong-Light", 18)
        page.drawString(x, y, headline)
        page.setFont("STSong-Light", 10)
        lines = [text[i : i + per] for i in range(0, len(text), per)]
        for row, line in enumerate(lines):
            page.drawString(x, y - 28 - 14 * row, line)
        bottom = min(bottom, y - 28 - 14 * len(lines))
    page.save()
    document = read_document(path)
    lines = [line.strip() for line in document.text.splitlines()]
    assert [lines.index(h) for h, _ in NEWS_PAGE] == sorted(lines.index(h) for h, _ in NEWS_PAGE)
    assert lines.index(NEWS_PAGE[0][0]) < lines.index(NEWS_PAGE[1][0]) - 2, "the first article's text before the second headline"
    articles = segment(document, reflow(document))
    assert [(a.title, a.body) for a in articles] == [(h, t.removeprefix("本报讯 ")) for h, t in NEWS_PAGE]
    # the folio line dates the page and names its paper, and is the page's header, not a headline
    assert all((a.meta.publication, a.meta.date) == ("湖南日报", "2025-03-29") for a in articles)
    assert reflow(document)[0].kind == "header"


def test_a_pdf_headline_heads_the_text_under_it_whatever_its_words(tmp_path):
    """A headline set large over its text, in two lines, sharing no word with the text: the
    page's type says it is the headline (a text dump's headline is matched to a text by its
    words, and this one was left unplaced, its two lines two headlines)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    stories = [
        (("5G杀到！三星4年后推产品、", "自驾车和机器人不是梦"), "台湾电信业的4G LTE大战才开打不久，韩国已经积极布局新一代行动通讯，"
         "三星电子宣布和鲜京电信合作研发相关技术。"),
        (("谷歌云端服务费大砍85%、", "力拼压倒亚马逊"), "谷歌再次使出低价策略，抢攻企业客户，宣布旗下储存服务的费用调降，"
         "业界认为此举将引发新一轮价格战。"),
    ]
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "page.pdf"
    page = canvas.Canvas(str(path))
    top = 790
    for lines, text in stories:
        page.setFont("STSong-Light", 18)
        for row, line in enumerate(lines):
            page.drawString(40, top - 22 * row, line)
        page.setFont("STSong-Light", 10)
        for row, start in enumerate(range(0, len(text), 48)):
            page.drawString(40, top - 56 - 14 * row, text[start : start + 48])
        top -= 160
    page.save()
    document = read_document(path)
    articles = segment(document, reflow(document))
    assert [(a.title, a.body) for a in articles] == [("".join(lines), text) for lines, text in stories]


# a kicker and a subhead 1.4 times the text's size, or only 1.2 times, as many papers set them
@pytest.mark.parametrize("part_size", [14, 12])
def test_a_kicker_a_headline_in_two_lines_and_a_subhead_are_one_title(tmp_path, part_size):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    parts = [(part_size, "为高质量发展注入新动能"), (22, "湖南一季度工业"), (22, "开局良好"), (part_size, "规上工业增加值同比增长6.8%")]
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "page.pdf"
    page = canvas.Canvas(str(path))
    top = 790
    for size, text in parts:
        page.setFont("STSong-Light", size)
        page.drawString(40, top, text)
        top -= size + 6
    page.setFont("STSong-Light", 10)
    for row, start in enumerate(range(0, len(RIGHT), 40)):
        page.drawString(40, top - 14 - 14 * row, RIGHT[start : start + 40])
    page.save()
    document = read_document(path)
    (article,) = segment(document, reflow(document))
    assert article.title == "为高质量发展注入新动能 湖南一季度工业开局良好 规上工业增加值同比增长6.8%"
    assert article.body == RIGHT


TSMC = ("台積電10月營收創新高", ["台積電今日公布10月營收2360億元，較上月增加12.3%，創下歷史新高。", "法人預估，台積電第四季營收可望季增逾一成。"])
HON_HAI = ("鴻海前三季獲利成長", ["鴻海今日公布前三季財報，稅後純益1020億元，年增8%。", "鴻海表示，人工智慧伺服器出貨強勁。"])


def _vertical_page(path, *, vertical_headline: bool) -> None:
    """A Taiwanese paper's page set vertically: two stacked articles, lines of 20 characters
    read top to bottom and right to left, paragraphs indented two characters, up to three
    digits side by side inside a line (as such pages set "10月", "2360"). The first article's
    headline is set down a line of its own, or across above the text, as the second's is."""
    import re

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    size, per = 12, 20
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    page = canvas.Canvas(str(path))
    for (headline, paragraphs), top, down in ((TSMC, 800, vertical_headline), (HON_HAI, 440, False)):
        page.setFont("STSong-Light", 18)
        if down:
            for i, piece in enumerate(re.findall(r"\d{1,3}|.", headline)):
                page.drawString(542, top - 20 * i, piece)
            x, y = 512, top
        else:
            page.drawRightString(560, top, headline)
            x, y = 548, top - 30
        page.setFont("STSong-Light", size)
        for paragraph in paragraphs:
            pieces = ["", "", *re.findall(r"\d{1,3}|.", paragraph)]
            for start in range(0, len(pieces), per):
                for i, piece in enumerate(pieces[start : start + per]):
                    width = size / 2 * len(piece) if piece.isdigit() else size
                    if piece:
                        page.drawString(x + (size - width) / 2, y - (size + 2) * i, piece)
                x -= size + 6
    page.save()


@pytest.mark.parametrize("vertical_headline", [False, True])
def test_a_page_set_vertically_is_read_top_to_bottom_and_right_to_left(tmp_path, vertical_headline):
    path = tmp_path / "page.pdf"
    _vertical_page(path, vertical_headline=vertical_headline)
    document = read_document(path)
    articles = segment(document, reflow(document))
    assert [(a.title, list(a.paragraphs)) for a in articles] == [(t, p) for t, p in (TSMC, HON_HAI)]


def test_a_vertical_article_runs_on_past_a_gap_across_the_page(tmp_path):
    """A picture across the middle of a vertically set article: the lines under it are still
    its text (only a band that opens on a headline starts another article)."""
    import re

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    headline, paragraphs = TSMC
    text = "".join(paragraphs)
    pieces = re.findall(r"\d{1,3}|.", text)  # up to three digits side by side, as _vertical_page sets them
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "page.pdf"
    page = canvas.Canvas(str(path))
    page.setFont("STSong-Light", 18)
    page.drawRightString(560, 800, headline)
    page.setFont("STSong-Light", 12)
    half = 30  # lines of 15: the text under the picture starts at a line's start, at the right again
    for top, part in ((770, pieces[:half]), (430, pieces[half:])):
        x = 548
        for start in range(0, len(part), 15):
            for i, piece in enumerate(part[start : start + 15]):
                width = 6 * len(piece) if piece.isdigit() else 12
                page.drawString(x + (12 - width) / 2, top - 14 * i, piece)
            x -= 18
    page.save()
    document = read_document(path)
    (article,) = segment(document, reflow(document))
    assert article.title == headline and article.body.replace("\n", "") == text


def test_metadata_front_matter_sidecar_and_index(tmp_path):
    text = "---\npublication: 湖南日报\ndate: 2025-03-29\nurl: https://example.com/a\n---\n# 标题一\n\n正文第一段，说明情况。\n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    doc = read_document(tmp_path / "a.md")
    assert (doc.meta.publication, doc.meta.date, doc.meta.url) == ("湖南日报", "2025-03-29", "https://example.com/a")
    assert doc.text.splitlines()[5] == "# 标题一", "front matter is blanked, line numbers kept"

    (tmp_path / "b.txt").write_text("# 标题二\n\n正文，说明情况。\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("publication: 中国工业报\ndate: 2024-04-10\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("# 标题三\n\n正文，说明情况。\n", encoding="utf-8")
    (tmp_path / "sources.yaml").write_text("c.txt: {publication: 新华社, url: 'https://example.com/c'}\n", encoding="utf-8")
    index = load_sources_index(tmp_path)
    assert read_document(tmp_path / "b.txt", sources_index=index).meta.publication == "中国工业报"
    c = read_document(tmp_path / "c.txt", sources_index=index)
    assert c.meta.publication == "新华社" and c.meta.date is None, "never invented"
    assert [p.name for p in discover_sources([tmp_path]).files] == ["a.md", "b.txt", "c.txt"]

    (tmp_path / "d.txt").write_text("# 标题\n\n正文。\n", encoding="utf-8")
    (tmp_path / "d.yaml").write_text("publication: [unclosed\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"d\.txt"):
        read_document(tmp_path / "d.txt")


_CLIPPING = """---
title: "一季度湖南外贸进出口增长8.2%"
source: "https://www.hunan.gov.cn/hnyw/202404/t20240418_33281234.html"
author:
  - "[[湖南日报]]"
published: 2024-04-18T08:30:00+08:00
created: 2024-04-19
tags:
  - "clippings"
---
# 一季度湖南外贸进出口增长8.2%

> 湖南日报全媒体记者 陈奕樊

![长沙黄花综合保税区](https://img.hunan.gov.cn/a.jpg)

*长沙黄花综合保税区内，工人正在装运货物。（湖南日报记者 李健 摄）*

**4月18日**，记者从[长沙海关](https://changsha.customs.gov.cn/)获悉，今年一季度，湖南省货物贸易进出口总值1289.3亿元，同比增长8.2%。

其中，出口866.1亿元，增长10.5%；进口423.2亿元，增长3.8%。
"""


def test_a_clipped_web_page_is_read_with_its_clippers_metadata(tmp_path):
    """A page saved by a web clipper (Obsidian's: "source", "published", an italic caption)."""
    path = tmp_path / "clip.md"
    path.write_text(_CLIPPING, encoding="utf-8")
    document = read_document(path)
    assert (document.meta.url, document.meta.date) == ("https://www.hunan.gov.cn/hnyw/202404/t20240418_33281234.html", "2024-04-18")
    segmented = split_articles(document, reflow(document))
    (article,) = segmented.articles
    # no outlet in the metadata: the paper its reporter writes for
    assert (article.meta.publication, article.byline) == ("湖南日报", ("陈奕樊",))
    assert article.body.startswith("4月18日，记者从长沙海关获悉") and "摄" not in article.body
    assert ("caption", "长沙黄花综合保税区内，工人正在装运货物。（湖南日报记者 李健 摄）") in [(d.reason, d.text) for d in segmented.dropped]


@pytest.mark.parametrize(
    ("front", "publication", "url"),
    [
        ("source: 新华社", "新华社", None),  # a source that is no address names the publication
        ("publisher: 财新网\nlink: https://example.com/a", "财新网", "https://example.com/a"),
        ("publication: 湖南日报\nsource: https://example.com/b", "湖南日报", "https://example.com/b"),
    ],
)
def test_front_matter_fields_as_other_tools_name_them(tmp_path, front, publication, url):
    (tmp_path / "a.md").write_text(f"---\n{front}\npubDate: 2025/3/29\n---\n# 标题\n\n正文，说明情况。\n", encoding="utf-8")
    meta = read_document(tmp_path / "a.md").meta
    assert (meta.publication, meta.url, meta.date) == (publication, url, "2025-03-29")


def test_dateline_gives_publication_and_date_with_the_page_year():
    document = read_document(SEEDS / "003_84a0f30d0b85aac9.txt")
    articles = segment(document, reflow(document))
    dated = [a for a in articles if a.meta.date]
    assert dated and all(a.meta.date == "2025-03-29" and a.meta.publication == "湖南日报" for a in dated)
    dump = read_document(SEEDS / "000_9623b259a8a6cc57.txt")
    assert all(a.meta.publication is None for a in segment(dump, reflow(dump))), "本报 names no paper"


@pytest.mark.parametrize(
    "dateline, publication, month, day, reporters",
    [
        ("新华社北京4月9日电 国家统计局今天发布数据。", "新华社", 4, 9, ()),
        ("湖南日报3月29日讯(全媒体记者 孟姣燕 刘乐) 活动在长沙举行。", "湖南日报", 3, 29, ("孟姣燕", "刘乐")),
        ("本报讯（记者 叶伟）近日，会议召开。", None, None, None, ("叶伟",)),
        # a wire's place alone, its agency not named (a portal or a feed republishing it): no
        # publication, least of all "台" out of 台北
        ("长沙4月18日电 一季度，湖南外贸进出口总值1325.6亿元。", None, 4, 18, ()),
        ("台北4月18日電 台積電今日公布營收。", None, 4, 18, ()),
        ("新华社台北4月18日电 台积电今日公布营收。", "新华社", 4, 18, ()),
        ("湖南台4月18日讯 记者从省统计局获悉。", "湖南台", 4, 18, ()),
        ("界面新闻4月18日讯 宁德时代发布一季报。", "界面新闻", 4, 18, ()),
        ("格隆汇4月18日讯 宁德时代发布一季报。", "格隆汇", 4, 18, ()),  # a site's news, whatever its name ends on
        ("财联社5月11日电，美股三大指数收盘涨跌不一。", "财联社", 5, 11, ()),
    ],
)
def test_dateline_names_the_agency_not_the_place_it_filed_from(dateline, publication, month, day, reporters):
    from generator.ingest.datelines import parse_dateline

    parsed = parse_dateline(dateline)
    assert parsed is not None
    assert (parsed.publication, parsed.month, parsed.day, parsed.reporters) == (publication, month, day, reporters)
    assert dateline[parsed.end :][:1] not in "，, "  # the body starts after it, a flash's comma too


def test_a_headline_printed_above_a_dateline_is_not_part_of_it():
    from generator.ingest.datelines import starts_dateline

    assert starts_dateline("科技日报6月22日讯 中国轻")
    assert not starts_dateline("算力券助力中小企业降本科技日报6月22日讯 中国轻")


# Paragraph starts of the hard-wrapped sample page, read off the page by a person: each
# follows a line that ends a sentence about one character short of the column.
PARAGRAPH_STARTS = [
    "张宏博介绍说，长沙率先“吃螃蟹”",
    "《方案》提出，结合工业领域各类设备更新差",
    "“这些中小企业特色产业集群已成为区域经济",
    "如何推动中小企业特色产业集群高质量发展，",
    "田斌进一步表示，具体看，要加快提升中小企",
]


@pytest.mark.parametrize("start", PARAGRAPH_STARTS)
def test_a_short_line_ending_a_sentence_ends_its_paragraph(start):
    document = read_document(SEEDS / "000_9623b259a8a6cc57.txt")
    paragraphs = [b.text for b in reflow(document) if b.kind == "paragraph"]
    assert any(p.startswith(start) for p in paragraphs)
    assert not any(start in p and not p.startswith(start) for p in paragraphs), "joined to the paragraph before"


# A broker's note copied off a web page: one line, each paragraph opened by two ideographic
# spaces as Chinese print indents it, its part labels on their own.
FLATTENED_NOTE = (
    "2023Q3营收同比增长15%，盈利能力改善\u3000\u3000事件描述\u3000\u3000公司发布2023年三季报，前三季度实现营业收入"
    "120.5亿元，同比增长15.2%。\u3000\u3000投資要點\u3000\u3000（1）海外订单放量，高端产品收入占比提升至35%；"
    "\u3000\u3000（2）公司毛利率同比提升2.1个百分点。\u3000\u3000盈利预测与投资建议\u3000\u3000我们预计公司2023-2025年"
    "归母净利润分别为18.2亿元、22.5亿元、27.1亿元，维持“买入”评级。\u3000\u3000风险提示\u3000\u3000"
    "原材料价格波动、海外需求不及预期\n"
)


@pytest.mark.parametrize("single", [False, True])
@pytest.mark.parametrize("titled", [True, False])
def test_a_note_flattened_into_one_line_keeps_its_paragraphs_and_part_labels(tmp_path, single, titled):
    from generator.build import load_sources

    text = FLATTENED_NOTE if titled else FLATTENED_NOTE.split("\u3000\u3000", 1)[1]
    (tmp_path / "note.txt").write_text(text, encoding="utf-8")
    loaded = load_sources([tmp_path], single=single)
    [(_, [article])] = loaded.documents
    assert article.title == ("2023Q3营收同比增长15%，盈利能力改善" if titled else None)
    assert [s.heading for s in article.sections] == ["事件描述", "投資要點", "盈利预测与投资建议", "风险提示"]
    paragraphs = [p for s in article.sections for p in s.paragraphs]
    assert paragraphs[0].startswith("公司发布2023年三季报") and len(paragraphs) == 5
    assert paragraphs[-1] == "原材料价格波动、海外需求不及预期"  # the last words of the line head nothing
    assert not article.dropped
    assert not any("\u3000" in p or "事件描述" in p for p in paragraphs)


@pytest.mark.parametrize(
    "first, title",
    [
        ("业绩回顾 3Q21业绩略低于我们预期", "3Q21业绩略低于我们预期"),  # the label of the part it heads
        ("事件：公司发布2022年半年报", "公司发布2022年半年报"),
        ("【点评】", None),  # a label and nothing else: a section head, and a title is proposed
        ("公司动态 公司近况", None),
        ("风险提示", None),
    ],
)
@pytest.mark.parametrize("single", [False, True])
def test_a_notes_title_is_read_without_the_label_of_its_part(tmp_path, first, title, single):
    from generator.build import load_sources

    (tmp_path / "note.txt").write_text(first + FLATTENED_NOTE.split("\u3000\u3000", 1)[1][4:], encoding="utf-8")
    [(_, [article])] = load_sources([tmp_path], single=single).documents
    assert article.title == title and not article.dropped


@pytest.mark.parametrize("single", [False, True])
def test_a_notes_title_heads_it_though_it_shares_few_words_with_it(tmp_path, single):
    # a headline above a body is matched to it by its words; in a source of one article there
    # is nothing else it could head
    from generator.build import load_sources

    first = "报告要点核心资产拥有万有引力"
    (tmp_path / "note.txt").write_text(first + FLATTENED_NOTE.split("\u3000\u3000", 1)[1][4:], encoding="utf-8")
    [(_, [article])] = load_sources([tmp_path], single=single).documents
    assert article.title == "核心资产拥有万有引力" and not article.dropped


def test_a_byline_spaced_with_ideographic_spaces_stays_a_byline():
    from generator.ingest.paragraphs import plain_blocks

    blocks = plain_blocks(
        "一季度中小企业发展指数上升\n\n本报记者\u3000\u3000张三\u3000\u3000李四\n\n"
        "4月9日，中国中小企业协会发布的最新数据显示，今年一季度，我国中小企业发展指数为89.3。\n"
    )
    assert [b.kind for b in blocks] == ["heading", "byline", "paragraph"], blocks


@pytest.mark.parametrize("line", ["記者蘇嘉維／台北報導", "記者王莞甯、林書賢/綜合外電報導", "〔記者蘇嘉維／台北即時報導〕"])
def test_a_taiwanese_byline_with_the_place_it_was_filed_from_is_a_byline(line, tmp_path):
    from generator.ingest.furniture import byline_names

    assert byline_names(line) == (["王莞甯", "林書賢"] if "、" in line else ["蘇嘉維"])
    path = tmp_path / "page.txt"
    path.write_text(f"台積電10月營收創新高\n\n{line}\n\n台積電今天公布10月營收，較上月增加12.3%，創下歷史新高。\n", encoding="utf-8")
    document = read_document(path)
    (article,) = segment(document, reflow(document))
    assert article.title == "台積電10月營收創新高" and article.body.startswith("台積電今天") and article.byline


@pytest.mark.parametrize(
    "paragraph, publication, reporters, body",
    [
        ("新浪财经讯 4月15日晚间，宁德时代发布一季报。", "新浪财经", (), "4月15日晚间"),
        ("中证网讯（记者 王珞）4月15日，公司公告。", "中证网", ("王珞",), "4月15日"),
        ("【财新网】（记者 王晓）4月15日，公司公告。", "财新网", ("王晓",), "4月15日"),
        ("（中央社記者王承中台北10日電）台積電今天公布營收。", "中央社", (), "台積電"),
        ("中央社台北3日電 台積電今天公布營收。", "中央社", (), "台積電"),
        # a Taiwanese paper's reporters and the place they filed from
        ("〔記者蘇嘉維／台北報導〕台積電今天公布營收。", None, ("蘇嘉維",), "台積電"),
        ("【記者王莞甯、林書賢／綜合外電報導】蘋果今天發表新機。", None, ("王莞甯", "林書賢"), "蘋果"),
    ],
)
def test_a_web_desks_undated_dateline_names_the_publication(paragraph, publication, reporters, body):
    from generator.ingest.datelines import parse_dateline

    dateline = parse_dateline(paragraph)
    assert dateline is not None and dateline.publication == publication and dateline.reporters == reporters
    assert paragraph[dateline.end :].startswith(body)


@pytest.mark.parametrize(
    "paragraph", ["5G通讯业务增长。", "资讯显示，公司营收增长。", "【点评】公司业绩超预期。", "快讯 公司公告。", "合作社3日电价上涨。"]
)
def test_words_ending_in_xun_and_bracketed_labels_are_no_datelines(paragraph):
    from generator.ingest.datelines import parse_dateline

    assert parse_dateline(paragraph) is None


GOV_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>国务院印发《推动大规模设备更新和消费品以旧换新行动方案》_国务院文件_中国政府网</title>
<meta name="firstpublishedtime" content="2024-03-13-17:05:06"><meta name="lanmu" content="国务院文件"></head><body>
<div class="header"><a>首页</a><a>简</a><a>繁</a><a>EN</a><a>登录</a></div>
<div class="BreadcrumbNav">首页 > 政策 > 国务院文件</div>
<div class="article oneColumn pub_border">
<h1>国务院印发《推动大规模设备更新和消费品以旧换新行动方案》</h1>
<div class="pages-date">2024-03-13 17:05　来源： 新华社<span class="font">字号：默认 大 超大</span>|<span>打印</span>|<span>分享</span></div>
<div class="pages_content" id="UCAP-CONTENT">
<p>　　新华社北京3月13日电 近日，国务院印发《推动大规模设备更新和消费品以旧换新行动方案》（以下简称《行动方案》）。</p>
<p>　　《行动方案》提出，到2027年，工业、农业、建筑、交通、教育、文旅、医疗等领域设备投资规模较2023年增长25%以上；重点行业主要用能设备能效基本达到节能水平，环保绩效达到A级水平的产能比例大幅提升，规模以上工业企业数字化研发设计工具普及率、关键工序数控化率分别超过90%、75%。</p>
<p>　　《行动方案》明确了4方面20项重点任务。</p>
</div>
<div class="editor">【我要纠错】 责任编辑：王洋</div>
</div>
<div class="footer">主办单位：国务院办公厅　运行维护单位：中国政府网运行中心<br>版权所有：中国政府网　中文域名：中国政府网.政务</div>
</body></html>"""


def test_a_government_pages_date_line_and_correction_link_are_no_article_of_their_own(tmp_path):
    path = tmp_path / "gov.html"
    path.write_text(GOV_PAGE, encoding="utf-8")
    document = read_document(path)
    (article,) = segment(document, reflow(document))  # the date line no longer opens an article of its own
    assert article.title == "国务院印发《推动大规模设备更新和消费品以旧换新行动方案》"
    assert article.body.startswith("近日，国务院印发") and article.body.endswith("4方面20项重点任务。")
    assert article.meta.publication == "新华社"
    # without the agency's dateline, the source the page prints under the headline credits it
    path.write_text(GOV_PAGE.replace("新华社北京3月13日电 ", ""), encoding="utf-8")
    document = read_document(path)
    assert document.meta.site == "新华社" and document.meta.publication is None
    (article,) = segment(document, reflow(document))
    assert article.body.startswith("近日，国务院印发") and article.meta.publication == "新华社"


@pytest.mark.parametrize(
    ("head", "outlet"),
    [
        ("2024年04月15日 20:31 中国证券报", "中国证券报"),
        ("鉅亨網記者王莞甯 台北 2017/05/10 14:35", "鉅亨網"),  # the paper its reporter writes for
        ("湖南日报全媒体记者 黄利飞", "湖南日报"),
        ("文｜本刊记者 陈明 2023-11-02", None),  # "this magazine"
        ("记者 张三 北京报道", None),
        ("2024年04月18日09:12 | 分享到：", None),
    ],
)
def test_the_outlet_a_web_page_names_under_its_headline(head, outlet):
    from generator.ingest.metadata import named_outlet

    assert named_outlet(head) == outlet


@pytest.mark.parametrize("markup", ["", '<meta property="og:site_name" content="新浪财经">'])
def test_a_portal_page_is_credited_to_the_paper_it_names_under_the_headline(tmp_path, markup):
    """The portal's own name, in its title or its markup, is where the article was saved; the
    paper it names is who published it."""
    page = (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>湖南一季度工业开局良好_新浪财经_新浪网</title>{markup}</head><body>'
        '<div class="top-nav"><a href="/">新浪首页</a> <a>新闻</a> <a>财经</a></div><h1 class="main-title">湖南一季度工业开局良好</h1>'
        '<div class="date-source"><span class="date">2024年04月15日 20:31</span> <a class="source">中国证券报</a></div>'
        '<div class="article"><p>一季度全省规模以上工业增加值同比增长6.8%，增速比全国高0.7个百分点，工业经济开局良好。</p>'
        "<p>全省高技术制造业增加值同比增长12.3%，占规模以上工业比重提升，新动能持续壮大。</p></div></body></html>"
    )
    path = tmp_path / "portal.html"
    path.write_text(page, encoding="utf-8")
    document = read_document(path)
    (article,) = segment(document, reflow(document))
    assert article.meta.publication == "中国证券报" and document.meta.date == "2024-04-15"


@pytest.mark.parametrize(
    ("head", "names"),
    [
        ("文｜本刊记者 陈明 2023-11-02", ("陈明",)),
        ("记者 黄利飞 于森", ("黄利飞", "于森")),
        ("鉅亨網記者王莞甯 台北 2017/05/10 14:35", ("王莞甯",)),  # after a space, the place
        ("記者王莞甯、林書賢／台北報導", ("王莞甯", "林書賢")),
        ("记者 张三 北京报道", ("张三",)),
        ("本报记者 王雷 通讯员 陈刚", ("王雷", "陈刚")),
        ("作者：李四 2024-01-02 阅读 1024", ("李四",)),  # the date ends it
        ("2024-01-02 10:00 记者 张三", ("张三",)),
        ("2024-03-13 17:05　来源： 新华社字号：默认 大 超大|打印|分享", ()),
        ("2024年04月15日 20:31 中国证券报", ()),
        # a WeChat post: the account and the province it was posted from follow the reporter
        ("湖南日报全媒体记者 陈奕樊 湖南日报 湖南", ("陈奕樊",)),
    ],
)
def test_the_reporters_a_web_page_prints_under_its_headline(head, names):
    from generator.ingest.datelines import web_byline

    assert web_byline(head) == names


_TAIWAN_TEXT = (
    "<p>台積電今日公布10月營收，較上月增加12.3%，創下歷史新高，法人預計第四季營收將持續成長。</p>"
    "<p>公司表示，先進製程需求強勁，3奈米產能滿載，預計明年資本支出將維持高檔。</p>"
)


@pytest.mark.parametrize(
    "head",
    [
        # kept by the extractor with the text: a byline line of the article
        '<div class="article-body__info"><span>記者蘇嘉維／台北即時報導</span> <time>2024-11-08 14:02</time></div><section>',
        # left out with the page's chrome: read from what the page prints under the headline
        '<p class="byline">經濟日報記者蘇嘉維 台北 2024/11/08 14:02</p><section>',
        # opening the first paragraph, as the paper prints it
        "<section><p>〔記者蘇嘉維／台北報導〕</p>",
    ],
)
def test_a_web_pages_byline_under_the_headline_is_its_articles_byline(tmp_path, head):
    page = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>台積電10月營收創新高 | 經濟日報</title></head><body>'
        f"<nav><a>首頁</a><a>產業</a></nav><article><h1>台積電10月營收創新高</h1>{head}{_TAIWAN_TEXT}</section></article></body></html>"
    )
    path = tmp_path / "udn.html"
    path.write_text(page.replace("</p><p>台積電", "台積電", 1) if head.endswith("</p>") else page, encoding="utf-8")
    document = read_document(path)
    (article,) = segment(document, reflow(document))
    assert article.byline == ("蘇嘉維",) and article.meta.publication == "經濟日報"
    assert article.body.startswith("台積電今日公布10月營收") and "記者" not in article.body


@pytest.mark.parametrize(
    ("line", "source"),
    [
        ("2024-03-13 17:05　来源： 新华社 字号：默认 大 超大|打印|分享", "新华社"),
        ("2024-03-13 17:05　来源： 新华社字号：默认 大 超大", "新华社"),  # the page's text runs them together
        ("2024年04月18日09:12 | 来源：人民网－财经频道 分享到：", "人民网"),
        ("来源：湖南日报（ID：hnrb）", "湖南日报"),
        ("文章来源：证券时报网", "证券时报网"),
        ("来源:中国证券报·中证网", "中国证券报"),
        ("数据来源：Wind", None),  # a table's data, not the article's origin
        ("來源：中央社", "中央社"),  # in traditional script, named as printed
        ("来源：网络", None),  # the internet, compiled, this paper, a company: no outlet
        ("來源：綜合報導", None),
        ("来源：本报", None),
        ("来源：公司公告", None),
        ("发布时间：2024-03-13 浏览次数：1024", None),
    ],
)
def test_the_origin_a_sites_source_line_credits(line, source):
    from generator.ingest.metadata import credited_source

    assert credited_source(line) == source


_WECHAT_TEXT = (
    "今年一季度，湖南省货物贸易进出口总值1289.3亿元，同比增长8.2%，增速高于全国3.2个百分点。",
    "其中，出口866.1亿元，增长10.5%；进口423.2亿元，增长3.8%。",
)


def _wechat_post(account: str, source_line: str, reporter: str, text: tuple[str, str] = _WECHAT_TEXT) -> str:
    """A WeChat post as a browser saves it: the text hidden until a script shows it, paragraphs
    as sections of styled spans, a picture's caption, and the time of publication only in the
    script."""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><meta property="og:title" content="一季度湖南外贸进出口增长8.2%">
<meta property="og:site_name" content="微信公众平台"><title>一季度湖南外贸进出口增长8.2%</title></head><body>
<h1 class="rich_media_title" id="activity-name">
      一季度湖南外贸进出口增长8.2%
</h1>
<div id="meta_content"><span class="rich_media_meta_text">{reporter}</span>
<span class="rich_media_meta_nickname"><a href="javascript:void(0);" id="js_name">{account}</a></span>
<em id="publish_time"></em><em id="js_ip_wording_wrp" style="display: none;">湖南</em></div>
<div class="rich_media_content" id="js_content" style="visibility: hidden;">
<section><span style="font-size: 15px;">{text[0]}</span></section>
<p style="text-align: center;"><img data-src="https://mmbiz.qpic.cn/x/640"></p>
<p style="text-align: center;"><span style="font-size: 12px;">长沙黄花综合保税区内，工人正在装运货物。（湖南日报记者 李健 摄）</span></p>
<section><span style="font-size: 15px;">{text[1]}</span></section>
<section><span style="font-size: 12px;">{source_line}</span></section>
<p>往期推荐</p><p><a href="https://mp.weixin.qq.com/s?x"><span>长沙至赣州高铁开通运营</span></a></p>
</div><script>var ct = "1713427200";</script></body></html>"""


@pytest.mark.parametrize(
    ("account", "source_line", "reporter", "publication"),
    [
        ("湖南日报", "来源：湖南日报", "湖南日报全媒体记者 陈奕樊", "湖南日报"),
        # no paper named: the account that posted it, not the platform (og:site_name 微信公众平台)
        ("长沙发布", "编辑：李四 | 审核：王五", "记者 陈奕樊", "长沙发布"),
    ],
)
def test_a_saved_wechat_post_is_read_with_its_account_reporter_and_day(tmp_path, account, source_line, reporter, publication):
    path = tmp_path / "wechat.html"
    path.write_text(_wechat_post(account, source_line, reporter), encoding="utf-8")
    document = read_document(path)
    (article,) = segment(document, reflow(document))
    assert article.title == "一季度湖南外贸进出口增长8.2%"
    assert article.meta.publication == publication and article.byline == ("陈奕樊",)
    assert document.meta.date == "2024-04-18"  # the script's time, 2024-04-18 08:00 in China
    assert article.body.startswith("今年一季度") and article.body.endswith("增长3.8%。")
    assert [(d.reason, d.text) for d in article.dropped] == [("caption", "长沙黄花综合保税区内，工人正在装运货物。（湖南日报记者 李健 摄）")]


@pytest.mark.parametrize(("wechat", "short_first"), [(True, False), (True, True), (False, False)])
def test_a_short_paragraph_between_two_kept_by_the_precise_extractor_is_kept(tmp_path, wechat, short_first):
    # trafilatura's precise pass drops it with the chrome after a picture's caption; a WeChat
    # post is read from the element that holds its text, a short first paragraph too
    text = (
        "新日光公告其2016年5月份自结合并营收为17亿元，不仅较前月成长9.94%，且较去年同期增加4.73%。",
        "公司表示，当月营收增加，主要系因出货量增加所致。",
    )
    if short_first:
        text = ("事件：公司发布2021年三季报。", text[0])
    path = tmp_path / "wechat.html"
    page = _wechat_post("湖南日报", "来源：湖南日报", "记者 陈奕樊", text)
    path.write_text(page if wechat else page.replace('id="js_content"', 'id="content"'), encoding="utf-8")
    document = read_document(path)
    (article,) = segment(document, reflow(document))
    assert article.body == "\n\n".join(text)


def _word_document(path, *, title_style: str | None) -> None:
    """A press release as Word writes it: a title (centred, or in the Title style), the
    reporter, paragraphs, a section under a Heading 1, and a table."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    if title_style is None:
        document.add_paragraph("湖南一季度经济运行稳中有进").alignment = WD_ALIGN_PARAGRAPH.CENTER
    else:
        document.add_paragraph("湖南一季度经济运行稳中有进", style=title_style)
    document.add_paragraph("湖南日报全媒体记者 陈奕樊").alignment = WD_ALIGN_PARAGRAPH.CENTER  # (centred too)
    document.add_paragraph("4月18日，湖南省统计局发布数据显示，一季度全省地区生产总值12345.6亿元，同比增长5.1%。")
    document.add_heading("工业生产稳中有进", level=1)
    document.add_paragraph("全省规模以上工业增加值同比增长6.8%，高技术制造业增加值增长12.3%。")
    table = document.add_table(rows=2, cols=2)
    for (row, column), text in {(0, 0): "指标", (0, 1): "增速", (1, 0): "工业", (1, 1): "6.8%"}.items():
        table.cell(row, column).text = text
    document.add_paragraph("消费市场持续回暖，社会消费品零售总额增长5.5%。")
    document.save(str(path))


@pytest.mark.parametrize("title_style", [None, "Title"])
def test_a_word_document_is_read_with_its_title_sections_and_reporter(tmp_path, title_style):
    path = tmp_path / "release.docx"
    _word_document(path, title_style=title_style)
    document = read_document(path)
    segmented = split_articles(document, reflow(document))
    (article,) = segmented.articles
    assert (article.title, article.byline, article.meta.publication) == ("湖南一季度经济运行稳中有进", ("陈奕樊",), "湖南日报")
    assert [s.heading for s in article.sections] == [None, "工业生产稳中有进"]
    assert article.body.endswith("社会消费品零售总额增长5.5%。") and "指标" not in article.body
    assert [d.reason for d in segmented.dropped + article.dropped if d.reason == "table"] == ["table"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"PK\x03\x04 not really a zip", "not a Word document that can be read"),
        (b"plain text, named .docx", "not a Word document"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "the Word document is password-protected or in the old .doc format"),
    ],
)
def test_a_damaged_word_document_is_reported_in_one_line(tmp_path, content, reason):
    path = tmp_path / "broken.docx"
    path.write_bytes(content)
    with pytest.raises(SourceError, match=rf"broken\.docx: {reason}") as raised:
        read_document(path)
    assert "\n" not in str(raised.value)


_DIGEST_ITEMS = (
    ("一季度湖南外贸进出口增长8.2%", "据长沙海关统计，今年一季度，湖南省货物贸易进出口总值1289.3亿元，同比增长8.2%。"),
    ("比亚迪长沙基地新能源汽车产量创新高", "比亚迪长沙基地一季度新能源汽车产量达12.5万辆，同比增长35.2%。"),
    ("央行：4月LPR保持不变", "4月一年期贷款市场报价利率为3.45%，五年期以上为3.95%，均与上月持平。"),
)


def _markdown_page(tmp_path, heads: Sequence[str], lead: str = "") -> list:
    body = "".join(f"## {head}\n\n{text}\n\n" for head, (_, text) in zip(heads, _DIGEST_ITEMS, strict=True))
    path = tmp_path / "page.md"
    path.write_text(f"# 财经早报 | 2024年4月18日\n\n{lead}{body}", encoding="utf-8")
    document = read_document(path)
    return segment(document, reflow(document))


def test_a_markdown_page_of_several_articles_under_one_title_is_read_article_by_article(tmp_path):
    """A newsletter or digest: its title is the page's (its date theirs), each second-level
    heading an article's headline."""
    articles = _markdown_page(tmp_path, [head for head, _ in _DIGEST_ITEMS])
    assert [(a.title, a.body, a.meta.date) for a in articles] == [(h, t, "2024-04-18") for h, t in _DIGEST_ITEMS]


@pytest.mark.parametrize(
    ("heads", "lead"),
    [
        (["一、外贸", "二、汽车", "三、金融"], ""),  # numbered as an article's parts
        (["外贸", "汽车", "金融"], "今年一季度，全省经济运行稳中有进，主要指标好于预期。\n\n"),  # the title's own text first
        (["外贸开局良好，出口增速加快", "汽车", "金融"], ""),  # a subtitle, then heads of parts
    ],
)
def test_an_article_with_sections_under_its_title_stays_one_article(tmp_path, heads, lead):
    (article,) = _markdown_page(tmp_path, heads, lead)
    assert article.title == "财经早报 | 2024年4月18日"
    assert [s.heading for s in article.sections if s.heading] == heads


def test_flash_news_with_each_headline_in_black_brackets_is_read_item_by_item(tmp_path):
    """"【headline】text", as flash news and morning briefs print each item; a label
    ("【点评】") and a desk or dateline ("【财联社4月18日电】") in the same brackets are none."""
    items = [f"【{head}】{text}" for head, text in _DIGEST_ITEMS]
    items[1] = items[1].replace("】", "】【财联社4月18日电】", 1)
    path = tmp_path / "flash.txt"
    path.write_text("\n\n".join(items) + "\n\n【点评】外贸开局良好。\n\n【盈利预测与投资建议】维持目标价。\n", encoding="utf-8")
    document = read_document(path)
    articles = segment(document, reflow(document))
    assert [a.title for a in articles] == [head for head, _ in _DIGEST_ITEMS]
    assert articles[1].body == _DIGEST_ITEMS[1][1] and articles[1].meta.publication == "财联社"
    assert articles[2].body.endswith("均与上月持平。\n\n【点评】外贸开局良好。\n\n【盈利预测与投资建议】维持目标价。")


@pytest.mark.parametrize("lead", ["", "<p>今年一季度，全省经济运行稳中有进，主要指标好于预期，开局良好。</p>"])
def test_a_web_pages_headings_are_its_articles_headlines_or_its_section_heads(tmp_path, lead):
    """Under the page's title, a digest's <h2> over each article's text is that article's
    headline; after text of the title's own, an article's <h2> heads its section."""
    body = "".join(f"<h2>{head}</h2><p>{text}</p>" for head, text in _DIGEST_ITEMS)
    path = tmp_path / "page.html"
    path.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>财经早报 | 2024年4月18日</title></head><body>'
        f"<nav><a>首页</a><a>财经</a></nav><article><h1>财经早报 | 2024年4月18日</h1>{lead}{body}</article></body></html>",
        encoding="utf-8",
    )
    document = read_document(path)
    articles = segment(document, reflow(document))
    if lead:
        (article,) = articles
        assert [s.heading for s in article.sections] == [None, *(head for head, _ in _DIGEST_ITEMS)]
    else:
        assert [(a.title, a.body, a.meta.date) for a in articles] == [(h, t, "2024-04-18") for h, t in _DIGEST_ITEMS]


@pytest.mark.parametrize(
    ("line", "publication", "byline"),
    [
        ("原创 陈奕樊 湖南日报 2024-04-18 08:30 湖南", "湖南日报", ("陈奕樊",)),
        ("长沙发布 2024年04月18日 08:30 湖南", "长沙发布", ()),  # no author named
    ],
)
def test_text_copied_from_a_wechat_post_is_dated_and_credited_by_its_post_line(tmp_path, line, publication, byline):
    path = tmp_path / "copied.txt"
    path.write_text(f"一季度湖南外贸进出口增长8.2%\n\n{line}\n\n{_DIGEST_ITEMS[0][1]}\n", encoding="utf-8")
    document = read_document(path)
    segmented = split_articles(document, reflow(document))
    (article,) = segmented.articles
    assert (article.title, article.body) == ("一季度湖南外贸进出口增长8.2%", _DIGEST_ITEMS[0][1])
    assert (article.meta.date, article.meta.publication, article.byline) == ("2024-04-18", publication, byline)
    assert [d.reason for d in segmented.dropped] == ["byline"]


def test_text_copied_from_a_web_page_is_dated_and_credited_by_the_line_under_its_headline(tmp_path):
    path = tmp_path / "copied.txt"
    line = "发布时间：2024-04-18 08:30  来源：湖南日报  作者：陈奕樊"
    path.write_text(f"一季度湖南外贸进出口增长8.2%\n\n{line}\n\n{_DIGEST_ITEMS[0][1]}\n", encoding="utf-8")
    document = read_document(path)
    (article,) = segment(document, reflow(document))
    assert (article.meta.date, article.meta.publication, article.byline) == ("2024-04-18", "湖南日报", ("陈奕樊",))
    assert article.body == _DIGEST_ITEMS[0][1]


def test_an_old_table_laid_page_is_titled_by_its_headline_without_the_sites_name_or_menu(tmp_path):
    """A government site's page of tables, in GB2312: its <title> adds the site's name, its menu
    stands before the headline, its paragraphs are broken by <br>."""
    text = [head + "。" for head in ("今年一季度，湖南省货物贸易进出口总值1289.3亿元，同比增长8.2%", "其中，出口866.1亿元，增长10.5%")]
    page = (
        '<html><head><meta charset="gb2312"><title>一季度湖南外贸进出口增长8.2%_湖南省人民政府门户网站</title></head><body>'
        '<table width="100%"><tr><td><a href="/">首页</a> | <a>政务</a></td></tr></table>'
        '<table><tr><td class="title">一季度湖南外贸进出口增长8.2%</td></tr><tr><td>发布时间：2024-04-18 08:30 来源：湖南日报</td></tr>'
        f'<tr><td class="content">　　{text[0]}<br><br>　　{text[1]}</td></tr></table><div>版权所有：湖南省人民政府</div></body></html>'
    )
    path = tmp_path / "gov.html"
    path.write_bytes(page.encode("gb18030"))
    document = read_document(path)
    (article,) = segment(document, reflow(document))
    assert (article.title, article.body) == ("一季度湖南外贸进出口增长8.2%", "\n\n".join(text))
    assert (article.meta.publication, article.meta.date) == ("湖南日报", "2024-04-18")


# Text copied from a web page or a document: one paragraph to a line, no blank lines, the
# headline and the date on lines of their own (the headline keeps its punctuation).
_ONE_PARAGRAPH_A_LINE = (
    "“小目标”背后：一季度湖南外贸进出口增长8.2%\n"
    "2024-04-18 08:30\n"
    "长沙海关4月18日发布数据，一季度湖南外贸进出口总值1325.6亿元，同比增长8.2%，增速高于全国3.2个百分点。\n"
    "其中，出口866.1亿元，增长11.5%；进口459.5亿元，增长2.4%。\n"
    "从贸易方式看，一般贸易进出口占比超过六成，加工贸易保持稳定，\n"
    "跨境电商等新业态继续较快增长。\n"
)


def test_text_copied_one_paragraph_to_a_line_keeps_its_headline_date_and_paragraphs(tmp_path):
    path = tmp_path / "copied.txt"
    path.write_text(_ONE_PARAGRAPH_A_LINE, encoding="utf-8")
    document = read_document(path)
    (article,) = segment(document, reflow(document))
    assert article.title == "“小目标”背后：一季度湖南外贸进出口增长8.2%"
    assert article.meta.date == "2024-04-18"
    # a line that ends on a comma runs on into the next; every other line is a paragraph
    assert [p[:6] for p in article.paragraphs] == ["长沙海关4月", "其中，出口8", "从贸易方式看"]
    assert article.paragraphs[-1].endswith("保持稳定，跨境电商等新业态继续较快增长。")


def test_a_short_text_wrapped_at_a_fixed_width_stays_one_paragraph(tmp_path):
    """Too few lines to read as a PDF dump: its full lines that end no sentence run on."""
    text = "长沙海关4月18日发布数据，一季度湖南外贸进出\n口总值1325.6亿元，同比增长8.2%，增速高于全\n国3.2个百分点。\n"
    from generator.ingest.paragraphs import plain_blocks

    assert [(b.kind, b.text) for b in plain_blocks(text)] == [
        ("paragraph", "长沙海关4月18日发布数据，一季度湖南外贸进出口总值1325.6亿元，同比增长8.2%，增速高于全国3.2个百分点。")
    ]


@pytest.mark.parametrize("text, day", [("2023年10月27日", "2023-10-27"), ("2024-04-18 08:30", "2024-04-18"),
                                       ("2024年4月18日 星期四", "2024-04-18"), ("發布時間：2024/4/18", "2024-04-18"),
                                       ("2024年13月40日", None), ("2024年4月18日发布", None)])
def test_a_line_that_is_only_a_date(text, day):
    from generator.ingest.furniture import date_line

    assert date_line(text) == day


@pytest.mark.parametrize(
    "first, title",
    [
        # a space typed to part a headline's clauses stays; one a PDF's text layer puts around
        # every number goes
        ("印度/非洲需求加持 2022年全球智慧机市场规模料增2成", "印度/非洲需求加持 2022年全球智慧机市场规模料增2成"),
        ("2023 年三季报点评：业绩稳健增长", "2023年三季报点评：业绩稳健增长"),
        # a headline may ask or exclaim
        ("亚马逊连5天创历史新高、一年内市值挑战1兆美元？", "亚马逊连5天创历史新高、一年内市值挑战1兆美元？"),
    ],
)
def test_the_first_line_of_a_copied_text_is_its_title_as_typed(first, title, tmp_path):
    path = tmp_path / "copied.txt"
    path.write_text(first + "\n" + _ONE_PARAGRAPH_A_LINE.split("\n", 2)[2], encoding="utf-8")
    document = read_document(path)
    (article,) = segment(document, reflow(document))
    assert article.title == title
    assert article.paragraphs[0].startswith("长沙海关4月18日发布数据")


@pytest.mark.parametrize(
    "name, source",
    [
        ("a.md", "# {title}\n\n长沙海关4月18日发布数据，一季度湖南外贸进出口总值1325.6亿元，同比增长8.2%。\n"),
        ("a.html", "<html><head><title>{title}_新浪财经_新浪网</title></head><body><h1>{title}</h1>"
                   "<p>长沙海关4月18日发布数据，一季度湖南外贸进出口总值1325.6亿元，同比增长8.2%，增速高于全国3.2个百分点。</p>"
                   "<p>其中，出口866.1亿元，增长11.5%；进口459.5亿元，增长2.4%。</p></body></html>"),
    ],
)
@pytest.mark.parametrize(
    "typed, title",
    [
        ("印度/非洲需求加持 2022年全球智慧机市场规模料增2成", "印度/非洲需求加持 2022年全球智慧机市场规模料增2成"),
        ("Sony机上盒PS TV广受好评 10月抢进北美市场", "Sony机上盒PS TV广受好评 10月抢进北美市场"),
        ("2023 年三季报点评：业绩稳健增长", "2023年三季报点评：业绩稳健增长"),
    ],
)
def test_a_markdown_or_web_headline_keeps_the_space_that_parts_its_clauses(tmp_path, name, source, typed, title):
    """As a copied text's first line does: the headline as typed, not as a PDF spaces numbers."""
    path = tmp_path / name
    path.write_text(source.format(title=typed), encoding="utf-8")
    document = read_document(path)
    (article,) = segment(document, reflow(document))
    assert article.title == title


# Two articles set side by side on a PDF page, as poppler's `pdftotext` gives their text: each
# headline wrapped at its column's width, a block of its own; both headlines first, then both
# texts, the blocks parted by blank lines.
_SIDE_BY_SIDE_DUMP = """\
一季度湖南外贸进出口增
长8.2%，出口增速领先

长沙高新区新增专精特新
企业42家，总数破百

长沙海关4月18日发布数据，一季度湖南外贸进出
口总值1325.6亿元，同比增长8.2%，增速高于全国
3.2个百分点。其中，出口866.1亿元，增长11.5%；
进口459.5亿元，增长2.4%。海关分析，出口增速
领先主要得益于机电产品和劳动密集型产品出口
回暖，对东盟出口增长近两成。

记者从长沙高新区获悉，今年以来，园区新增国家
级专精特新“小巨人”企业和省级专精特新企业共
42家，专精特新企业总数达到108家，首次突破百
家。园区相关负责人介绍，这些企业主要集中在新
一代信息技术、高端装备制造和新材料等领域，
研发投入强度平均超过6%。
"""


def test_a_text_dump_of_articles_side_by_side_gives_each_its_headline(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(_SIDE_BY_SIDE_DUMP, encoding="utf-8")
    document = read_document(path)
    assert document.needs_reflow  # lines of one width as set, whatever their digits
    articles = segment(document, reflow(document))
    assert [(a.title, a.body[:6]) for a in articles] == [
        ("一季度湖南外贸进出口增长8.2%，出口增速领先", "长沙海关4月"),
        ("长沙高新区新增专精特新企业42家，总数破百", "记者从长沙高"),
    ]
    assert articles[0].body.endswith("对东盟出口增长近两成。") and articles[1].body.endswith("研发投入强度平均超过6%。")


# The same page as `pdftotext -layout` gives it: the columns side by side on each line, the
# right one starting at the same character of every line (the tool pads to a grid).
_LEFT = ["一季度湖南外贸进出口增", "长8.2%，出口增速领先", "长沙海关4月18日发布数据，一季度湖南外贸进出", "口总值1325.6亿元，同比增长8.2%，增速高于全国",
         "3.2个百分点。其中，出口866.1亿元，增长11.5%；", "进口459.5亿元，增长2.4%。", ""]
_RIGHT = ["长沙高新区新增专精特新", "企业42家，总数破百", "记者从长沙高新区获悉，今年以来，园区新增国家", "级专精特新“小巨人”企业和省级专精特新企业共",
          "42家，专精特新企业总数达到108家，首次突破百", "家。园区相关负责人介绍，这些企业主要集中在新", "一代信息技术和高端装备制造等领域。"]
_SIDE_BY_SIDE_LAYOUT = "2025年3月29日 星期六 湖南日报 04 经济\n\n\n" + "".join(
    f"{left:<34}{right}\n" for left, right in zip(_LEFT, _RIGHT, strict=True))


def test_a_page_laid_out_with_its_columns_side_by_side_is_read_column_by_column(tmp_path):
    from generator.ingest.side_by_side import unfold_columns

    assert unfold_columns(_ONE_PARAGRAPH_A_LINE) is None  # nothing side by side: left as it is
    path = tmp_path / "page.txt"
    path.write_text(_SIDE_BY_SIDE_LAYOUT, encoding="utf-8")
    document = read_document(path)
    assert document.extracted  # its lines are no longer the file's: no link to them
    articles = segment(document, reflow(document))
    assert [(a.title, a.body) for a in articles] == [  # a wrapped headline runs on as text does
        ("一季度湖南外贸进出口增长8.2%，出口增速领先",
         "长沙海关4月18日发布数据，一季度湖南外贸进出口总值1325.6亿元，同比增长8.2%，增速高于全国3.2个百分点。"
         "其中，出口866.1亿元，增长11.5%；进口459.5亿元，增长2.4%。"),
        ("长沙高新区新增专精特新企业42家，总数破百",
         "记者从长沙高新区获悉，今年以来，园区新增国家级专精特新“小巨人”企业和省级专精特新企业共42家，"
         "专精特新企业总数达到108家，首次突破百家。园区相关负责人介绍，这些企业主要集中在新一代信息技术和高端装备制造等领域。"),
    ]
    assert {a.meta.date for a in articles} == {"2025-03-29"}


# A dump of stacked articles as pdftotext gives them: a two-part headline whose smaller part
# (set in another size) is a block of its own one blank line under it, and a headline right
# over a text that shares few of its words.
_STACKED_DUMP = """\
一季度湖南外贸进出口增长8.2%

出口增速高于全国平均水平
长沙海关4月18日发布数据，一季度湖南外贸进出口总值1325.6亿元，同比增长8.2%，增速高于全国3.2个百
分点。其中，出口866.1亿元，增长11.5%；进口459.5亿元，增长2.4%。海关分析，机电产品和劳动密集型
产品出口回暖，对东盟出口增长近两成。

园区“小巨人”破百，研发强度超6%
记者从长沙高新区获悉，今年以来新增国家级和省级专精特新企业共42家，总数达到108家。这些企业主
要集中在新一代信息技术、高端装备制造和新材料等领域，平均研发投入强度超过6%。
"""


def test_stacked_articles_in_a_text_dump_keep_their_headlines_and_subheads(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(_STACKED_DUMP, encoding="utf-8")
    document = read_document(path)
    articles = segment(document, reflow(document))
    assert [(a.title, a.body[:6]) for a in articles] == [
        ("一季度湖南外贸进出口增长8.2% 出口增速高于全国平均水平", "长沙海关4月"),
        ("园区“小巨人”破百，研发强度超6%", "记者从长沙高"),
    ]


def _wrapped_body() -> str:
    """A paragraph wrapped at 30 columns, as a PDF's text layer gives it."""
    from tests.report_pages import wrapped

    paragraph = (
        "长沙海关4月18日发布数据，一季度湖南外贸进出口总值1325.6亿元，同比增长8.2%，增速高于全国3.2个百分点。"
        "其中，出口866.1亿元，增长11.5%；进口459.5亿元，增长2.4%。海关分析，机电产品和劳动密集型产品出口回暖，"
        "对东盟出口增长近两成，民营企业进出口占比超过七成，外贸主体活力持续增强，新业态新模式保持较快发展。"
    )
    more = "海关相关负责人表示，下一步将继续优化通关流程，支持企业稳订单、拓市场，推动外贸保稳提质。"
    return "\n".join(line.strip() for text in (paragraph, more) for line in wrapped(text, 30)) + "\n"


@pytest.mark.parametrize(
    "first",
    ["印度/非洲需求加持 2022年全球智慧机市场规模料增2成", "亚马逊连5天创历史新高、一年内市值挑战1兆美元？"],
)
def test_the_headline_of_a_wrapped_dump_is_read_as_typed(first, tmp_path):
    """A dump wrapped at the column's width: its first line is its headline, with the space
    that parts its clauses, or its question mark."""
    path = tmp_path / "dump.txt"
    path.write_text(first + "\n" + _wrapped_body(), encoding="utf-8")
    document = read_document(path)
    assert document.needs_reflow
    (article,) = segment(document, reflow(document))
    assert article.title == first and article.body.startswith("长沙海关") and article.body.endswith("推动外贸保稳提质。")


@pytest.mark.parametrize("name", ["copied.txt", "page.html"])
def test_the_invisible_characters_of_a_copied_page_are_no_part_of_its_text(tmp_path, name):
    """Sites put zero-width spaces and word joiners into their text against copying, and
    copies and saved pages keep them: "同比增长\u200b8.2%" parted a change from its figure, and
    "增\u2060长" a word. They go; a no-break space is a space; an emoji's joiner stays."""
    from generator.analysis import analyse
    from generator.config import SummaryConfig

    paragraphs = [
        "一季度，湖南外贸进出口总值\u200b1325.6亿元，同比增长\u200b8.2%📈，增速高于全国3.2个百分点。",
        "其中，出口866.1\xa0亿元，增长11.5%；进口459.5亿元，增\u2060长2.4%。外贸企业👨\u200d💻加快数字化转型。",
    ]
    if name.endswith(".html"):
        entity = [p.replace("\u200b", "&#8203;").replace("\xa0", "&nbsp;").replace("\u2060", "&#x2060;") for p in paragraphs]
        text = ("<html><head><title>一季度湖南外贸进出口增长8.2%</title></head><body><h1>一季度湖南外贸进出口增长8.2%</h1>"
                + "".join(f"<p>{p}</p>" for p in entity) + "</body></html>")
    else:
        text = "一季度湖南外贸进出口增长\u200b8.2%\n\n" + "\n\n".join(paragraphs) + "\n"
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    document = read_document(path)
    (article,) = segment(document, reflow(document))
    assert article.title == "一季度湖南外贸进出口增长8.2%"
    assert not any(c in article.body for c in "\u200b\u2060\xa0")
    assert "866.1亿元" in article.body and "增长2.4%" in article.body
    assert "👨\u200d💻" in article.body or name.endswith(".html")  # (the page's extractor drops every joiner)
    figures = {f.text: f.en for f in analyse(article, SummaryConfig()).figures}
    assert figures["1325.6亿元"] == "CNY 132.56 billion (+8.2% y/y)"
    assert figures["459.5亿元"] == "CNY 45.95 billion (+2.4%)"
