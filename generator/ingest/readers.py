"""Read stage: a source file becomes a :class:`Document` (decoded text, format, metadata).

One reader per kind of file (:mod:`generator.ingest.reader`), chosen by suffix the way
Pelican's readers are, or by content when the content says so. Files that cannot be used
raise :class:`~generator.errors.SourceError` with the file's name and the reason.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.data import Document, SourceMeta
from generator.errors import SourceError
from generator.ingest.docx import DocxReader
from generator.ingest.encoding import decode
from generator.ingest.feeds import FeedReader
from generator.ingest.html import HtmlReader
from generator.ingest.metadata import read_sidecar
from generator.ingest.mime import MimeReader
from generator.ingest.pdf import PdfReader
from generator.ingest.plaintext import TextReader
from generator.ingest.reader import Reader, Source

# Tried in this order: a PDF, a Word document or a saved mail is never decoded as text, a feed
# (whose items hold HTML) is a feed, a web page saved as .txt is HTML.
READERS: tuple[Reader, ...] = (PdfReader(), DocxReader(), MimeReader(), FeedReader(), HtmlReader(), TextReader())
SOURCE_SUFFIXES = frozenset(suffix for reader in READERS for suffix in reader.file_extensions)
# Documents a user may well mean as sources, which no reader takes: reported, not left out quietly
# (pictures, sidecars and other files are)
_OTHER_DOCUMENTS = {
    ".doc": "a Word 97-2003 document", ".wps": "a WPS document", ".rtf": "an RTF document",
    ".odt": "an OpenDocument text", ".pages": "a Pages document", ".epub": "an e-book",
    ".xls": "a spreadsheet", ".xlsx": "a spreadsheet", ".et": "a spreadsheet", ".ppt": "a slide deck",
    ".pptx": "a slide deck",
}


@dataclass
class Discovery:
    """The source files found, and every entry that looked like one but is not read, with why."""

    files: list[Path] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)


def discover_sources(paths: Sequence[Path | str]) -> Discovery:
    """Source files under ``paths``. Hidden (``.x``, ``_x``) entries and files of other types
    (sidecars, images) are left out quietly; anything else not read is reported: a document of
    a kind no reader takes (.doc, .odt, .xlsx), a link that
    leads out of the folder given (it would publish what it points to), a broken or looping
    link, a named pipe or device, a folder that cannot be opened."""
    found = Discovery()
    for p in map(Path, paths):
        if p.is_dir():
            _walk(p, p.resolve(), found)
        elif p.is_file():
            found.files.append(p)
        else:
            found.skipped.append((p, _not_a_file(p)))
    found.files.sort(key=str)
    return found


def _walk(top: Path, root: Path, found: Discovery) -> None:
    folders, named_like_files = [top], []
    while folders:
        folder = folders.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name, reverse=True)
        except OSError as exc:
            found.skipped.append((folder, f"folder not read ({exc.strerror or exc})"))
            continue
        for entry in entries:
            if entry.name.startswith((".", "_")):
                continue
            path = Path(entry.path)
            wanted = path.suffix.lower() in SOURCE_SUFFIXES
            if entry.is_symlink():
                why = _link_problem(path, root)
                if why is None and path.is_dir():
                    why = "a link to a folder; not followed (its files are read where they are)"
                if why is not None:
                    if wanted or path.is_dir() or not path.exists():
                        found.skipped.append((path, why))
                    continue
            if entry.is_dir():
                folders.append(path)
                if wanted:
                    named_like_files.append(path)
            elif path.suffix.lower() in _OTHER_DOCUMENTS:
                kind = _OTHER_DOCUMENTS[path.suffix.lower()]
                found.skipped.append((path, f"{kind}, not read: save it as .docx, PDF, HTML or text"))
            elif wanted:
                if entry.is_file():
                    found.files.append(path)
                else:
                    found.skipped.append((path, _not_a_file(path)))
    for folder in named_like_files:
        if not any(f.is_relative_to(folder) for f in found.files):
            found.skipped.append((folder, "a folder, not a file (no sources in it)"))


def _link_problem(path: Path, root: Path) -> str | None:
    """Why a symbolic link is not followed, or None when it leads to a file inside ``root``."""
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        return "a broken link (its target does not exist)"
    except (OSError, RuntimeError):
        return "a link that leads back to itself"
    if not target.is_relative_to(root):
        return "a link to something outside the sources folder; not read"
    return None


def _not_a_file(path: Path) -> str:
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "no such file or directory"
    except OSError as exc:
        return f"cannot read ({exc.strerror or exc})"
    kinds = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"),
             (stat.S_ISBLK, "a device"))
    kind = next((name for test, name in kinds if test(mode)), "not a regular file")
    return f"{kind}, not a file; not read"


def read_document(
    path: Path | str,
    *,
    display_path: str | None = None,
    sources_index: Mapping[str, SourceMeta] | None = None,
) -> Document:
    path = Path(path)
    shown = display_path or str(path)
    raw = _read_regular_file(path, shown)
    if not raw.strip():
        raise SourceError(f"{shown}: empty file")
    warnings: list[str] = []
    source = Source(path, shown, raw, read_sidecar(path, shown, warnings), (sources_index or {}).get(path.name),
                    warnings)
    suffix = path.suffix.lower()
    for reader in READERS:
        if reader.binary and (suffix in reader.file_extensions or reader.claims_bytes(raw)):
            return reader.read(source)
    text, encoding = decode(raw, shown, warnings)
    for reader in READERS:
        if not reader.binary and (suffix in reader.file_extensions or reader.claims_text(text)):
            return reader.read_text(source, text, encoding)
    return TextReader().read_text(source, text, encoding)  # named on the command line, any suffix


def _read_regular_file(path: Path, shown: str) -> bytes:
    """The file's bytes; a named pipe or device is refused before anything waits on it."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise SourceError(f"{shown}: cannot read ({exc.strerror or exc})") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise SourceError(f"{shown}: {_not_a_file(path)}")
        with os.fdopen(fd, "rb", closefd=False) as f:
            return f.read()
    except OSError as exc:
        raise SourceError(f"{shown}: cannot read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
