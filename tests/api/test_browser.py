"""The web app in a real headless Debian chromium driven by selenium (chromium-driver): find decisions on a topic,
compare a goal across two chosen years, export a dossier, ask in English, search for something absent, upload
with and without the key, a 360 px page without sideways scrolling, and axe-core without serious violations.

Screenshots go to $MAALSPOR_SCREENSHOTS when set (else the test's tmp dir), to be looked at by a person."""

import csv
import io
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn
from docx import Document as WordDocument

from api.app import create_app
from maalspor.config import Settings
from tests.conftest import CORPUS, REPO

AXE = REPO / "tests" / "resources" / "axe-core" / "axe.min.js"
KEY = "browser-test-key"
UNGE_GOAL = "lyngby-taarbaek-beskaeftigelsesplan-2022:goal-2022-7"
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"]
WAIT = 30


class NoHits:
    """The real searcher's score floor leaves no hit for a topic the material lacks; the fixtures' hashed
    bag-of-words searcher has no meaningful floor, so the upload server stands in with this."""

    def search(self, query, filters=None, limit=10):
        return []


def serve(app) -> tuple[uvicorn.Server, threading.Thread, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    return server, thread, f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def base_url(api_settings, fake_searcher):
    """The corpus, read-only (no key configured)."""
    server, thread, url = serve(create_app(api_settings, searcher_factory=lambda: fake_searcher))
    yield url
    server.should_exit = True
    thread.join(5)


@pytest.fixture(scope="module")
def upload_url(tmp_path_factory):
    """An empty data dir that takes uploads with KEY."""
    data_dir = tmp_path_factory.mktemp("upload-data")
    settings = Settings(data_dir=data_dir, database_url=f"sqlite:///{data_dir / 'maalspor.sqlite3'}", api_key=KEY)
    server, thread, url = serve(create_app(settings, searcher_factory=NoHits))
    yield url
    server.should_exit = True
    thread.join(5)


@pytest.fixture(scope="module")
def downloads(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("MAALSPOR_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser(downloads):
    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if chromium is None or driver_path is None:
        pytest.skip("chromium or chromium-driver not installed (scripts/ensure_chromium.sh installs them)")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads)})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    yield driver
    driver.quit()


def until(browser, condition):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, WAIT).until(condition)


def text_of(browser, css: str) -> str:
    from selenium.webdriver.common.by import By

    return until(browser, lambda b: b.find_element(By.CSS_SELECTOR, css)).text


def click(browser, css: str) -> None:
    from selenium.webdriver.common.by import By

    until(browser, lambda b: b.find_element(By.CSS_SELECTOR, css)).click()


def type_into(browser, css: str, text: str) -> None:
    from selenium.webdriver.common.by import By

    field = until(browser, lambda b: b.find_element(By.CSS_SELECTOR, css))
    field.clear()
    field.send_keys(text)
    field.submit()


def test_find_past_decisions_on_a_topic(browser, base_url):
    browser.get(base_url)
    type_into(browser, "#q", "Hvad besluttede udvalget om Beskæftigelsesplan 2015?")
    assert "EBU 09.09.2014, punkt 2" in text_of(browser, "#answer")
    click(browser, "a.dossier")
    until(browser, lambda b: "/dossier?" in b.current_url)
    items = text_of(browser, "main")
    assert "Dagsordenspunkter (3)" in items
    assert "09.09.2014 — Erhvervs- og Beskæftigelsesudvalget, punkt 2: Beskæftigelsesplan 2015" in items
    browser.get(f"{base_url}/soeg?q=Beskæftigelsesplan+status")
    click(browser, 'a[href*="outcome=taget+til+efterretning"]')
    until(browser, lambda b: "outcome=taget" in b.current_url)
    metas = [m.text for m in browser.find_elements("css selector", ".hits .meta")]
    assert metas and all("taget til efterretning" in meta for meta in metas)


def test_compare_a_goal_across_two_chosen_years(browser, base_url):
    from selenium.webdriver.support.ui import Select

    thread_id = _thread_id(base_url)
    browser.get(f"{base_url}/traad/{thread_id}")
    Select(browser.find_element("id", "fra")).select_by_visible_text("2015")
    Select(browser.find_element("id", "til")).select_by_visible_text("2023")
    click(browser, "form.compare button")
    until(browser, lambda b: "fra=2015" in b.current_url)
    sides = [side.text for side in browser.find_elements("css selector", ".side-by-side .side")]
    assert sides[0].startswith("2015\n") and sides[1].startswith("2023\n")
    assert "Flere unge skal i uddannelse eller beskæftigelse" in sides[1]
    compare = text_of(browser, "#sammenligning")
    assert "Ordlyden fra 2015 til 2023" in compare and "Målsætningen er fjernet" in compare


def _thread_id(base_url: str) -> str:
    import json
    import urllib.request

    with urllib.request.urlopen(f"{base_url}/goals/{UNGE_GOAL}") as answer:
        return json.load(answer)["thread_id"]


def test_export_a_dossier_in_three_formats(browser, base_url, downloads):
    browser.get(f"{base_url}/dossier?q=Beskæftigelsesplan")
    for link in browser.find_elements("css selector", "a.export"):
        link.click()
    names = ("dossier.md", "dossier.csv", "dossier.docx")
    until(browser, lambda b: all((downloads / name).is_file() for name in names))
    markdown = (downloads / "dossier.md").read_text(encoding="utf-8")
    assert "— *godkendt*" in markdown and "**Kilde:** [EBU 09.09.2014, punkt 2](" in markdown
    rows = list(csv.DictReader(io.StringIO((downloads / "dossier.csv").read_text(encoding="utf-8-sig"))))
    assert [row["Punkt"] for row in rows] == ["1", "2", "4"] and rows[1]["Udfald"] == "anbefalet"
    paragraphs = [p.text for p in WordDocument(str(downloads / "dossier.docx")).paragraphs]
    assert paragraphs[0] == "Dossier: Beskæftigelsesplan" and "Udfald: anbefalet" in paragraphs


def test_ask_in_english(browser, base_url):
    browser.get(base_url)
    type_into(browser, "#q", "Who was absent on 9 September 2014?")
    answer = text_of(browser, "#answer")
    assert "Absent from the Erhvervs- og Beskæftigelsesudvalget meeting" in answer
    assert "Jakob Engel-Schmidt (V), Hanne Agersnap (F)" in answer
    assert browser.find_element("css selector", "#answer .statement span").get_attribute("lang") == "en"
    click(browser, "#answer .cite a")
    assert "Jakob Engel-Schmidt (V) og Hanne Agersnap (F) var fraværende." in text_of(browser, "pre.source mark")


def test_search_for_something_absent(browser, upload_url):
    browser.get(f"{upload_url}/soeg")
    type_into(browser, "#sq", "hundeskove")
    assert text_of(browser, "#count") == "Ingen resultater for „hundeskove“. Prøv andre ord."
    browser.get(upload_url)
    type_into(browser, "#q", "Hvad har udvalget besluttet om hundeskove?")
    statement = text_of(browser, "#answer .statement")
    assert statement.startswith("Det fremgår ikke af materialet") and statement.endswith("hundeskove.")


def test_upload_without_and_with_the_key(browser, upload_url):
    browser.get(f"{upload_url}/upload")
    files = browser.find_element("id", "files")
    files.send_keys(str(CORPUS / "002_f3dbe880e0f1df7c.txt"))
    click(browser, "#upload button")
    until(browser, lambda b: "Fejl 401" in b.find_element("id", "progress").text)
    browser.find_element("id", "api_key").send_keys(KEY)
    click(browser, "#upload button")
    until(browser, lambda b: "Status: færdig" in b.find_element("id", "progress").text)
    progress = browser.find_element("id", "progress").text
    assert "1 af 1 filer behandlet" in progress and "indlæst" in progress
    browser.get(f"{upload_url}/decisions.json")
    assert "Beskæftigelses- og Integrationsudvalget" in browser.find_element("tag name", "body").text


def test_phone_width_has_no_sideways_scrolling(browser, base_url, screenshots):
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 360, "height": 740, "deviceScaleFactor": 1, "mobile": True}
    )
    try:
        pages = {
            "home-360.png": f"{base_url}/?q=Hvem+var+frav%C3%A6rende+den+9.+september+2014%3F",
            "thread-360.png": f"{base_url}/traad/{_thread_id(base_url)}?fra=2015&til=2023",
            "search-360.png": f"{base_url}/soeg?q=flygtninge+selvfors%C3%B8rgende",
        }
        for name, url in pages.items():
            browser.get(url)
            scroll_width, client_width = browser.execute_script(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            browser.save_screenshot(str(screenshots / name))
            assert scroll_width <= client_width == 360, name
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    browser.get(f"{base_url}/dossier?q=Besk%C3%A6ftigelsesplan")
    browser.save_screenshot(str(screenshots / "dossier-1280.png"))


AXE_PAGES = (
    "/?q=Hvem+var+frav%C3%A6rende+den+9.+september+2014%3F",
    "/traad/{thread}?fra=2015&til=2023",
    "/soeg?q=flygtninge+selvfors%C3%B8rgende",
    "/dossier?q=Besk%C3%A6ftigelsesplan",
    "/documents/lyngby-taarbaek-beskaeftigelsesplan-2023/source?line=637#l637",
    "/upload",
    "/traad/ukendt",
    "/docs",
)


def test_axe_core_finds_no_serious_violations(browser, base_url):
    script = AXE.read_text(encoding="utf-8")
    failures = {}
    for path in AXE_PAGES:
        browser.get(base_url + path.format(thread=_thread_id(base_url)))
        browser.execute_script(script)
        result = browser.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}).then(done);"
        )
        serious = [v["id"] for v in result["violations"] if v["impact"] in ("serious", "critical")]
        if serious:
            failures[path] = serious
        assert result["passes"], path  # axe ran its rules on the page
    assert failures == {}


def test_api_docs_page_lists_the_endpoints(browser, base_url):
    browser.get(f"{base_url}/docs")
    assert text_of(browser, "h1") == "API: maalspor 0.1.0"
    assert "GET /decisions" in [h.text for h in browser.find_elements("css selector", ".operation h2")]
