"""Every word of the paper is in the edition, in order, and undoing the errata gives the source back."""

from __future__ import annotations

from edition.model import reverted
from edition.paths import DATA_DIR

SOURCE = DATA_DIR / "source" / "000_c0e8e11fa83fec7f.txt"
# Lines 1-76 are the paper; after them comes the web page's navigation (README of data/source/).
PAPER_LINES = range(1, 77)
# Lines that carry no text of their own in the edition: the title image (not available), the
# series-prefixed title, "Working Paper | date", and the "References" heading.
NOT_TEXT = {1, 2, 3, 63}


def source_lines() -> list[str]:
    return SOURCE.read_text(encoding="utf-8").split("\n")


def test_there_are_42_paragraphs_numbered_in_reading_order(edition):
    assert [p.number for p in edition.paragraphs] == list(range(1, 43))
    lines = [p.source_line for p in edition.paragraphs]
    assert lines == sorted(lines) and len(set(lines)) == 42
    assert len({p.id for p in edition.paragraphs}) == 42


def test_reverting_errata_gives_each_paragraph_exactly(edition):
    lines = source_lines()
    for paragraph in edition.paragraphs:
        assert reverted(edition.segments(paragraph.id)) == lines[paragraph.source_line - 1], paragraph.id


def test_reverting_errata_gives_abstract_caption_headings_and_references(edition):
    lines = source_lines()
    assert reverted(edition.segments("abstract")) == lines[edition.paper.abstract_source_line - 1]
    for figure in edition.figures:
        assert f"[{figure.label}] {reverted(edition.segments(figure.id))}" == lines[figure.source_line - 1]
    for section in edition.sections:
        assert f"{section.label}. {reverted(edition.segments(section.id))}" == lines[section.source_line - 1]
        for sub in section.subsections:
            assert f"{sub.number}. {reverted(edition.segments(sub.id))}" == lines[sub.source_line - 1]
    assert len(edition.references) == 10
    for ref in edition.references:
        assert reverted(edition.segments(ref.id)) == lines[ref.source_line - 1]


def test_corrected_text_differs_from_source_only_where_errata_say(edition):
    lines = source_lines()
    for paragraph in edition.paragraphs:
        expected = lines[paragraph.source_line - 1]
        for erratum in edition.errata_by_target.get(paragraph.id, []):
            expected = expected.replace(erratum.original, erratum.corrected)
        assert edition.text(paragraph.id) == expected


def test_every_line_of_the_paper_is_in_the_edition_once(edition):
    """Nothing missing or duplicated: the edition's texts cover lines 1-76 exactly."""
    paper = edition.paper
    covered = [
        paper.author.name_source_line,
        paper.author.affiliation_source_line,
        paper.abstract_source_line,
        paper.author.note_source_line,
        paper.credits_source_line,
        paper.contact_source_line,
    ]
    for section in edition.sections:
        covered.append(section.source_line)
        covered += [sub.source_line for sub in section.subsections]
    covered += [p.source_line for p in edition.paragraphs]
    covered += [f.source_line for f in edition.figures]
    covered += [r.source_line for r in edition.references]
    assert sorted(covered) == sorted(set(covered)), "a line is used twice"
    assert set(covered) | NOT_TEXT == set(PAPER_LINES)


def test_metadata_values_are_on_their_source_lines(edition):
    lines = source_lines()
    paper = edition.paper
    assert paper.title in lines[paper.title_source_line - 1]
    assert lines[paper.type_date_source_line - 1] == f"{paper.type} | {paper.date}"
    assert lines[paper.author.name_source_line - 1] == paper.author.name
    assert lines[paper.author.affiliation_source_line - 1] == paper.author.affiliation
    assert lines[paper.author.note_source_line - 1] == paper.author.note
    for part in (paper.author.position, paper.author.department, paper.author.university):
        assert part in paper.author.note
    assert lines[paper.credits_source_line - 1] == paper.credits
    assert lines[paper.contact_source_line - 1] == paper.contact
    assert lines[paper.centre_source_line - 1] == paper.centre
    assert lines[paper.programme_source_line - 1] == paper.programme
    assert f"[{paper.series.title}] {paper.series.printed} {paper.title}" == lines[paper.title_source_line - 1]


def test_provenance_copy_is_the_shared_source_verbatim():
    """The copy in data/source/ is byte-for-byte what the publisher's page gave (checked by its digest)."""
    import hashlib

    digest = hashlib.sha256(SOURCE.read_bytes()).hexdigest()
    assert digest == RECORDED_DIGEST


# Recorded when the source was copied in; a changed digest means the provenance copy was edited.
RECORDED_DIGEST = "0e20304f66c3fa0ee472504f22c183d923a07e444d21c99c7078c6e73d3bb1a1"
