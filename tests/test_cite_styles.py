"""The citations a reader copies, pinned to the strings each manual's rules give, for the paper, section IV,
¶18 and one proposal, in a published build (SITE_URL=https://example.org/lee2025/).

Each expected string was written from the rules named beside it, not copied from the engine's output:
Chicago = The Chicago Manual of Style, 18th ed., author-date (the CSL file's own <title>); APA = Publication
Manual of the APA, 7th ed.; MLA = MLA Handbook, 9th ed. Where a manual leaves a choice, the comment says which.
"""

from __future__ import annotations

import pytest

from edition import urls

from .helpers import PUBLISHED_URL, soup

pytestmark = pytest.mark.slow

SITE = PUBLISHED_URL
# The edition's number (data/edition.yml), which every citation carries as the version cited.
VERSION = 1
TITLE = "The Long-Term Vision for ROK-Japan Economic Cooperation in the Era of De-Globalization and Shrinking"
# APA 7, 6.17: titles of works in reference entries in sentence case; ROK and Japan are proper nouns.
TITLE_APA = "The long-term vision for ROK-Japan economic cooperation in the era of de-globalization and shrinking"


def chicago(url: str) -> str:
    # CMOS 18 author-date reference list: author inverted with full given name; year; title of a report or
    # working paper in italics, headline style; the paper's designation ("Working Paper"); series title then
    # its number ("no.", CMOS's abbreviation, after a comma because the series title itself ends in "2050");
    # publisher (no place: CMOS 18 no longer requires one, and the paper prints none); the URL, then a period.
    # The version cited (the edition's number, data/edition.yml) follows the title and its description, as
    # CMOS places an edition or version after the title elements: "Version 1."
    return (
        f"Lee, Junghwan. 2025. <i>{TITLE}</i>. Working Paper. Version {VERSION}. Korea-Japan Joint Work on the "
        f"World 2050, no. 5. East Asia Institute. {url}."
    )


def apa(url: str) -> str:
    # APA 7: author's surname and initial (9.8); year in parentheses (9.14); report title italic, sentence
    # case (9.19, 6.17); the series and number in parentheses after the title, "No." capitalised (10.4,
    # examples 50-52: "(Report No. 123)", "(OECD Education Working Paper No. 240)"), so no bracketed
    # description, which 10.4 uses for reports without a number; publisher (9.29); URL, no period after it (9.35).
    # The version ("Version 1", as APA 10.10 writes a version) joins the series in the same parentheses,
    # separated by a comma, as APA 9.x does for several details after a title ("(2nd ed., Vol. 3)").
    return (
        f"Lee, J. (2025). <i>{TITLE_APA}</i> (Version {VERSION}, Korea-Japan Joint Work on the World 2050 No. 5). "
        f"East Asia Institute. {url}"
    )


def mla(url: str) -> str:
    # MLA 9 core elements: Author (surname, given name). Title of source (italic, a stand-alone work; title
    # case). The optional element after the title naming the kind of work ("Working Paper"). Publisher, date
    # (day, abbreviated month, year: "12 Mar. 2025"), location (the URL). The optional series element at the
    # end: series title and number ("no.", MLA's abbreviation; comma as for Chicago). Version is MLA's fifth
    # core element, before the publisher, capitalised after a period: "Version 1,".
    return (
        f"Lee, Junghwan. <i>{TITLE}</i>. Working Paper. Version {VERSION}, East Asia Institute, 12 Mar. 2025, "
        f"{url}. Korea-Japan Joint Work on the World 2050, no. 5."
    )


# (cite page, box, URL cited, in-text citation per style).
# In-text: Chicago "(Author Year, locator)"; APA "(Author, Year, locator)"; MLA "(Author, locator)", no year.
# Locators for a work without page numbers: numbered paragraphs are "para."/"paras." (CMOS 18; APA 7, 8.28)
# and "par."/"pars." (MLA 9); a numbered section is "sec." (CMOS 18, MLA 9) and "Section IV" in APA, which
# does not abbreviate "section" and capitalises a noun before a numeral (APA 7, 6.19). Ranges of consecutive
# paragraphs take an en dash ("22–23") in all three.
CASES = [
    ("paper", urls.CITE, "paper", SITE, {"chicago": "(Lee 2025)", "apa": "(Lee, 2025)", "mla": "(Lee)"}),
    (
        "§IV",
        urls.cite_page("iv"),
        "iv",
        SITE + "sections/iv/",
        {"chicago": "(Lee 2025, sec. IV)", "apa": "(Lee, 2025, Section IV)", "mla": "(Lee, sec. IV)"},
    ),
    (
        "¶18",
        urls.cite_page("iv"),
        "p18",
        SITE + "sections/iv/#p18",
        {"chicago": "(Lee 2025, para. 18)", "apa": "(Lee, 2025, para. 18)", "mla": "(Lee, par. 18)"},
    ),
    # The proposal quotes ¶22 and ¶23: the box cites the paper there, with the URL of the first of them.
    (
        "proposal",
        urls.CITE_PROPOSALS,
        "bilateral-norm-cooperation",
        SITE + "sections/iv/#p22",
        {"chicago": "(Lee 2025, paras. 22–23)", "apa": "(Lee, 2025, paras. 22–23)", "mla": "(Lee, pars. 22–23)"},
    ),
]
ENTRIES = {"chicago": chicago, "apa": apa, "mla": mla}


@pytest.mark.parametrize("name,src,what,url,in_text", CASES, ids=[case[0] for case in CASES])
def test_reference_entry_and_in_text_citation_are_the_manuals(published_site, name, src, what, url, in_text):
    page = soup(published_site, src)
    for style, expected in ENTRIES.items():
        entry = page.select_one(f"#{urls.cite_anchor(what, style)}")
        assert entry.decode_contents() == expected(url), (name, style)
        # The plain text is the same without the italics; no pinpoint in the entry, in any notation.
        assert entry.get_text() == expected(url).replace("<i>", "").replace("</i>", "")
        assert "¶" not in entry.get_text() and "§" not in entry.get_text()
        assert page.select_one(f"#{urls.cite_anchor(what, style + '-intext')}").get_text() == in_text[style], (
            name,
            style,
        )


def test_the_proposal_cited_is_the_one_pinned(edition):
    proposal = next(p for p in edition.proposals if p.id == "bilateral-norm-cooperation")
    assert sorted({edition.paragraph[q.paragraph].number for q in proposal.quotes}) == [22, 23]


def test_mla_in_text_citation_never_carries_the_title(published_site, edition):
    for src in [urls.CITE, urls.CITE_PROPOSALS] + [urls.cite_page(s.id) for s in edition.sections]:
        for span in soup(published_site, src).select("[id$='-mla-intext']"):
            assert edition.paper.title not in span.get_text() and "Long-Term" not in span.get_text()
