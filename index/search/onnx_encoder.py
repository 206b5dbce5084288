"""The sentence-transformers model dir run by ONNX Runtime: export, fusion, int8 quantisation, inference.

``build_onnx`` exports the BERT encoder with mean pooling and normalisation inside the graph (one run
returns unit sentence vectors), fuses it with ONNX Runtime's transformer optimizer (one Attention
operator per layer, EmbedLayerNormalization, SkipLayerNormalization, BiasGelu) to
``<model dir>/onnx/model_fused.onnx`` and quantises that to ``model_fused_int8.onnx``: dynamic int8,
per output channel, every MatMul and Attention with constant weights. The export uses transformers'
eager attention because the optimizer recognises only that subgraph (the SDPA one stays unfused).
``reduce_range`` (7-bit weights) because CPUs without VNNI multiply u8 x s8 pairs into a saturating
16-bit sum: with the full range the cosine to fp32 fell to 0.981, with it 0.993 (bench/bench_embedding_model.py).

``OnnxEncoder`` tokenises with the dir's tokenizer.json (the same ``tokenizers`` file that
sentence-transformers loads), cuts at the dir's max_seq_length and runs small batches of similar
length (sorted, and at most TOKENS_PER_BATCH padded tokens each), so a short chunk is not padded to
a long one's length.

torch and the quantiser are imported inside the build functions; inference needs only onnxruntime
and tokenizers.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import onnxruntime

ONNX_DIR = "onnx"
FP32_FILE = "model_fused.onnx"
INT8_FILE = "model_fused_int8.onnx"
SUPERSEDED_FILES = ("model.onnx", "model_int8.onnx")  # unfused exports of earlier builds, 0.9 GB
_OPSET = 17
# Padded tokens per ONNX run. Small runs keep a layer's activations in the CPU caches: on 2 cores
# 512 gave 1.3x the tokens per CPU-second of 2048 and 1.45x of 4096 (bench/bench_embedding_model.py).
TOKENS_PER_BATCH = 512


def onnx_path(model_dir: Path, int8: bool) -> Path:
    return model_dir / ONNX_DIR / (INT8_FILE if int8 else FP32_FILE)


def build_onnx(model_dir: Path) -> Path:
    """Export, fuse and quantise once; the files are written under a temporary name and then
    renamed, so an interrupted build leaves nothing that looks finished."""
    target = model_dir / ONNX_DIR
    target.mkdir(exist_ok=True)
    fp32 = onnx_path(model_dir, int8=False)
    if not fp32.is_file():
        _export_fused(model_dir, fp32)
    int8 = onnx_path(model_dir, int8=True)
    if not int8.is_file():
        _quantize(fp32, int8)
    for name in SUPERSEDED_FILES:
        (target / name).unlink(missing_ok=True)
    return target


def _export_fused(model_dir: Path, target: Path) -> None:
    staging = target.with_suffix(f".{os.getpid()}.partial")  # concurrent builders never share one
    unfused = target.with_suffix(f".{os.getpid()}.unfused")
    try:
        _export(model_dir, unfused)
        _fuse(unfused, _bert_config(model_dir), staging)
    finally:
        unfused.unlink(missing_ok=True)
    staging.replace(target)


def _export(model_dir: Path, target: Path) -> None:
    import torch
    from transformers import AutoModel

    class PooledEncoder(torch.nn.Module):
        """BERT, then the mean over real tokens and unit length: sentence-transformers' Pooling + Normalize."""

        def __init__(self, bert: torch.nn.Module) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            hidden = self.bert(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, dim=-1)

    bert = AutoModel.from_pretrained(
        model_dir, local_files_only=True, attn_implementation="eager", add_pooling_layer=False
    )
    example = torch.ones((2, 8), dtype=torch.long)
    batch_and_sequence = {0: "batch", 1: "sequence"}
    torch.onnx.export(
        PooledEncoder(bert).eval(),
        (example, example),
        str(target),
        input_names=["input_ids", "attention_mask"],
        output_names=["embedding"],
        dynamic_axes={
            "input_ids": batch_and_sequence,
            "attention_mask": batch_and_sequence,
            "embedding": {0: "batch"},
        },
        opset_version=_OPSET,
        dynamo=False,
    )


def _fuse(source: Path, config: dict[str, int], target: Path) -> None:
    """ONNX Runtime's BERT fusions; a graph it could not fuse is refused rather than shipped slow."""
    from onnxruntime.transformers import optimizer

    fused = optimizer.optimize_model(
        str(source),
        model_type="bert",
        num_heads=config["num_attention_heads"],
        hidden_size=config["hidden_size"],
        opt_level=0,  # the fusions only; the session applies ONNX Runtime's graph optimisations at load
    )
    attention = fused.get_fused_operator_statistics()["Attention"]
    if attention != config["num_hidden_layers"]:
        raise RuntimeError(f"fused {attention} attention operators, expected {config['num_hidden_layers']}")
    fused.save_model_to_file(str(target))


def _quantize(source: Path, target: Path) -> None:
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    staging = target.with_suffix(f".{os.getpid()}.partial")  # concurrent builders never share one
    quantize_dynamic(
        str(source),
        str(staging),
        weight_type=QuantType.QInt8,
        per_channel=True,
        reduce_range=True,
        op_types_to_quantize=["MatMul", "Attention"],
        extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
    )
    staging.replace(target)


class OnnxEncoder:
    """Unit sentence vectors from an exported model; ``encode`` keeps the input order."""

    def __init__(self, model_dir: Path, int8: bool = True, threads: int | None = None) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        self.max_length = _max_seq_length(model_dir)
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.enable_truncation(self.max_length)
        self.pad_id = self.tokenizer.token_to_id(_special_tokens(model_dir).get("pad_token", "<pad>")) or 0
        self.session = onnxruntime.InferenceSession(
            str(onnx_path(model_dir, int8)), _session_options(threads), providers=["CPUExecutionProvider"]
        )
        self.dim = int(self.session.get_outputs()[0].shape[-1])

    def encode(self, texts: list[str], batch_size: int) -> np.ndarray:
        token_ids = [encoding.ids for encoding in self.tokenizer.encode_batch(texts)]
        vectors = np.zeros((len(texts), self.dim), dtype=np.float32)
        for batch in length_batches([len(ids) for ids in token_ids], batch_size, TOKENS_PER_BATCH):
            input_ids, attention_mask = self._padded([token_ids[row] for row in batch])
            vectors[batch] = self.session.run(None, {"input_ids": input_ids, "attention_mask": attention_mask})[0]
        return vectors

    def _padded(self, rows: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
        width = max(len(ids) for ids in rows)
        input_ids = np.full((len(rows), width), self.pad_id, dtype=np.int64)
        attention_mask = np.zeros((len(rows), width), dtype=np.int64)
        for row, ids in enumerate(rows):
            input_ids[row, : len(ids)] = ids
            attention_mask[row, : len(ids)] = 1
        return input_ids, attention_mask


def length_batches(lengths: list[int], max_rows: int, max_padded_tokens: int) -> list[list[int]]:
    """Row indices grouped shortest first: at most `max_rows` rows, and rows x longest length at most
    `max_padded_tokens` (a row longer than that goes alone)."""
    batches: list[list[int]] = [[]]
    for row in np.argsort(lengths, kind="stable").tolist():
        batch = batches[-1]
        if batch and (len(batch) == max_rows or (len(batch) + 1) * lengths[row] > max_padded_tokens):
            batch = []
            batches.append(batch)
        batch.append(row)
    return [batch for batch in batches if batch]


def _session_options(threads: int | None) -> onnxruntime.SessionOptions:
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads or os.cpu_count() or 1
    options.inter_op_num_threads = 1
    # Threads that spin between operators burn the cores that the web workers and ingest share.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return options


def _bert_config(model_dir: Path) -> dict[str, int]:
    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    return {key: int(config[key]) for key in ("num_attention_heads", "hidden_size", "num_hidden_layers")}


def _max_seq_length(model_dir: Path) -> int:
    config = json.loads((model_dir / "sentence_bert_config.json").read_text(encoding="utf-8"))
    return int(config["max_seq_length"])


def _special_tokens(model_dir: Path) -> dict[str, str]:
    path = model_dir / "special_tokens_map.json"
    if not path.is_file():
        return {}
    entries = json.loads(path.read_text(encoding="utf-8"))
    return {name: value if isinstance(value, str) else value.get("content", "") for name, value in entries.items()}
