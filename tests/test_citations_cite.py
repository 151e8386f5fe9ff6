"""The cite boxes: six formats for the paper, a section, a paragraph and each proposal, each parsed with a real
parser and checked against the model, with the exact URL and the pinpoint where each format keeps it; the
preview note; and copying in a real browser (HTML and plain text), or by hand without JavaScript."""

from __future__ import annotations

import json

import bibtexparser
import pytest
import rispy

from edition import urls
from edition.cite_styles import STYLES, Pinpoint, proposal_pinpoint, styled
from edition.csl import FORMATS
from edition.render.cite import PREVIEW_NOTE

from .helpers import SITE_URL, soup


def targets(edition):
    """(cite page, box id, exact URL, pinpoint) for the paper, section IV and ¶18."""
    section_url = SITE_URL + urls.page_url(urls.section_page("iv"))
    return [
        (urls.CITE, "paper", SITE_URL, Pinpoint()),
        (urls.cite_page("iv"), "iv", section_url, Pinpoint(section="IV")),
        (urls.cite_page("iv"), "p18", section_url + "#p18", Pinpoint(paragraphs=(18,))),
    ]


def box_texts(page, what: str) -> dict[str, str]:
    return {name: page.select_one(f"#{urls.cite_anchor(what, name)}").get_text() for name in FORMATS}


@pytest.mark.slow
def test_each_box_has_six_formats_with_the_exact_url(built_site, edition):
    paper = edition.paper
    for src, what, url, pinpoint in targets(edition):
        page = soup(built_site, src)
        texts = box_texts(page, what)
        assert set(texts) == {"chicago", "apa", "mla", "bibtex", "ris", "csl-json"}
        for style in STYLES:
            # The engine's entry for the paper at that URL: the URL ends it, the pinpoint is in the text citation.
            assert texts[style] == styled(edition).entry_text(style, url)
            assert url in texts[style]
            intext = page.select_one(f"#{urls.cite_anchor(what, style + '-intext')}").get_text()
            assert intext == styled(edition).citation(style, pinpoint)
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
        assert fields["type"] == paper.type
        assert fields["date"] == paper.date
        assert fields["url"] == url
        assert fields.get("note", "") == pinpoint.symbols

        [record] = rispy.loads(texts["ris"])
        assert record["type_of_reference"] == "RPRT"
        assert record["authors"] == ["Lee, Junghwan"]
        assert record["title"] == paper.title
        assert record["publisher"] == paper.publisher
        assert record["secondary_title"] == paper.series.title
        assert record["issn"] == str(paper.series.number)
        assert record["type_of_work"] == paper.type
        assert record["date"] == paper.date.replace("-", "/")
        assert record["urls"] == [url]
        assert record.get("notes", [""]) == [pinpoint.symbols]

        [item] = json.loads(texts["csl-json"])
        assert item["type"] == "report"
        assert item["title"] == paper.title
        assert item["author"] == [{"family": "Lee", "given": "Junghwan"}]
        assert item["issued"] == {"date-parts": [[2025, 3, 12]]}
        assert item["publisher"] == paper.publisher
        assert item["collection-title"] == paper.series.title
        assert item["number"] == str(paper.series.number)
        assert item["URL"] == url
        assert item.get("note", "") == pinpoint.symbols


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
            target = box.select_one(f"#{button['data-copy']}")
            assert target.name in ("pre", "p", "span") and target.get_text().strip()
        # The styles' entries keep their italics as HTML.
        for style in STYLES:
            assert box.select_one(f"[id$='-{style}'] i") is not None


@pytest.mark.slow
def test_preview_builds_say_their_urls_are_local_and_published_ones_do_not(built_site, published_site, edition):
    pages = [urls.CITE, urls.CITE_PROPOSALS] + [urls.cite_page(section.id) for section in edition.sections]
    for src in pages:
        preview, published = soup(built_site, src), soup(published_site, src)
        boxes = preview.select(".cite-box")
        assert boxes and all(PREVIEW_NOTE in box.get_text() for box in boxes), src
        assert PREVIEW_NOTE not in published.get_text(), src
    # The Data page says it above its boxes too.
    data_page = soup(built_site, urls.CITE)
    assert PREVIEW_NOTE in data_page.select_one("h1").find_next("p").get_text()


@pytest.mark.slow
def test_each_proposal_has_a_box_citing_the_paragraphs_it_rests_on(built_site, edition):
    page = soup(built_site, urls.CITE_PROPOSALS)
    assert len(page.select(".cite-box")) == len(edition.proposals) > 0
    for proposal in edition.proposals:
        pinpoint = proposal_pinpoint(edition, proposal)
        assert list(pinpoint.paragraphs) == sorted({edition.paragraph[q.paragraph].number for q in proposal.quotes})
        for style in STYLES:
            intext = page.select_one(f"#{urls.cite_anchor(proposal.id, style + '-intext')}").get_text()
            assert intext == styled(edition).citation(style, pinpoint)
        [item] = json.loads(page.select_one(f"#{urls.cite_anchor(proposal.id, 'csl-json')}").get_text())
        first = min((quote.paragraph for quote in proposal.quotes), key=lambda p: edition.paragraph[p].number)
        assert item["URL"] == SITE_URL + urls.page_url(urls.section_page(edition.place[first].section.id)) + f"#{first}"
        assert item["note"] == ", ".join(f"¶{n}" for n in pinpoint.paragraphs)
        record_page = soup(built_site, urls.proposal_page(proposal.id))
        assert record_page.find("a", href=f"../../cite/proposals/#{proposal.id}") is not None


# CSL variables a citation of the paper may carry: each is stated on the paper's page (data/paper.yml,
# checked against the source) or is the edition's own URL, id or pinpoint note.
# `version` is the edition's own number (data/edition.yml), the editor's fact, not the paper's.
PAPER_VARIABLES = {
    "id",
    "type",
    "title",
    "author",
    "issued",
    "genre",
    "collection-title",
    "number",
    "publisher",
    "language",
    "URL",
    "note",
    "version",
}


@pytest.mark.slow
def test_no_bibliographic_fact_beyond_what_the_paper_states(built_site, edition):
    paper = edition.paper
    stated = {paper.title, paper.type, paper.series.title, str(paper.series.number), paper.publisher, paper.language}
    for src, what, _url, _pinpoint in targets(edition):
        [item] = json.loads(box_texts(soup(built_site, src), what)["csl-json"])
        assert set(item) <= PAPER_VARIABLES, set(item) - PAPER_VARIABLES
        for key in ("title", "genre", "collection-title", "number", "publisher", "language"):
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
        intext = box.select_one(f"#{urls.cite_anchor(section.id, 'chicago-intext')}").get_text()
        assert intext == f"(Lee 2025, sec. {section.label})"


READ_CLIPBOARD = """async () => {
    const out = {};
    for (const item of await navigator.clipboard.read()) {
        for (const type of item.types) out[type] = await (await item.getType(type)).text();
    }
    return out;
}"""


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("what", ["paper", "iv", "p18"])
def test_copy_puts_html_and_plain_text_on_the_clipboard(browser, site_url, built_site, edition, what):
    src = urls.CITE if what == "paper" else urls.cite_page("iv")
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    try:
        page.goto(site_url + urls.page_url(src))
        built = soup(built_site, src)
        expected = box_texts(built, what)
        for name in FORMATS if what == "p18" else ("chicago", "bibtex"):
            selector = f'button[data-copy="{urls.cite_anchor(what, name)}"]'
            button = page.locator(selector)
            button.click()
            page.wait_for_function(f"() => document.querySelector('{selector}').textContent === 'Copied'")
            clipboard = page.evaluate(READ_CLIPBOARD)
            assert clipboard["text/plain"] == expected[name]
            if name in STYLES:
                # The HTML keeps the italics, for a word processor.
                html = built.select_one(f"#{urls.cite_anchor(what, name)}").decode_contents()
                assert "<i>" in clipboard["text/html"] and html in clipboard["text/html"]
            else:
                assert "text/html" not in clipboard
            assert button.inner_text() == "Copied"
        # The in-text citation has its own button.
        selector = f'button[data-copy="{urls.cite_anchor(what, "apa-intext")}"]'
        page.locator(selector).click()
        page.wait_for_function(f"() => document.querySelector('{selector}').textContent === 'Copied'")
        intext = built.select_one(f"#{urls.cite_anchor(what, 'apa-intext')}").get_text()
        assert page.evaluate(READ_CLIPBOARD)["text/plain"] == intext
    finally:
        context.close()


@pytest.mark.slow
@pytest.mark.browser
def test_without_javascript_the_text_shows_and_no_dead_button_does(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + urls.page_url(urls.cite_page("iv")) + "#p18")
        for name in FORMATS:
            assert page.locator(f"#{urls.cite_anchor('p18', name)}").is_visible()
        assert page.locator("#p18 ~ .cite-box button.cite-copy").first.is_hidden()
        # Selectable: a reader can select the entry and the in-text citation and copy them by hand.
        selected = page.evaluate(
            """() => ['cite-p18-chicago', 'cite-p18-chicago-intext'].map(id => {
                       const el = document.getElementById(id);
                       const range = document.createRange(); range.selectNodeContents(el);
                       const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
                       return sel.toString(); })"""
        )
        assert "Lee, Junghwan. 2025. The Long-Term Vision" in selected[0] and selected[1] == "(Lee 2025, para. 18)"
        assert page.locator("#cite-p18-chicago i").is_visible()
    finally:
        context.close()
