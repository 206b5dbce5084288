"""A real PostgreSQL for the store's tests: initdb on a temporary folder, a local port, started as an
unprivileged user (runuser) when the tests run as root; tests skip cleanly where PostgreSQL is absent."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

BIN_DIRS = (Path("/usr/local/bin"), Path("/usr/lib/postgresql/15/bin"))
UNPRIVILEGED = "nobody"


def _tool(name: str) -> Path | None:
    found = shutil.which(name)
    if found:
        return Path(found)
    return next((folder / name for folder in BIN_DIRS if (folder / name).exists()), None)


def _as_server_user(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root."""
    return ["runuser", "-u", UNPRIVILEGED, "--", *command] if os.geteuid() == 0 else command


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a running server (user maalspor, trust authentication, C collation)."""
    pytest.importorskip("psycopg")
    if not postgres_available():
        pytest.skip("PostgreSQL (initdb, pg_ctl) is not installed")
    with running_postgres() as url:
        yield url


def postgres_available() -> bool:
    return None not in (_tool("initdb"), _tool("pg_ctl")) and (os.geteuid() != 0 or shutil.which("runuser") is not None)


@contextmanager
def running_postgres(settings: str = "") -> Iterator[str]:
    """A PostgreSQL server on a temporary folder and a free port until the block ends (also for bench/);
    `settings`: more server options ('-c shared_buffers=1GB')."""
    initdb, pg_ctl = str(_tool("initdb")), str(_tool("pg_ctl"))
    root = Path(tempfile.mkdtemp(prefix="maalspor-pg-"))
    root.chmod(0o755)
    data = root / "data"
    data.mkdir()
    if os.geteuid() == 0:
        shutil.chown(data, UNPRIVILEGED)
    run = dict(check=True, capture_output=True, timeout=120)
    subprocess.run(
        _as_server_user([initdb, "-D", str(data), "-A", "trust", "-U", "maalspor", "--locale=C", "-E", "UTF8"]), **run
    )
    port = _free_port()
    options = f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off {settings}"
    subprocess.run(
        _as_server_user([pg_ctl, "-D", str(data), "-o", options, "-w", "-l", str(data / "log"), "start"]), **run
    )
    try:
        yield f"postgresql://maalspor@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_server_user([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]), capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: str) -> str:
    """A fresh, empty database on the server for one test."""
    import psycopg

    name = f"maalspor_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    return postgres_server.rsplit("/", 1)[0] + f"/{name}"
