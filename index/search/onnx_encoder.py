"""The sentence-transformers model dir run by ONNX Runtime: export, int8 quantisation, inference.

``build_onnx`` exports the BERT encoder with mean pooling and normalisation inside the graph (one run
returns unit sentence vectors) to ``<model dir>/onnx/model.onnx`` and quantises it to
``model_int8.onnx``: dynamic int8, per output channel, every MatMul with constant weights.
``reduce_range`` (7-bit weights) because CPUs without VNNI multiply u8 x s8 pairs into a saturating
16-bit sum: with the full range the cosine to fp32 fell to 0.981, with it 0.993 (bench/bench_embedding_model.py).

``OnnxEncoder`` tokenises with the dir's tokenizer.json (the same ``tokenizers`` file that
sentence-transformers loads), cuts at the dir's max_seq_length and feeds batches of similar length
(sorted, so a short chunk is not padded to a long one's length).

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
FP32_FILE = "model.onnx"
INT8_FILE = "model_int8.onnx"
_OPSET = 17


def onnx_path(model_dir: Path, int8: bool) -> Path:
    return model_dir / ONNX_DIR / (INT8_FILE if int8 else FP32_FILE)


def build_onnx(model_dir: Path) -> Path:
    """Export and quantise once; the files are written under a temporary name and then renamed, so
    an interrupted build leaves nothing that looks finished."""
    target = model_dir / ONNX_DIR
    target.mkdir(exist_ok=True)
    fp32 = onnx_path(model_dir, int8=False)
    if not fp32.is_file():
        _export(model_dir, fp32)
    int8 = onnx_path(model_dir, int8=True)
    if not int8.is_file():
        _quantize(fp32, int8)
    return target


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

    encoder = PooledEncoder(AutoModel.from_pretrained(model_dir, local_files_only=True)).eval()
    example = torch.ones((2, 8), dtype=torch.long)
    staging = target.with_suffix(f".{os.getpid()}.partial")  # concurrent builders never share one
    batch_and_sequence = {0: "batch", 1: "sequence"}
    torch.onnx.export(
        encoder,
        (example, example),
        str(staging),
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
    staging.replace(target)


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
        op_types_to_quantize=["MatMul"],
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
        order = np.argsort([len(ids) for ids in token_ids], kind="stable")
        for start in range(0, len(order), batch_size):
            batch = order[start : start + batch_size]
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


def _session_options(threads: int | None) -> onnxruntime.SessionOptions:
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads or os.cpu_count() or 1
    options.inter_op_num_threads = 1
    # Threads that spin between operators burn the cores that the web workers and ingest share.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return options


def _max_seq_length(model_dir: Path) -> int:
    config = json.loads((model_dir / "sentence_bert_config.json").read_text(encoding="utf-8"))
    return int(config["max_seq_length"])


def _special_tokens(model_dir: Path) -> dict[str, str]:
    path = model_dir / "special_tokens_map.json"
    if not path.is_file():
        return {}
    entries = json.loads(path.read_text(encoding="utf-8"))
    return {name: value if isinstance(value, str) else value.get("content", "") for name, value in entries.items()}
