"""The built site: parsed fragments of real pages, checked against the model."""

from __future__ import annotations

import copy
import posixpath

import pytest
from bs4 import BeautifulSoup

from edition import urls

from .helpers import soup

pytestmark = pytest.mark.slow  # every test here reads the built site


def visible_text(element) -> str:
    """The reader's text of a paragraph in the corrected reading: the † and ? links are apparatus, not text,
    and the printed reading of each correction shows only "as printed"."""
    for mark in element.select(".erratum-mark, .query-mark, .reading-printed"):
        mark.decompose()
    return element.get_text()


def test_each_rendered_paragraph_equals_its_corrected_text(built_site, edition):
    pages = {}
    for paragraph in edition.paragraphs:
        src = urls.section_page(edition.place[paragraph.id].section.id)
        page = pages.setdefault(src, soup(built_site, src))
        block = page.find(id=urls.paragraph_anchor(paragraph.id))
        assert block is not None, paragraph.id
        assert visible_text(block.select_one(".para-text")) == edition.text(paragraph.id)
        number = block.select_one("a.para-num")
        assert number.get_text() == f"¶{paragraph.number}"
        assert number["href"] == f"#{paragraph.id}"


def test_every_erratum_is_marked_and_listed_with_its_original(built_site, edition):
    about = soup(built_site, urls.ABOUT)
    marks = []
    for section in edition.sections:
        page = soup(built_site, urls.section_page(section.id))
        marks += [a["href"].split("#")[1] for a in page.select("a.erratum-mark")]
    # The home page repeats heading corrections in its contents list; the abstract is its own text.
    marks += [a["href"].split("#")[1] for a in soup(built_site, urls.HOME).select("p.abstract a.erratum-mark")]
    marks += [a["href"].split("#")[1] for a in soup(built_site, urls.REFERENCES).select("a.erratum-mark")]
    for erratum in edition.errata:
        row = about.find(id=urls.erratum_anchor(erratum.id))
        assert row is not None
        assert erratum.original in row.get_text() and erratum.corrected in row.get_text()
        assert marks.count(erratum.id) == erratum.occurrences, erratum.id


def test_home_page_has_front_matter_contents_and_citation(built_site, edition):
    home = soup(built_site, urls.HOME)
    text = home.select_one("article").get_text(" ")
    paper = edition.paper
    for fact in (paper.title, paper.author.name, paper.series.title, paper.date):
        assert fact in text
    assert visible_text(home.select_one("p.abstract")) == edition.text("abstract")
    contents = [a["href"] for a in home.select("ol.contents a")]
    assert contents[0] == "sections/i/"
    assert len([h for h in contents if "#" not in h]) == len(edition.sections)
    assert "Lee, Junghwan. 2025." in home.select_one("p.citation").get_text()


def test_figure_caption_is_shown_and_image_is_not_invented(built_site, edition):
    figure = edition.figures[0]
    page = soup(built_site, urls.section_page(edition.place[figure.after].section.id))
    block = page.find(id=urls.figure_anchor(figure.id))
    assert edition.text(figure.id) in block.select_one("figcaption").get_text()
    assert block.find("img") is None
    assert "not reproduced" in block.get_text()


def test_abbreviations_explain_themselves_and_take_focus(built_site, edition):
    page = soup(built_site, urls.section_page("i"))
    rok = [abbr for abbr in page.select(".para-text abbr") if abbr.get_text() == "ROK"]
    assert rok and all(abbr["title"] == "Republic of Korea" and abbr["tabindex"] == "0" for abbr in rok)


def test_navigation_stays_small(built_site):
    """Records are reached through index pages and search, so a page's size does not grow with them."""
    page = soup(built_site, urls.section_page("iv"))
    assert len(page.select("nav.md-nav--primary a.md-nav__link")) < 40


# --- the argument map: links both ways ----------------------------------------------------------


def hrefs(page: BeautifulSoup, src: str) -> set[str]:
    """Every link target of the page's content, resolved to a site path like 'sections/iv/#p18'."""
    base = "/" + urls.page_url(src)
    found = set()
    for a in page.select("article a[href]"):
        href = a["href"]
        if href.startswith(("http:", "https:", "mailto:")):
            continue
        path, _, anchor = href.partition("#")
        target = posixpath.normpath(posixpath.join(base, path)) if path else base.rstrip("/")
        target = target.lstrip("/")
        target = (target + "/") if target and not target.endswith("/") else target
        found.add(target + (f"#{anchor}" if anchor else ""))
    return found


def test_proposal_reaches_its_challenges_area_actors_and_paragraphs_and_back(built_site, edition):
    for proposal in edition.proposals:
        src = urls.proposal_page(proposal.id)
        out = hrefs(soup(built_site, src), src)
        assert urls.page_url(urls.area_page(proposal.area)) in out
        for challenge in proposal.challenges:
            assert urls.page_url(urls.challenge_page(challenge)) in out
        for actor in proposal.actors:
            assert urls.page_url(urls.actor_page(actor)) in out
        for quote in proposal.quotes:
            section = edition.place[quote.paragraph].section
            assert f"{urls.page_url(urls.section_page(section.id))}#{quote.paragraph}" in out
        back = urls.page_url(src)
        for other in (
            [urls.area_page(proposal.area)]
            + [urls.challenge_page(c) for c in proposal.challenges]
            + [urls.actor_page(a) for a in proposal.actors]
        ):
            assert back in hrefs(soup(built_site, other), other), (other, proposal.id)
        for quote in proposal.quotes:
            section_src = urls.section_page(edition.place[quote.paragraph].section.id)
            block = soup(built_site, section_src).find(id=quote.paragraph)
            assert back in hrefs(block, section_src), (quote.paragraph, proposal.id)


def test_no_record_page_is_left_without_a_link_to_it(built_site, edition):
    record_pages = (
        [urls.proposal_page(p.id) for p in edition.proposals]
        + [urls.challenge_page(c.id) for c in edition.challenges]
        + [urls.area_page(a.id) for a in edition.areas]
        + [urls.actor_page(a.id) for a in edition.actors]
    )
    linked = set()
    for html in built_site.rglob("index.html"):
        src_dir = html.relative_to(built_site).parent.as_posix()
        src = "index.md" if src_dir == "." else src_dir + ".md"
        page = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        linked |= {h.partition("#")[0] for h in hrefs(page, src) if not h.startswith(urls.page_url(src) + "#")}
    orphans = [page for page in record_pages if urls.page_url(page) not in linked]
    assert orphans == []


def test_quotes_are_marked_as_the_authors_and_carry_their_paragraph_link(built_site, edition):
    proposal = edition.proposals[0]
    src = urls.proposal_page(proposal.id)
    quotes = soup(built_site, src).select("blockquote.author-quote")
    assert len(quotes) == len(proposal.quotes)
    for block, quote in zip(quotes, proposal.quotes, strict=True):
        printed = copy.copy(block)
        for gone in printed.select(".reading-corrected, .erratum-mark, .query-mark"):
            gone.decompose()
        assert quote.text in printed.get_text()
        assert f"#{quote.paragraph}" in block.select_one("a.para-ref")["href"]
    assert "Editor’s summary:" in soup(built_site, src).select_one("p.editorial").get_text()


def test_matrix_cells_list_the_proposals_that_connect_challenge_and_area(built_site, edition):
    page = soup(built_site, urls.MATRIX)
    rows = page.select("table.matrix tbody tr")
    assert len(rows) == len(edition.challenges)
    for row, challenge in zip(rows, edition.challenges, strict=True):
        cells = row.select("td")
        for cell, area in zip(cells, edition.areas, strict=True):
            expected = {p.title for p in edition.proposals if p.area == area.id and challenge.id in p.challenges}
            assert {a.get_text() for a in cell.select("a")} == expected


def test_proposals_index_shows_every_row_without_javascript(built_site, edition):
    page = soup(built_site, urls.PROPOSALS)
    rows = page.select("#proposals-table tbody tr")
    assert [row.select_one("td a").get_text() for row in rows] == [p.title for p in edition.proposals]
    assert page.select_one("#proposal-filters").has_attr("hidden")
