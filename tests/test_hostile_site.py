"""A poisoned build: markup, entities, quotes and Markdown in every text a contributor could write (values
that pass every check, see hostile_data.py) must reach every output as inert text.

The proof is structural: each page of the poisoned site has exactly the elements and attributes (by name,
in order) of the same page built from the real data, so no element or attribute came from a value. Then
each machine-readable output is read back with a real parser and must give the poisoned words unchanged.
"""

from __future__ import annotations

import csv
import functools
import http.server
import io
import json
import threading
from pathlib import Path
from urllib.parse import parse_qs

import bibtexparser
import pytest
import rispy
from bs4 import BeautifulSoup

from edition import search_pagefind, urls
from edition.paths import DATA_DIR
from edition.validate import check

from .helpers import QuietHandler, build_site, html_files, representative_pages, url_path
from .hostile_data import MARKER, PAYLOAD, poisoned_copy

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory) -> tuple[Path, object]:
    root = tmp_path_factory.mktemp("poisoned")
    data = poisoned_copy(DATA_DIR, root / "data")
    site = root / "site"
    result = build_site(site, data)
    assert result.returncode == 0, result.stdout + result.stderr
    return site, check(data)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def shape(page: BeautifulSoup) -> list[tuple[str, tuple[str, ...]]]:
    shapes: list[tuple[str, tuple[str, ...]]] = []
    for element in page.find_all(True):
        item = (element.name, tuple(sorted(element.attrs)))
        # The argument diagram (map/) wraps each title into as many <tspan> lines as its length needs, so a
        # longer title gives more lines: a run of lines counts as one, and its attributes must still match.
        if item[0] == "tspan" and shapes and shapes[-1] == item:
            continue
        shapes.append(item)
    return shapes


def test_the_poison_is_everywhere(poisoned):
    """Not vacuous: the payload is in the data the site is built from, on many pages."""
    site, edition = poisoned
    assert edition.proposals[0].title.endswith(PAYLOAD)
    assert edition.text(edition.paragraphs[0].id).endswith(PAYLOAD)
    carrying = [f for f in html_files(site) if MARKER in f.read_text(encoding="utf-8")]
    assert len(carrying) > 0.9 * len(html_files(site))


def test_no_element_or_attribute_comes_from_data(poisoned, built_site):
    site, _edition = poisoned
    clean = {url_path(built_site, f): f for f in html_files(built_site)}
    hostile = {url_path(site, f): f for f in html_files(site)}
    assert sorted(hostile) == sorted(clean)
    differing = [path for path in sorted(clean) if shape(soup(clean[path])) != shape(soup(hostile[path]))]
    assert differing == []


def test_titles_are_the_words_once_escaped(poisoned):
    site, edition = poisoned
    proposal = edition.proposals[0]
    page = soup(site / urls.page_url(urls.proposal_page(proposal.id)) / "index.html")
    site_name = page.find("meta", property="og:site_name")["content"]
    assert page.title.get_text() == f"{proposal.title} - {site_name}"
    assert page.find("meta", property="og:title")["content"] == proposal.title
    assert page.find("meta", attrs={"name": "citation_title"})["content"] == edition.paper.title
    section = edition.sections[0]
    page = soup(site / urls.page_url(urls.section_page(section.id)) / "index.html")
    words = f"{section.label}. {edition.text(section.id)}"
    assert page.title.get_text() == f"{words} - {site_name}"
    assert page.find("meta", property="og:title")["content"] == words
    assert page.select_one("[data-md-component=header-topic] .md-ellipsis").get_text().strip() == words
    assert page.select_one("h1").get_text().removesuffix("#") == words
    following = edition.sections[1]
    assert page.select_one("a.md-footer__link--next")["aria-label"] == (
        f"Next: {following.label}. {edition.text(following.id)}"
    )


def test_json_ld_and_coins_read_back(poisoned):
    site, edition = poisoned
    for file in html_files(site):
        text = file.read_text(encoding="utf-8")
        page = BeautifulSoup(text, "html.parser")
        for script in page.find_all("script", type="application/ld+json"):
            assert "<" not in script.string, file
            data = json.loads(script.string)
            assert data["@context"] == "https://schema.org"
        coins = page.find("span", class_="Z3988")
        if coins is not None:
            assert parse_qs(coins["title"])["rft.btitle"] == [edition.paper.title]
    home = soup(site / "index.html").find("script", type="application/ld+json")
    data = json.loads(home.string)
    assert data["name"] == edition.paper.title
    assert data["abstract"] == edition.text("abstract")


def test_search_index_holds_text_only(poisoned, built_site):
    site, _edition = poisoned

    def tags(entries: list[dict]) -> set[str]:
        found = set()
        for doc in entries:
            # Titles are HTML (escaped from data), shown as such in the result list; a text is plain text, which
            # Pagefind's script escapes (< and >) before it marks the words found in it for an excerpt.
            for markup in (doc["title"], doc["page"], doc["text"].replace("<", "&lt;").replace(">", "&gt;")):
                for element in BeautifulSoup(markup, "html.parser").find_all(True):
                    assert not any(attr.startswith("on") for attr in element.attrs), doc["location"]
                    found.add(element.name)
        return found

    entries = search_pagefind.bundle_entries(site)
    assert any(MARKER in doc["text"] for doc in entries) and any(MARKER in doc["title"] for doc in entries)
    assert tags(entries) <= tags(search_pagefind.bundle_entries(built_site))
    # That escaping is Pagefind's, in the script the site serves (a Pagefind upgrade that drops it fails here).
    script = (site / search_pagefind.BUNDLE / "pagefind.js").read_text(encoding="utf-8")
    assert 'fragment.content.replace(/</g,"&lt;").replace(/>/g,"&gt;")' in script


def test_downloads_read_back_with_the_poisoned_words(poisoned):
    site, edition = poisoned
    downloads = site / urls.DOWNLOADS_DIR
    table = list(csv.DictReader(io.StringIO((downloads / "proposals.csv").read_text(encoding="utf-8"))))
    assert [row["title"] for row in table] == [p.title for p in edition.proposals]
    assert [row["statement"] for row in table] == [p.statement for p in edition.proposals]
    library = bibtexparser.parse_string((downloads / "references.bib").read_text(encoding="utf-8"))
    assert library.failed_blocks == []
    assert len(library.entries) == len(edition.references)
    titles = [entry.fields_dict["title"].value for entry in library.entries]
    assert all("\\textless" not in title and "<script>" in title for title in titles)  # text, braces balanced
    assert all(title.count("{") == title.count("}") for title in titles)
    records = rispy.loads((downloads / "references.ris").read_text(encoding="utf-8"))
    assert [record["title"] for record in records] == [ref.title for ref in edition.references]
    data = json.loads((downloads / "edition.json").read_text(encoding="utf-8"))
    assert data["proposals"][0]["title"] == edition.proposals[0].title


@pytest.fixture(scope="module")
def poisoned_url(poisoned):
    site, _edition = poisoned
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.mark.browser
def test_no_script_runs_and_no_dialog_opens(browser, poisoned, poisoned_url):
    site, edition = poisoned
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        for path in representative_pages(site):
            page.goto(poisoned_url + path)
            page.wait_for_load_state("load")
            # Every handler a payload could have planted would have fired on these.
            page.mouse.move(200, 200)
            assert page.locator("#injected").count() == 0, path
            assert page.locator("h1").count() <= 1, path
        proposal = edition.proposals[0]
        page.goto(poisoned_url + urls.page_url(urls.proposal_page(proposal.id)))
        assert page.title().startswith(proposal.title)
        # Search shows the poisoned words as text too.
        page.keyboard.press("/")
        page.keyboard.type(MARKER)
        page.locator(".md-search-result__item").first.wait_for()
        # Pagefind's excerpts and the titles: the payload's tags are words in the list, not elements.
        planted = page.locator(".md-search-result__list :is(b, i, img, script, [onclick], [onerror])")
        assert planted.count() == 0
        assert MARKER in page.locator(".md-search-result__list").inner_text()
    finally:
        context.close()
    assert dialogs == []
    assert errors == []
