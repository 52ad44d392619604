"""Read stage: a source file becomes a :class:`Document` (decoded text, format, metadata).

Encodings are detected, not assumed: BOMs first, then strict UTF-8, then the Chinese legacy
encodings scored by how plausible the decoded text is (charset-normalizer's guess breaks the
tie). Text files keep their line structure so later stages can cite source lines.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from generator.data import Document, SourceMeta
from generator.errors import UserError
from generator.source_meta import merge_meta, read_front_matter, read_sidecar

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
PDF_SUFFIXES = {".pdf"}
SOURCE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES
INDEX_FILE = "sources.yaml"

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Candidates for BOM-less non-UTF-8 Chinese text, most common first.
_LEGACY = ("gb18030", "big5")


class SourceError(UserError):
    """A source that cannot be used; the message says which file and why, on one line."""


def discover_sources(paths: Sequence[Path | str]) -> list[Path]:
    """Source files under ``paths``; hidden files, metadata files and unknown types are left out."""
    found: set[Path] = set()
    for p in map(Path, paths):
        if p.is_file():
            found.add(p)
        elif p.is_dir():
            for f in p.rglob("*"):
                rel = f.relative_to(p)
                if any(part.startswith((".", "_")) for part in rel.parts):
                    continue
                if f.is_file() and f.suffix.lower() in SOURCE_SUFFIXES:
                    found.add(f)
    return sorted(found, key=lambda f: str(f))


def load_sources_index(directory: Path) -> dict[str, SourceMeta]:
    """``seeds/sources.yaml``: ``{file name: {publication, date, url}}``."""
    from generator.source_meta import read_index

    return read_index(directory / INDEX_FILE)


def read_document(
    path: Path | str,
    *,
    display_path: str | None = None,
    sources_index: Mapping[str, SourceMeta] | None = None,
) -> Document:
    path = Path(path)
    shown = display_path or str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{shown}: cannot read ({exc.strerror or exc})") from None
    if not raw.strip():
        raise SourceError(f"{shown}: empty file")
    suffix = path.suffix.lower()
    sidecar = read_sidecar(path, shown)
    indexed = (sources_index or {}).get(path.name)
    if suffix in PDF_SUFFIXES or raw.startswith(b"%PDF-"):
        from generator.read_pdf import pdf_text

        text = pdf_text(raw, shown)
        meta = merge_meta(sidecar, indexed)
        return Document(path=shown, name=path.name, text=text, format="pdf", meta=meta, needs_reflow=True)
    text, encoding = decode(raw, shown)
    if suffix in HTML_SUFFIXES or _looks_like_html(text):
        from generator.read_html import html_to_text

        body, page_meta = html_to_text(text, shown)
        meta = merge_meta(sidecar, indexed, page_meta)
        return Document(path=shown, name=path.name, text=body, format="html", encoding=encoding, meta=meta)
    text, front = read_front_matter(text, shown)
    if not text.strip():
        raise SourceError(f"{shown}: no text after the front matter")
    meta = merge_meta(front, sidecar, indexed)
    fmt = "markdown" if suffix in {".md", ".markdown"} or looks_like_markdown(text) else "text"
    return Document(
        path=shown,
        name=path.name,
        text=text,
        format=fmt,
        encoding=encoding,
        meta=meta,
        needs_reflow=fmt == "text" and looks_hard_wrapped(text),
    )


def decode(raw: bytes, shown: str = "") -> tuple[str, str]:
    """Decoded text (newlines normalised, BOM dropped) and the encoding it was in."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _normalise(raw.decode(encoding, errors="replace").lstrip("\ufeff"), shown), encoding.replace("-sig", "")
    if b"\x00" in raw[:4096]:
        # UTF-16 without a BOM has NUL bytes too (every ASCII character); binary has no
        # plausible reading at all
        utf16 = _best_reading(raw, ("utf-16-le", "utf-16-be")) if len(raw) % 2 == 0 else None
        if utf16 is None or utf16[0] < 0.8 or _control_share(utf16[1]) > 0.02:
            raise SourceError(f"{shown}: not a text file (binary content)")
        return _normalise(utf16[1], shown), utf16[2]
    try:
        return _normalise(raw.decode("utf-8"), shown), "utf-8"
    except UnicodeDecodeError:
        pass
    best = _best_reading(raw, _candidates(raw))
    if best is None or best[0] < 0.5:
        raise SourceError(f"{shown}: not a text file (no known encoding decodes it)")
    return _normalise(best[1], shown), best[2]


def _best_reading(raw: bytes, encodings: Sequence[str]) -> tuple[float, str, str] | None:
    """The most plausible strict decoding: (score, text, encoding)."""
    best: tuple[float, str, str] | None = None
    for encoding in encodings:
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        score = _plausibility(text)
        if best is None or score > best[0]:
            best = (score, text, encoding)
    return best


def _candidates(raw: bytes) -> list[str]:
    """Legacy Chinese encodings, plus charset-normalizer's guess when it has one."""
    candidates = list(_LEGACY)
    try:
        from charset_normalizer import from_bytes

        guess = from_bytes(raw[:65536]).best()
        if guess is not None and guess.encoding not in candidates:
            candidates.append(guess.encoding)
    except Exception:  # noqa: BLE001 - a failed guess just means fewer candidates
        pass
    return candidates


# Common characters of Chinese news text in simplified and traditional script.
_COMMON = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质北"
    "們這個來時會說對為於與產業發國過還經開進動現區業務將後長當從應關點體"
)


def _plausibility(text: str) -> float:
    """Share of characters that are common CJK, ASCII text or punctuation; mojibake scores low."""
    sample = text[:20000]
    if not sample:
        return 0.0
    good = 0
    cjk = 0
    for ch in sample:
        if ch in _COMMON:
            good += 2
            cjk += 1
        elif ch.isascii() and (ch.isprintable() or ch in "\n\r\t"):
            good += 1
        elif "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or ch in "“”‘’…—·":
            good += 1
        elif "\u4e00" <= ch <= "\u9fff":
            cjk += 1
            good += 0.6
    return good / len(sample)


def _normalise(text: str, shown: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _control_share(text) > 0.02:
        raise SourceError(f"{shown}: not a text file (control characters)")
    return text


def _control_share(text: str) -> float:
    sample = text[:20000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\t\f\v") or ch == "\ufffd")
    return bad / max(1, len(sample))


_MD_HEADING = re.compile(r"^#{1,6}\s+\S", re.MULTILINE)
_MD_OTHER = re.compile(r"^(\s*[-*+]\s+\S|\s*>\s|```|\s*\d+\.\s+\S)", re.MULTILINE)


def looks_like_markdown(text: str) -> bool:
    """Markdown saved as .txt: ATX headings (or several other block marks) decide it."""
    return len(_MD_HEADING.findall(text)) >= 1 or len(_MD_OTHER.findall(text)) >= 3


def looks_hard_wrapped(text: str) -> bool:
    """A PDF text dump: most non-empty lines are short and of about the same width."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) < 8:
        return False
    lengths = sorted(len(line) for line in lines)
    median = lengths[len(lengths) // 2]
    near = sum(1 for n in lengths if abs(n - median) <= max(2, median // 5))
    return median <= 60 and near / len(lengths) >= 0.5


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)
