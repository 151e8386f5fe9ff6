"""The cite boxes: six formats for the paper, a section and a paragraph, each parsed with a real parser and
checked against the model, with the pinpoint and the exact URL; and the copy buttons in a real browser."""

from __future__ import annotations

import json
import os

import bibtexparser
import pytest
import rispy
from bs4 import BeautifulSoup

from edition import urls
from edition.csl import FORMATS, STYLES, bibliography_entry, for_styles, paper_csl

SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000/")


def soup(site, src: str) -> BeautifulSoup:
    return BeautifulSoup((site / urls.page_url(src) / "index.html").read_text(encoding="utf-8"), "html.parser")


def targets(edition):
    """(cite page, box id, exact URL, pinpoint) for the paper, section IV and ¶18."""
    section = next(s for s in edition.sections if s.id == "iv")
    paragraph = edition.paragraph["p18"]
    place = edition.place["p18"]
    section_url = SITE_URL + urls.page_url(urls.section_page("iv"))
    return [
        (urls.CITE, "paper", SITE_URL, ""),
        (urls.cite_page("iv"), "iv", section_url, f"§{section.label}"),
        (urls.cite_page("iv"), "p18", section_url + "#p18", f"§{place.label}, ¶{paragraph.number}"),
    ]


def box_texts(page, what: str) -> dict[str, str]:
    return {name: page.select_one(f"#{urls.cite_anchor(what, name)}").get_text() for name in FORMATS}


@pytest.mark.slow
def test_each_box_has_six_formats_with_pinpoint_and_exact_url(built_site, edition):
    paper = edition.paper
    for src, what, url, pinpoint in targets(edition):
        texts = box_texts(soup(built_site, src), what)
        assert set(texts) == {"chicago", "apa", "mla", "bibtex", "ris", "csl-json"}
        for style in STYLES:
            # The CSL engine's own entry for the paper at that URL, with the pinpoint before the URL.
            entry = bibliography_entry(for_styles(paper_csl(edition, url)), style)
            joined = f"{pinpoint}, " if style == "mla" else f"{pinpoint}. "
            assert (texts[style].replace(joined, "", 1) if pinpoint else texts[style]) == entry
            assert url in texts[style] and paper.title in texts[style]
            if pinpoint:
                assert f"{pinpoint}. {url}" in texts[style] or f"{pinpoint}, {url}" in texts[style]
        assert texts["chicago"].startswith("Lee, Junghwan. 2025.")
        assert "Korea-Japan Joint Work on the World 2050, no. 5. East Asia Institute." in texts["chicago"]

        library = bibtexparser.parse_string(texts["bibtex"])
        assert library.failed_blocks == []
        [entry] = library.entries
        fields = {field.key: field.value for field in entry.fields}
        assert entry.entry_type == "techreport"
        assert fields["author"] == "Lee, Junghwan"
        assert fields["title"] == "{" + paper.title + "}"
        assert fields["institution"] == paper.publisher
        assert fields["series"] == paper.series.title
        assert fields["number"] == str(paper.series.number)
        assert fields["date"] == paper.date
        assert fields["url"] == url
        assert fields.get("note", "") == pinpoint

        [record] = rispy.loads(texts["ris"])
        assert record["type_of_reference"] == "RPRT"
        assert record["authors"] == ["Lee, Junghwan"]
        assert record["title"] == paper.title
        assert record["publisher"] == paper.publisher
        assert record["tertiary_title"] == paper.series.title
        assert record["date"] == paper.date.replace("-", "/")
        assert record["urls"] == [url]
        assert record.get("notes", [""]) == [pinpoint]

        [item] = json.loads(texts["csl-json"])
        assert item["type"] == "report"
        assert item["title"] == paper.title
        assert item["author"] == [{"family": "Lee", "given": "Junghwan"}]
        assert item["issued"] == {"date-parts": [[2025, 3, 12]]}
        assert item["publisher"] == paper.publisher
        assert item["collection-title"] == paper.series.title
        assert item["URL"] == url
        assert item.get("note", "") == pinpoint


@pytest.mark.slow
def test_in_text_pinpoint(built_site, edition):
    page = soup(built_site, urls.cite_page("iv"))
    intext = page.select_one(f"#{urls.cite_anchor('p18', 'chicago')}").find_parent(class_="cite-box")
    assert "(Lee 2025, §IV.1, ¶18)" in intext.select_one(".cite-intext").get_text()


@pytest.mark.slow
def test_every_paragraph_has_a_cite_link_to_its_box(built_site, edition):
    for section in edition.sections:
        page = soup(built_site, urls.section_page(section.id))
        cite_page = soup(built_site, urls.cite_page(section.id))
        for block in page.select("div.para"):
            link = block.select_one("a.para-cite")
            assert link["href"] == f"../../cite/{section.id}/#{block['id']}"
            assert cite_page.select_one(f"#{block['id']}") is not None
            assert cite_page.select_one(f"#{urls.cite_anchor(block['id'], 'bibtex')}") is not None


@pytest.mark.slow
def test_formats_are_text_without_javascript_and_buttons_wait_for_it(built_site, edition):
    page = soup(built_site, urls.cite_page("iv"))
    for box in page.select(".cite-box"):
        assert box.has_attr("data-search-exclude")
        for button in box.select("button.cite-copy"):
            assert button.has_attr("hidden"), "a copy button that cannot work without JavaScript stays hidden"
            assert box.select_one(f"#{button['data-copy']}").name == "pre"


@pytest.mark.browser
@pytest.mark.parametrize("what", ["paper", "iv", "p18"])
def test_copy_button_copies_in_a_real_browser(browser, site_url, built_site, edition, what):
    src = urls.CITE if what == "paper" else urls.cite_page("iv")
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    try:
        page.goto(site_url + urls.page_url(src))
        expected = box_texts(soup(built_site, src), what)
        for name in FORMATS if what == "p18" else ("chicago", "bibtex"):
            button = page.locator(f'button[data-copy="{urls.cite_anchor(what, name)}"]')
            button.click()
            assert page.evaluate("navigator.clipboard.readText()") == expected[name]
            assert button.inner_text() == "Copied"
    finally:
        context.close()


@pytest.mark.slow
def test_each_proposal_has_a_box_citing_the_paragraphs_it_rests_on(built_site, edition):
    page = soup(built_site, urls.CITE_PROPOSALS)
    assert len(page.select(".cite-box")) == len(edition.proposals) > 0
    for proposal in edition.proposals:
        chicago = page.select_one(f"#{urls.cite_anchor(proposal.id, 'chicago')}").get_text()
        for paragraph_id in {quote.paragraph for quote in proposal.quotes}:
            place = edition.place[paragraph_id]
            assert f"¶{edition.paragraph[paragraph_id].number}" in chicago
            assert f"§{place.label}, " in chicago
        [item] = json.loads(page.select_one(f"#{urls.cite_anchor(proposal.id, 'csl-json')}").get_text())
        first = min((quote.paragraph for quote in proposal.quotes), key=lambda p: edition.paragraph[p].number)
        assert item["URL"] == SITE_URL + urls.page_url(urls.section_page(edition.place[first].section.id)) + f"#{first}"
        record_page = soup(built_site, urls.proposal_page(proposal.id))
        assert record_page.find("a", href=f"../../cite/proposals/#{proposal.id}") is not None


# CSL variables a citation of the paper may carry: each is stated on the paper's page (data/paper.yml,
# checked against the source) or is the edition's own URL, id or pinpoint note.
# `version` is the edition's own number (data/edition.yml), the editor's fact, not the paper's.
PAPER_VARIABLES = {"id", "type", "title", "author", "issued", "genre", "collection-title", "collection-number",
                   "publisher", "language", "URL", "note", "version"}


@pytest.mark.slow
def test_no_bibliographic_fact_beyond_what_the_paper_states(built_site, edition):
    paper = edition.paper
    stated = {paper.title, paper.type, paper.series.title, str(paper.series.number), paper.publisher, paper.language}
    for src, what, url, pinpoint in targets(edition):
        [item] = json.loads(box_texts(soup(built_site, src), what)["csl-json"])
        assert set(item) <= PAPER_VARIABLES, set(item) - PAPER_VARIABLES
        for key in ("title", "genre", "collection-title", "collection-number", "publisher", "language"):
            assert item[key] in stated, key
        assert item["issued"]["date-parts"] == [[int(part) for part in paper.date.split("-")]]
        assert item["author"] == [{"family": paper.author.family, "given": paper.author.given}]
        assert item["version"] == str(edition.current.number)
        for style in STYLES:
            text = box_texts(soup(built_site, src), what)[style]
            # No place of publication: the paper names none.
            assert "Seoul" not in text and ": East Asia Institute" not in text
    items = json.loads((built_site / urls.DOWNLOADS_DIR / "references.json").read_text(encoding="utf-8"))
    printed = {ref.id: ref.printed for ref in edition.references}
    for item in items:
        for key, value in item.items():
            if key in ("title", "container-title", "publisher", "URL"):
                assert value in printed[item["id"]], (item["id"], key)
            if key in ("issued", "accessed"):
                assert str(value["date-parts"][0][0]) in printed[item["id"]], (item["id"], key)
        for name in item["author"]:
            for part in name.values():
                assert part in printed[item["id"]] or printed[item["id"]].startswith("______."), (item["id"], part)


@pytest.mark.slow
def test_each_section_page_links_to_its_section_box(built_site, edition):
    for section in edition.sections:
        page = soup(built_site, urls.section_page(section.id))
        link = page.select_one("p.section-cite a")
        assert link["href"] == f"../../cite/{section.id}/#section"
        box = soup(built_site, urls.cite_page(section.id)).select_one("#section + .cite-box")
        assert f"§{section.label}. " in box.select_one(f"#{urls.cite_anchor(section.id, 'chicago')}").get_text()


@pytest.mark.browser
def test_without_javascript_the_text_shows_and_no_dead_button_does(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + urls.page_url(urls.cite_page("iv")) + "#p18")
        for name in FORMATS:
            assert page.locator(f"#{urls.cite_anchor('p18', name)}").is_visible()
        assert page.locator("#p18 ~ .cite-box button.cite-copy").first.is_hidden()
        # Selectable: a reader can select the text and copy it by hand.
        selected = page.evaluate(
            """() => { const el = document.getElementById('cite-p18-chicago');
                       const range = document.createRange(); range.selectNodeContents(el);
                       const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
                       return sel.toString(); }"""
        )
        assert "§IV.1, ¶18" in selected
    finally:
        context.close()
