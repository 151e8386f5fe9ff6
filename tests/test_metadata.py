"""Every built page carries the metadata reference managers and search engines read; each value is parsed
back out of the HTML and checked against the model."""

from __future__ import annotations

import json
from urllib.parse import parse_qs
from xml.etree import ElementTree

import pytest
import rispy
from bs4 import BeautifulSoup

from edition import urls
from edition.model import ABSTRACT_ID

from .helpers import SITE_URL

pytestmark = pytest.mark.slow

FORBIDDEN = ("citation_journal_title", "citation_isbn", "citation_doi")


def pages(site):
    """(URL of the page, parsed HTML) for every page MkDocs built (404.html is a template, not a page)."""
    for path in sorted(site.rglob("index.html")):
        relative = path.parent.relative_to(site).as_posix()
        url = SITE_URL + ("" if relative == "." else relative + "/")
        yield url, BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def metas(page, attribute: str, name: str) -> list[str]:
    return [tag["content"] for tag in page.find_all("meta", attrs={attribute: name})]


def one(page, name: str, attribute: str = "name") -> str:
    values = metas(page, attribute, name)
    assert len(values) == 1, (name, values)
    return values[0]


def test_there_are_pages_to_check(built_site, edition):
    assert len(list(pages(built_site))) >= len(edition.sections) + 3


def test_highwire_tags(built_site, edition):
    paper = edition.paper
    works = edition.citations.works
    for url, page in pages(built_site):
        assert one(page, "citation_title") == paper.title, url
        assert metas(page, "name", "citation_author") == [f"{paper.author.family}, {paper.author.given}"]
        year, month, day = paper.date.split("-")
        assert one(page, "citation_publication_date") == f"{year}/{month}/{day}"
        assert one(page, "citation_technical_report_institution") == paper.publisher == "East Asia Institute"
        assert one(page, "citation_series_title") == paper.series.title
        assert one(page, "citation_language") == paper.language
        assert one(page, "citation_abstract") == edition.text(ABSTRACT_ID)
        assert one(page, "citation_public_url") == url
        # The PDF edition is served by every build, so the PDF link is given (Google Scholar reads it).
        assert one(page, "citation_pdf_url") == SITE_URL + urls.PDF
        assert (built_site / urls.PDF).is_file()
        html = str(page.head)
        for name in FORBIDDEN:
            assert name not in html, (url, name)
        references = metas(page, "name", "citation_reference")
        if url not in (SITE_URL, SITE_URL + urls.page_url(urls.REFERENCES)):
            # Only the landing and references pages list them, so a page's weight does not grow with the list.
            assert references == [], url
            continue
        assert len(references) == len(works) == 27
        for work, value in zip(works, references, strict=True):
            fields = [field.split("=", 1) for field in value.split("; ")]
            year_given = dict(fields).get("citation_publication_date")
            assert year_given == (work.year[:4] if work.year else None), value
            if work.reference:
                assert ["citation_title", work.reference.title] in fields
            else:
                assert "citation_title" not in dict(fields), "an unlisted work has no title in the paper"


def test_canonical_link(built_site):
    for url, page in pages(built_site):
        links = page.find_all("link", rel="canonical")
        assert [link["href"] for link in links] == [url]


def test_dublin_core(built_site, edition):
    paper = edition.paper
    for url, page in pages(built_site):
        assert page.find("link", rel="schema.DC")["href"] == "http://purl.org/dc/elements/1.1/"
        assert one(page, "DC.title") == paper.title
        assert one(page, "DC.creator") == "Lee, Junghwan"
        assert one(page, "DC.date") == paper.date
        assert one(page, "DC.publisher") == paper.publisher
        assert one(page, "DC.language") == paper.language
        assert one(page, "DC.relation.ispartof") == paper.series.title
        assert one(page, "DC.identifier") == url


def test_opengraph(built_site, edition):
    for url, page in pages(built_site):
        assert one(page, "og:url", "property") == url
        assert one(page, "og:type", "property") == "article"
        assert one(page, "og:title", "property")
        assert edition.text(ABSTRACT_ID).startswith(one(page, "og:description", "property").rstrip("…"))


def report_checks(report: dict, edition) -> None:
    paper = edition.paper
    assert report["@type"] == "Report"
    assert report["@id"] == SITE_URL
    assert report["name"] == paper.title
    assert report["author"]["name"] == paper.author.name
    assert report["publisher"] == {"@type": "Organization", "name": paper.publisher}
    assert report["datePublished"] == paper.date
    assert report["isPartOf"] == {"@type": "CreativeWorkSeries", "name": paper.series.title}


def test_json_ld(built_site, edition):
    sections = {SITE_URL + urls.page_url(urls.section_page(s.id)): s for s in edition.sections}
    for url, page in pages(built_site):
        scripts = page.find_all("script", type="application/ld+json")
        assert len(scripts) == 1, url
        data = json.loads(scripts[0].string)
        assert data["@context"] == "https://schema.org"
        if url == SITE_URL:
            report_checks(data, edition)
            assert [part["@id"] for part in data["hasPart"]] == list(sections)
            works = edition.citations.works
            assert len(data["citation"]) == len(works)
            for work, cited in zip(works, data["citation"], strict=True):
                assert cited == work.key if work.reference is None else cited["name"] == work.reference.title
        elif url in sections:
            assert data["@type"] == "CreativeWork"
            assert data["name"].startswith(sections[url].label + ". ")
            report_checks(data["isPartOf"], edition)
        else:
            assert data["@type"] == "WebPage"
            report_checks(data["about"], edition)


def test_coins_span_is_complete(built_site, edition):
    paper = edition.paper
    for url, page in pages(built_site):
        spans = page.find_all("span", class_="Z3988")
        assert len(spans) == 1, url
        fields = parse_qs(spans[0]["title"])
        assert fields["rft_val_fmt"] == ["info:ofi/fmt:kev:mtx:book"]
        assert fields["rft.genre"] == ["report"]
        assert fields["rft.btitle"] == [paper.title]
        assert fields["rft.au"] == ["Lee, Junghwan"]
        assert "rft.aulast" not in fields and "rft.aufirst" not in fields
        assert fields["rft.date"] == [paper.date]
        assert fields["rft.pub"] == [paper.publisher]
        assert fields["rft.series"] == [paper.series.title]
        assert fields["rft.language"] == [paper.language]
        assert fields["rft.description"] == [edition.text(ABSTRACT_ID)]
        assert fields["rft_id"] == [url]


def test_organisations_stay_one_author_in_citation_reference(built_site):
    page = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    values = metas(page, "name", "citation_reference")
    office = [v for v in values if "Office of Policy Planning" in v]
    assert office == [
        "citation_author=Office of Policy Planning and Coordination on Territory and Sovereignty; "
        "citation_publication_date=2024"
    ]
    # Two people named by the text ("Blackwill and Fontaine 2024") are two authors.
    [two] = [v for v in values if v.startswith("citation_author=Blackwill")]
    assert two == "citation_author=Blackwill; citation_author=Fontaine; citation_publication_date=2024"


def test_every_page_links_its_unapi_record(built_site):
    for url, page in pages(built_site):
        [link] = page.find_all("link", rel="unapi-server")
        assert page.select_one("abbr.unapi-id[hidden]")["title"] == "lee2025"
        relative = url.removeprefix(SITE_URL)
        record = (built_site / relative / link["href"]).resolve()
        root = ElementTree.fromstring(record.read_text(encoding="utf-8"))
        assert root.tag == "formats" and root.find("format").get("name") == "ris"
        [entry] = rispy.loads("".join(root.itertext()).strip() + "\n")
        assert entry["urls"] == [url] and entry["type_of_reference"] == "RPRT"
