"""Bytes to text: detect the encoding of a source file instead of assuming one.

BOMs first, then strict UTF-8, then UTF-8 with a few broken bytes (each shown as U+FFFD and
named by line in a warning), then the Chinese legacy encodings scored by how plausible the
decoded text is (charset-normalizer's guess joins the candidates). Newlines are normalised
so that line numbers count the same lines an editor shows.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence

from generator.errors import SourceError
from generator.text import unify_ideographs

# Decoding errors are marked with a lone surrogate first (no decoder ever yields one), so
# that each can be found, counted and placed on its line before it becomes U+FFFD.
_MARK = "\udfff"
_BROKEN = re.compile(_MARK + "+")  # one broken place, however many bytes it has
_ERRORS = "briefing-mark"


def _mark(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return _MARK, exc.end


codecs.register_error(_ERRORS, _mark)

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Candidates for BOM-less non-UTF-8 Chinese text, most common first.
_LEGACY = ("gb18030", "big5")
# Bytes sniffed for NULs (UTF-16 or binary) and for charset-normalizer's guess.
_SNIFF_BYTES = 4096
_GUESS_BYTES = 65536
# Characters scored for plausibility and for control characters.
_SAMPLE_CHARS = 20000
# A reading whose plausibility (see ``_plausibility``) is below these is not text.
_MIN_PLAUSIBLE_UTF16 = 0.8  # UTF-16 without a BOM: binary files decode as UTF-16 too
_MIN_PLAUSIBLE_LEGACY = 0.5
# More than this share of control characters (or U+FFFD) is binary content, not text.
_MAX_CONTROL_SHARE = 0.02
# Text with broken bytes is read (each shown as U+FFFD) when it has at most this many broken
# places per well-formed non-ASCII character: a stray byte or two, not another encoding
# (GBK read as UTF-8 has about four broken places per good character).
_MAX_BROKEN_SHARE = 0.1
# A warning names at most this many lines.
_LINES_NAMED = 5


def decode(raw: bytes, shown: str = "", warnings: list[str] | None = None) -> tuple[str, str]:
    """Decoded text (newlines normalised, BOM dropped) and the encoding it was in; bytes that
    do not decode become U+FFFD and a line in ``warnings``."""
    notes = warnings if warnings is not None else []
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            text = raw.decode(encoding, errors=_ERRORS).lstrip("\ufeff")
            if not _mostly_decoded(text):
                raise SourceError(f"{shown}: not a text file (it starts like {encoding} but does not decode)")
            return _normalise(text, shown, notes), encoding.replace("-sig", "")
    if b"\x00" in raw[:_SNIFF_BYTES]:
        # UTF-16 without a BOM has NUL bytes too (every ASCII character); binary has no
        # plausible reading at all
        utf16 = _best_reading(raw, ("utf-16-le", "utf-16-be")) if len(raw) % 2 == 0 else None
        if utf16 is None or utf16[0] < _MIN_PLAUSIBLE_UTF16 or _control_share(utf16[1]) > _MAX_CONTROL_SHARE:
            raise SourceError(f"{shown}: not a text file (binary content)")
        return _normalise(utf16[1], shown, notes), utf16[2]
    try:
        return _normalise(raw.decode("utf-8"), shown, notes), "utf-8"
    except UnicodeDecodeError:
        pass
    marked = raw.decode("utf-8", errors=_ERRORS)
    if _mostly_decoded(marked):
        return _normalise(marked, shown, notes), "utf-8"
    best = _best_reading(raw, _candidates(raw))
    if best is None or best[0] < _MIN_PLAUSIBLE_LEGACY:
        raise SourceError(f"{shown}: not a text file (no known encoding decodes it)")
    return _normalise(best[1], shown, notes), best[2]


def _mostly_decoded(marked: str) -> bool:
    """Few broken places for the well-formed non-ASCII characters around them."""
    broken = len(_BROKEN.findall(marked))
    well_formed = len(marked) - len(marked.encode("ascii", errors="ignore")) - marked.count(_MARK)
    return broken <= _MAX_BROKEN_SHARE * well_formed


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

        guess = from_bytes(raw[:_GUESS_BYTES]).best()
        if guess is not None and guess.encoding not in candidates:
            candidates.append(guess.encoding)
    except Exception:
        pass
    return candidates


# Common characters of Chinese news text in simplified and traditional script.
_COMMON = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质北"
    "們這個來時會說對為於與產業發國過還經開進動現區業務將後長當從應關點體"
)


def _plausibility(text: str) -> float:
    """Share of characters that are common CJK, ASCII text or punctuation; mojibake scores low."""
    sample = text[:_SAMPLE_CHARS]
    if not sample:
        return 0.0
    good = 0.0
    for ch in sample:
        if ch in _COMMON:
            good += 2
        elif (ch.isascii() and (ch.isprintable() or ch in "\n\r\t")) or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or ch in "“”‘’…—·":
            good += 1
        elif "\u4e00" <= ch <= "\u9fff":
            good += 0.6
    return good / len(sample)


def _normalise(text: str, shown: str, warnings: list[str]) -> str:
    # (text copied from a PDF keeps the radicals its text layer gave for ideographs: "⽇本")
    text = unify_ideographs(text.replace("\r\n", "\n").replace("\r", "\n"))
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise SourceError(f"{shown}: not a text file (control characters)")
    if _MARK in text:
        warnings.append(_broken_note(text))
        text = _BROKEN.sub("\ufffd", text)
    return text


def _broken_note(text: str) -> str:
    """'2 broken characters (lines 3 and 9), shown as �'."""
    lines: list[int] = []
    line, last, count = 1, 0, 0
    for m in _BROKEN.finditer(text):
        line += text.count("\n", last, m.start())
        last, count = m.start(), count + 1
        if not lines or lines[-1] != line:
            lines.append(line)
    named = ", ".join(map(str, lines[:_LINES_NAMED]))
    if len(lines) > _LINES_NAMED:
        named += f" and {len(lines) - _LINES_NAMED} more"
    elif len(lines) > 1:
        head, _, tail = named.rpartition(", ")
        named = f"{head} and {tail}"
    where = f"line{'s' if len(lines) > 1 else ''} {named}"
    return f"{count} broken character{'s' if count > 1 else ''} ({where}), shown as \ufffd"


def _control_share(text: str) -> float:
    sample = text[:_SAMPLE_CHARS]
    return len(_CONTROL.findall(sample)) / max(1, len(sample))


# control characters other than line and page breaks and tabs, and the replacement character
_CONTROL = re.compile("[\x00-\x08\r\x0e-\x1f\ufffd]")
