"""Build a tiny but structurally valid zh→en Argos package at test time.

The real package (about 74 MB) cannot be downloaded here, so tests make their own: a
SentencePiece model trained on generated text, a CTranslate2 Transformer with small random
weights (numpy only), and ``metadata.json``, zipped under one top-level folder exactly like
a package from the Argos index. The decoder is wired so that it emits a fixed English
phrase: each phrase token's embedding is a basis vector, and the output projection maps
"previous token" to "next token", so tests can assert exact strings. With ``d_model`` and
``layers`` raised, the same builder gives a realistically sized model for timing.
"""

from __future__ import annotations

import io
import json
import random
import zipfile
from pathlib import Path

import numpy as np

DEFAULT_PHRASE = "The briefing engine wrote this English sentence offline for every reader of the digest"

# Frequent characters of Chinese news: the generated training text is made of them.
_CHARS = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学"
    "法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外"
    "天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很"
    "情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她"
    "手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研北湖南省市县企算智能绿色产业规模增长亿元万同比项目投资"
)


def _training_lines(phrase: str, count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    lines = []
    for i in range(count):
        chunk = "".join(rng.choice(_CHARS) for _ in range(rng.randint(8, 30)))
        number = f"{rng.randint(1, 9999)}.{rng.randint(0, 9)}%" if i % 3 == 0 else str(rng.randint(1, 2030))
        lines.append(f"{chunk}{number}，{chunk[::-1]}。")
        lines.append(phrase)
    return lines


def build_tiny_package(
    dest_dir: Path,
    phrase: str = DEFAULT_PHRASE,
    *,
    d_model: int = 64,
    layers: int = 1,
    heads: int = 2,
    ffn: int | None = None,
    vocab_size: int = 1200,
    model_vocab: int | None = None,
    version: str = "0.0.1",
    seed: int = 7,
) -> Path:
    """Write ``translate-zh_en-tiny.argosmodel`` into ``dest_dir`` and return its path.

    ``model_vocab`` pads the model's vocabulary beyond the SentencePiece pieces (entries the
    tokenizer never produces): a model of a real vocabulary size (tens of thousands of pieces,
    the output layer's cost) without a training text rich enough to learn them.
    """
    import ctranslate2
    import sentencepiece as spm

    dest_dir.mkdir(parents=True, exist_ok=True)
    work = dest_dir / "tiny-build"
    root = work / "translate-zh_en-tiny"
    (root / "model").mkdir(parents=True, exist_ok=True)

    sp_bytes = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(_training_lines(phrase, 3000, seed)),
        model_writer=sp_bytes,
        vocab_size=vocab_size,
        character_coverage=1.0,
        model_type="unigram",
        user_defined_symbols=["\u2581" + word for word in phrase.split()],  # each word one piece
        num_threads=1,
        minloglevel=2,
    )
    (root / "sentencepiece.model").write_bytes(sp_bytes.getvalue())
    sp = spm.SentencePieceProcessor(model_proto=sp_bytes.getvalue())
    vocab = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    vocab += [f"<unused{i}>" for i in range(max(0, (model_vocab or 0) - len(vocab)))]
    chain = ["<s>", *sp.encode(phrase, out_type=str), "</s>"]
    if len(set(chain)) != len(chain) or len(chain) > d_model:
        raise ValueError("the phrase needs distinct pieces, fewer than d_model")

    spec = ctranslate2.specs.TransformerSpec.from_config(num_layers=layers, num_heads=heads)
    rng = np.random.default_rng(seed)
    _fill(spec, d_model, ffn or 2 * d_model, len(vocab), rng)

    # embeddings: chain tokens are basis vectors that dominate the residual stream
    index = {piece: i for i, piece in enumerate(vocab)}
    emb = spec.decoder.embeddings.weight
    proj = spec.decoder.projection.weight
    proj_bias = np.full(len(vocab), -4.0, dtype=np.float32)
    for slot, piece in enumerate(chain[:-1]):
        emb[index[piece]] = 0.0
        emb[index[piece], slot] = 8.0
        nxt = index[chain[slot + 1]]
        proj[nxt] = 0.0
        proj[nxt, slot] = 12.0
    spec.decoder.projection.bias = proj_bias
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    spec.validate()
    spec.save(str(root / "model"))

    metadata = {
        "package_version": version,
        "argos_version": "1.9.0",
        "from_code": "zh",
        "from_name": "Chinese",
        "to_code": "en",
        "to_name": "English",
        "type": "translate",
        "code": "translate-zh_en",
        "links": [],
    }
    (root / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    (root / "README.md").write_text("Tiny zh→en test package built by tests/tiny_argos.py.\n", encoding="utf-8")
    out = dest_dir / "translate-zh_en-tiny.argosmodel"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(root.rglob("*")):
            zf.write(path, path.relative_to(work).as_posix())
    return out


def _fill(spec, d: int, ff: int, vocab: int, rng: np.random.Generator) -> None:
    """Give every weight of a Transformer spec a small random value of the right shape."""

    def small(*shape):
        return (rng.standard_normal(shape) * 0.02).astype(np.float32)

    def norm(layer):
        layer.gamma = np.ones(d, dtype=np.float32)
        layer.beta = np.zeros(d, dtype=np.float32)

    def linear(layer, out_dim, in_dim):
        layer.weight = small(out_dim, in_dim)
        layer.bias = np.zeros(out_dim, dtype=np.float32)

    def attention(att, self_attention: bool):
        norm(att.layer_norm)
        if self_attention:
            linear(att.linear[0], 3 * d, d)
            linear(att.linear[1], d, d)
        else:
            linear(att.linear[0], d, d)
            linear(att.linear[1], 2 * d, d)
            linear(att.linear[2], d, d)

    def ffn_layer(f):
        norm(f.layer_norm)
        linear(f.linear_0, ff, d)
        linear(f.linear_1, d, ff)

    spec.encoder.embeddings[0].weight = small(vocab, d)
    norm(spec.encoder.layer_norm)
    for layer in spec.encoder.layer:
        attention(layer.self_attention, True)
        ffn_layer(layer.ffn)
    spec.decoder.embeddings.weight = small(vocab, d)
    norm(spec.decoder.layer_norm)
    for layer in spec.decoder.layer:
        attention(layer.self_attention, True)
        attention(layer.attention, False)
        ffn_layer(layer.ffn)
    spec.decoder.projection.weight = small(vocab, d)
