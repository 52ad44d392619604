"""Bytes to text: detect the encoding of a source file instead of assuming one.

BOMs first, then strict UTF-8, then the Chinese legacy encodings scored by how plausible the
decoded text is (charset-normalizer's guess joins the candidates). Newlines are normalised
so that line numbers count the same lines an editor shows.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.errors import SourceError

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


def decode(raw: bytes, shown: str = "") -> tuple[str, str]:
    """Decoded text (newlines normalised, BOM dropped) and the encoding it was in."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _normalise(raw.decode(encoding, errors="replace").lstrip("\ufeff"), shown), encoding.replace("-sig", "")
    if b"\x00" in raw[:_SNIFF_BYTES]:
        # UTF-16 without a BOM has NUL bytes too (every ASCII character); binary has no
        # plausible reading at all
        utf16 = _best_reading(raw, ("utf-16-le", "utf-16-be")) if len(raw) % 2 == 0 else None
        if utf16 is None or utf16[0] < _MIN_PLAUSIBLE_UTF16 or _control_share(utf16[1]) > _MAX_CONTROL_SHARE:
            raise SourceError(f"{shown}: not a text file (binary content)")
        return _normalise(utf16[1], shown), utf16[2]
    try:
        return _normalise(raw.decode("utf-8"), shown), "utf-8"
    except UnicodeDecodeError:
        pass
    best = _best_reading(raw, _candidates(raw))
    if best is None or best[0] < _MIN_PLAUSIBLE_LEGACY:
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


def _normalise(text: str, shown: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise SourceError(f"{shown}: not a text file (control characters)")
    return text


def _control_share(text: str) -> float:
    sample = text[:_SAMPLE_CHARS]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\t\f\v") or ch == "\ufffd")
    return bad / max(1, len(sample))
