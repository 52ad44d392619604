"""Saved mail (.eml) and single-file web pages (.mht/.mhtml), written byte for byte as a mail
client (Foxmail's MIME boundaries, GB2312 declared, GBK sent) and Chrome ("Saved by Blink")
write them, not through the library that reads them."""

from __future__ import annotations

import base64
import quopri
from pathlib import Path

import pytest

from generator.errors import SourceError
from generator.ingest.readers import discover_sources, read_document
from generator.ingest.reflow import reflow
from generator.ingest.segment import split_articles

HEADLINE = "一季度湖南外贸进出口增长8.2%"
# 镕 is GBK, not GB2312: the part says gb2312 and its bytes are GBK, as Chinese mail clients send
PARAGRAPHS = [
    "长沙海关4月18日发布数据，一季度湖南外贸进出口总值1325.6亿元，同比增长8.2%，增速高于全国3.2个百分点。",
    "其中，出口866.1亿元，增长11.5%；进口459.5亿元，增长2.4%。海关关长朱镕表示，外贸稳中向好的态势进一步巩固。",
]
PAGE = (
    "<!DOCTYPE html><html><head><meta charset=\"{charset}\"><title>{headline}_湖南省人民政府门户网站</title></head><body>"
    "<div class=\"nav\">首页 | 政务 | 新闻</div><h1>{headline}</h1>"
    + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    + "<div class=\"footer\">版权所有：湖南省人民政府办公厅</div></body></html>"
)


def _encoded_word(text: str, charset: str) -> str:
    return f"=?{charset}?B?{base64.b64encode(text.encode(charset if charset != 'gb2312' else 'gbk')).decode()}?="


def _base64_lines(data: bytes) -> str:
    encoded = base64.b64encode(data).decode()
    return "\r\n".join(encoded[i : i + 76] for i in range(0, len(encoded), 76))


def _mail(subject: str) -> bytes:
    html = PAGE.format(charset="gb2312", headline=HEADLINE).encode("gbk")
    plain = (HEADLINE + "\r\n\r\n" + "\r\n".join(PARAGRAPHS)).encode("gbk")
    return (
        f"From: {_encoded_word('财经早报', 'gb2312')} <morning@example.com>\r\n"
        "To: desk@example.com\r\n"
        f"Subject: {_encoded_word(subject, 'gb2312')}\r\n"
        "Date: Thu, 18 Apr 2024 08:30:12 +0800\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed;\r\n\tboundary="----=_NextPart_000_0001_01DA9151.5D3A2B40"\r\n'
        "X-Mailer: Foxmail 7.2\r\n\r\n"
        "This is a multi-part message in MIME format.\r\n\r\n"
        "------=_NextPart_000_0001_01DA9151.5D3A2B40\r\n"
        'Content-Type: multipart/alternative;\r\n\tboundary="----=_NextPart_001_0002_01DA9151.5D3A2B40"\r\n\r\n'
        "------=_NextPart_001_0002_01DA9151.5D3A2B40\r\n"
        'Content-Type: text/plain;\r\n\tcharset="gb2312"\r\n'
        "Content-Transfer-Encoding: base64\r\n\r\n"
        f"{_base64_lines(plain)}\r\n\r\n"
        "------=_NextPart_001_0002_01DA9151.5D3A2B40\r\n"
        'Content-Type: text/html;\r\n\tcharset="gb2312"\r\n'
        "Content-Transfer-Encoding: base64\r\n\r\n"
        f"{_base64_lines(html)}\r\n\r\n"
        "------=_NextPart_001_0002_01DA9151.5D3A2B40--\r\n\r\n"
        "------=_NextPart_000_0001_01DA9151.5D3A2B40\r\n"
        'Content-Type: application/pdf;\r\n\tname="report.pdf"\r\n'
        "Content-Transfer-Encoding: base64\r\n"
        'Content-Disposition: attachment;\r\n\tfilename="report.pdf"\r\n\r\n'
        "JVBERi0xLjQKJcfsj6IK\r\n\r\n"
        "------=_NextPart_000_0001_01DA9151.5D3A2B40--\r\n"
    ).encode("ascii")


def _mhtml(url: str) -> bytes:
    html = quopri.encodestring(PAGE.format(charset="utf-8", headline=HEADLINE).encode("utf-8")).decode("ascii")
    boundary = "----MultipartBoundary--hXq1wWQdTbqJ6rO4wPcRmQkz0eIZmjZDJ1gkCu7a0o----"
    return (
        "From: <Saved by Blink>\r\n"
        f"Snapshot-Content-Location: {url}\r\n"
        f"Subject: {_encoded_word(HEADLINE, 'utf-8')}\r\n"
        "Date: Fri, 3 May 2024 09:12:44 -0000\r\n"  # when it was saved: no publication date
        "MIME-Version: 1.0\r\n"
        f'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="{boundary}"\r\n\r\n\r\n'
        f"--{boundary}\r\n"
        "Content-Type: text/html\r\n"
        "Content-ID: <frame-5B1D6C1F2AD4B1E4B0D2E1A9F0C3A7B2@mhtml.blink>\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        f"Content-Location: {url}\r\n\r\n"
        f"{html}\r\n"
        f"--{boundary}\r\n"
        "Content-Type: image/png\r\n"
        "Content-Transfer-Encoding: base64\r\n"
        "Content-Location: https://www.hunan.gov.cn/images/logo.png\r\n\r\n"
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==\r\n\r\n"
        f"--{boundary}--\r\n"
    ).encode("ascii")


def _article(path: Path):
    document = read_document(path)
    (article,) = split_articles(document, reflow(document)).articles
    return document, article


def test_a_saved_mail_is_read_with_its_subject_date_and_text(tmp_path):
    path = tmp_path / "morning.eml"
    path.write_bytes(_mail("转发：" + HEADLINE))
    document, article = _article(path)
    assert document.format == "html"
    assert article.title == HEADLINE  # the subject, without "转发："
    assert article.meta.date == "2024-04-18"
    assert article.paragraphs == PARAGRAPHS  # GBK sent as gb2312: 镕 is read
    assert not any(word in article.body for word in ("首页", "版权所有"))
    assert any("report.pdf" in w and "not read" in w for w in document.warnings), document.warnings


def test_a_web_page_saved_as_one_file_keeps_its_address_and_no_saving_date(tmp_path):
    url = "https://www.hunan.gov.cn/hnszf/hnyw/sy/hnyw1/202404/t20240418_33289163.html"
    path = tmp_path / "page.mhtml"
    path.write_bytes(_mhtml(url))
    _, article = _article(path)
    assert article.title == HEADLINE and article.paragraphs == PARAGRAPHS
    assert article.meta.url == url
    assert article.meta.date is None  # the day it was saved (its Date header) is no publication date


def test_saved_mail_and_pages_are_found_as_sources(tmp_path):
    (tmp_path / "a.eml").write_bytes(_mail(HEADLINE))
    (tmp_path / "b.mht").write_bytes(_mhtml("https://example.com/a.html"))
    assert sorted(p.name for p in discover_sources([tmp_path]).files) == ["a.eml", "b.mht"]


def test_a_mail_with_no_text_is_a_clear_error(tmp_path):
    path = tmp_path / "bad.eml"
    path.write_bytes(b"MIME-Version: 1.0\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n")
    with pytest.raises(SourceError, match=r"bad.eml: no text or web page inside \(only application/pdf\)"):
        read_document(path)


def test_a_text_mail_built_into_the_site_links_to_its_file_not_to_lines_it_does_not_have(tmp_path):
    """The message's lines are not the .eml file's (headers, base64): no "#L3-L5" into it."""
    from tests.helpers import briefing, make_project

    project = make_project(tmp_path / "p", seeds=False)
    plain = (HEADLINE + "\r\n\r\n" + "\r\n\r\n".join(PARAGRAPHS)).encode("gbk")
    (project / "seeds" / "brief.eml").write_bytes(
        b"From: desk@example.com\r\nSubject: =?utf-8?B?" + base64.b64encode(HEADLINE.encode()) + b"?=\r\n"
        b"Date: Thu, 18 Apr 2024 08:30:12 +0800\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: text/plain; charset="gb2312"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
        + _base64_lines(plain).encode() + b"\r\n"
    )
    result = briefing("build", "--no-translate", cwd=project)
    assert result.returncode == 0, result.stderr
    (page,) = (project / "docs" / "digest").glob("brief-eml/article-*.md")
    text = page.read_text(encoding="utf-8")
    assert f"# {HEADLINE}" in text and "18 April 2024" in text
    assert "seeds/brief.eml)" in text and "brief.eml#L" not in text
    assert "of the text read from [brief.eml]" in text  # the lines named are the message's


NEWSLETTER = (
    '<html><head><meta charset="utf-8"><title>财经早报 | 2024年4月18日</title></head><body>'
    '<table width="600" cellpadding="0"><tr><td><h1>财经早报 | 2024年4月18日</h1>'
    "<h2>一季度湖南外贸进出口增长8.2%</h2>"
    f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>"
    "<h2>前两月规上轻工企业利润增长26.9%</h2>"
    "<p>中国轻工业联合会近日发布的数据显示，今年前2个月，我国规模以上轻工企业实现营业收入3.26万亿元，同比增长4.1%；实现利润1973.8亿元，同比增长26.9%。</p>"
    "<p>营业收入利润率为6.1%，同比提高1.1个百分点，盈利水平持续改善。</p>"
    '<p style="color:#999">您收到这封邮件是因为您订阅了财经早报。如不想再收到，请<a href="#">点击退订</a>。</p>'
    "</td></tr></table></body></html>"
)


def test_a_newsletter_mail_laid_out_in_tables_is_read_item_by_item(tmp_path):
    """Mail is laid out in tables, where the extractor drops the items' headlines: they are put
    back over their text, and the digest is read article by article, dated when it was sent."""
    encoded = _base64_lines(NEWSLETTER.encode("utf-8"))
    path = tmp_path / "morning.eml"
    path.write_bytes(
        f"From: news@example.com\r\nSubject: {_encoded_word('财经早报 | 2024年4月18日', 'utf-8')}\r\n"
        "Date: Thu, 18 Apr 2024 07:00:00 +0800\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        f"{encoded}\r\n".encode("ascii")
    )
    document = read_document(path)
    segmented = split_articles(document, reflow(document))
    assert [a.title for a in segmented.articles] == [HEADLINE, "前两月规上轻工企业利润增长26.9%"]
    assert {a.meta.date for a in segmented.articles} == {"2024-04-18"}
    assert not any("退订" in a.body for a in segmented.articles)
    dropped = [d for a in segmented.articles for d in a.dropped] + list(segmented.dropped)
    assert any(d.reason == "site notice" and "退订" in d.text for d in dropped)


@pytest.mark.parametrize(
    "text, notice",
    [
        ("您收到这封邮件是因为您订阅了财经早报。如不想再收到，请点击退订。", True),
        ("此邮件由系统自动发送，请勿直接回复。", True),
        ("如需取消订阅，请回复TD。", True),
        ("To unsubscribe, click here.", True),
        # news about subscriptions is news
        ("消费者可随时退订该服务。", False),
        ("用户可以取消订阅该服务，平台表示将改进。", False),
    ],
)
def test_a_mailing_lists_notice_is_set_aside(text, notice):
    from generator.ingest.furniture import is_site_notice

    assert is_site_notice(text) == notice


def test_a_mails_foot_is_set_aside_whole(tmp_path):
    """A table cell cut at its link came out as three lines, the last a lone "。" in the body;
    the sender's address after the mailing list's notice was body text."""
    html = (
        '<html><head><meta charset="utf-8"></head><body><table width="640">'
        f'<tr><td><h2>{HEADLINE}</h2></td></tr>'
        + "".join(f'<tr><td style="padding:8px">{p}</td></tr>' for p in PARAGRAPHS)
        + '<tr><td style="color:#999">您收到这封邮件是因为您订阅了财经早报。如不想再收到，请<a href="#">点击退订</a>。</td></tr>'
        '<tr><td style="color:#999">财经早报编辑部 北京市朝阳区建国路88号</td></tr></table></body></html>'
    )
    path = tmp_path / "item.eml"
    path.write_bytes(
        f"From: news@example.com\r\nSubject: {_encoded_word(HEADLINE, 'utf-8')}\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        f"{_base64_lines(html.encode('utf-8'))}\r\n".encode("ascii")
    )
    document = read_document(path)
    segmented = split_articles(document, reflow(document))
    (article,) = segmented.articles
    assert article.paragraphs == PARAGRAPHS
    notices = [d.text for d in [*segmented.dropped, *article.dropped] if d.reason == "site notice"]
    assert "您收到这封邮件是因为您订阅了财经早报。如不想再收到，请点击退订。" in notices
    assert "财经早报编辑部 北京市朝阳区建国路88号" in notices
