"""The search index lands on paragraphs: one entry per paragraph at its anchor, no duplicates of the text."""

from __future__ import annotations

import json

import pytest

from edition import urls

pytestmark = pytest.mark.slow  # every test here reads the built site's search index


def load_index(site) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


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
