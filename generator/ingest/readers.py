"""Read stage: a source file becomes a :class:`Document` (decoded text, format, metadata).

One reader per kind of file (:mod:`generator.ingest.reader`), chosen by suffix the way
Pelican's readers are, or by content when the content says so. Files that cannot be used
raise :class:`~generator.errors.SourceError` with the file's name and the reason.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from generator.data import Document, SourceMeta
from generator.errors import SourceError
from generator.ingest.encoding import decode
from generator.ingest.html import HtmlReader
from generator.ingest.metadata import read_sidecar
from generator.ingest.pdf import PdfReader
from generator.ingest.plaintext import TextReader
from generator.ingest.reader import Reader, Source

# Tried in this order: a PDF is never decoded as text, a web page saved as .txt is HTML.
READERS: tuple[Reader, ...] = (PdfReader(), HtmlReader(), TextReader())
SOURCE_SUFFIXES = frozenset(suffix for reader in READERS for suffix in reader.file_extensions)


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
    source = Source(path, shown, raw, read_sidecar(path, shown), (sources_index or {}).get(path.name))
    suffix = path.suffix.lower()
    for reader in READERS:
        if reader.binary and (suffix in reader.file_extensions or reader.claims_bytes(raw)):
            return reader.read(source)
    text, encoding = decode(raw, shown)
    for reader in READERS:
        if not reader.binary and (suffix in reader.file_extensions or reader.claims_text(text)):
            return reader.read_text(source, text, encoding)
    return TextReader().read_text(source, text, encoding)  # named on the command line, any suffix
