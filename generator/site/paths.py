"""Where each generated page lives: the one place page paths, slugs and anchors are decided.

Paths are relative to the MkDocs ``docs/`` folder and '/'-separated. The renderer writes
pages at these paths and ``inspect --json`` reports them, so the two always agree.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.text import to_simplified

HOME = "index.md"
# Folder names are cut to this many characters (file systems and URLs stay comfortable).
_MAX_SLUG_CHARS = 80
# A name that needs a hash keeps this many characters of its readable part.
_MAX_STEM_CHARS = 40
# Characters of the SHA-1 that tell apart names whose readable parts are the same.
_HASH_CHARS = 8


def _hash(name: str) -> str:
    return hashlib.sha1(name.encode("utf-8")).hexdigest()[:_HASH_CHARS]


def slug(name: str) -> str:
    """A path-safe, lower-case ASCII form of a name (never empty, never leaves its folder).

    Chinese is written in pinyin, so an address reads as its name ("财联社" → ``cai-lian-she-…``,
    "湖南日报0418.pdf" → ``hu-nan-ri-bao-0418-pdf-…``, not ``s-5b281f33``); a name that is not
    ASCII keeps a hash of itself too, as homophones (and either script) share their pinyin.
    """
    readable = name if name.isascii() else _romanised(name)
    stem = re.sub(r"[^A-Za-z0-9]+", "-", readable).strip("-").lower()
    if not stem or not name.isascii():
        stem = f"{stem[:_MAX_STEM_CHARS].rstrip('-')}-{_hash(name)}" if stem else f"s-{_hash(name)}"
    return stem[:_MAX_SLUG_CHARS]


def _romanised(name: str) -> str:
    """Chinese characters as pinyin without tones, in simplified script's readings (長沙 is
    chang sha), one syllable a word; everything else as it is."""
    from pypinyin import lazy_pinyin  # (only where a name is not ASCII: its tables take 0.1 s to load)

    return " ".join(lazy_pinyin(to_simplified(name)))


def unique_slugs(names: Iterable[str]) -> dict[str, str]:
    """A slug per distinct name; names whose slugs would collide ("a b.md", "a-b.md", "a_b.md")
    all get their own hash, so no two sources ever share a folder and the choice does not
    depend on the order the names come in."""
    distinct = sorted(set(names))
    base = {n: slug(n) for n in distinct}
    counts = Counter(base.values())
    return {
        n: s if counts[s] == 1 else f"{s[: _MAX_SLUG_CHARS - _HASH_CHARS - 1]}-{_hash(n)}" for n, s in base.items()
    }


def article_filename(index: int) -> str:
    return f"article-{index + 1:02d}.md"


def source_anchor(line: int) -> str:
    """Anchor of a source line on the source page (pymdownx.highlight ``anchor_linenums``)."""
    return f"__codelineno-0-{line}"


def relative(from_page: str, to_page: str) -> str:
    """A link from one page to another, both given relative to ``docs/``."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


@dataclass(frozen=True)
class SitePaths:
    """Every page of the digest, given the folder and the source file names of a build."""

    digest: str = "digest"
    names: tuple[str, ...] = ()
    _slugs: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_slugs", unique_slugs(self.names))

    def document_folder(self, name: str) -> str:
        return f"{self.digest}/{self._slugs.get(name) or slug(name)}"

    def document(self, name: str) -> str:
        return f"{self.document_folder(name)}/index.md"

    def source(self, name: str) -> str:
        return f"{self.document_folder(name)}/source.md"

    def article(self, name: str, index: int) -> str:
        return f"{self.document_folder(name)}/{article_filename(index)}"

    @property
    def editions(self) -> str:
        return f"{self.digest}/editions/index.md"

    def edition(self, key: str) -> str:
        return f"{self.digest}/editions/{key}.md"

    @property
    def publications(self) -> str:
        return f"{self.digest}/publications/index.md"

    def publication(self, key: str) -> str:
        return f"{self.digest}/publications/{key}.md"

    @property
    def topics(self) -> str:
        return f"{self.digest}/topics.md"

    @property
    def feed_data(self) -> str:
        """What the MkDocs plugin turns into RSS and JSON Feed (a dot file: not a page)."""
        return f"{self.digest}/.briefing-site.json"
