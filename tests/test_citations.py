"""In-text citations: the recognition rule, and in the built site, that every citation is linked to its
entry on the references page, which a CSL engine formats."""

from __future__ import annotations

import re

import pytest

from edition import intext_citations, urls
from edition.cite_styles import styled

from .helpers import soup

# A year inside parentheses, counted independently of the rule under test.
YEAR = re.compile(r"\b(?:19|20)\d\d[a-z]?\b")
PARENTHESES = re.compile(r"\(([^()]*)\)")


# --- the rule ------------------------------------------------------------------------------------


def test_rule_finds_each_item_of_a_group_and_carries_the_author_over():
    text = "in Camp David (Office of the President 2023a; 2023b; 2023c)."
    found = intext_citations.find(text)
    assert [f.key for f in found] == [
        "Office of the President 2023a",
        "Office of the President 2023b",
        "Office of the President 2023c",
    ]
    assert [text[f.start : f.end] for f in found] == ["Office of the President 2023a", "2023b", "2023c"]


def test_rule_ignores_parentheses_that_are_not_citations():
    assert intext_citations.find("the Strategic Innovation Program (SIP) and the EBRD (founded in 1991)") == []


def test_rule_keeps_multiword_and_et_al_authors():
    found = intext_citations.find("policies (Drezner et al. 2021) and (Acemoglu and Johnson 2023)")
    assert [(f.author, f.year) for f in found] == [("Drezner et al.", "2021"), ("Acemoglu and Johnson", "2023")]


def test_every_year_in_parentheses_is_found_in_the_text(edition):
    for paragraph in edition.paragraphs:
        text = edition.text(paragraph.id)
        expected = sum(len(YEAR.findall(group)) for group in PARENTHESES.findall(text))
        assert len(intext_citations.find(text)) == expected, paragraph.id


def test_works_missing_from_the_list_are_the_ones_the_text_cites_without_an_entry(edition):
    index = edition.citations
    # The list of 16, checked against the text, plus the one it missed (¶30).
    assert sorted(work.key for work in index.unlisted) == sorted(
        [
            "Blackwill and Fontaine 2024",
            "Farell and Newman 2023",
            "James 2018",
            "Gusterson 2017",
            "Gao 2000",
            "Kimiya 2021",
            "Kojima 2000",
            "Abe 2015",
            "Kim 2015",
            "Drezner et al. 2021",
            "Mazzucato 2021",
            "Acemoglu and Johnson 2023",
            "Park 2019",
            "Lee 2014",
            "Yoon 2014",
            "Zang 2014",
            "Office of Policy Planning and Coordination on Territory and Sovereignty 2024",
        ]
    )
    for work in index.unlisted:
        assert work.reference is None
        for paragraph_id in index.cited_in[work.id]:
            assert work.key in edition.text(paragraph_id), "an unlisted work carries only what the text prints"


def test_every_listed_work_but_one_is_cited_and_the_undated_one_is_flagged(edition):
    index = edition.citations
    uncited = [work.id for work in index.listed if work.id not in index.cited_in]
    assert uncited == ["goldman-sachs-2022"]
    mismatched = [(cite.found.key, cite.work.id) for cite in index.all_cites() if cite.mismatch]
    assert mismatched == [("Cabinet Office 2024", "cabinet-office-sip")]


# --- the built site ------------------------------------------------------------------------------


@pytest.mark.slow
def test_every_in_text_citation_is_linked_to_its_entry(built_site, edition):
    references = soup(built_site, urls.REFERENCES)
    entry_ids = {li["id"] for li in references.select("li.reference")}
    linked = 0
    for section in edition.sections:
        page = soup(built_site, urls.section_page(section.id))
        for block in page.select("div.para"):
            text = block.select_one(".para-text").get_text()
            expected = sum(len(YEAR.findall(group)) for group in PARENTHESES.findall(text))
            links = block.select(".para-text a.cite-ref")
            assert len(links) == expected, (block["id"], [a.get_text() for a in links])
            for link in links:
                path, _, anchor = link["href"].partition("#")
                assert path == "../../references/", link["href"]
                assert anchor in entry_ids, link["href"]
                assert YEAR.search(link.get_text()), link.get_text()
                assert link.get("title"), "each citation previews its entry"
            linked += len(links)
    source = "\n".join(edition.source_lines[6:62])
    assert linked == sum(len(YEAR.findall(group)) for group in PARENTHESES.findall(source)) == 26


@pytest.mark.slow
def test_references_page_entries_come_from_the_csl_engine(built_site, edition):
    page = soup(built_site, urls.REFERENCES)
    for ref in edition.references:
        item = page.select_one(f"#{urls.reference_anchor(ref.id)}")
        entry = item.select_one(".reference-entry").get_text()
        assert entry == styled(edition).reference_text(ref.id)
        # Full stops go inside closing quotation marks (US English), as citeproc-js and pandoc put them.
        assert "”." not in entry
        # Chicago author-date puts the year after the author; the paper's own line is kept apart.
        assert entry != ref.printed
        printed = item.select_one(".reference-printed")
        for apparatus in printed.select(".query-mark, .erratum-mark, .reading-corrected"):
            apparatus.decompose()  # an editor's query (?) on an entry is not part of its printed line
        assert ref.printed in printed.get_text()
    assert "Cabinet Office. n.d." in page.select_one("#ref-cabinet-office-sip .reference-entry").get_text()
    # Chicago letters works of one author and year by title, not as the paper does; each of the three says so.
    letters = {}
    for ref_id in ("office-of-the-president-2023a", "office-of-the-president-2023b", "office-of-the-president-2023c"):
        item = page.select_one(f"#{urls.reference_anchor(ref_id)}")
        letters[ref_id] = styled(edition).letter(ref_id)
        assert letters[ref_id] in item.select_one(".reference-entry").get_text()
        notes = " ".join(note.get_text(" ") for note in item.select(".reference-note"))
        printed = ref_id.rsplit("-", 1)[1]
        assert f"The paper letters this work “{printed}”" in notes and f"reads “{letters[ref_id]}”" in notes
    # By title: "Joint Press Conference…" (March 16, May 8) before "The Spirit of Camp David…".
    assert letters == {
        "office-of-the-president-2023b": "2023a",
        "office-of-the-president-2023c": "2023b",
        "office-of-the-president-2023a": "2023c",
    }


@pytest.mark.slow
def test_each_entry_links_back_to_every_paragraph_that_cites_it(built_site, edition):
    page = soup(built_site, urls.REFERENCES)
    index = edition.citations
    for work in index.works:
        item = page.select_one(f"#{urls.reference_anchor(work.id)}")
        backlinks = [a["href"] for a in item.select(".reference-cited a")]
        expected = [
            f"../{urls.page_url(urls.section_page(edition.place[p].section.id))}#{p}"
            for p in index.cited_in.get(work.id, [])
        ]
        assert backlinks == expected, work.id


@pytest.mark.slow
def test_inconsistencies_are_flagged(built_site):
    page = soup(built_site, urls.REFERENCES)

    def notes(anchor: str) -> str:
        return " ".join(p.get_text(" ") for p in page.select(f"#{anchor} .reference-note"))

    assert "cites this entry as “Cabinet Office 2024”" in notes("ref-cabinet-office-sip")
    assert "but the list prints no year." in notes("ref-cabinet-office-sip")
    assert "cited nowhere in the text" in notes("ref-goldman-sachs-2022")
    assert "the text prints “The Japan Times 2024”" in notes("ref-japan-times-2023")
    unlisted = page.select("#unlisted + p + ol li")
    assert len(unlisted) == 17
    for item in unlisted:
        assert item.select_one(".reference-entry").get_text().split()[-1].isdigit()


TOOLTIPS = """() => [...document.querySelectorAll('.md-tooltip2--active')]
    .filter(e => getComputedStyle(e).visibility === 'visible').map(e => e.innerText)"""


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("how", ["hover", "focus"])
def test_citation_previews_its_entry_on_hover_and_keyboard_focus(browser, site_url, edition, how):
    ref = edition.reference["japan-times-2023"]
    page = browser.new_page()
    try:
        page.goto(site_url + urls.page_url(urls.section_page("iv")))
        link = page.locator("#p18 a.cite-ref").first
        assert page.evaluate(TOOLTIPS) == []
        link.hover() if how == "hover" else link.focus()
        page.wait_for_function(TOOLTIPS.replace("() =>", "() => (") + ").length > 0")
        [shown] = page.evaluate(TOOLTIPS)
        assert shown == styled(edition).reference_text(ref.id)
    finally:
        page.close()
