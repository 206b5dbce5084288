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
}


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str

    @property
    def sqlite_path(self) -> Path:
        prefix = "sqlite:///"
        if not self.database_url.startswith(prefix):
            raise ValueError(f"unsupported MAALSPOR_DATABASE_URL {self.database_url!r}: only sqlite:/// is implemented")
        return Path(self.database_url[len(prefix):])


def load_settings() -> Settings:
    data_dir = Path(os.environ.get("MAALSPOR_DATA_DIR", "./data"))
    database_url = os.environ.get("MAALSPOR_DATABASE_URL") or f"sqlite:///{data_dir / 'maalspor.sqlite3'}"
    return Settings(data_dir=data_dir, database_url=database_url)
