"""RSS 2.0 and JSON Feed 1.1 of the newest articles, in English and Chinese.

Generated here rather than by mkdocs-rss-plugin: that plugin dates items from git history or
page metadata and gives each item one title and one description, while a briefing item
carries both languages, a publication and a publication date that is a day in a time zone.
Feeds are deterministic: no build time in them, dates are the articles' own.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from email.utils import format_datetime
from xml.etree import ElementTree as ET
from zoneinfo import ZoneInfo


def _published(date: str, timezone: str) -> dt.datetime:
    """Midnight of the publication day, where the paper is published."""
    return dt.datetime.combine(dt.date.fromisoformat(date), dt.time(0, 0), tzinfo=ZoneInfo(timezone))


def _title(item: dict) -> str:
    if item.get("title_en"):
        return f"{item['title_en']} · {item['title_zh']}"
    return item["title_zh"]


def _text(item: dict) -> str:
    parts = [" ".join(item.get("summary_en") or []), " ".join(item.get("summary_zh") or [])]
    return "\n\n".join(p for p in parts if p)


def rss_feed(items: Sequence[dict], meta: dict, url: Callable[[str], str], feed_url: str) -> str:
    ET.register_namespace("atom", "http://www.w3.org/2005/Atom")
    rss = ET.Element("rss", version="2.0")
    channel = ET.SubElement(rss, "channel")
    ET.SubElement(channel, "title").text = meta["title"]
    ET.SubElement(channel, "link").text = meta["home"]
    ET.SubElement(channel, "description").text = meta["description"] or meta["title"]
    ET.SubElement(channel, "language").text = "en"
    ET.SubElement(channel, "{http://www.w3.org/2005/Atom}link", href=feed_url, rel="self", type="application/rss+xml")
    if items:
        newest = max(_published(i["date"], meta["timezone"]) for i in items)
        ET.SubElement(channel, "lastBuildDate").text = format_datetime(newest)
    for item in items:
        entry = ET.SubElement(channel, "item")
        link = url(item["page"])
        ET.SubElement(entry, "title").text = _title(item)
        ET.SubElement(entry, "link").text = link
        ET.SubElement(entry, "guid", isPermaLink="true").text = link
        ET.SubElement(entry, "pubDate").text = format_datetime(_published(item["date"], meta["timezone"]))
        ET.SubElement(entry, "description").text = _text(item)
        if item.get("publication"):
            ET.SubElement(entry, "source", url=meta["home"]).text = item["publication"]
        for tag in item.get("tags", []):
            ET.SubElement(entry, "category").text = tag
    ET.indent(rss)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(rss, encoding="unicode") + "\n"


def json_feed(items: Sequence[dict], meta: dict, url: Callable[[str], str], feed_url: str) -> str:
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": meta["title"],
        "home_page_url": meta["home"],
        "feed_url": feed_url,
        "description": meta["description"] or meta["title"],
        "language": "en",
        "items": [
            {
                "id": url(item["page"]),
                "url": url(item["page"]),
                "title": _title(item),
                "content_text": _text(item),
                "summary": " ".join(item.get("summary_en") or item.get("summary_zh") or []),
                "date_published": _published(item["date"], meta["timezone"]).isoformat(),
                "tags": list(item.get("tags", [])),
                "_briefing": {
                    "title_zh": item["title_zh"],
                    "title_en": item.get("title_en"),
                    "summary_zh": item.get("summary_zh") or [],
                    "summary_en": item.get("summary_en") or [],
                    "publication": item.get("publication"),
                },
            }
            for item in items
        ],
    }
    return json.dumps(feed, ensure_ascii=False, indent=1) + "\n"
