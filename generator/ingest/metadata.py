"""Where and when a source was published: the one place that decides its metadata.

Sources of metadata, in order of precedence: YAML front matter, a sidecar ``NAME.yaml``,
``sources.yaml`` in the folder, the page's own metadata (an HTML page), and last a dateline
in the text ("湖南日报3月29日讯"). Field by field the first that knows a value wins; nothing
is ever guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from generator.data import SourceMeta
from generator.errors import SourceError

INDEX_FILE = "sources.yaml"
_FIELDS = ("publication", "date", "url", "title")
_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def _meta(data: object, origin: str, shown: str) -> SourceMeta | None:
    if data is None:
        return None
    if not isinstance(data, dict):
        raise SourceError(f"{shown}: {origin}: expected a mapping of publication/date/url")
    values: dict[str, str | None] = {}
    for key in _FIELDS:
        value = data.get(key)
        if isinstance(value, (dt.date, dt.datetime)):
            value = value.isoformat()[:10]
        values[key] = None if value is None or str(value).strip() == "" else str(value).strip()
    if not any(values.values()):
        return None
    return SourceMeta(origin=origin, **values)


def read_front_matter(text: str, shown: str) -> tuple[str, SourceMeta | None]:
    """Strip YAML front matter, blanking its lines so line numbers still match the file."""
    m = _FRONT.match(text)
    if not m:
        return text, None
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError as exc:
        raise SourceError(f"{shown}: invalid front matter: {str(exc).splitlines()[0]}") from None
    if not isinstance(data, dict):
        return text, None  # a '---' rule, not front matter
    blank = "\n" * m.group(0).count("\n")
    return blank + text[m.end():], _meta(data, "front-matter", shown)


def sidecar_paths(path: Path) -> list[Path]:
    """``x.txt`` may be described by ``x.yaml`` or ``x.txt.yaml`` beside it."""
    return [path.with_suffix(".yaml"), path.with_name(path.name + ".yaml")]


def read_sidecar(path: Path, shown: str) -> SourceMeta | None:
    for candidate in sidecar_paths(path):
        if candidate.is_file() and candidate != path:
            try:
                data = yaml.safe_load(candidate.read_text(encoding="utf-8-sig"))
            except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
                raise SourceError(f"{shown}: sidecar {candidate.name}: {str(exc).splitlines()[0]}") from None
            return _meta(data, "sidecar", shown)
    return None


def read_index(directory: Path) -> dict[str, SourceMeta]:
    """``sources.yaml`` of a folder: ``{file name: {publication, date, url}}``."""
    path = directory / INDEX_FILE
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise SourceError(f"{path}: {str(exc).splitlines()[0]}") from None
    if not isinstance(data, dict):
        raise SourceError(f"{path}: expected {{file name: {{publication, date, url}}}}")
    index = {}
    for name, entry in data.items():
        meta = _meta(entry, "sources.yaml", str(path))
        if meta is not None:
            index[str(name)] = meta
    return index


def dateline_meta(publication: str | None, date: str | None) -> SourceMeta | None:
    """What a dateline says (the weakest source: anything the files say wins)."""
    if not publication and not date:
        return None
    return SourceMeta(publication=publication, date=date, origin="dateline")


def shared_edition(metas: list[SourceMeta]) -> SourceMeta | None:
    """The one publication and date the dated articles of a page agree on, else None.

    A newspaper page is printed in one edition, so an article without a dateline of its own
    belongs to the edition its neighbours name.
    """
    editions = {(m.publication, m.date) for m in metas if m.date}
    if len(editions) != 1:
        return None
    publication, date = editions.pop()
    return SourceMeta(publication=publication, date=date, origin="page")


def merge_meta(*metas: SourceMeta | None) -> SourceMeta:
    """Field by field, the first source that knows a value wins (callers pass them in the
    order of precedence given above)."""
    present = [m for m in metas if m is not None]
    if not present:
        return SourceMeta()
    values = {}
    origins: list[str] = []
    for key in _FIELDS:
        for m in present:
            value = getattr(m, key)
            if value:
                values[key] = value
                if m.origin and m.origin not in origins:
                    origins.append(m.origin)
                break
    return SourceMeta(origin="+".join(origins) or None, **values)
