"""Page furniture: the text on a newspaper page that is not article body.

Photo captions and their credits, bylines, and page headers that run the page's headlines
together. Reflow uses these rules to set such lines apart as blocks of their own; segment
uses them to attach a byline or a photo credit to its article.

Every rule reads the text folded to simplified script (``generator.text.to_simplified``,
one character for one), so a traditional-script page (記者, 攝, 資料照片, 圖片來源) is read
the same way; what a rule returns is cut from the original text.
"""

from __future__ import annotations

import re

from generator.ingest.datelines import OUTLET_WORD, iso_date
from generator.ingest.metadata import PRINTED_DATE, read_folio
from generator.text import to_simplified

# A photographer's credit closes a caption: "新华社记者 程敏/摄", "湖南日报全媒体记者 易昂 摄".
# "摄" must stand apart (after "/" or a space) or follow a reporter's name: "……进行拍摄。"
# is not a credit.
_PHOTO_CREDIT = re.compile(
    r"(?:[/／]\s*摄(?:影)?|\s摄(?:影)?|(?:记者|通讯员|摄影)\s*[\u4e00-\u9fff·]{2,4}(?:[\s、][\u4e00-\u9fff·]{2,4})*\s*摄)\s*$"
)
# ... or in brackets at the end, as web pages print it under a picture: "（新华社记者 张三 摄）",
# "（湖南日报记者 李健 摄）", "（摄影：张三）", "（张三/摄）", "（新华社发）"
_BRACKETED_CREDIT = re.compile(
    r"[（(][^()（）]{0,24}(?:\s|[/／]|记者|通讯员)\s*摄(?:影)?\s*[)）]\s*$"
    r"|[（(]\s*摄影?\s*[:：/／]\s*[\u4e00-\u9fff·]{2,4}(?:[、\s][\u4e00-\u9fff·]{2,4})*\s*[)）]\s*$"
    r"|[（(]\s*(?:新华社|中新社)[^()（）]{0,12}发\s*[)）]\s*$"
)
# A file photo or a picture's source, in brackets at the end: "(资料照片)", "（资料图）",
# "(图片来源:协禧网站)".
_FILE_PHOTO = re.compile(r"[（(]\s*资料(?:照片|图片|图)?\s*[)）]\s*$")
_PICTURE_SOURCE = re.compile(r"[（(]\s*(?:图片来源|图片提供|图源|图/)[^()（）]{0,40}[)）]\s*$")
# A caption set in brackets of its own, as web pages print one between paragraphs: "（图为长沙经开区
# 一家工程机械企业的生产线。资料图）"; and the file-photo mark closing a caption without them
_BRACKETED = re.compile(r"^[（(](?P<inner>[^()（）]*)[)）]$")
_FILE_PHOTO_MARK = re.compile(r"资料(?:照片|图片|图)\s*[。.]?$")
# The editors a web page credits under its article: "(责编：李四、王五)", "责任编辑：张三",
# "【编辑：张三 审核：李四】" (a name is two to four characters, as in a byline)
_STAFF_ROLE = r"(?:责任编辑|责编|值班编辑|编辑|审核|审校|校对|监制|主编|编审|终审|初审)"
_STAFF_NAMES = r"[\u4e00-\u9fff·]{2,4}(?:\s*[、，,/\s]\s*[\u4e00-\u9fff·]{2,4})*"
# ... or in brackets closing the article's last paragraph, with a wire's date code after it:
# "……可望季增逾1成。（編輯：林淑媛）1130510"
_TRAILING_STAFF = re.compile(rf"[（(]\s*{_STAFF_ROLE}\s*[:：]\s*{_STAFF_NAMES}\s*[)）](?:\s*\d{{6,8}})?\s*$")
_STAFF_CREDIT = re.compile(rf"^(?:【我要纠错】|【纠错】|\[纠错\])?\s*[（(【\[]?\s*(?:{_STAFF_ROLE}\s*[:：]\s*{_STAFF_NAMES}\s*[；;，,|｜]?\s*)+[)）】\]]?$")
# A site's line for its own app or account inside the article: "海量资讯、精准解读，尽在新浪财经APP",
# "下载澎湃新闻客户端", "扫码关注…公众号": short, no sentence of its own, ending on the app (a
# headline "打开支付宝APP就能办社保" goes on)
_PROMOTION = re.compile(r"(?:尽在|下载|关注|扫码|扫描二维码|打开|登录)[^。！？]{0,16}(?:APP|App|app|客户端|公众号|微信号?|微博|小程序)\s*$")
_MAX_PROMOTION_CHARS = 40
# ... and its notice of rights under the article: "本文首发于财经周刊，转载请注明出处。", "未经授权
# 禁止转载", "版权所有", "免责声明：…" (a paragraph of its own, a sentence or two)
_RIGHTS = re.compile(r"转载请注明|未经[^。]{0,6}(?:授权|许可)[^。]{0,8}(?:转载|使用|复制)|版权所有|版权声明|本文(?:首发|转载自|来源于)|免责声明")
_MAX_RIGHTS_CHARS = 60
# ... and its disclaimer under an article on markets: "＊编者按：本文仅供参考之用，并不构成要约、招
# 揽或邀请…", "本文不构成投资建议，据此操作风险自负"
_DISCLAIMER = re.compile(r"(?:仅供参考|不构成)[^。]{0,30}(?:投资建议|要约|投资决策|买卖依据)|据此(?:操作|投资|入市)[^。]{0,6}风险自负")
_MAX_DISCLAIMER_CHARS = 200
_DISCLAIMER_OPENS_WITHIN = 12  # characters: "＊编者按：本文仅供参考…", "免责声明：本文不构成…"
# ... and what an article copied from a WeChat account carries around it: "点击上方蓝字关注我们",
# "来源：湖南日报（ID：hnrb）", "- END -", "往期推荐", "喜欢就点个“在看”吧！", "点击“阅读原文”了解更多"
_READING_LIST = re.compile(r"^[【\[]?(?:往期推荐|往期回顾|推荐阅读|相关阅读|延伸阅读|热门推荐|精彩推荐|更多阅读)[】\]]?$")
_ACCOUNT = re.compile(
    r"点击上方.{0,12}关注|阅读原文|点(?:个|亮)?[“\"「]?在看|长按.{0,8}二维码|扫描?.{0,6}二维码"
    rf"|^[-—\s]*END[-—\s]*$|{_READING_LIST.pattern}"
    r"|^(?:来源|文章来源|本文来源|转自|转载自)[:：]\s*[^，,。]{2,20}$"
)
_MAX_ACCOUNT_CHARS = 40
# ... and the line under a web page's headline with its date, source and buttons: "2024-03-13
# 17:05 来源： 新华社 字号：默认 大 超大|打印|分享", "发布时间：2024-03-13 浏览次数：1024"
_PAGE_TOOLS = re.compile(r"字号|打印|分享|关闭窗口|浏览次数|阅读量|阅读数|点击数|收藏")
_PAGE_SOURCE = re.compile(r"(?:来源|发布时间|发布日期|作者)\s*[:：]")
_PAGE_AUTHOR = re.compile(r"作者\s*[:：]\s*([\u4e00-\u9fff·]{2,4})(?![\u4e00-\u9fff])")
_MAX_PAGE_LINE_CHARS = 100
# A caption opens by pointing at the picture.
_CAPTION_OPENING = re.compile(r"^\s*(?:图为|图[:：]|[上下左右中]图[:：为]?|图\d)")
# A caption is a few sentences: the photo story on the sample page runs 260 characters; a
# longer text ending in a credit is body text with a credit after it (characters).
_MAX_CAPTION_CHARS = 400
# A "(资料照片)" caption that does not open with "图为" is at most this long (characters):
# longer, it is a body paragraph whose picture the credit names.
_MAX_FILE_PHOTO_CAPTION_CHARS = 160
_BYLINE = re.compile(
    r"^[▶►>\-—\s]*(?P<org>\S{0,12}?)(全媒体)?(首席)?(特约)?(记者|通讯员|撰稿|编辑)\s*"
    r"(?P<names>[\u4e00-\u9fff·]{2,4}(\s+[\u4e00-\u9fff·]{2,4}){0,5})\s*$"
)
# A paper, an agency, a site or a station a byline names as its reporters' (湖南日报, 新华社, 鉅亨网)
_OUTLET_BYLINE = re.compile(rf"[\u4e00-\u9fff]{{1,10}}(?:{OUTLET_WORD})")
# ... and as Taiwan's papers print it, with the place the reporters filed from: "記者蘇嘉維／台北報導",
# "〔記者王莞甯、林書賢／台北即時報導〕"
_FILED_FROM = r"\s*[／/]\s*[\u4e00-\u9fff]{2,8}?(?:即时|综合)?(?:外电)?报[导道]"
_SLASH_BYLINE = re.compile(
    r"^\s*[〔【\[（(]?\s*\S{0,12}?记者\s*(?P<names>[\u4e00-\u9fff·]{2,4}(?:[、，,][\u4e00-\u9fff·]{2,4}){0,5})"
    rf"{_FILED_FROM}\s*[〕】\]）)]?\s*$"
)
# The line a WeChat post prints under its headline, as copied with the text (spaces beside
# numbers tidied away): "原创 陈奕樊 湖南日报2024-04-18 08:30湖南" (marked original, its author,
# the account, when it was posted and the province it was posted from)
_POST_LINE = re.compile(
    r"^(?:原创\s+)?(?:(?P<author>[\u4e00-\u9fff·]{2,4})\s+)?(?P<account>[\u4e00-\u9fffA-Za-z·]{2,20}?)\s*"
    r"(?P<y>(?:19|20)\d{2})[-/.年](?P<m>\d{1,2})[-/.月](?P<d>\d{1,2})日?\s*\d{1,2}:\d{2}\s*(?:[\u4e00-\u9fff]{2,8})?$"
)
# The photographer's credit at the end of a caption: "……。 记者 张三 摄".
_CREDIT = re.compile(r"[。.]?\s*([^。]{0,20}?)\s*/?\s*摄\s*$")
_CJK = re.compile(r"[\u3400-\u9fff]")
# A headline a page header repeats has at least this many Chinese characters.
_MIN_HEADLINE_CJK = 4
# The shortest headline a page header is checked for repeating (characters).
_MIN_REPEATED_HEADLINE = 6


def is_caption(text: str) -> bool:
    """A photo caption: it ends in a photographer's credit ("…/摄", "记者 X 摄"), or is a short
    text marked "(资料照片)", or opens like a caption ("图为…") and names the picture's source, is
    marked a file photo ("…。资料图") or stands in brackets of its own ("（图为…）")."""
    t = to_simplified(text.strip())
    if len(t) > _MAX_CAPTION_CHARS:
        return False
    if _PHOTO_CREDIT.search(t) or _BRACKETED_CREDIT.search(t):
        return True
    bracketed = _BRACKETED.match(t)
    inner = bracketed.group("inner").strip() if bracketed else t
    if _CAPTION_OPENING.match(inner) and (bracketed or _FILE_PHOTO_MARK.search(inner)):
        return len(t) <= _MAX_FILE_PHOTO_CAPTION_CHARS
    if _FILE_PHOTO.search(t):
        return len(t) <= _MAX_FILE_PHOTO_CAPTION_CHARS or bool(_CAPTION_OPENING.match(t))
    # (a body paragraph that ends naming its picture's source keeps its text: ``split_credit``)
    return bool(_PICTURE_SOURCE.search(t) and (_CAPTION_OPENING.match(t) or _PICTURE_SOURCE.fullmatch(t)))


def is_staff_credit(text: str) -> bool:
    """The line credits the page's editors ("(责编：李四、王五)"): no body text, no byline."""
    return bool(_STAFF_CREDIT.match(to_simplified(text.strip())))


# A mailing list's notice under a newsletter: why it came and how to stop it ("您收到这封邮件是因为
# 您订阅了财经早报。如不想再收到，请点击退订。", "此邮件由系统自动发送，请勿直接回复。")
_MAIL_NOTICE = re.compile(
    r"点击退订|退订(?:链接|本|此)|(?:点击|如需|如要|请)取消订阅|unsubscribe|您(?:之所以)?收到(?:这|此|本)封(?:电子)?邮件|(?:此|本)(?:封)?邮件(?:由系统)?自动发送"
    r"|请勿(?:直接)?回复(?:此|本)?(?:封)?邮件",
    re.IGNORECASE,
)
_MAX_MAIL_NOTICE_CHARS = 80


def is_site_notice(text: str) -> bool:
    """A site's promotion of its app or account, its notice of rights or its disclaimer, the
    line of date, source and buttons under its headline, a WeChat account's furniture, or a
    mailing list's notice, set as a paragraph of its own."""
    t = to_simplified(text.strip())
    if is_mail_notice(t):
        return True
    if len(t) <= _MAX_PROMOTION_CHARS and not re.search("[。！？]", t) and _PROMOTION.search(t):
        return True
    if len(t) <= _MAX_ACCOUNT_CHARS and _ACCOUNT.search(t):
        return True
    if len(t) <= _MAX_PAGE_LINE_CHARS and "。" not in t and PRINTED_DATE.search(t) and (
        _PAGE_SOURCE.search(t) or len(set(_PAGE_TOOLS.findall(t))) >= 2  # a headline may say 分享 once
    ):
        return True
    if len(t) <= _MAX_DISCLAIMER_CHARS and (m := _DISCLAIMER.search(t)) and m.start() <= _DISCLAIMER_OPENS_WITHIN:
        return True  # (a paragraph that opens on it: one with news before it keeps its news)
    return len(t) <= _MAX_RIGHTS_CHARS and bool(_RIGHTS.search(t))


def is_mail_notice(text: str) -> bool:
    """A mailing list's notice: why the mail came and how to stop it. What follows it is the
    mail's foot (the sender's address, its rights)."""
    t = to_simplified(text.strip())
    return len(t) <= _MAX_MAIL_NOTICE_CHARS and bool(_MAIL_NOTICE.search(t))


def heads_reading_list(text: str) -> bool:
    """The line heads the list of other articles a page closes with ("往期推荐", "【推荐阅读】")."""
    return bool(_READING_LIST.match(to_simplified(text.strip())))


def could_be_listed(text: str) -> bool:
    """A line such a list may hold: another article's headline, short and no sentence."""
    return len(text.strip()) <= _MAX_ACCOUNT_CHARS and not re.search("[。！？]", text)


def opens_caption(text: str) -> bool:
    """The text opens like a photo caption ("图为……", "上图："), wherever its credit is."""
    return bool(_CAPTION_OPENING.match(to_simplified(text)))


def split_staff(text: str) -> tuple[str, str]:
    """Body text and the editors credited in brackets at its end ("（編輯：林淑媛）1130510");
    ``(text, "")`` when there are none."""
    m = _TRAILING_STAFF.search(to_simplified(text))
    if not m:
        return text, ""
    return text[: m.start()].rstrip(), text[m.start() :].strip()


def split_credit(text: str) -> tuple[str, str]:
    """Body text and the picture credit that closes it: ("……的机会。", "(图片来源:协禧网站)").

    For a paragraph that is not a caption but names the source of a picture printed with it;
    ``(text, "")`` when there is no such credit, ``("", credit)`` when the credit stands alone.
    """
    t = to_simplified(text)
    m = _PICTURE_SOURCE.search(t) or _FILE_PHOTO.search(t)
    if not m:
        return text, ""
    return text[: m.start()].rstrip(), text[m.start() :].strip()


def caption_credit(caption: str) -> tuple[str, str, list[str]]:
    """A caption's words without the credit, the credit as printed, and the photographers'
    names in it."""
    folded = to_simplified(caption)
    credit = _CREDIT.search(folded)
    if not credit:
        return caption.strip(), "", []
    words = (caption[: credit.start()] + "。").strip()
    who = caption[credit.start(1) : credit.end(1)].strip()
    names = re.findall(r"[\u4e00-\u9fff]{2,4}$", who)
    return words, caption[credit.start() :].strip(), names


def byline_names(text: str) -> list[str] | None:
    """Reporter names of a byline line ("本报记者 张伟", "湖南日报全媒体记者 X Y"), else None."""
    stripped = text.strip()
    folded = to_simplified(stripped)
    m = _BYLINE.match(folded) or (_SLASH_BYLINE.match(folded) if "/" in folded or "／" in folded else None)
    if not m:
        return None
    return re.split(r"[\s、，,]+", stripped[m.start("names") : m.end("names")])


def byline_outlet(text: str) -> str | None:
    """The paper, agency or site a byline's reporters write for ("湖南日报全媒体记者 陈奕樊":
    湖南日报), not "this paper" (本报记者), as printed."""
    stripped = text.strip()
    m = _BYLINE.match(to_simplified(stripped))
    if not m or not _OUTLET_BYLINE.fullmatch(m.group("org")) or m.group("org") in ("本报", "本刊", "本网", "本台"):
        return None
    return stripped[m.start("org") : m.end("org")]


def post_line(text: str) -> tuple[str | None, str, str] | None:
    """The line a WeChat post prints under its headline, copied with its text ("原创 陈奕樊 湖南日报
    2024-04-18 08:30 湖南"): its author (None where not named), the account and the day it was
    posted (ISO), else None."""
    m = _POST_LINE.match(text.strip())
    if not m:
        return None
    date = iso_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    if date is None:
        return None
    return (m.group("author") if m.group("author") != m.group("account") else None), m.group("account"), date


# A date alone on its line, as a copied page or a report prints it under the headline:
# "2023年10月27日", "2024-04-18 08:30", "2024年4月18日 星期四"
_DATE_ALONE = re.compile(
    r"^\s*(?:日期|时间|发布时间|发布日期)?[:：]?\s*((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:\s*(?:星期|周)[一二三四五六日天])?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?\s*$"
)


def date_line(text: str) -> str | None:
    """The day (ISO) of a line that is only a date, else None."""
    m = _DATE_ALONE.match(to_simplified(text))
    return iso_date(*map(int, m.groups())) if m else None


def page_line(text: str) -> tuple[str | None, str | None]:
    """The day (ISO) and the author a site's line under its headline gives, copied with the text:
    "发布时间：2024-04-18 08:30 来源：湖南日报 作者：陈奕樊"."""
    if not _PAGE_SOURCE.search(text):
        return None, None
    day = PRINTED_DATE.search(text)
    author = _PAGE_AUTHOR.search(text)
    return (iso_date(*map(int, day.groups())) if day else None), (author.group(1) if author else None)


def is_page_header(text: str) -> bool:
    """A page header: headlines run together, one of them twice, and no full stop; or the
    page's folio line, its date and paper ("2025年3月29日 星期六 湖南日报 04 经济").

    Headlines keep their commas and question marks, so a header made of them does too.
    """
    return "。" not in text and (_repeats_itself(text) or read_folio(text) is not None)


def _repeats_itself(text: str) -> bool:
    """A page header repeats a headline twice in a row ("XYZXYZ"), which no headline does
    ("Johnson Johnson" in a line of body is a name, not a headline: the repeat must hold
    Chinese)."""
    t = re.sub(r"\s+", "", text)
    for size in range(_MIN_REPEATED_HEADLINE, len(t) // 2 + 1):
        for start in range(0, len(t) - 2 * size + 1):
            unit = t[start : start + size]
            if unit == t[start + size : start + 2 * size] and len(_CJK.findall(unit)) >= _MIN_HEADLINE_CJK:
                return True
    return False


def header_headlines(text: str) -> list[str]:
    """The headlines a page header runs together; a headline printed twice counts once (a
    folio line names none)."""
    if read_folio(text) is not None:
        return []
    pieces = []
    for piece in text.split():
        t = piece
        for size in range(len(t) // 2, 3, -1):
            if len(t) >= 2 * size and t[:size] == t[size : 2 * size]:
                rest = t[2 * size :]
                pieces.append(t[:size])
                t = rest
                break
        if t:
            pieces.append(t)
    out: list[str] = []
    for p in pieces:
        if p not in out and len(p) >= 4:
            out.append(p)
    return out
