"""The web page in a real headless Debian chromium (--dump-dom): search, open a goal thread, see the diff markup."""

import re
import shutil
import socket
import subprocess
import threading
import time

import pytest
import uvicorn

from api.app import create_app

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.skip("chromium not installed (scripts/ensure_chromium.sh installs it)")
    return path


@pytest.fixture(scope="module")
def base_url(api_settings, fake_searcher):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(api_settings, searcher_factory=lambda: fake_searcher),
            host="127.0.0.1",
            port=port,
            log_level="warning",
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(5)


def dump_dom(chromium: str, url: str, profile) -> str:
    result = subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", url],
        capture_output=True,
        text=True,
        timeout=60,
    )
    return result.stdout


def test_search_then_open_a_thread_with_diff_markup(chromium, base_url, tmp_path):
    page = dump_dom(
        chromium, f"{base_url}/?q=Hvordan+har+m%C3%A5let+for+unge+%C3%A6ndret+sig+fra+2015+til+2023%3F", tmp_path
    )
    assert 'id="answer"' in page and "Flere unge skal i uddannelse eller beskæftigelse" in page
    thread_link = next(
        href
        for href, label in re.findall(r'<a class="thread" href="([^"]+)">([^<]+)</a>', page)
        if label.startswith("Flere unge skal i uddannelse")
    )
    thread_page = dump_dom(chromium, base_url + thread_link, tmp_path)
    assert "<ins>job- og uddannelsesparate</ins>" in thread_page
    assert "<del>" in thread_page
