"""Word documents (.docx): a press release or a report as its author wrote it.

python-docx reads the document body in order, paragraphs and tables, and resolves each
paragraph's style to its built-in name, whatever the styles are called in the document's own
language (Chinese Word names "标题 1" with the id "1"). The document is written out as the
Markdown the other readers give: its title and headings as headings, each paragraph apart,
a table as Markdown rows (set aside and reported, as a web page's tables are).
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING

from generator.data import Document
from generator.errors import SourceError
from generator.ingest.metadata import merge_meta
from generator.ingest.reader import Reader, Source
from generator.text import unify_ideographs

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.text.paragraph import Paragraph

# Built-in style names that head text, and the Markdown heading level each is written at
_HEADING = re.compile(r"^(?:Title|Heading (?P<level>[1-6]))$")
_SPACES = re.compile(r"[ \t]+")
_MAX_TITLE_CHARS = 60
# A Compound File: how Word saves an encrypted .docx, and every old .doc
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class DocxReader(Reader):
    file_extensions = (".docx",)
    binary = True

    def read(self, source: Source) -> Document:
        text = docx_text(source.raw, source.shown)
        if not text.strip():
            raise SourceError(f"{source.shown}: the Word document has no text")
        meta = merge_meta(source.sidecar, source.indexed)
        return source.document(unify_ideographs(text), "docx", meta)


def docx_text(raw: bytes, shown: str) -> str:
    """The document as Markdown: headings, paragraphs and table rows, in the body's order."""
    import docx
    from docx.table import Table

    if raw.startswith(_OLE):
        raise SourceError(f"{shown}: the Word document is password-protected or in the old .doc format; save it as .docx without a password")
    try:
        word: WordDocument = docx.Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise SourceError(f"{shown}: not a Word document that can be read ({_reason(exc)})") from None
    except Exception:  # python-docx and lxml raise many kinds for a damaged package
        raise SourceError(f"{shown}: the Word document is damaged and cannot be read") from None
    items = [item for item in word.iter_inner_content() if isinstance(item, Table) or item.text.strip()]
    styles = [None if isinstance(item, Table) else _style(item) for item in items]
    titles = [not isinstance(item, Table) and bool(style and not style.group("level")) for item, style in zip(items, styles, strict=True)]
    if not any(titles) and items and styles[0] is None and not isinstance(items[0], Table) and _set_as_title(items[0]):
        titles[0] = True  # only the first line: a centred byline or date under it is no title
    shift = int(any(titles))  # a title over Heading 1 sections: they are its sections
    blocks: list[str] = []
    for item, style, title in zip(items, styles, titles, strict=True):
        if isinstance(item, Table):
            rows = ["| " + " | ".join(_cell(cell.text) for cell in row.cells) + " |" for row in item.rows]
            blocks.append("\n".join(rows))
            continue
        text = _SPACES.sub(" ", item.text).strip()
        level = 1 if title else int(style.group("level")) + shift if style else 0
        blocks.append("#" * min(level, 6) + " " + text if level else text)
    return "\n\n".join(blocks) + "\n"


def _style(item: object) -> re.Match[str] | None:
    style = getattr(item, "style", None)
    return _HEADING.match(style.name or "") if style is not None else None


def _set_as_title(paragraph: Paragraph) -> bool:
    """A short line centred on the page with no full stop: how an official document or a press
    release sets its title without a heading style."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    text = paragraph.text.strip()
    style = paragraph.style.paragraph_format.alignment if paragraph.style is not None else None
    return (
        (paragraph.alignment or style) == WD_ALIGN_PARAGRAPH.CENTER
        and len(text) <= _MAX_TITLE_CHARS
        and not text.endswith(("。", "！", "？", "!", "?", "：", ":"))
    )


def _cell(text: str) -> str:
    return _SPACES.sub(" ", text.replace("\n", " ").replace("|", "/")).strip()


def _reason(exc: Exception) -> str:
    if isinstance(exc, zipfile.BadZipFile):
        return "it is not a zip package"
    if isinstance(exc, KeyError):
        return "it has no document part"
    return "its content type is not a Word document's"
