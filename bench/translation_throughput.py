"""Throughput of the translation engine versus Argos' own per-sentence path, same package.

Builds a test package of the real zh→en package's shape (an OPUS-MT transformer-base:
6+6 layers, d_model 512, 8 heads, FFN 2048, a vocabulary of 32,000 pieces — random weights, so
only speed means anything; ``--small`` for the earlier d_model 256, 3+3 layers, 4,000 pieces),
takes the sentences of the sample sources, and times:

- ``briefing engine``: the engine on all sentences in one call (token-based batches);
- ``briefing stage``: the whole ``Translator.translate`` with an empty cache (protection,
  checks, cache writes, and retries — the random test model drops every number, so each
  sentence with a number is decoded three times: a worst case);
- ``argos``: Argos' ``PackageTranslation`` once per sentence, as ``argostranslate.translate``
  does — with its sentence splitter replaced by "the text is one sentence", because the
  stock splitters download models (MiniSBD) or resources (stanza) and this machine is offline.

Both use the same beam size (``--beam``, Argos' default 4) and one inter-op thread.

    python bench/translation_throughput.py [--beam 4] [--repeat 3] [--small]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def sample_sentences() -> list[str]:
    from generator.analysis.sentences import split_sentences
    from generator.build import _setup, load_sources

    _setup(REPO)
    loaded = load_sources([REPO / "seeds"])
    return [s.text for _, articles in loaded.documents for a in articles for s in split_sentences(a.body)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--beam", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--small", action="store_true", help="d_model 256, 3+3 layers, 4,000 pieces")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-translation-"))
    os.environ["ARGOS_PACKAGES_DIR"] = str(work / "packages")
    os.environ["ARGOS_BEAM_SIZE"] = str(args.beam)
    from tests.tiny_argos import build_tiny_package

    if args.small:
        shape = {"d_model": 256, "layers": 3, "heads": 4, "ffn": 1024, "vocab_size": 4000}
    else:
        shape = {"d_model": 512, "layers": 6, "heads": 8, "ffn": 2048, "vocab_size": 4000, "model_vocab": 32000}
    package_file = build_tiny_package(work, **shape)
    from generator.config import TranslationConfig
    from generator.glossary import Glossary
    from generator.translation import Translator
    from generator.translation.packages import find_zh_en, install_from_file

    install_from_file(package_file)
    sentences = sample_sentences()
    print(f"{len(sentences)} sentences from seeds/, beam size {args.beam}, model {shape}")

    config = TranslationConfig(beam_size=args.beam, inter_threads=1)
    default_beam = TranslationConfig().beam_size
    ours, ours_default, full = [], [], []
    for run in range(args.repeat):
        translator = Translator.open(config, Glossary(), work / f"cache-{run}.sqlite")
        start = time.perf_counter()
        translator.engine.translate(sentences, {"beam_size": args.beam})
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        translator.engine.translate(sentences, {"beam_size": default_beam})
        ours_default.append(time.perf_counter() - start)
        start = time.perf_counter()
        translator.translate(sentences)
        full.append(time.perf_counter() - start)
        retried = translator.stats.retried
        translator.close()

    import ctranslate2
    from argostranslate import translate as argos
    from argostranslate.sbd import ISentenceBoundaryDetectionModel

    class OneSentence(ISentenceBoundaryDetectionModel):
        def split_sentences(self, text: str) -> list[str]:
            return [text]

    package = find_zh_en()
    engine = ctranslate2.Translator(str(package.package_path / "model"), device="cpu", inter_threads=1)
    theirs = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        for sentence in sentences:
            argos.apply_packaged_translation(package, sentence, engine, OneSentence(), num_hypotheses=1)
        theirs.append(time.perf_counter() - start)

    best_ours, best_theirs = min(ours), min(theirs)
    n = len(sentences)
    print(f"briefing engine : {n / best_ours:8.1f} sentences/s  (best of {args.repeat}: {best_ours:.2f} s; "
          f"median {statistics.median(ours):.2f} s)")
    print(f"briefing stage  : {n / min(full):8.1f} sentences/s  (protection, checks, SQLite cache and "
          f"{retried} retries of sentences whose numbers the random model drops)")
    print(f"argos per call  : {n / best_theirs:8.1f} sentences/s  (best of {args.repeat}: {best_theirs:.2f} s; "
          f"median {statistics.median(theirs):.2f} s)")
    print(f"ratio, same beam ({args.beam}) : {best_theirs / best_ours:.1f}x")
    print(f"ratio, each with its default beam (briefing {default_beam}, Argos 4): "
          f"{best_theirs / min(ours_default):.1f}x  ({n / min(ours_default):.1f} sentences/s)")


if __name__ == "__main__":
    main()
