"""Nothing on the built site is credited to the author that the author did not print (issue 9).

This walks the built HTML, not the data. Every text the site shows as the author's is marked
`class="author-words"` with `data-source-line`, the line of data/source/ it must come from. Read as
printed (the printed reading of each corrected spot, without the † and ? marks), it must be in that line;
read as corrected, it may differ only inside a marked correction: a `.corrected` span holding both
readings, with a † link to its erratum beside it. Paragraphs must equal their line exactly, so the
"As printed" reading of all 42 paragraphs is the source, word for word.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from edition import urls
from edition.paths import DATA_DIR

from .helpers import html_files, url_path

SOURCE = DATA_DIR / "source" / "000_c0e8e11fa83fec7f.txt"
MINIMAL_SOURCE = Path(__file__).parent / "fixtures" / "minimal" / "source" / "000_c0e8e11fa83fec7f.txt"
AUTHOR = ".author-words"
MARKED = re.compile(r'class="[^"]*\bauthor-words\b')
MARKS = ".erratum-mark, .query-mark"
# The blocks inside which a correction's † may stand apart from its words (after a link, which cannot nest).
BLOCKS = ["p", "li", "td", "dd", "dt", "h1", "h2", "h3", "h4", "figcaption", "blockquote"]


def lines_of(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def reading(element, printed: bool) -> str:
    """The element's text in one reading: the other reading's words and the marks left out."""
    element = copy.copy(element)
    for gone in element.select(MARKS + (", .reading-corrected" if printed else ", .reading-printed")):
        gone.decompose()
    return element.get_text()


def problems(html: str, source: list[str], where: str = "") -> list[str]:
    """Everything on one page shown as the author's that the printed source does not bear out."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for element in soup.select(AUTHOR):
        line_number = int(element.get("data-source-line", "0"))
        if not 1 <= line_number <= len(source):
            found.append(f"{where}: author's words without a source line: {element.get_text()[:60]!r}")
            continue
        line = source[line_number - 1]
        printed = reading(element, printed=True)
        if printed not in line:
            found.append(f"{where}: not printed on line {line_number}: {printed[:80]!r}")
        if "para-text" in element.get("class", []) and printed != line:
            found.append(f"{where}: paragraph as printed differs from line {line_number}")
        for spot in element.select(".corrected"):
            parts = [child for child in spot.find_all(recursive=False) if child.name]
            kinds = [" ".join(child.get("class", [])) for child in parts]
            erratum = spot.get("data-erratum", "")
            if kinds != ["reading-corrected", "reading-printed"]:
                found.append(f"{where}: correction {erratum} does not hold exactly its two readings: {kinds}")
            block = spot.find_parent(BLOCKS) or element
            if not erratum or not block.select(f'a.erratum-mark[href$="#{erratum}"]'):
                found.append(f"{where}: correction {erratum or '(unnamed)'} has no † mark linking to its erratum")
        for stray in element.select(".reading-corrected, .reading-printed"):
            if "corrected" not in stray.parent.get("class", []):
                found.append(f"{where}: a reading outside a marked correction: {stray.get_text()!r}")
    for quote in soup.select("article blockquote"):
        if "author-quote" not in quote.get("class", []) or not quote.select(AUTHOR):
            found.append(f"{where}: a quotation not marked as the author's words: {quote.get_text()[:60]!r}")
    for paragraph in soup.select(".para-text"):
        if "author-words" not in paragraph.get("class", []):
            found.append(f"{where}: paragraph text not marked as the author's")
    return found


# --- the checker itself can fail -----------------------------------------------------------------

GOOD = '<p class="para-text author-words" data-source-line="4">First paragraph about the ROK and trade.</p>'


def test_the_checker_accepts_printed_words():
    assert problems(GOOD, lines_of(MINIMAL_SOURCE)) == []


@pytest.mark.parametrize(
    "html, expected",
    [
        (
            '<blockquote class="author-quote"><p>“<span class="author-words" data-source-line="5">'
            "Second paragraphs on supply chains.</span>”</p></blockquote>",
            ": not printed on line 5: 'Second paragraphs on supply chains.'",
        ),
        (
            '<p class="abstract author-words" data-source-line="2">An abstract with a system.</p>',
            ": not printed on line 2: 'An abstract with a system.'",
        ),
        (
            '<p class="author-words" data-source-line="2">An abstract with a <span class="corrected" data-erratum="e1">'
            '<span class="reading-corrected">system</span><span class="reading-printed">systern</span></span>.</p>',
            ": correction e1 has no † mark linking to its erratum",
        ),
        (
            '<p class="author-words" data-source-line="2">An abstract with a <span class="reading-corrected">system'
            '</span><span class="reading-printed">systern</span>.</p>',
            ": a reading outside a marked correction: 'system'\n: a reading outside a marked correction: 'systern'",
        ),
        (
            "<article><blockquote><p>“Second paragraph on supply chains.”</p></blockquote></article>",
            ": a quotation not marked as the author's words: '“Second paragraph on supply chains.”'",
        ),
        (
            '<p class="para-text author-words" data-source-line="4">First paragraph about the ROK</p>',
            ": paragraph as printed differs from line 4",
        ),
    ],
    ids=[
        "word-changed",
        "unmarked-correction",
        "correction-without-mark",
        "reading-outside-correction",
        "unmarked-quotation",
        "paragraph-cut-short",
    ],
)
def test_the_checker_reports_what_the_author_did_not_print(html, expected):
    assert problems(html, lines_of(MINIMAL_SOURCE)) == expected.split("\n")


@pytest.mark.slow
def test_a_poisoned_quotation_on_a_real_page_is_caught(built_site):
    """One word changed in one quotation of a built proposal page, as a wrong string in the data would."""
    page = built_site / urls.page_url(urls.proposal_page("joint-oda-infrastructure")) / "index.html"
    html = page.read_text(encoding="utf-8")
    assert problems(html, lines_of(SOURCE)) == []
    poisoned = html.replace("To this end, technological cooperation", "To this end, technical cooperation")
    assert poisoned.count("technical cooperation") == 1
    assert problems(poisoned, lines_of(SOURCE), "poisoned") == [
        "poisoned: not printed on line 62: 'To this end, technical cooperation to address social tasks arising from "
        "demograp'"
    ]


# --- the built site ------------------------------------------------------------------------------


@pytest.mark.slow
def test_every_text_shown_as_the_authors_is_printed_in_the_source(built_site, edition):
    source = lines_of(SOURCE)
    found, marked, pages_with = [], 0, 0
    for file in html_files(built_site):
        html = file.read_text(encoding="utf-8")
        found += problems(html, source, "/" + url_path(built_site, file))
        count = len(MARKED.findall(html))
        marked += count
        pages_with += 1 if count else 0
    assert found == []
    # Every quotation in the data is on the site, marked: the walk cannot pass by missing them.
    quotes = sum(len(p.quotes) for p in edition.proposals) + sum(len(c.quotes) for c in edition.challenges)
    assert marked > quotes + len(edition.paragraphs)
    assert pages_with > 80


@pytest.mark.slow
def test_every_quotation_in_the_data_is_marked_on_its_page(built_site, edition):
    """A cross-check from the data's side: each record's quotations show up as marked quotations."""
    for proposal in edition.proposals:
        page = built_site / urls.page_url(urls.proposal_page(proposal.id)) / "index.html"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert len(soup.select("blockquote.author-quote .author-words")) == len(proposal.quotes), proposal.id
        assert len(soup.select(".actor-quotes .author-words")) == len(proposal.actor_quotes), proposal.id


@pytest.mark.slow
def test_the_as_printed_reading_of_all_42_paragraphs_is_the_source(built_site, edition):
    source = lines_of(SOURCE)
    seen = 0
    for section in edition.sections:
        page = built_site / urls.page_url(urls.section_page(section.id)) / "index.html"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for block in soup.select("div.para"):
            text = block.select_one(".para-text")
            number = int(block.select_one(".para-num").get_text().lstrip("¶"))
            assert reading(text, printed=True) == source[edition.paragraphs[number - 1].source_line - 1], number
            seen += 1
    assert seen == 42
    # The corrected reading is there too, and differs exactly where the errata are.
    differing = {
        p.id for p in edition.paragraphs
        if edition.text(p.id) != edition.printed(p.id)
    }  # fmt: skip
    assert differing == {e.target for e in edition.errata if e.target in edition.paragraph}
