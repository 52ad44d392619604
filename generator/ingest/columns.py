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

# An attributed pull quote is set in large type: at most this many characters.
_MAX_PULL_QUOTE_CHARS = 200
# The repeated words must be at least this long (letters, punctuation removed) to say
# "the same sentence" rather than a common phrase.
_MIN_REPEATED_LETTERS = 10
# A headline-like line repeating body words is a pull quote when it repeats a whole sentence
# or at least this many letters; a shorter clause is a kicker or subhead that quotes the body.
_MIN_PULL_QUOTE_CLAUSE_LETTERS = 20
# An attributed pull quote ("“……”某某公司") has at most this many characters outside the
# quotation, with no sentence punctuation: a paragraph that cites a phrase has more.
_MAX_ATTRIBUTION_CHARS = 20
# A pull quote is printed on the page of the paragraph it repeats: within this many blocks of
# it (this keeps the search linear in a file of thousands of articles).
_PULL_QUOTE_REACH = 60
# A fragment the layout repeats at the top of the next column is at least this long.
_MIN_REPEATED_FRAGMENT = 8

_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)
_QUOTED = re.compile(r"[“「]([^”」]{8,})[”」]")
_SENTENCE_STOPS = "。！？!?"


def _letters(text: str) -> str:
    return _PUNCT.sub("", text)


def _attributed_quotation(text: str) -> str | None:
    """The quotation of an attributed pull quote ("“……”宁波江丰电子"), else None."""
    m = _QUOTED.search(text)
    if not m:
        return None
    outside = (text[: m.start()] + text[m.end() :]).strip()
    if len(outside) > _MAX_ATTRIBUTION_CHARS or re.search(r"[，,。；;：:！!？?]", outside):
        return None
    return m.group(1)


def _whole_sentence_in(probe: str, text: str) -> bool:
    """``probe`` (without its closing stop) stands in ``text`` as a sentence of its own."""
    probe, text = re.sub(r"\s+", "", probe).rstrip(_SENTENCE_STOPS), re.sub(r"\s+", "", text)
    at = text.find(probe) if probe else -1
    while at >= 0:
        end = at + len(probe)
        opens = at == 0 or text[at - 1] in _SENTENCE_STOPS + "”’」"
        if opens and end < len(text) and text[end] in _SENTENCE_STOPS:
            return True
        at = text.find(probe, at + 1)
    return False


def mark_pull_quotes(blocks: Sequence[Block]) -> list[Block]:
    """Mark pull quotes and repeated paragraphs so that the text appears once.

    A block whose words occur inside another, longer paragraph — or a short one whose
    quotation does, when it is only an attributed quotation ("“…”某某公司") — is a pull
    quote (kind ``quote``): its text is in that paragraph. A headline-like line must repeat a whole sentence, or a long clause, and must
    not open with a dash: a kicker or a subhead often quotes a clause of its body. A paragraph
    that repeats an earlier one whole is marked ``repeat``: segment drops it only when the
    first copy is in the same article (two articles may share an editor's note).
    """
    texts = [_letters(b.text) for b in blocks]
    first_paragraph: dict[str, int] = {}  # a paragraph's letters → where they first stand
    for i, b in enumerate(blocks):
        if b.kind == "paragraph":
            first_paragraph.setdefault(texts[i], i)
    out = []
    for i, b in enumerate(blocks):
        if b.kind in ("paragraph", "heading") and b.level == 0:
            quotation = _attributed_quotation(b.text) if len(b.text) <= _MAX_PULL_QUOTE_CHARS else None
            probe = _letters(quotation) if quotation else texts[i]
            inside = [
                j
                for j in range(max(0, i - _PULL_QUOTE_REACH), min(len(blocks), i + _PULL_QUOTE_REACH + 1))
                if j != i
                and blocks[j].kind == "paragraph"
                and probe in texts[j]
                and (len(texts[j]) > len(probe) or (j < i and b.kind == "heading"))
            ]
            if b.kind == "heading" and not quotation:
                inside = [
                    j
                    for j in inside
                    if not b.text.lstrip().startswith(("—", "-"))
                    and (len(probe) >= _MIN_PULL_QUOTE_CLAUSE_LETTERS or _whole_sentence_in(b.text, blocks[j].text))
                ]
            if len(probe) >= _MIN_REPEATED_LETTERS and inside:
                b = replace(b, kind="quote")
            elif b.kind == "paragraph" and len(probe) >= _MIN_REPEATED_LETTERS and first_paragraph.get(probe, i) < i:
                b = replace(b, kind="repeat")
        out.append(b)
    return out


def mend_column_breaks(blocks: Sequence[Block]) -> list[Block]:
    """Rejoin a paragraph the layout cut in two (across a caption, or a repeated fragment).

    A paragraph that stops mid-sentence continues in the next paragraph; a caption between
    the two halves is kept as its own block after the mended paragraph. When the layout
    repeats the end of a column at the top of the next one, the repetition becomes a block
    of kind ``fragment`` (reported, not shown).
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
                pending_captions.append(replace(block, kind="fragment", page_start=False))
                continue
            fragment = _repeated_tail(prev.text, block.text)
            merged = prev.text + block.text[fragment:]
            out[-1] = replace(prev, text=merged, last_line=block.last_line)
            if fragment:
                pending_captions.append(
                    Block(block.text[:fragment], "fragment", block.first_line, block.first_line)
                )
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
