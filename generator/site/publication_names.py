"""The English names of the papers, agencies and sites Chinese news is credited to.

An English reader of the site should see "Xinhua News Agency (新华社)", not a name in a script
they may not read; a machine translation of a name is a guess ("New China Agency"). These are
the names the outlets use for themselves in English. A term of the user's glossary comes
first (``site.editions.publication_name``).

A name is looked up as printed, then in simplified script ("聯合報" is 联合报). Where the same
name is two papers, the script tells them apart: 經濟日報 is Taiwan's Economic Daily News,
经济日报 Beijing's Economic Daily.
"""

from __future__ import annotations

from generator.text import to_simplified

# As printed: where the script decides which paper it is, or the simplified form is not the one
# the name is written in (鉅亨網 folds to 巨亨网)
_AS_PRINTED = {
    "經濟日報": "Economic Daily News",
    "鉅亨網": "Anue",
}
_SIMPLIFIED = {
    # mainland agencies, papers and portals
    "新华社": "Xinhua News Agency",
    "新华网": "Xinhuanet",
    "中新社": "China News Service",
    "中国新闻社": "China News Service",
    "中国新闻网": "Chinanews.com",
    "人民日报": "People's Daily",
    "人民日报海外版": "People's Daily Overseas Edition",
    "人民网": "People's Daily Online",
    "光明日报": "Guangming Daily",
    "经济日报": "Economic Daily",
    "中国日报": "China Daily",
    "环球时报": "Global Times",
    "解放日报": "Jiefang Daily",
    "新京报": "The Beijing News",
    "南方日报": "Nanfang Daily",
    "南方周末": "Southern Weekly",
    "湖南日报": "Hunan Daily",
    "中国政府网": "gov.cn",
    "央视新闻": "CCTV News",
    "中央电视台": "China Central Television",
    "证券时报": "Securities Times",
    "中国证券报": "China Securities Journal",
    "上海证券报": "Shanghai Securities News",
    "证券日报": "Securities Daily",
    "21世纪经济报道": "21st Century Business Herald",
    "每日经济新闻": "National Business Daily",
    "经济观察报": "The Economic Observer",
    "第一财经": "Yicai",
    "财新": "Caixin",
    "财新网": "Caixin",
    "澎湃新闻": "The Paper",
    "界面新闻": "Jiemian",
    "新浪财经": "Sina Finance",
    "新浪网": "Sina",
    "网易": "NetEase",
    "腾讯新闻": "Tencent News",
    "凤凰网": "ifeng.com",
    "东方财富网": "Eastmoney",
    "华尔街见闻": "Wallstreetcn",
    # Taiwan
    "中央社": "Central News Agency",
    "中央通讯社": "Central News Agency",
    "工商时报": "Commercial Times",
    "中国时报": "China Times",
    "中时新闻网": "China Times",
    "联合报": "United Daily News",
    "联合新闻网": "United Daily News",
    "自由时报": "Liberty Times",
    "钜亨网": "Anue",
    "科技新报": "TechNews",
    "数位时代": "Business Next",
    "天下杂志": "CommonWealth Magazine",
    "商业周刊": "Business Weekly",
    "今周刊": "Business Today",
    # Hong Kong
    "明报": "Ming Pao",
    "星岛日报": "Sing Tao Daily",
    "香港经济日报": "Hong Kong Economic Times",
    "信报": "Hong Kong Economic Journal",
    "南华早报": "South China Morning Post",
    "大公报": "Ta Kung Pao",
    "东方日报": "Oriental Daily News",
    "香港01": "HK01",
}


def english_name(name: str) -> str | None:
    """The outlet's own English name, or None for a name not listed."""
    return _AS_PRINTED.get(name) or _SIMPLIFIED.get(to_simplified(name))
