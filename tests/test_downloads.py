"""Every download, read back with a real parser and checked against the model."""

from __future__ import annotations

import csv
import io
import json

import bibtexparser
import jsonschema
import pytest
import rispy
import yaml
from bs4 import BeautifulSoup

from edition import urls
from edition.export.downloads import files
from edition.intext_citations import author_key, printed_year
from edition.load import DATA_FILES, SECTIONS_DIR
from edition.paths import DATA_DIR

pytestmark = pytest.mark.slow


def download(site, name: str) -> str:
    return (site / urls.DOWNLOADS_DIR / name).read_text(encoding="utf-8")


def rows(site, name: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(download(site, name))))


def test_data_page_links_every_download(built_site, edition):
    page = BeautifulSoup(
        (built_site / urls.page_url(urls.CITE) / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    linked = {a["href"] for a in page.select("#downloads ~ ul a[download]")}
    expected = {"../" + path for path in files(edition)}
    assert "../downloads/lee2025.ris" in expected
    assert linked == expected
    for href in linked:
        assert (built_site / urls.CITE.removesuffix("index.md") / href).resolve().is_file(), href


def test_edition_json(built_site, edition):
    data = json.loads(download(built_site, "edition.json"))
    assert data["paper"]["title"] == edition.paper.title
    assert [s["id"] for s in data["sections"]] == [s.id for s in edition.sections]
    assert [r["id"] for r in data["references"]] == [r.id for r in edition.references]
    assert [p["id"] for p in data["proposals"]] == [p.id for p in edition.proposals]
    assert data["corrected_text"] == {p.id: edition.text(p.id) for p in edition.paragraphs}
    printed = {
        p["id"]: p["text"]
        for s in data["sections"]
        for p in s["paragraphs"] + [q for sub in s["subsections"] for q in sub["paragraphs"]]
    }
    assert printed == {p.id: p.text for p in edition.paragraphs}
    assert data["corrected_text"]["p18"] != printed["p18"], "p18 carries a correction"


def test_proposals_csv(built_site, edition):
    table = rows(built_site, "proposals.csv")
    assert [row["id"] for row in table] == [p.id for p in edition.proposals]
    for row, proposal in zip(table, edition.proposals, strict=True):
        assert row["title"] == proposal.title
        assert row["statement"] == proposal.statement
        assert row["area"] == proposal.area
        assert row["challenges"].split("; ") == proposal.challenges
        assert set(row["paragraphs"].split("; ")) == {quote.paragraph for quote in proposal.quotes}


def test_challenges_csv(built_site, edition):
    table = rows(built_site, "challenges.csv")
    assert [row["id"] for row in table] == [c.id for c in edition.challenges]
    for row, challenge in zip(table, edition.challenges, strict=True):
        assert row["title"] == challenge.title
        assert row["summary"] == challenge.summary
        answering = [p.id for p in edition.proposals if challenge.id in p.challenges]
        assert (row["proposals"].split("; ") if row["proposals"] else []) == answering


def test_references_csv(built_site, edition):
    table = rows(built_site, "references.csv")
    index = edition.citations
    assert [row["id"] for row in table] == [work.id for work in index.works]
    listed = {ref.id: ref for ref in edition.references}
    for row in table:
        if row["in_reference_list"] == "yes":
            ref = listed[row["id"]]
            assert row["title"] == ref.title and row["printed"] == ref.printed and row["url"] == (ref.URL or "")
        else:
            assert row["in_reference_list"] == "no"
            # Nothing beyond what the text gives: no title, no address.
            assert row["title"] == row["url"] == row["printed"] == ""
            assert row["cited_as"] == f"{row['author']} {row['year']}"
        for paragraph_id in filter(None, row["cited_in"].split("; ")):
            # "2023b" stands alone in "(Office of the President 2023a; 2023b; 2023c)"; an undated entry has no year.
            assert (row["year"] or row["cited_as"]) in edition.text(paragraph_id)
    assert sum(row["in_reference_list"] == "no" for row in table) == 17


def test_references_bibtex(built_site, edition):
    library = bibtexparser.parse_string(download(built_site, "references.bib"))
    assert library.failed_blocks == []
    assert [entry.key for entry in library.entries] == [ref.id for ref in edition.references]
    for entry, ref in zip(library.entries, edition.references, strict=True):
        fields = {field.key: field.value for field in entry.fields}
        assert fields["title"] == "{" + ref.title + "}"
        assert fields.get("url") == ref.URL
        assert fields.get("year") == (str(ref.issued.date_parts[0][0]) if ref.issued else None)
        assert "publisher" not in fields or fields["publisher"] == ref.publisher


def test_references_ris(built_site, edition):
    records = rispy.loads(download(built_site, "references.ris"))
    assert [record["title"] for record in records] == [ref.title for ref in edition.references]
    for record, ref in zip(records, edition.references, strict=True):
        assert record.get("urls") == ([ref.URL] if ref.URL else None)
        assert record["authors"] == [name.literal or f"{name.family}, {name.given}" for name in ref.author]


def test_references_csl_json(built_site, edition):
    items = json.loads(download(built_site, "references.json"))
    assert [item["id"] for item in items] == [ref.id for ref in edition.references]
    for item, ref in zip(items, edition.references, strict=True):
        assert item["title"] == ref.title
        assert item.get("URL") == ref.URL
        assert item.get("issued") == ({"date-parts": ref.issued.date_parts} if ref.issued else None)
    suffixes = {item["id"]: item.get("year-suffix") for item in items}
    assert suffixes["office-of-the-president-2023b"] == "b"


def yaml_files() -> list[tuple[str, str]]:
    found = [(name.removesuffix(".yml"), name) for name in DATA_FILES]
    found += [
        (SECTIONS_DIR, path.relative_to(DATA_DIR).as_posix())
        for path in sorted((DATA_DIR / SECTIONS_DIR).glob("*.yml"))
    ]
    return found


@pytest.mark.parametrize("kind,name", yaml_files())
def test_each_data_file_is_valid_under_its_published_schema(built_site, kind, name):
    schema = json.loads(download(built_site, f"schema/{kind}.schema.json"))
    jsonschema.Draft202012Validator.check_schema(schema)
    document = yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    # A schema that accepted anything would pass the line above; this one refuses an unknown key.
    with pytest.raises(jsonschema.ValidationError, match="Additional properties are not allowed"):
        jsonschema.validate({**document, "not_a_field": 1}, schema)


def test_keys_and_notes_keep_the_papers_letters(built_site, edition):
    """CSL processors re-letter works of one author and year; the keys and notes carry the paper's a/b/c."""
    printed = {ref.id: printed_year(ref) for ref in edition.references}
    library = bibtexparser.parse_string(download(built_site, "references.bib"))
    records = rispy.loads(download(built_site, "references.ris"))
    items = json.loads(download(built_site, "references.json"))
    for entry, record, item, ref in zip(library.entries, records, items, edition.references, strict=True):
        note = {field.key: field.value for field in entry.fields}["note"]
        assert entry.key == record["id"] == item["id"] == ref.id
        expected = f"Listed in the paper’s references as {author_key(ref.author)} {printed[ref.id] or '(no year)'}."
        assert (note, record["notes"], item["note"]) == (expected, [expected], expected)
    assert (
        "Office of the President 2023a."
        in {item["id"]: item["note"] for item in items}["office-of-the-president-2023a"]
    )


# What each CSL type becomes: BibTeX entry type (and BibLaTeX entrysubtype), RIS TY.
TYPES = {
    "report": ("techreport", None, "RPRT"),
    "article-magazine": ("article", "magazine", "MGZN"),
    "article-newspaper": ("article", "newspaper", "NEWS"),
    "webpage": ("online", None, "ELEC"),
    "speech": ("misc", None, "SLIDE"),
}


def test_reference_types(built_site, edition):
    library = bibtexparser.parse_string(download(built_site, "references.bib"))
    records = rispy.loads(download(built_site, "references.ris"))
    for entry, record, ref in zip(library.entries, records, edition.references, strict=True):
        fields = {field.key: field.value for field in entry.fields}
        entry_type, subtype, ris_type = TYPES[ref.type]
        assert (entry.entry_type, fields.get("entrysubtype"), record["type_of_reference"]) == (
            entry_type,
            subtype,
            ris_type,
        )
        # One organisation stays one author: braced in BibTeX, comma-free in RIS.
        for name, written in zip(ref.author, record["authors"], strict=True):
            assert written == (name.literal or f"{name.family}, {name.given}")
            if name.literal:
                assert "{" + name.literal + "}" in fields["author"]


def test_paper_downloads(built_site, edition):
    paper = edition.paper
    [entry] = bibtexparser.parse_string(download(built_site, "lee2025.bib")).entries
    fields = {field.key: field.value for field in entry.fields}
    assert (entry.entry_type, entry.key) == ("techreport", "lee2025")
    assert (fields["institution"], fields["series"], fields["number"], fields["type"]) == (
        paper.publisher,
        paper.series.title,
        str(paper.series.number),
        paper.type,
    )
    [record] = rispy.loads(download(built_site, "lee2025.ris"))
    assert (record["secondary_title"], record["issn"], record["type_of_work"]) == (
        paper.series.title,
        str(paper.series.number),
        paper.type,
    )
    [item] = json.loads(download(built_site, "lee2025.json"))
    assert (item["collection-title"], item["number"], item["genre"], item["abstract"]) == (
        paper.series.title,
        str(paper.series.number),
        paper.type,
        edition.text("abstract"),
    )
