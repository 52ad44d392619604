"""Where a source was published: front matter, a sidecar ``NAME.yaml``, or ``sources.yaml``.

Precedence: front matter > sidecar > sources.yaml > the page's own metadata (HTML). Nothing
is ever guessed here; datelines in the text are read by the segment stage.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from generator.data import SourceMeta
from generator.errors import UserError

_FIELDS = ("publication", "date", "url", "title")
_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def _error(shown: str, message: str) -> UserError:
    from generator.read import SourceError

    return SourceError(f"{shown}: {message}")


def _meta(data: object, origin: str, shown: str) -> SourceMeta | None:
    if data is None:
        return None
    if not isinstance(data, dict):
        raise _error(shown, f"{origin}: expected a mapping of publication/date/url")
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
        raise _error(shown, f"invalid front matter: {str(exc).splitlines()[0]}") from None
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
                raise _error(shown, f"sidecar {candidate.name}: {str(exc).splitlines()[0]}") from None
            return _meta(data, "sidecar", shown)
    return None


def read_index(path: Path) -> dict[str, SourceMeta]:
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise _error(str(path), f"{str(exc).splitlines()[0]}") from None
    if not isinstance(data, dict):
        raise _error(str(path), "expected {file name: {publication, date, url}}")
    index = {}
    for name, entry in data.items():
        meta = _meta(entry, "sources.yaml", str(path))
        if meta is not None:
            index[str(name)] = meta
    return index


def merge_meta(*metas: SourceMeta | None) -> SourceMeta:
    """Field by field, the first source that knows a value wins."""
    present = [m for m in metas if m is not None]
    if not present:
        return SourceMeta()
    values = {}
    origins = []
    for key in _FIELDS:
        for m in present:
            value = getattr(m, key)
            if value:
                values[key] = value
                if m.origin and m.origin not in origins:
                    origins.append(m.origin)
                break
    return SourceMeta(origin="+".join(origins) or None, **values)
