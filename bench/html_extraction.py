"""Saved web pages as a reader gets them: is the article's text kept, and the site's chrome left out?

Development texts (``../shared/devdata``, never copied in) are set in three page layouts of
Chinese news sites, written as the sites print them rather than as this project reads them:
a portal's finance page (navigation bar, date-and-source line, a promotion line inside the
article, the editor's credit, a "hot" list and a footer), a party paper's page (navigation,
"来源" line, share buttons, a bracketed photo caption between paragraphs, the editors in
brackets, related links), a Taiwanese financial site in traditional script (a reporter's
line, tags, further reading), a magazine's long read (section heads, linked names, a pull
quote, a rights notice) and a government portal (the date, source and buttons inside the
article, a correction link before the editor) and a WeChat post saved from the browser (the account and
the province under the headline, a picture's caption with its credit, the time of publication
only in the page's script), and a newsletter mail saved as ``.eml`` (laid out in tables, the
headline in a heading inside them, a line to view it in a browser, the mailing list's notice
and the sender's address; GB2312 declared, GBK sent, base64). Each text is set both whole and as a news flash (its first two sentences, which is where an
extractor falls back to the whole page). Each page is written as an ``.html`` file and the folder is run
through ``briefing inspect --json --no-translate``, the path a reader's page takes. Reported
per layout:

- paragraph recall: the share of the article's paragraphs whose text is in the body (but for
  a financial site's closing disclaimer set as a paragraph of its own, "＊编者按：本文仅供参考
  之用…", which is set aside as the site's notice);
- chrome in the body: pages whose body holds any line of the site's furniture, and how many
  such lines in all; the same for the keywords;
- the publication each article is credited to (the page's markup, else its dateline, else the
  source its "来源：" line credits, else the site its title names), its byline and its date;
- how the furniture that was set aside is reported (``dropped`` reasons of the articles; what
  stands after an article's last paragraph is reported with its document and not counted).

    .venv/bin/python bench/html_extraction.py [--per-set 40]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from copied_text import _without_disclaimer  # noqa: E402
from devdata import DATA_DIR, DATASETS, inspect_records  # noqa: E402

# Paragraphs of a page: sentences run together up to about this many characters
_PARAGRAPH_CHARS = 120
_SENTENCE = re.compile(r"[^。！？]*[。！？]+[”」]?|[^。！？]+$")

# Furniture each layout prints around and inside the article: (where, text)
PORTAL_CHROME = ["新浪首页 新闻 体育 财经", "2024年04月15日 20:31", "海量资讯、精准解读", "责任编辑：王涵",
                 "新浪财经公众号", "热门推荐", "央行宣布降准"]
PARTY_CHROME = ["首页 | 时政", "来源：人民网", "分享到", "图为长沙经开区", "(责编：李四、王五)", "分享让更多人看到",
                "推荐阅读", "一季度国民经济开局良好", "人民网版权所有"]
TAIWAN_CHROME = ["首頁台股美股", "鉅亨網記者", "#台股", "延伸閱讀", "台積電4月營收年增", "Anue鉅亨網"]


def portal(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>　　{p}</p>" for p in paragraphs[:1]) + "<p>　　海量资讯、精准解读，尽在新浪财经APP</p>"
    body += "".join(f"<p>　　{p}</p>" for p in paragraphs[1:]) + "<p>　　责任编辑：王涵</p>"
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}_新浪财经_新浪网</title></head><body>
<div class="top-nav"><a href="/">新浪首页</a> <a>新闻</a> <a>体育</a> <a>财经</a> <a>娱乐</a> <a>科技</a></div>
<h1 class="main-title">{title}</h1>
<div class="date-source"><span class="date">2024年04月15日 20:31</span> <a class="source">中国证券报</a></div>
<div class="article" id="artibody">{body}</div>
<div class="article-bottom">新浪财经公众号 24小时滚动播报最新的财经资讯和视频，更多粉丝福利扫描二维码关注</div>
<div class="hot"><h2>热门推荐</h2><ul><li><a>央行宣布降准0.5个百分点 释放长期资金约1万亿元</a></li>
<li><a>A股三大指数集体高开 沪指涨0.5%</a></li></ul></div></body></html>"""


def party_paper(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs[:1]) + "<p>（图为长沙经开区一家工程机械企业的生产线。资料图）</p>"
    body += "".join(f"<p>{p}</p>" for p in paragraphs[1:]) + '<p style="text-align:right">(责编：李四、王五)</p>'
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}--财经--人民网</title></head><body>
<div class="nav"><a href="/">首页</a> | <a>时政</a> | <a>国际</a> | <a>财经</a></div>
<div class="layout"><div class="col-1"><h1>{title}</h1>
<div class="box01"><div class="fl">2024年04月18日09:12 | 来源：人民网－财经频道</div><div class="fr">分享到：</div></div>
<div class="rm_txt_con">{body}</div><div class="edit">分享让更多人看到</div></div>
<div class="col-2"><h2>推荐阅读</h2><ul><li><a>一季度国民经济开局良好</a></li></ul></div></div>
<div class="footer">人民网版权所有，未经书面授权禁止使用 Copyright © 1997-2024</div></body></html>"""


def taiwan_site(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | 鉅亨網 - 台股新聞</title></head><body>
<header><nav><a>首頁</a><a>台股</a><a>美股</a><a>外匯</a></nav></header>
<main><div class="article"><h1>{title}</h1><p class="byline">鉅亨網記者王莞甯 台北 2017/05/10 14:35</p>
<section>{body}</section><div class="tags">#台股 #營收 #電子</div></div>
<aside><h3>延伸閱讀</h3><ul><li><a>台積電4月營收年增</a></li></ul></aside></main>
<footer>Copyright © 2024 Anue鉅亨網 All rights reserved.</footer></body></html>"""


_SECTION_HEADS = ("一、需求回暖", "二、产能布局", "三、后市展望", "四、风险因素")


def feature_page(title: str, paragraphs: list[str]) -> str:
    """A long read: section heads between paragraphs, names linked inside the text, a pull quote."""
    parts = []
    for i, p in enumerate(paragraphs):
        if i and i % 2 == 0:
            parts.append(f"<h2>{_SECTION_HEADS[(i // 2 - 1) % len(_SECTION_HEADS)]}</h2>")
        linked = re.sub(r"^([\u4e00-\u9fff]{2,4})", r'<a href="/tag/\1">\1</a>', p)
        parts.append(f"<p>{linked}</p>")
        if i == 0:
            parts.append(f"<blockquote>{p[:24]}</blockquote>")
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} - 财经周刊</title></head><body>
<div class="menu"><a>首页</a> <a>封面</a> <a>专题</a> <a>订阅</a></div>
<div class="post"><h1>{title}</h1><div class="meta">文｜本刊记者 陈明 2023-11-02</div>
<div class="post-body">{"".join(parts)}</div>
<div class="post-foot">本文首发于财经周刊，转载请注明出处。</div></div>
<div class="sidebar"><h3>最新文章</h3><ul><li><a>新能源车出口再创新高</a></li></ul></div></body></html>"""


FEATURE_CHROME = ["首页 封面 专题", "本文首发于财经周刊", "最新文章", "新能源车出口再创新高"]


def government_portal(title: str, paragraphs: list[str]) -> str:
    """A government portal: the date, source and buttons inside the article, a correction link
    before the editor."""
    body = "".join(f"<p>　　{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}_国务院文件_中国政府网</title></head><body>
<div class="header"><a>首页</a><a>简</a><a>繁</a><a>EN</a></div><div class="BreadcrumbNav">首页 > 政策 > 国务院文件</div>
<div class="article"><h1>{title}</h1>
<div class="pages-date">2024-03-13 17:05　来源： 新华社<span>字号：默认 大 超大</span>|<span>打印</span>|<span>分享</span></div>
<div class="pages_content">{body}</div><div class="editor">【我要纠错】 责任编辑：王洋</div></div>
<div class="footer">主办单位：国务院办公厅　版权所有：中国政府网</div></body></html>"""


GOVERNMENT_CHROME = ["首页 > 政策", "来源： 新华社", "字号", "我要纠错", "责任编辑：王洋", "主办单位"]


def wechat_post(title: str, paragraphs: list[str]) -> str:
    """A WeChat post as the browser saves it: the reporter, the account and the province it was
    posted from under the headline, the text hidden until a script shows it, paragraphs as
    sections of styled spans, a picture with its caption, the source and editors, a reading
    list, and the time of publication only in the script (2024-04-18 in China)."""
    spans = [f'<section style="margin-bottom:0px;"><span style="font-size:15px;letter-spacing:1px;">{p}</span></section>' for p in paragraphs]
    picture = ('<p style="text-align:center;"><img data-src="https://mmbiz.qpic.cn/mmbiz_jpg/x/640" data-type="jpeg"></p>'
               '<p style="text-align:center;"><span style="font-size:12px;color:rgb(136,136,136);">长沙黄花综合保税区内，工人正在装运货物。（湖南日报记者 李健 摄）</span></p>')
    body = "".join(spans[:1]) + picture + "".join(spans[1:])
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><meta property="og:title" content="{title}">
<meta property="og:site_name" content="微信公众平台"><meta property="og:url" content="http://mp.weixin.qq.com/s?__biz=MzA3&amp;mid=2651">
<title>{title}</title></head><body id="activity-detail"><div id="page-content" class="rich_media_area_primary">
<h1 class="rich_media_title" id="activity-name">
            {title}
</h1>
<div id="meta_content" class="rich_media_meta_list"><span class="rich_media_meta rich_media_meta_text">湖南日报全媒体记者 陈奕樊</span>
<span class="rich_media_meta rich_media_meta_nickname"><a href="javascript:void(0);" id="js_name">湖南日报</a></span>
<em id="publish_time" class="rich_media_meta rich_media_meta_text"></em>
<em id="js_ip_wording_wrp" class="rich_media_meta rich_media_meta_text" style="display: none;">湖南</em></div>
<div class="rich_media_content js_underline_content" id="js_content" style="visibility: hidden;">{body}
<p><br></p><section><span style="color:rgb(136,136,136);font-size:12px;">来源：湖南日报</span></section>
<section><span style="color:rgb(136,136,136);font-size:12px;">编辑：李四 | 审核：王五</span></section>
<p><span style="font-size:12px;">往期推荐</span></p><p><a href="https://mp.weixin.qq.com/s?__biz=x"><span>湖南发布算力券政策 全年发放1亿元</span></a></p>
</div></div><script>var ct = "1713427200"; var nickname = "湖南日报";</script></body></html>"""


MAIL_CHROME = ["邮件无法正常显示", "财经早报 第1024期", "您收到这封邮件", "点击退订", "北京市朝阳区"]


def newsletter_mail(title: str, paragraphs: list[str]) -> str:
    """A newsletter mail as its sender lays it out, in tables: a line to view it in a browser,
    the issue's masthead, the item's headline in a heading inside the table, the mailing
    list's notice and the sender's address at the foot. Written as a saved mail (``.eml``):
    the HTML declared GB2312, sent in GBK (GB18030 for what GBK lacks), base64, under a subject
    that is the headline."""
    body = "".join(f'<tr><td style="padding:8px 24px;font-size:15px">{p}</td></tr>' for p in paragraphs)
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>
<table width="100%" bgcolor="#f4f4f4"><tr><td align="center">
<table width="640" bgcolor="#ffffff" cellpadding="0" cellspacing="0">
<tr><td style="font-size:12px;color:#999">邮件无法正常显示？<a href="#">点此在浏览器中查看</a></td></tr>
<tr><td style="background:#c00;color:#fff;font-size:22px">财经早报 第1024期</td></tr>
<tr><td><h2 style="font-size:18px">{title}</h2></td></tr>
{body}
<tr><td style="font-size:12px;color:#999">您收到这封邮件是因为您订阅了财经早报。如不想再收到，请<a href="#">点击退订</a>。</td></tr>
<tr><td style="font-size:12px;color:#999">财经早报编辑部 北京市朝阳区建国路88号</td></tr>
</table></td></tr></table></body></html>"""


def as_mail(title: str, html: str) -> bytes:
    import base64

    subject = base64.b64encode(title.encode("gb18030")).decode()
    encoded = base64.b64encode(html.encode("gb18030")).decode()  # GBK, and what GBK lacks ("郭明𫓹")
    lines = "\r\n".join(encoded[i : i + 76] for i in range(0, len(encoded), 76))
    return (
        f"From: news@example.com\r\nSubject: =?GB2312?B?{subject}?=\r\nDate: Thu, 18 Apr 2024 07:00:00 +0800\r\n"
        "MIME-Version: 1.0\r\nContent-Type: text/html; charset=\"gb2312\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        f"{lines}\r\n"
    ).encode("ascii")


WECHAT_CHROME = ["湖南日报全媒体记者", "工人正在装运货物", "李健 摄", "编辑：李四", "往期推荐", "湖南发布算力券政策"]
LAYOUTS = {"portal": (portal, PORTAL_CHROME), "party paper": (party_paper, PARTY_CHROME), "taiwan site": (taiwan_site, TAIWAN_CHROME),
           "feature": (feature_page, FEATURE_CHROME), "government portal": (government_portal, GOVERNMENT_CHROME),
           "wechat post": (wechat_post, WECHAT_CHROME), "newsletter mail": (newsletter_mail, MAIL_CHROME)}


def paragraphs_of(text: str) -> list[str]:
    if "\n" in text:
        return [line for line in text.split("\n") if line.strip()]
    out, current = [], ""
    for sentence in _SENTENCE.findall(text.strip()):
        current += sentence
        if len(current) >= _PARAGRAPH_CHARS:
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return out


def _bare(text: str) -> str:
    return re.sub(r"\s+", "", text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-set", type=int, default=40, help="texts drawn from each development set")
    args = parser.parse_args()
    import opencc

    to_taiwan = opencc.OpenCC("s2twp")
    rng = random.Random(20261203)
    texts: list[tuple[str, str]] = []
    for file, reference, separator in DATASETS.values():
        path = DATA_DIR / file
        if not path.exists():
            raise SystemExit(f"html_extraction.py: {path} not found (the development data lives outside the repository)")
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for row in rng.sample(rows, args.per_set):
            title = row[reference] if separator is None else row[reference].split(separator)[0]
            texts.append((title.strip()[:40], row["article"]))
            # ... and as a news flash: its first two sentences, a paragraph each
            texts.append((title.strip()[:40], "\n".join(_SENTENCE.findall(row["article"].strip())[:2])))

    pages: dict[str, tuple[str, list[str], list[str]]] = {}
    with tempfile.TemporaryDirectory(prefix="html-extraction-") as tmp:
        folder = Path(tmp)
        for layout, (make, chrome) in LAYOUTS.items():
            for i, (title, article) in enumerate(texts):
                paragraphs = paragraphs_of(article)
                if layout == "taiwan site":
                    title, paragraphs = to_taiwan.convert(title), [to_taiwan.convert(p) for p in paragraphs]
                if layout == "newsletter mail":
                    name = f"{layout.replace(' ', '-')}-{i:03d}.eml"
                    (folder / name).write_bytes(as_mail(title, make(title, paragraphs)))
                else:
                    name = f"{layout.replace(' ', '-')}-{i:03d}.html"
                    (folder / name).write_text(make(title, paragraphs), encoding="utf-8")
                pages[name] = (layout, paragraphs, chrome)
        records = inspect_records(folder)

    print("| layout | pages | paragraph recall | pages with chrome in the body | chrome lines in bodies | chrome in keywords | pages read as several articles | lost pages |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    reasons: Counter[tuple[str, str]] = Counter()
    publications: Counter[tuple[str, str]] = Counter()
    bylines: Counter[tuple[str, str]] = Counter()
    dates: Counter[tuple[str, str]] = Counter()
    for layout in LAYOUTS:
        names = [n for n, p in pages.items() if p[0] == layout]
        found = total = dirty = lines = keyword_chrome = lost = split = 0
        for name in names:
            _, paragraphs, marks = pages[name]
            got = records.get(name, [])
            if not got:
                lost += 1
            split += len(got) > 1
            body = _bare("".join(r["body"] for r in got))
            keywords = " ".join(k for r in got for k in r["keywords"])
            kept = _without_disclaimer(paragraphs)  # a closing disclaimer of its own is the site's notice
            total += len(kept)
            found += sum(_bare(p) in body for p in kept)
            leaked = [m for m in marks if _bare(m) in body]
            dirty += bool(leaked)
            lines += len(leaked)
            keyword_chrome += any(k in keywords for k in ("新浪", "人民网", "鉅亨", "责编", "分享"))
            reasons.update((layout, d["reason"]) for r in got for d in r["dropped"])
            publications.update((layout, r["publication"] or "none") for r in got)
            bylines.update((layout, "、".join(r["byline"]) or "none") for r in got)
            dates.update((layout, r["date"] or "undated") for r in got)
        print(f"| {layout} | {len(names)} | {found / max(total, 1):.1%} | {dirty} | {lines} | {keyword_chrome} | {split} | {lost} |")
    print()
    print("publication of the articles (per layout): " + "; ".join(f"{layout}: {name} {n}" for (layout, name), n in sorted(publications.items())))
    print("bylines of the articles (per layout): " + "; ".join(f"{layout}: {names} {n}" for (layout, names), n in sorted(bylines.items())))
    print("dates of the articles (per layout): " + "; ".join(f"{layout}: {date} {n}" for (layout, date), n in sorted(dates.items())))
    print("set aside and reported (per layout): " + "; ".join(f"{layout}: {reason} {n}" for (layout, reason), n in sorted(reasons.items())))


if __name__ == "__main__":
    main()
