"""Project settings: defaults, overridden by an optional ``briefing.yaml`` at the project root.

Kept as plain dataclasses so each stage receives only its own part.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from generator.errors import ConfigError
from generator.safeyaml import YAMLError, load_yaml

# A wrong value quoted in a message is cut to this many characters.
_SHOWN_CHARS = 40


@dataclass(frozen=True)
class SummaryConfig:
    min_sentences: int = 1
    max_sentences: int = 4
    char_budget: int = 320  # upper bound on summary length in characters
    max_keywords: int = 8
    max_figures: int = 6


@dataclass(frozen=True)
class TranslationConfig:
    beam_size: int = 2
    max_batch_tokens: int = 4096  # CTranslate2 batch size in tokens
    inter_threads: int = 1
    intra_threads: int = 0  # 0 = let CTranslate2 decide
    chunk_sentences: int = 64  # sentences per engine call; the cache commits after each
    cache: str = ".briefing-cache/translations.sqlite"


@dataclass(frozen=True)
class SiteConfig:
    home: bool = True  # write docs/index.md as the newest edition (False: the home page is yours)
    timezone: str = "Asia/Shanghai"  # publication dates in feeds are midnight in this zone
    feed_items: int = 50  # newest dated articles in the RSS and JSON feeds
    min_tag_articles: int = 2  # a keyword becomes a topic when this many articles share it
    max_tags: int = 6  # topics shown per article


@dataclass(frozen=True)
class Config:
    root: Path = Path(".")
    seeds: str = "seeds"
    docs: str = "docs"
    digest_dir: str = "digest"  # generated pages live in docs/<digest_dir>/
    glossary: str = "glossary.yaml"
    analysis_cache: str = ".briefing-cache/analysis.sqlite"  # what ingest and analysis made of each source
    summary: SummaryConfig = field(default_factory=SummaryConfig)
    translation: TranslationConfig = field(default_factory=TranslationConfig)
    site: SiteConfig = field(default_factory=SiteConfig)

    def path(self, relative: str) -> Path:
        p = Path(relative)
        return p if p.is_absolute() else self.root / p


def load_config(root: Path | str = ".", file: str = "briefing.yaml") -> Config:
    """Read ``root/briefing.yaml`` when present; unknown keys are an error, not ignored."""
    root = Path(root)
    config = Config(root=root)
    path = root / file
    if not path.exists():
        return config
    try:
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}".splitlines()[0]) from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of settings")
    return _merge(config, data, str(path))


def _merge(obj: Any, data: dict, where: str) -> Any:
    known = {f.name: f for f in fields(obj) if f.name != "root"}
    changes = {}
    for key, value in data.items():
        if key not in known:
            raise ConfigError(f"{where}: unknown setting '{key}' (known: {', '.join(sorted(known))})")
        current = getattr(obj, key)
        if hasattr(current, "__dataclass_fields__"):
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: '{key}' must be a mapping")
            changes[key] = _merge(current, value, f"{where}: {key}")
        elif not isinstance(value, type(current)) or isinstance(value, bool) != isinstance(current, bool):
            raise ConfigError(f"{where}: '{key}' must be {type(current).__name__}, got {_shown(value)}")
        else:
            changes[key] = value
    return replace(obj, **changes)


def _shown(value: object) -> str:
    """A wrong value, quoted in a message: scalars as written, containers by kind only."""
    if isinstance(value, (list, dict)):
        return "a list" if isinstance(value, list) else "a mapping"
    text = repr(value)
    return text if len(text) <= _SHOWN_CHARS else text[:_SHOWN_CHARS] + "…"
