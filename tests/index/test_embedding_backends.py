"""Embedding backends: which one runs where, and the ONNX ones against torch fp32.

The choice (CUDA fp16 on a GPU, int8 ONNX on a CPU, torch as the fallback) is tested without a GPU:
`choose_backend` is a pure function and `load_model` is checked with the loading replaced.
The ONNX tests build the model dir and its exports in a temporary data dir (slow).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from index.search import embedding_model as em
from index.search import onnx_encoder
from maalspor.config import Settings

REPO = Path(__file__).resolve().parents[2]
CORPUS_PLAN = REPO / "corpus" / "000_74d16ed6cde7bc44.txt"


@pytest.mark.parametrize(
    ("requested", "cuda", "onnx_built", "chosen"),
    [
        ("auto", True, True, "cuda-fp16"),
        ("auto", False, True, "onnx-int8"),
        ("auto", False, False, "torch"),
        ("torch", True, True, "torch"),
        ("onnx-fp32", True, True, "onnx-fp32"),
        ("cuda-fp16", True, False, "cuda-fp16"),
    ],
)
def test_backend_choice(requested: str, cuda: bool, onnx_built: bool, chosen: str) -> None:
    assert em.choose_backend(requested, cuda, onnx_built) == chosen


def test_impossible_backend_requests_are_refused() -> None:
    with pytest.raises(RuntimeError, match="no CUDA device"):
        em.choose_backend("cuda-fp16", cuda=False, onnx_built=True)
    with pytest.raises(RuntimeError, match="embedding_model build"):
        em.choose_backend("onnx-int8", cuda=True, onnx_built=False)
    with pytest.raises(ValueError, match="unknown embedding backend 'gpu'"):
        em.choose_backend("gpu", cuda=True, onnx_built=True)


def test_no_nvidia_driver_means_no_cuda_and_no_torch_import(monkeypatch: pytest.MonkeyPatch) -> None:
    probe = (
        "import sys; from index.search import embedding_model as em; "
        "em.NVIDIA_DRIVER_FILE = '/nonexistent/nvidia'; print(em.cuda_present(), 'torch' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]


class FakeSentenceTransformer:
    prompts = {"query": "query: ", "passage": "passage: "}

    def get_embedding_dimension(self) -> int:
        return 4


def test_a_cuda_device_gets_fp16_torch_and_large_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    devices: list[str] = []

    def fake_load(path: str, device: str = "cpu") -> FakeSentenceTransformer:
        devices.append(device)
        return FakeSentenceTransformer()

    monkeypatch.setattr(em, "load_sentence_transformer", fake_load)
    monkeypatch.setattr(em, "cuda_present", lambda: True)
    settings = Settings(data_dir=tmp_path, database_url="sqlite:///unused", embedding_model=str(tmp_path))
    embedder = em.load_model(settings)
    assert devices == ["cuda"] and embedder.batch_size == em.GPU_BATCH
    assert (embedder.query_prompt, embedder.passage_prompt) == ("query: ", "passage: ")
    monkeypatch.setattr(em, "cuda_present", lambda: False)
    assert em.load_model(settings).batch_size == 32 and devices == ["cuda", "cpu"]  # no ONNX files: torch


def test_importing_the_module_loads_no_runtime() -> None:
    probe = (
        "import sys, index.search.embedding_model; "
        "print(sorted({'torch', 'sentence_transformers', 'transformers', 'onnxruntime'} & set(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_length_batches_group_similar_lengths_under_the_token_budget() -> None:
    lengths = [500, 30, 40, 120, 35, 600, 130, 45]
    batches = onnx_encoder.length_batches(lengths, max_rows=3, max_padded_tokens=256)
    assert sorted(row for batch in batches for row in batch) == list(range(len(lengths)))
    assert batches == [[1, 4, 2], [7, 3], [6], [0], [5]]  # 3 rows at most; 2 x 130 > 256; long rows alone
    assert onnx_encoder.length_batches([], max_rows=32, max_padded_tokens=512) == []


def test_a_build_removes_the_superseded_unfused_exports(tmp_path: Path) -> None:
    exports = tmp_path / onnx_encoder.ONNX_DIR
    exports.mkdir()
    for name in (*onnx_encoder.SUPERSEDED_FILES, onnx_encoder.FP32_FILE, onnx_encoder.INT8_FILE):
        (exports / name).touch()
    onnx_encoder.build_onnx(tmp_path)  # both current files exist: nothing is exported again
    assert sorted(path.name for path in exports.iterdir()) == [onnx_encoder.FP32_FILE, onnx_encoder.INT8_FILE]


# ------------------------------------------------------------------ ONNX against torch fp32 (slow)


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    data = tmp_path_factory.mktemp("data")
    return Settings(data_dir=data, database_url=f"sqlite:///{data / 'maalspor.sqlite3'}")


@pytest.fixture(scope="module")
def plan_paragraphs() -> list[str]:
    """The 2022 plan's paragraphs: short headings to texts over e5's 512 tokens."""
    paragraphs = [p.strip() for p in CORPUS_PLAN.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return paragraphs + ["\n".join(paragraphs)]  # the whole plan: cut at 512 tokens by every backend


@pytest.mark.slow
def test_onnx_int8_is_the_cpu_default_and_close_to_torch_fp32(settings: Settings, plan_paragraphs: list[str]) -> None:
    torch_embedder = em.load_model(settings, backend=em.TORCH_FP32)
    default = em.load_model(settings)
    assert isinstance(default.encoder, em.OnnxEncoder) and default.batch_size == 32
    assert len(plan_paragraphs) > 40
    for embed in ("embed_passages", "embed_queries"):
        reference = getattr(torch_embedder, embed)(plan_paragraphs)
        vectors = getattr(default, embed)(plan_paragraphs)
        assert vectors.dtype == np.float32 and vectors.shape == reference.shape
        np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
        assert np.sum(vectors * reference, axis=1).min() >= 0.99


@pytest.mark.slow
def test_onnx_fp32_equals_torch_fp32_in_input_order(settings: Settings, plan_paragraphs: list[str]) -> None:
    reference = em.load_model(settings, backend=em.TORCH_FP32).embed_passages(plan_paragraphs)
    # batches of 4 sorted by length: the rows must still come back in input order
    exported = em.load_model(settings, backend=em.ONNX_FP32)
    exported.batch_size = 4
    assert np.sum(exported.embed_passages(plan_paragraphs) * reference, axis=1).min() >= 0.9999


@pytest.mark.slow
def test_the_int8_graph_is_fused_with_quantised_attention(settings: Settings) -> None:
    import onnx

    em.load_model(settings)  # builds the exports
    graph = onnx.load(str(em.onnx_path(em.default_model_dir(settings), int8=True))).graph
    operators = [node.op_type for node in graph.node]
    layers = json.loads((em.default_model_dir(settings) / "config.json").read_text(encoding="utf-8"))
    assert operators.count("QAttention") == layers["num_hidden_layers"] == 12
    assert operators.count("EmbedLayerNormalization") == 1 and "Softmax" not in operators
