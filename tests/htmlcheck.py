"""What makes rendered HTML "live": a tag that runs or loads something, an event handler, a
script URL. Shared by the fuzz tests and bench/faults.py."""

from __future__ import annotations

from html.parser import HTMLParser

# Tags that run code, load content or submit data when a page is shown.
LIVE_TAGS = frozenset({
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "img", "svg", "math", "video",
    "audio", "source", "track", "link", "meta", "base", "form", "input", "button", "textarea", "select", "option",
    "template", "portal",
})
_URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "data", "srcset", "poster", "background"})
_SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in LIVE_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{name}= on <{tag}>")
            url = "".join((value or "").split()).lower()
            if name in _URL_ATTRIBUTES and url.startswith(_SCRIPT_SCHEMES):
                self.found.append(f"{name}={value!r} on <{tag}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def live_html(html: str) -> list[str]:
    """Everything in ``html`` that would run or load something: empty for a safe page."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.found


def tags(html: str) -> list[str]:
    """Every start tag in ``html``, in order."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.tags
