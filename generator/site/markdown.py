"""Making untrusted article text safe to place in Markdown.

Article text is data: it must never become live HTML, a link, emphasis or a table break,
on GitHub or in MkDocs. Everything a template prints is escaped unless it is wrapped in
:class:`Md` by code that built it from escaped parts.
"""

from __future__ import annotations

import re
from urllib.parse import quote


class Md(str):
    """Markdown that is already safe to emit as is."""


# Characters that start Markdown inline syntax; the backslash escape of each is honoured by
# both CommonMark (GitHub) and Python-Markdown (MkDocs).
_BACKSLASHED = re.compile(r"([\\`*_\[\]])")
# Control characters show nothing, and Python-Markdown reads STX/ETX as its own placeholders.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "~": "&#126;", "|": "&#124;", "$": "&#36;"}
_ENTITY_RE = re.compile("[" + re.escape("".join(_ENTITIES)) + "]")
# Block syntax at the start: a heading (Python-Markdown needs no space after '#'), a list
# item, a thematic break ("---"); '=' needs nothing (without a line above it underlines no
# heading) and Python-Markdown would show its backslash.
_LINE_START = re.compile(r"^(#|\+(?=\s|$))|^(-)(?=[\s-]|$)|^(\d+)([.)])(?=\s|$)")


def escape(value: object) -> Md:
    """Escape text for use inline in Markdown (paragraphs, list items, table cells)."""
    if isinstance(value, Md):
        return value
    text = " ".join(_CONTROL.sub("", str(value)).split())  # one logical line: no block syntax
    text = _ENTITY_RE.sub(lambda m: _ENTITIES[m.group(0)], text)
    text = _BACKSLASHED.sub(r"\\\1", text)
    # block syntax at the start of the text ("# ", "- ", "1. ") stays literal
    text = _LINE_START.sub(lambda m: "\\" + m.group(0) if m.group(1) or m.group(2) else m.group(3) + "\\" + m.group(4), text)
    return Md(text)


def href(target: str) -> Md:
    """A relative link target the generator built (a page, or a source file's path, which may
    hold any character): percent-encoded, never a scheme such as ``javascript:``."""
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", target):
        raise ValueError(f"not a relative link: {target!r}")
    return Md(quote(target, safe="/#-._~"))


def link(text: object, target: str) -> Md:
    """A link whose label is escaped and whose target is a relative path (see :func:`href`)."""
    return Md(f"[{escape(text)}]({href(target)})")


def external_link(url: object) -> Md:
    """A link to an original web address from metadata: http(s) only, nothing else is linked."""
    text = str(url).strip()
    if not re.match(r"^https?://[^\s/]+", text, re.IGNORECASE):
        return escape(text)
    target = quote(text, safe=":/?#[]@!$&*+,;=%-._~")
    return Md(f"[{escape(text)}]({target})")


def code_fence(text: str) -> str:
    """A fence longer than any backtick run in ``text``, so the text cannot close it."""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)
