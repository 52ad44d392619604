"""Where each generated page lives: the one place page paths and anchors are decided.

The renderer writes pages at these paths, and ``inspect --json`` reports them, so the two
always agree.
"""

from __future__ import annotations

import hashlib
import re

# Folder names are cut to this many characters (file systems and URLs stay comfortable).
_MAX_SLUG_CHARS = 80
# A hashed name keeps this many characters of the readable part.
_MAX_STEM_CHARS = 40


def document_slug(name: str) -> str:
    """A stable, path-safe folder name for a source file name (never leaves the digest folder)."""
    stem = re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-").lower()
    if not stem or not name.isascii():
        digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
        stem = f"{stem[:_MAX_STEM_CHARS]}-{digest}" if stem else f"source-{digest}"
    return stem[:_MAX_SLUG_CHARS]


def article_filename(index: int) -> str:
    return f"article-{index + 1:02d}.md"


def article_page(document_name: str, index: int) -> str:
    """The article's page, relative to the digest folder."""
    return f"{document_slug(document_name)}/{article_filename(index)}"


def source_anchor(line: int) -> str:
    """Anchor of a source line on the source page (pymdownx.highlight ``anchor_linenums``)."""
    return f"__codelineno-0-{line}"
