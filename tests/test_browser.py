"""The published site in a real browser (Debian chromium + chromium-driver through selenium):
open index.html, follow every link, fail on a broken link, a missing anchor or a console error."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlparse

import pytest

from ladder_docs.build import build
from ladder_docs.reader import read_ladder
from ladder_docs.source import Repository

pytestmark = pytest.mark.browser
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if CHROMIUM is None or DRIVER is None:
        message = "Debian chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)"
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--allow-file-access-from-files"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def test_every_link_of_the_site_works_without_console_errors(browser: object, example_repo: Path,
                                                             tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.remote.webdriver import WebDriver

    assert isinstance(browser, WebDriver)
    out = tmp_path / "dist"
    build(read_ladder(Repository.open(example_repo), "HEAD"), out, formats={"html", "pdf", "docx"})
    root = out.resolve()
    start = (root / "index.html").as_uri()
    queue, seen, files, problems = [start], {start}, set(), []
    anchors_checked = 0
    while queue:
        url = queue.pop()
        browser.get(url)
        assert browser.execute_script("return document.documentElement.lang") == "en", url
        for entry in browser.get_log("browser"):
            problems.append(f"{url}: console {entry['level']}: {entry['message']}")
        hrefs = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "a[href]")]
        for href in hrefs:
            assert href is not None
            target, fragment = urldefrag(urljoin(url, href))
            if urlparse(target).scheme in ("http", "https", "mailto"):
                continue
            path = Path(unquote(urlparse(target).path))
            if not path.is_file() or root not in path.resolve().parents:
                problems.append(f"{url}: broken link {href}")
                continue
            files.add(path)
            if fragment:
                page = browser.current_url
                if urldefrag(page)[0] != target:
                    browser.get(target)
                if not browser.execute_script("return !!document.getElementById(arguments[0])", fragment):
                    problems.append(f"{url}: link {href}: no element #{fragment}")
                anchors_checked += 1
                if urldefrag(browser.current_url)[0] != urldefrag(url)[0]:
                    browser.get(url)
            if path.suffix == ".html" and target not in seen:
                seen.add(target)
                queue.append(target)
    assert problems == []
    published = {p for p in root.rglob("*") if p.is_file() and p.name not in ("manifest.json", "SHA256SUMS")}
    assert files == published  # every handbook in every format is reachable from index.html
    assert len(seen) == len([p for p in published if p.suffix == ".html"])
    assert anchors_checked > 20
