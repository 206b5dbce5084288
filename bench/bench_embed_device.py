"""Encoder throughput on whatever device is present: sequences/s and tokens/s at 128 and 512 tokens.

    python bench/bench_embed_device.py [--seconds 10] [--batch N] [--model-dir DIR]

Runs the e5-small encoder (BERT, 12 layers, hidden 384) forward on full-length batches of random
token ids: fp16 on a CUDA device when torch sees one, else fp32 on the CPU. The weights are the
built model dir's when it exists (default <data dir>/models/multilingual-e5-small), else random
ones from the same architecture (transformers' BertConfig): throughput does not depend on the
weights, and so the script needs neither network nor our data dir (on a bare GPU machine it
needs only torch and transformers). When the data dir holds the model it also times the product
path, `load_model` with the backend `choose_backend` picks, on Danish passages of ~100 tokens.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

# multilingual-e5-small's architecture (its config.json)
E5_SMALL = {
    "vocab_size": 250037,
    "hidden_size": 384,
    "num_hidden_layers": 12,
    "num_attention_heads": 12,
    "intermediate_size": 1536,
    "max_position_embeddings": 512,
    "type_vocab_size": 2,
    "pad_token_id": 1,
}
SENTENCE = "Flere unge skal i uddannelse eller beskæftigelse, og ledigheden skal falde i hele kommunen. "


def load_encoder(model_dir: Path, device: str):
    from transformers import AutoModel, BertConfig, BertModel

    if (model_dir / "config.json").is_file():
        model = AutoModel.from_pretrained(model_dir, local_files_only=True)
        source = f"weights from {model_dir}"
    else:
        model = BertModel(BertConfig(**E5_SMALL), add_pooling_layer=False)
        source = "random weights, e5-small architecture"
    model = model.eval().to(device)
    return (model.half() if device == "cuda" else model), source


def time_forward(model, device: str, length: int, batch: int, seconds: float) -> tuple[float, float]:
    """Sequences/s and tokens/s of the encoder forward pass on full-length random batches."""
    import torch

    ids = torch.randint(5, E5_SMALL["vocab_size"], (batch, length), device=device)
    mask = torch.ones_like(ids)

    def run() -> None:
        with torch.inference_mode():
            model(input_ids=ids, attention_mask=mask)
        if device == "cuda":
            torch.cuda.synchronize()

    run()  # warm-up: kernels chosen, memory allocated
    runs, started = 0, time.perf_counter()
    while runs < 3 or time.perf_counter() - started < seconds:
        run()
        runs += 1
    sequences = runs * batch / (time.perf_counter() - started)
    return sequences, sequences * length


def product_path(seconds: float) -> None:
    from index.search import embedding_model as em
    from maalspor.config import load_settings

    settings = load_settings()
    if not em.default_model_dir(settings).is_dir():
        print("product path: no model dir in the data dir; skipped")
        return
    embedder = em.load_model(settings)
    chosen = em.choose_backend(settings.embedding_backend, em.cuda_present(), True)
    texts = [f"{n}. {SENTENCE * 4}" for n in range(embedder.batch_size * 8)]
    embedder.embed_passages(texts[: embedder.batch_size])
    count, started = 0, time.perf_counter()
    while count == 0 or time.perf_counter() - started < seconds:
        embedder.embed_passages(texts)
        count += len(texts)
    print(f"product path (load_model, backend {chosen}): {count / (time.perf_counter() - started):.1f} passages/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10.0, help="per measurement")
    parser.add_argument("--batch", type=int, help="default 256 on a GPU, 32 on the CPU")
    parser.add_argument("--model-dir", type=Path, default=REPO / "data" / "models" / "multilingual-e5-small")
    args = parser.parse_args()
    import torch

    device = "cuda" if torch.cuda.is_available() else "cpu"
    name = torch.cuda.get_device_name(0) if device == "cuda" else f"CPU, {torch.get_num_threads()} threads"
    model, source = load_encoder(args.model_dir, device)
    batch = args.batch or (256 if device == "cuda" else 32)
    print(f"device: {name}  dtype: {'fp16' if device == 'cuda' else 'fp32'}  {source}  batch {batch}")
    for length in (128, 512):
        sequences, tokens = time_forward(model, device, length, batch, args.seconds)
        print(f"{length:4} tokens: {sequences:10.1f} sequences/s {tokens:12.0f} tokens/s")
    product_path(args.seconds)


if __name__ == "__main__":
    main()
