"""The model itself: an Argos package's CTranslate2 model and SentencePiece tokenizer.

Argos' own ``translate()`` splits text into sentences with stanza or MiniSBD, both of which
go to the network; the program's sentences are already split, so they are tokenized and
sent to ``ctranslate2.Translator.translate_batch`` directly, many at a time, in batches
measured in tokens.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from generator.config import TranslationConfig


class Engine(Protocol):
    model_id: str

    def translate(self, texts: Sequence[str], options: dict) -> list[str]: ...


class CTranslate2Engine:
    def __init__(self, package_path: Path, config: TranslationConfig) -> None:
        import ctranslate2
        import sentencepiece

        metadata = json.loads((package_path / "metadata.json").read_text(encoding="utf-8"))
        self.model_id = f"{metadata.get('code') or package_path.name}-{metadata.get('package_version', '0')}"
        self.target_prefix = metadata.get("target_prefix") or ""
        self.tokenizer = sentencepiece.SentencePieceProcessor(model_file=str(package_path / "sentencepiece.model"))
        self.translator = ctranslate2.Translator(
            str(package_path / "model"),
            device="cpu",
            inter_threads=config.inter_threads,
            intra_threads=config.intra_threads,
        )
        self.config = config

    def translate(self, texts: Sequence[str], options: dict) -> list[str]:
        if not texts:
            return []
        tokens = self.tokenizer.encode(list(texts), out_type=str)
        longest = max(len(t) for t in tokens)
        results = self.translator.translate_batch(
            tokens,
            target_prefix=[[self.target_prefix]] * len(tokens) if self.target_prefix else None,
            max_batch_size=self.config.max_batch_tokens,
            batch_type="tokens",
            beam_size=options.get("beam_size", self.config.beam_size),
            repetition_penalty=options.get("repetition_penalty", 1.0),
            no_repeat_ngram_size=options.get("no_repeat_ngram_size", 0),
            max_decoding_length=min(1024, 3 * longest + 32),
            length_penalty=0.2,
            replace_unknowns=True,
        )
        out = []
        for result in results:
            text = self.tokenizer.decode(result.hypotheses[0])
            if self.target_prefix and text.startswith(self.target_prefix):
                text = text[len(self.target_prefix) :]
            out.append(text.strip())
        return out
