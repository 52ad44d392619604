"""Units of key figures: how Chinese news writes them, and the code each one gets.

The code is what the English and the JSON use: ISO 4217 for money ("CNY"), SI symbols
("t", "kWh"), or an English noun for counts ("companies"). Units are matched on text folded
to simplified script and half-width forms (億元, ％ and 個百分點 read as 亿元, % and 个百分点).
"""

from __future__ import annotations

import re
from decimal import Decimal

from generator.text import to_simplified

# Unit as written after the number → unit code.
UNITS: dict[str, str] = {
    "个百分点": "pp", "百分点": "pp", "个百分比": "pp", "pct": "pp", "pcts": "pp", "ppt": "pp", "PCT": "pp",
    "个基点": "bp", "基点": "bp", "个bps": "bp", "个bp": "bp", "bp": "bp", "bps": "bp",
    "%": "%", "‰": "%", "‱": "%", "成": "%",
    "元人民币": "CNY", "人民币元": "CNY", "人民币": "CNY", "元": "CNY", "块钱": "CNY",
    "美元": "USD", "美圆": "USD", "美金": "USD", "港元": "HKD", "港币": "HKD", "元港币": "HKD",
    "欧元": "EUR", "日元": "JPY", "日圆": "JPY", "新台币": "TWD", "台币": "TWD", "元新台币": "TWD",
    "韩元": "KRW", "韩圆": "KRW", "韩圜": "KRW", "英镑": "GBP", "瑞士法郎": "CHF", "澳元": "AUD",
    "澳币": "AUD", "加元": "CAD", "加币": "CAD", "新加坡元": "SGD", "卢布": "RUB", "泰铢": "THB",
    "印度卢比": "INR", "卢比": "INR", "澳门元": "MOP", "澳门币": "MOP", "林吉特": "MYR",
    "吨": "t", "公吨": "t", "千瓦时": "kWh", "度电": "kWh", "兆瓦": "MW", "吉瓦": "GW",
    "千瓦": "kW", "MW": "MW", "GW": "GW", "kW": "kW", "kWh": "kWh", "MWh": "MWh", "GWh": "GWh",
    "公里": "km", "千米": "km", "平方米": "m²", "平方公里": "km²",
    "米": "m", "亩": "mu", "公顷": "ha", "家": "companies", "人次": "visits",
    "人": "people", "名": "people", "倍": "times", "辆": "vehicles", "台": "units",
    "套": "sets", "件": "items", "项": "items", "个": "items", "张": "items", "桶": "barrels",
    "片": "pieces", "颗": "pieces", "部": "units", "支": "units", "只": "units", "户": "units",
    "架": "aircraft", "艘": "vessels", "头": "head", "款": "models", "座": "sites", "条": "lines",
    "点": "points", "P": "PFLOPS", "EFLOPS": "EFLOPS", "PFLOPS": "PFLOPS",
}
# Units written as a fraction of another: 3‰ is 0.3%, 三成 is 30%.
UNIT_SCALE: dict[str, Decimal] = {"‰": Decimal("0.1"), "‱": Decimal("0.01"), "成": Decimal(10)}
# "百分之五", "千分之一", "万分之三": the unit comes first, as a fraction of a percent.
PERCENT_WORDS: dict[str, Decimal] = {"百分之": Decimal(1), "千分之": Decimal("0.1"), "万分之": Decimal("0.01")}

# "/吨", "/年" after a unit: a rate ("3.19万元/吨" → CNY/t).
PER_UNITS: dict[str, str] = {
    "吨": "t", "公吨": "t", "年": "year", "月": "month", "天": "day", "股": "share", "桶": "barrel",
    "平方米": "m²", "平米": "m²", "千瓦时": "kWh", "度": "kWh", "盎司": "oz", "公斤": "kg", "斤": "jin",
    "人": "person", "件": "item", "台": "unit", "辆": "vehicle", "张": "item",
}

# The thing a count word counts ("80个特色化行业大模型" → models), by its Chinese head noun.
COUNT_NOUNS = {
    "重点项目": "key projects", "项目": "projects", "企业": "companies", "行业": "industries", "产品": "products",
    "国家": "countries", "城市": "cities", "省市区": "provinces and regions", "省份": "provinces",
    "分项指数": "sub-indices", "分行业指数": "sector indices", "指数": "indices", "集群": "clusters",
    "集聚区": "clusters", "大模型": "models", "合作协议": "agreements", "协议": "agreements",
    "领域": "fields", "单位": "organisations", "园区": "parks", "基地": "bases", "中心": "centres",
    "人才": "people", "岗位": "jobs", "学校": "schools", "医院": "hospitals", "门店": "stores",
    "专卖店": "stores", "店家": "stores", "店铺": "stores", "分店": "stores", "店": "stores", "网点": "outlets",
    "酒店": "hotels", "饭店": "hotels",
    "地区": "regions", "行政区": "districts", "市场": "markets", "品牌": "brands", "商品": "products",
    "药品": "drugs", "处方药": "drugs", "专利": "patents", "基站": "base stations", "据点": "sites",
    "工作机会": "jobs", "就业机会": "jobs", "航点": "destinations", "港口": "ports", "摊位": "booths",
    "券": "vouchers", "债券": "bonds", "证券": "securities",
}

# Codes of things counted one by one (not measured): a count of a few of them is a detail.
COUNTS = frozenset(
    {"companies", "visits", "people", "vehicles", "units", "sets", "items", "pieces", "models", "sites", "lines",
     "aircraft", "vessels", "head", *COUNT_NOUNS.values()}
)

# Currency codes among the unit codes: amounts of money are scaled (million, billion).
CURRENCIES = frozenset(
    {"CNY", "USD", "HKD", "EUR", "JPY", "TWD", "KRW", "GBP", "CHF", "AUD", "CAD", "SGD", "RUB", "THB", "INR", "MOP", "MYR"}
)
# What a bare 元 is when the source does not say (``SourceMeta.currency``): a Taiwanese or
# Hong Kong report names its dollar once ("新台币12.77亿元") and writes 元 after that; an
# article that names one of them and never the renminbi is read in it.
_NAMED_HOME = {"TWD": re.compile(r"新台币|台币|NT\$"), "HKD": re.compile(r"港币|港元|HK\$"), "MOP": re.compile(r"澳门元|澳门币")}
_NAMED_RENMINBI = re.compile(r"人民币|RMB|[¥￥]")
# A company listed in Shanghai or Shenzhen as well as in Hong Kong reports in renminbi: a note
# on it names the Hong Kong dollar for its H shares only ("A/H股…目标价…2.65港元").
_A_SHARES = re.compile(r"A股|A/H|A\+H|沪深|[上深]交所|科创板|创业板")


# A Taiwanese report, also in simplified script, names a listed company by its four-digit code
# ("国巨(2327)"), writes a change with its basis glued to the verb ("年增12%", "季减5%") where a
# mainland paper writes 同比 and 年增长, and uses words the mainland writes otherwise (网路 for
# 网络, 软体 for 软件, 随著 for 随着, 每股盈余 for 每股收益) or never (自结, 财测, 兴柜, 殖利率).
# Two of these signs make a report Taiwanese: none of the development set's 305 mainland texts
# (research notes, the samples) has even one.
_TAIWAN_CODE = re.compile(r"[\u4e00-\u9fff][(（](?![0０])\d{4}[)）]")
_TAIWAN_CHANGE = re.compile(r"[年季月][增减](?![长加少速量值])")
_TAIWAN_WORDS = re.compile(
    "随著|网路|软体|硬体|记忆体|伺服器|奈米|营益|自结|合并营收|财测|每股盈余|税后纯益|认列|上柜|兴柜|柜买|董座|资本额"
    "|获利|配息|殖利率|法人"
)
_TAIWAN_SIGNS = 2


# A Hong Kong report that never names its dollar: two of the city's own words (its exchange, its
# index, its government, its flats priced by the square foot). Not 香港 itself: Taiwan's papers
# name the city in every other market report ("僅香港(年增0.2%)…逆勢增長").
_HONG_KONG_WORDS = re.compile(r"港股|港交所|联交所|恒指|恒生指数|港府|特区政府|特首|立法会|每呎|呎价|实用面积")
_HONG_KONG_SIGNS = 2


def _taiwanese(text: str) -> bool:
    signs = len(set(_TAIWAN_WORDS.findall(text)))
    for pattern in (_TAIWAN_CODE, _TAIWAN_CHANGE):
        signs += signs < _TAIWAN_SIGNS and pattern.search(text) is not None
    return signs >= _TAIWAN_SIGNS


def home_currency(text: str, *, traditional: bool = False) -> str:
    """The currency a bare 元 of ``text`` is in (its traditional phrases read as simplified,
    as the parser reads them: "合併營收" and "新臺幣" are signs too).

    An article that names no currency is Taiwanese when printed in ``traditional`` script (the
    mainland prints simplified script; a Hong Kong paper names 港元, or else reads as one by two
    of its city's words and no sign of Taiwan) or when it reads as a Taiwanese report (two
    signs of ``_taiwanese``)."""
    text = to_simplified(text)
    if _NAMED_RENMINBI.search(text):
        return "CNY"
    named = [code for code, pattern in _NAMED_HOME.items() if pattern.search(text)]
    if named == ["HKD"] and _A_SHARES.search(text):
        return "CNY"
    if named:
        return named[0] if len(named) == 1 else "CNY"
    taiwanese = _taiwanese(text)
    if traditional and not taiwanese and len(set(_HONG_KONG_WORDS.findall(text))) >= _HONG_KONG_SIGNS:
        return "HKD"
    return "TWD" if traditional or taiwanese else "CNY"


def in_home_currency(unit: str | None, written: str, home: str) -> str | None:
    """``unit`` with a bare 元 read as ``home``; the renminbi named ("人民币3亿元") stays CNY."""
    if home == "CNY" or unit is None or not unit.startswith("CNY") or _NAMED_RENMINBI.search(written):
        return unit
    return home + unit[3:]


# A currency named before the number ("新台币12.77亿元", "人民币3.14亿", "US$12.5") overrides
# the "元" after it, or is the unit when none follows.
CURRENCY_BEFORE = {
    "新台币": "TWD", "台币": "TWD", "人民币": "CNY", "港币": "HKD", "港元": "HKD", "美金": "USD", "美元": "USD",
    "欧元": "EUR", "日元": "JPY", "日圆": "JPY", "英镑": "GBP",
    "US$": "USD", "HK$": "HKD", "NT$": "TWD", "S$": "SGD", "A$": "AUD", "C$": "CAD", "RMB": "CNY",
    "$": "USD", "¥": "CNY", "￥": "CNY", "€": "EUR", "£": "GBP",
}
