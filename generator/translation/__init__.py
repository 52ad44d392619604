"""Translation stage: every text of a build into English, offline, batched, cached, checked.

``Translator.translate`` protects numbers and glossary terms, looks each sentence up in the
cache, sends the rest to the engine in large batches, checks every output, retries bad ones
with other decoding settings, and records what it did in each :class:`Quality`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.config import TranslationConfig
from generator.data import Quality, Translation
from generator.errors import ModelMissing
from generator.glossary import Glossary
from generator.translation.cache import TranslationCache
from generator.translation.checks import is_fatal, problems
from generator.translation.engine import CTranslate2Engine, Engine
from generator.translation.protect import Protected, protect

UNAVAILABLE = "[translation unavailable]"


@dataclass
class TranslationStats:
    requested: int = 0
    unique: int = 0
    cache_hits: int = 0
    translated: int = 0
    retried: int = 0
    fallbacks: int = 0
    seconds: float = 0.0


def retry_options(config: TranslationConfig) -> list[dict]:
    """Decoding settings tried in turn when an output fails a check."""
    return [
        {"beam_size": config.beam_size},
        {"beam_size": max(4, config.beam_size + 2), "repetition_penalty": 1.3, "no_repeat_ngram_size": 3},
        {"beam_size": 1, "repetition_penalty": 1.6, "no_repeat_ngram_size": 2},
    ]


class Translator:
    def __init__(self, engine: Engine, config: TranslationConfig, glossary: Glossary, cache: TranslationCache) -> None:
        self.engine = engine
        self.config = config
        self.glossary = glossary
        self.cache = cache
        self.model_id = engine.model_id
        self.stats = TranslationStats()

    @classmethod
    def open(cls, config: TranslationConfig, glossary: Glossary, cache_path: Path) -> Translator:
        from generator.translation.packages import find_zh_en

        package = find_zh_en()
        if package is None:
            raise ModelMissing()
        engine = CTranslate2Engine(Path(package.package_path), config)
        return cls(engine, config, glossary, TranslationCache(cache_path))

    def close(self) -> None:
        self.cache.close()

    def translate(
        self,
        texts: Sequence[str],
        progress: Callable[[int], None] | None = None,
        *,
        currencies: Sequence[str] | None = None,
    ) -> list[Translation]:
        """``currencies``: per text, what a bare 元 is in its article (default CNY)."""
        started = time.perf_counter()
        self.stats.requested += len(texts)
        requests = list(zip(texts, currencies or ["CNY"] * len(texts), strict=True))
        unique = list(dict.fromkeys(requests))
        self.stats.unique += len(unique)
        protected = {(t, c): protect(t, self.glossary, c) for t, c in unique}
        keys = list(dict.fromkeys(p.text for p in protected.values()))
        done = self.cache.get_many(self.model_id, keys)
        self.stats.cache_hits += sum(1 for t in unique if protected[t].text in done)
        if progress:
            progress(sum(1 for t in unique if protected[t].text in done))
        todo = [protected[t] for t in unique if protected[t].text not in done]
        todo = list({p.text: p for p in todo}.values())
        todo.sort(key=lambda p: (len(p.text), p.text))  # similar lengths batch well
        chunk = max(1, self.config.chunk_sentences)
        for start in range(0, len(todo), chunk):
            batch = todo[start : start + chunk]
            results = self._translate_batch(batch)
            self.cache.put_many(self.model_id, results)  # committed now: a killed build resumes here
            for key, output, quality in results:
                done[key] = (output, quality)
            self.stats.translated += len(batch)
            if progress:
                keys_done = {k for k, _, _ in results}
                progress(sum(1 for t in unique if protected[t].text in keys_done))
        self.stats.seconds += time.perf_counter() - started
        out = []
        for text, currency in requests:
            output, quality = done[protected[text, currency].text]
            q = _quality(quality)
            shown = f"{UNAVAILABLE} {text}" if q.fallback else output
            out.append(Translation(source=text, text=shown, quality=q))
        return out

    def _translate_batch(self, batch: Sequence[Protected]) -> list[tuple[str, str, dict]]:
        options = retry_options(self.config)
        outputs = self.engine.translate([p.text for p in batch], options[0])
        found = [problems(p, o) for p, o in zip(batch, outputs, strict=False)]
        retried = [False] * len(batch)
        for option in options[1:]:
            bad = [i for i, f in enumerate(found) if f]
            if not bad:
                break
            again = self.engine.translate([batch[i].text for i in bad], option)
            for i, text in zip(bad, again, strict=False):
                retried[i] = True
                new = problems(batch[i], text)
                if _worse(found[i], new):
                    outputs[i], found[i] = text, new
        results = []
        for p, output, found_i, was_retried in zip(batch, outputs, found, retried, strict=False):
            self.stats.retried += was_retried
            final, quality = _finish(p, output, found_i, was_retried)
            self.stats.fallbacks += quality["fallback"]
            results.append((p.text, final, quality))
        return results


def _worse(old: list[str], new: list[str]) -> bool:
    """True when ``new`` problems are fewer or less serious than ``old`` ones."""
    return (is_fatal(new), len(new)) < (is_fatal(old), len(old))


def _finish(p: Protected, output: str, found: list[str], retried: bool) -> tuple[str, dict]:
    """The English to keep, and its quality record."""
    lost_numbers = [f.split(":", 1)[1] for f in found if f.startswith("lost-number:")]
    lost_terms = [f.split(":", 1)[1] for f in found if f.startswith("lost-term:")]
    quality = {
        "numbers_ok": not lost_numbers,
        "glossary_ok": not lost_terms,
        "retried": retried,
        "fallback": is_fatal(found),
        "problems": list(found),
    }
    if quality["fallback"]:
        return "", quality
    if lost_numbers or lost_terms:
        # keep the English, and put back what the model lost so no figure goes missing
        missing = [r for r in p.renderings if any(n in r.replace(",", "") for n in lost_numbers) or r in lost_terms]
        output = f"{output.rstrip()} [{'; '.join(dict.fromkeys(missing))}]"
    return output, quality


def _quality(record: dict) -> Quality:
    """A :class:`Quality` from its cache record (JSON has lists, not tuples)."""
    return Quality(
        numbers_ok=record["numbers_ok"],
        glossary_ok=record["glossary_ok"],
        retried=record["retried"],
        fallback=record["fallback"],
        problems=tuple(record["problems"]),
    )
