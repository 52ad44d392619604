"""Units of key figures: how Chinese news writes them, and the code each one gets.

The code is what the English and the JSON use: ISO 4217 for money ("CNY"), SI symbols
("t", "kWh"), or an English noun for counts ("companies").
"""

from __future__ import annotations

# Unit as written → unit code (the code names the unit in English and in JSON).
UNITS: dict[str, str] = {
    "个百分点": "pp", "百分点": "pp", "%": "%", "％": "%",
    "元人民币": "CNY", "元": "CNY", "美元": "USD", "港元": "HKD", "港币": "HKD",
    "欧元": "EUR", "日元": "JPY", "新台币": "TWD", "台币": "TWD",
    "吨": "t", "千瓦时": "kWh", "度电": "kWh", "兆瓦": "MW", "吉瓦": "GW",
    "千瓦": "kW", "公里": "km", "千米": "km", "平方米": "m²", "平方公里": "km²",
    "米": "m", "亩": "mu", "公顷": "ha", "家": "companies", "人次": "visits",
    "人": "people", "名": "people", "倍": "times", "辆": "vehicles", "台": "units",
    "套": "sets", "件": "items", "项": "items", "个": "items", "张": "items",
    "点": "points", "P": "PFLOPS", "EFLOPS": "EFLOPS", "PFLOPS": "PFLOPS",
}

# The thing a count word counts ("80个特色化行业大模型" → models), by its Chinese head noun.
COUNT_NOUNS = {
    "重点项目": "key projects", "项目": "projects", "企业": "companies", "行业": "industries", "产品": "products",
    "国家": "countries", "城市": "cities", "省市区": "provinces and regions", "省份": "provinces",
    "分项指数": "sub-indices", "分行业指数": "sector indices", "指数": "indices", "集群": "clusters",
    "集聚区": "clusters", "大模型": "models", "合作协议": "agreements", "协议": "agreements",
    "领域": "fields", "单位": "organisations", "园区": "parks", "基地": "bases", "中心": "centres",
    "人才": "people", "岗位": "jobs", "学校": "schools", "医院": "hospitals", "门店": "stores",
}

# Currency codes among the unit codes: amounts of money are scaled (million, billion).
CURRENCIES = frozenset({"CNY", "USD", "HKD", "EUR", "JPY", "TWD"})
# A currency named before the number ("新台币12.77亿元") overrides the "元" after it.
CURRENCY_BEFORE = {"新台币": "TWD", "台币": "TWD", "人民币": "CNY", "港币": "HKD"}
