"""Checks on a machine translation: what makes an English sentence unusable or untrustworthy.

Each check returns a short problem code; the translator retries a sentence that has any
and, if the problem stays, either restores what was lost (numbers, glossary terms) or shows
the Chinese with a visible "translation unavailable" mark.
"""

from __future__ import annotations

import re
from collections import Counter

from generator.translation.protect import NUMBER_IN_TEXT, Protected

# Problems after which the English is not shown at all.
FATAL = ("empty", "repetition", "too-short", "too-long", "chinese-left")
_CJK = re.compile(r"[\u3400-\u9fff]")


def problems(protected: Protected, output: str) -> list[str]:
    out = output.strip()
    if not out:
        return ["empty"]
    found: list[str] = []
    if is_repetitive(out):
        found.append("repetition")
    source_chars = len(re.sub(r"\s", "", protected.source))
    if len(out) < 0.5 * source_chars - 5:
        found.append("too-short")
    if len(out) > 6 * source_chars + 60:
        found.append("too-long")
    if _CJK.search(out):
        found.append("chinese-left")
    have = Counter(n.replace(",", "") for n in NUMBER_IN_TEXT.findall(out))
    for number, needed in Counter(protected.numbers).items():
        if have[number] < needed:
            found.append(f"lost-number:{number}")
    for term in dict.fromkeys(protected.terms):
        if term not in out:
            found.append(f"lost-term:{term}")
    return found


def is_repetitive(text: str) -> bool:
    """A decoding loop: one word or phrase over and over ("the the the", "of the of the …")."""
    words = re.findall(r"\w+", text.lower())
    if len(words) < 6:
        return False
    for size in (1, 2, 3, 4):
        run = 1
        for i in range(size, len(words) - size + 1, 1):
            if words[i : i + size] == words[i - size : i]:
                run += 1
                if run >= (4 if size == 1 else 3):
                    return True
            else:
                run = 1
    return len(words) >= 12 and len(set(words)) / len(words) < 0.3


def is_fatal(found: list[str]) -> bool:
    return any(p in FATAL for p in found)
