"""The reader interface: what every reader of a kind of source file gets and gives.

A reader says which suffixes it takes and may also claim a file by its content (a ``.txt``
that is a saved web page, a PDF with any name); :mod:`generator.ingest.readers` picks one.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import ClassVar

from generator.data import Document, SourceFormat, SourceMeta
from generator.ingest.encoding import decode
from generator.text import visible


@dataclass(frozen=True)
class Source:
    """A file on its way in: its bytes and what the files around it say about it."""

    path: Path
    shown: str  # the path as the user gave it, for messages
    raw: bytes
    sidecar: SourceMeta | None  # NAME.yaml beside it
    indexed: SourceMeta | None  # its entry in sources.yaml
    # What the reader could not use but read past (a broken byte, an impossible date): one
    # line each, without the file's name; they end up in ``Document.warnings``.
    warnings: list[str] = field(default_factory=list)

    def document(self, text: str, fmt: SourceFormat, meta: SourceMeta, **extra: object) -> Document:
        """The Document every reader gives: its text (and a title its metadata gives) as a reader
        sees them, without zero-width characters (:func:`~generator.text.visible`)."""
        if meta.title and (title := visible(meta.title)) != meta.title:
            meta = replace(meta, title=title)
        return Document(
            path=self.shown, name=self.path.name, text=visible(text), format=fmt, meta=meta,
            warnings=tuple(self.warnings), **extra,  # type: ignore[arg-type]
        )


class Reader:
    """Reads one kind of source file."""

    file_extensions: ClassVar[tuple[str, ...]] = ()
    binary: ClassVar[bool] = False  # reads the bytes itself (no text decoding first)

    def claims_bytes(self, raw: bytes) -> bool:
        """The bytes alone say the file is of this kind, whatever its suffix (binary readers)."""
        return False

    def claims_text(self, text: str) -> bool:
        """The decoded text says the file is of this kind, whatever its suffix."""
        return False

    def read(self, source: Source) -> Document:
        text, encoding = decode(source.raw, source.shown, source.warnings)
        return self.read_text(source, text, encoding)

    def read_text(self, source: Source, text: str, encoding: str) -> Document:
        raise NotImplementedError
