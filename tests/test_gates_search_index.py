"""The search index lands on paragraphs: one entry per paragraph at its anchor, no duplicates of the text. The
online site's entries are in Pagefind's bundle (edition/search_pagefind.py), read back from its fragment files."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from edition import search_pagefind, urls

pytestmark = pytest.mark.slow  # every test here reads the built site's search index


def load_index(site) -> list[dict]:
    return search_pagefind.bundle_entries(site)


def test_every_paragraph_has_one_entry_at_its_anchor(built_site, edition):
    docs = load_index(built_site)
    locations = [doc["location"] for doc in docs]
    for paragraph in edition.paragraphs:
        page = urls.page_url(urls.section_page(edition.place[paragraph.id].section.id))
        assert locations.count(f"{page}#{paragraph.id}") == 1, paragraph.id
    assert len(locations) == len(set(locations))


def test_on_the_paper_pages_paragraph_text_is_indexed_only_at_the_paragraph(built_site, edition):
    docs = load_index(built_site)
    # A sentence that occurs once in the paper: ¶18's opening. (Proposal pages may quote it too.)
    sentence = edition.text("p18").split(". ")[0]
    holders = [doc["location"] for doc in docs if sentence in doc["text"] and doc["location"].startswith("sections/")]
    assert holders == ["sections/iv/#p18"]


def test_cite_pages_and_quotations_are_not_indexed(built_site):
    locations = [doc["location"] for doc in load_index(built_site)]
    assert [loc for loc in locations if loc.startswith("cite/") or loc.endswith("#quotes")] == []


def test_paragraph_entries_are_titled_with_their_pinpoint(built_site):
    docs = {doc["location"]: doc for doc in load_index(built_site)}
    assert docs["sections/iv/#p18"]["title"] == "§IV.1, ¶18"


def test_back_links_to_the_indexes_are_not_indexed(built_site):
    back_links = ("All proposals", "All challenges", "All cooperation areas", "All actors")
    polluted = [doc["location"] for doc in load_index(built_site) if any(text in doc["text"] for text in back_links)]
    assert polluted == []


def test_no_entry_runs_labels_together(built_site):
    # Material joins the text of adjacent cells and list terms without a space ("Cooperation areaSupply chain …"):
    # a lower-case word followed by a capitalised one. The indexes and record facts that did so are left out, and
    # table cells are kept apart.
    run_together = re.compile(r"[a-z]{2,}[A-Z][a-z]{2,}")
    words_so_spelled = {"JavaScript"}
    soup_found = [
        f"{doc['location']}: {word}"
        for doc in load_index(built_site)
        for word in re.sub(r"<[^>]+>", " ", doc["text"]).split()
        if run_together.search(word) and word.strip(".,;:()") not in words_so_spelled
    ]
    assert soup_found == []


def test_facet_pages_and_the_home_contents_are_not_indexed(built_site):
    locations = [doc["location"] for doc in load_index(built_site)]
    assert [loc for loc in locations if loc.startswith(urls.FACET_PREFIX)] == []
    assert f"#{urls.CONTENTS_ANCHOR}" not in locations


def test_glossary_terms_and_references_have_an_entry_each_at_their_anchor(built_site, edition):
    docs = {doc["location"]: doc for doc in load_index(built_site)}
    glossary = urls.page_url(urls.GLOSSARY)
    references = urls.page_url(urls.REFERENCES)
    for term in edition.terms:
        assert docs[f"{glossary}#{urls.term_anchor(term.id)}"]["title"] == term.term
    for work in edition.citations.works:
        assert docs[f"{references}#{urls.reference_anchor(work.id)}"]["title"] == work.key
    # The glossary's letter groups are replaced by the terms' entries.
    assert [loc for loc in docs if loc.startswith(f"{glossary}#{urls.letter_anchor('')}")] == []


def test_the_papers_words_outrank_the_editors_pages(built_site):
    docs = {doc["location"]: doc for doc in load_index(built_site)}
    paragraph, proposal = docs["sections/iv/#p18"]["boost"], docs["proposals/joint-stockpiling/"]["boost"]
    reference, method = docs["references/#ref-meti-2024"]["boost"], docs["method/#register"]["boost"]
    assert paragraph > reference > method > proposal


def test_the_index_fetched_by_every_page_holds_no_entries_and_pages_name_the_editions_worker(built_site):
    # Material fetches search/search_index.json on every page: only its configuration is left there (the
    # highlighting on the page a result opens reads it); the entries are fetched in fragments by the worker.
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] == [] and index["config"]["separator"]
    config = json.loads(
        BeautifulSoup((built_site / "sections" / "iv" / "index.html").read_text("utf-8"), "html.parser")
        .find("script", id="__config")
        .string
    )
    assert config["search"] == "../../search/worker.js"
    assert (built_site / "search" / "worker.js").read_bytes() == search_pagefind.WORKER_SOURCE.read_bytes()
    assert len(load_index(built_site)) > 300
