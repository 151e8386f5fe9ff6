"""Escaping gate: markup smuggled into the data renders as inert text, in the HTML and in the browser.

The fixture is the real data/ with payloads written into texts that may hold anything: a paragraph (and
its line in the source copy, which the build requires to agree), a proposal's statement and a glossary
definition, both editorial free text.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from edition.paths import DATA_DIR
from edition.safety import record_source_digest

from .helpers import build_site, html_files

pytestmark = pytest.mark.slow  # builds a site from hostile data

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
JS_LINK = "[click](javascript:alert(1)) <a href='javascript:alert(1)'>here</a>"
LAYOUT = '</p></div></article><h1 id="broken">Broken</h1> **bold** {: #p1 } <!--'
P1_END = "the political economic trends of de-globalization."


def inject(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"fixture out of date: {old!r} in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def prepend_to_scalar(path: Path, line_start: str, payload: str) -> None:
    """Put the payload before a one-line YAML scalar's value, re-quoted as JSON (valid YAML)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    hits = [i for i, line in enumerate(lines) if line.lstrip().startswith(line_start)]
    assert len(hits) == 1, f"fixture out of date: {line_start!r} in {path.name}"
    line = lines[hits[0]]
    key, value = line.split(":", 1)
    lines[hits[0]] = f"{key}: {json.dumps(payload + ' ' + yaml.safe_load(value), ensure_ascii=False)}"
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    data = root / "data"
    shutil.copytree(DATA_DIR, data)
    payload = f" {SCRIPT} {IMG}"
    inject(data / "sections" / "i.yml", P1_END, P1_END + payload)
    inject(data / "source" / "000_c0e8e11fa83fec7f.txt", P1_END + "\n", P1_END + payload + "\n")
    record_source_digest(data / "source" / "000_c0e8e11fa83fec7f.txt")
    prepend_to_scalar(
        data / "proposals.yml", 'statement: "Diversification of import lines for items', f"{JS_LINK} {LAYOUT}"
    )
    prepend_to_scalar(
        data / "glossary.yml", 'definition: "One of the two countries whose economic cooperation', f"{SCRIPT} {LAYOUT}"
    )
    site = root / "site"
    result = build_site(site, data)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_no_payload_becomes_markup(hostile_site):
    problems = []
    for file in html_files(hostile_site):
        name = file.relative_to(hostile_site).as_posix()
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        problems += [f"{name}: live script" for s in soup.find_all("script") if "alert(1)" in s.get_text()]
        problems += [
            f"{name}: live handler on <{tag.name}>"
            for tag in soup.find_all(True)
            if any(attr.startswith("on") and "alert" in str(value) for attr, value in tag.attrs.items())
        ]
        problems += [
            f"{name}: javascript: link" for a in soup.find_all(href=True) if a["href"].lower().startswith("javascript:")
        ]
        problems += [f"{name}: injected heading" for _ in soup.find_all(id="broken")]
    assert problems == []


def test_payloads_are_shown_as_text(hostile_site):
    section = BeautifulSoup((hostile_site / "sections/i/index.html").read_text(encoding="utf-8"), "html.parser")
    assert section.find(id="p1").get_text().count(f"{SCRIPT} {IMG}") == 1
    glossary = BeautifulSoup((hostile_site / "glossary/index.html").read_text(encoding="utf-8"), "html.parser")
    assert f"{SCRIPT} {LAYOUT}" in glossary.get_text()
    proposal = BeautifulSoup(
        (hostile_site / "proposals/diversify-import-lines/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert f"{JS_LINK} {LAYOUT}" in proposal.get_text()


@pytest.mark.browser
def test_the_browser_runs_no_payload_and_keeps_the_layout(browser, hostile_site):
    context = browser.new_context()
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        for path in [
            "sections/i/index.html",
            "glossary/index.html",
            "proposals/index.html",
            "proposals/diversify-import-lines/index.html",
        ]:
            page.goto((hostile_site / path).as_uri())
            page.wait_for_load_state("load")
            for link in page.locator("a", has_text="click").all() + page.locator("a", has_text="here").all():
                assert not (link.get_attribute("href") or "").lower().startswith("javascript:")
            assert page.locator("h1").count() == 1, path
            assert page.locator("#broken").count() == 0, path
    finally:
        context.close()
    assert dialogs == []
