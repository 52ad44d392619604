"""Damage the columns of a page do to any format: pull quotes and paragraphs cut in two.

A pull quote repeats a sentence of the body in large type; a column break cuts a paragraph
(around a photo caption, sometimes repeating a fragment at the top of the next column).
Markdown and web text carry this damage too when they were copied from a printed page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from generator.data import Block
from generator.ingest.datelines import starts_dateline
from generator.text import ends_sentence

# A pull quote is set in large type: at most this many characters.
_MAX_PULL_QUOTE_CHARS = 200
# The repeated words must be at least this long (letters, punctuation removed) to say
# "the same sentence" rather than a common phrase.
_MIN_REPEATED_LETTERS = 10
# A fragment the layout repeats at the top of the next column is at least this long.
_MIN_REPEATED_FRAGMENT = 8

_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)
_QUOTED = re.compile(r"[“「]([^”」]{8,})[”」]")


def _letters(text: str) -> str:
    return _PUNCT.sub("", text)


def mark_pull_quotes(blocks: Sequence[Block]) -> list[Block]:
    """Mark pull quotes so the text appears once.

    A short block (paragraph or heading-like line) whose words — or whose quotation, when
    it is attributed ("“…”某某公司") — occur verbatim inside another, longer paragraph.
    """
    texts = [_letters(b.text) for b in blocks]
    out = []
    for i, b in enumerate(blocks):
        if b.kind in ("paragraph", "heading") and b.level == 0 and len(b.text) <= _MAX_PULL_QUOTE_CHARS:
            m = _QUOTED.search(b.text)
            probe = _letters(m.group(1)) if m else texts[i]
            # inside a longer paragraph, or a repeat of an earlier one (the later copy goes)
            if len(probe) >= _MIN_REPEATED_LETTERS and any(
                j != i and probe in texts[j] and (len(texts[j]) > len(probe) or j < i)
                for j, other in enumerate(blocks)
                if other.kind == "paragraph"
            ):
                b = replace(b, kind="quote")
        out.append(b)
    return out


def mend_column_breaks(blocks: Sequence[Block]) -> list[Block]:
    """Rejoin a paragraph the layout cut in two (across a caption, or a repeated fragment).

    A paragraph that stops mid-sentence continues in the next paragraph; a caption between
    the two halves is kept as its own block after the mended paragraph. When the layout
    repeats the end of a column at the top of the next one, the repetition is dropped.
    """
    out: list[Block] = []
    pending_captions: list[Block] = []
    for block in blocks:
        if block.kind in ("caption", "quote") and out and out[-1].kind == "paragraph" and not ends_sentence(out[-1].text):
            pending_captions.append(block)
            continue
        if (
            block.kind == "paragraph"
            and out
            and out[-1].kind == "paragraph"
            and not ends_sentence(out[-1].text)
            and not block.page_start
            and not starts_dateline(block.text)
            and out[-1].text[-1:] not in "：:"
        ):
            prev = out[-1]
            if block.text in prev.text and len(block.text) >= _MIN_REPEATED_FRAGMENT:
                out[-1] = replace(prev, last_line=block.last_line)  # a repeated fragment
                continue
            fragment = _repeated_tail(prev.text, block.text)
            merged = prev.text + block.text[fragment:]
            out[-1] = replace(prev, text=merged, last_line=block.last_line)
            out.extend(pending_captions)
            pending_captions = []
            continue
        out.extend(pending_captions)
        pending_captions = []
        out.append(block)
    out.extend(pending_captions)
    # captions were held back: keep page order by first line
    return sorted(out, key=lambda b: (b.first_line, b.last_line))


def _repeated_tail(prev: str, nxt: str) -> int:
    """Length of the start of ``nxt`` that repeats the end of ``prev`` (a column repetition)."""
    for size in range(min(len(prev), len(nxt)), _MIN_REPEATED_FRAGMENT - 1, -1):
        if prev.endswith(nxt[:size]):
            return size
    return 0
