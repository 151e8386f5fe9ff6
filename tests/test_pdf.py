"""The PDF edition, read back with real tools: pdftotext and pdfinfo (Debian's poppler-utils) and pypdf.

Text comparison: `pdftotext -raw` (content order, so no column guessing and no de-hyphenation of its own)
over the text block of each page, which leaves out the running heads, the footer and the ¶ numbers in the
margin. Only line breaking is then undone, and exactly so. A line breaks either at a space, which the break
replaces, or right after a hyphen, en dash, em dash or slash. So: a page break counts as a line break; a line
break (with the spaces around it) not right after one of those marks becomes one space; and after one of those
marks the expected text may show a line break where it has its space or where it has nothing ("U.S.- China"
matches "U.S.-⏎China", and so does "U.S.-China"). Nothing else is changed, and the PDF sets no automatic
hyphenation (pdf.css `hyphens: manual`), so no hyphen has to be guessed away.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pypdf import PdfReader

from edition import editions, urls
from edition.model import ABSTRACT_ID, part_label
from edition.paths import ROOT

from .helpers import SITE_URL

pytestmark = pytest.mark.slow

# The text block of an A4 page in points (pdf.css: margins 24 mm top, 22 mm bottom, left and right),
# widened by 2 pt on each side so that no glyph at the edge is cut.
TEXT_BLOCK = {"-x": 60, "-y": 66, "-W": 476, "-H": 716}
# The address the test build uses (mkdocs.yml's preview address unless SITE_URL is set).
PREVIEW_URL = SITE_URL


def tool(*command: str) -> str:
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def pdf_path(built_site) -> Path:
    path = built_site / urls.PDF
    assert path.is_file(), f"the build wrote no {urls.PDF}"
    return path


@pytest.fixture(scope="module")
def reader(pdf_path) -> PdfReader:
    return PdfReader(pdf_path)


BREAK_AFTER = "-–—/"


def unbreak(text: str) -> str:
    """Line breaks as spaces, except those right after a mark a line may break after (see the docstring)."""
    text = re.sub(r"[ \t]*\f[ \t]*", "\n", text)
    # One break however many empty lines (a page's last line, the form feed, the next page's first line).
    text = re.sub(r"[ \t]*\n(?:[ \t]*\n)*", "\n", text)
    return re.sub(rf"(?<![{BREAK_AFTER}])\n[ \t]*", " ", text)


def pattern(expected: str) -> re.Pattern:
    """The expected text, allowing a line break after a mark where it has a space or nothing."""
    parts, i = [], 0
    while i < len(expected):
        char = expected[i]
        if char in BREAK_AFTER and expected[i + 1 : i + 2] == " ":
            parts.append(re.escape(char) + "[ \n]")
            i += 2
        elif char in BREAK_AFTER:
            parts.append(re.escape(char) + "\n?")
            i += 1
        else:
            parts.append(re.escape(char))
            i += 1
    return re.compile("".join(parts))


def found(text: str, expected: str, start: int = 0) -> int:
    """Where the expected words are in the text read back (-1 if nowhere)."""
    match = pattern(expected).search(text, start)
    return match.start() if match else -1


@pytest.fixture(scope="module")
def body_text(pdf_path) -> str:
    crop = [part for key, value in TEXT_BLOCK.items() for part in (key, str(value))]
    return unbreak(tool("pdftotext", "-raw", "-enc", "UTF-8", *crop, str(pdf_path), "-"))


def test_all_42_paragraphs_are_in_the_pdf_verbatim_in_order(edition, body_text):
    assert len(edition.paragraphs) == 42
    position = 0
    for paragraph in edition.paragraphs:
        where = found(body_text, edition.text(paragraph.id), position)
        assert where != -1, f"¶{paragraph.number} ({paragraph.id}) is not in the PDF as the edition reads it"
        position = where + 1


def test_abstract_headings_caption_and_references_are_in_the_pdf(edition, body_text):
    expected = [edition.text(ABSTRACT_ID)]
    for section in edition.sections:
        expected.append(f"{section.label}. {edition.text(section.id)}")
        expected += [f"{part_label(section, sub)} {edition.text(sub.id)}" for sub in section.subsections]
    for figure in edition.figures:
        expected += [f"[{figure.label}] {edition.text(figure.id)}", figure.note]
    expected += [edition.text(reference.id) for reference in edition.references]
    for words in expected:
        assert found(body_text, words) != -1, words


def test_every_erratum_and_query_is_in_the_apparatus(edition, body_text):
    apparatus = body_text[body_text.rindex("Errata Where the source is clearly wrong") :]
    for erratum in edition.errata:
        for words in (erratum.reason, erratum.original, erratum.corrected):
            assert found(apparatus, words) != -1, (erratum.id, words)
    for item in edition.withdrawn:
        assert found(apparatus, item.reason) != -1, item.id
    for query in edition.queries:
        assert found(apparatus, query.query) != -1, query.id


def test_metadata(edition, pdf_path, reader):
    info = dict(line.split(":", 1) for line in tool("pdfinfo", str(pdf_path)).splitlines() if ":" in line)
    info = {key: value.strip() for key, value in info.items()}
    paper = edition.paper
    assert info["Title"] == paper.title
    assert info["Author"] == paper.author.name
    assert info["Subject"].startswith(
        f"{paper.type}, {paper.series.title} (no. {paper.series.number}), {paper.publisher}"
    )
    assert info["Subject"].endswith(f"{editions.label(edition.current)}.")
    assert "economic cooperation" in info["Keywords"]
    assert info["Tagged"] == "yes"
    assert info["Page size"].startswith("595.276 x 841.89")
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == paper.language
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in catalog
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    xmp = catalog["/Metadata"].get_object().get_data().decode("utf-8")
    assert 'pdfuaid:part="1"' in xmp
    # The document's dates are the edition's date, not the clock's.
    date = edition.current.date.replace("-", "")
    assert reader.metadata["/CreationDate"].startswith(f"D:{date}") and reader.metadata["/ModDate"].startswith(
        f"D:{date}"
    )


def outline(reader: PdfReader, items=None) -> list:
    """[(title, page number, [children])] from the PDF's bookmarks."""
    out: list = []
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            out[-1][2].extend(outline(reader, item))
        else:
            out.append((item.title, reader.get_destination_page_number(item) + 1, []))
    return out


def test_bookmarks_for_every_section_and_subsection(edition, reader):
    found = outline(reader)
    expected = [("Abstract", []), ("Contents", [])]
    for section in edition.sections:
        children = [f"{part_label(section, s)} {edition.text(s.id)}" for s in section.subsections]
        expected.append((f"{section.label}. {edition.text(section.id)}", children))
    expected += [(title, []) for title in ("References", "Errata", "Editor’s queries", "Editorial notes")]
    assert [(title, [child[0] for child in children]) for title, _page, children in found] == expected
    # Each bookmark opens the page that shows its heading.
    for title, page, children in found:
        for heading, heading_page, _ in [(title, page, [])] + children:
            assert heading in unbreak(reader.pages[heading_page - 1].extract_text()), heading


def paragraph_links(reader: PdfReader) -> list[tuple[int, str]]:
    """(page number, URI) of every link to a web page."""
    links = []
    for number, page in enumerate(reader.pages, 1):
        for annotation in page.get("/Annots", []):
            action = annotation.get_object().get("/A", {})
            if "/URI" in action:
                links.append((number, str(action["/URI"])))
    return links


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.ids.update(value for name, value in attrs if name == "id" and value)


def test_every_paragraph_number_links_to_its_web_url_and_the_target_exists(edition, reader, built_site):
    uris = [uri for _page, uri in paragraph_links(reader)]
    for paragraph in edition.paragraphs:
        section = edition.place[paragraph.id].section
        expected = urls.absolute_url(PREVIEW_URL, urls.section_page(section.id), urls.paragraph_anchor(paragraph.id))
        assert uris.count(expected) == 1, f"¶{paragraph.number}: {expected}"
    ids_of: dict[str, set[str]] = {}
    for uri in uris:
        assert uri.startswith(PREVIEW_URL), uri
        parts = urlsplit(uri)
        page = built_site / parts.path.lstrip("/") / "index.html"
        assert page.is_file(), f"{uri}: no page on the site"
        if parts.fragment:
            if page not in ids_of:
                parser = _Ids()
                parser.feed(page.read_text(encoding="utf-8"))
                ids_of[page] = parser.ids
            assert parts.fragment in ids_of[page], f"{uri}: no element with that id"


def test_running_heads_page_numbers_and_the_edition_in_every_footer(edition, pdf_path, reader):
    stamp = editions.label(edition.current)
    pages = tool("pdftotext", "-layout", "-enc", "UTF-8", str(pdf_path), "-").split("\f")[: len(reader.pages)]
    for number, text in enumerate(pages, 1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert stamp in lines[-1], f"page {number}: footer {lines[-1]!r}"
        if number > 1:
            assert lines[0].startswith("Lee 2025") and lines[0].endswith(str(number)), f"page {number}: {lines[0]!r}"
    section_iv = next(s for s in edition.sections if s.label == "IV")
    page_iv = next(page for title, page, _ in outline(reader) if title == f"IV. {edition.text(section_iv.id)}")
    assert re.match(r"Lee 2025, §IV\s+\d+$", pages[page_iv - 1].strip().splitlines()[0])


def render(out: Path, epoch: str) -> bytes:
    env = dict(os.environ, SOURCE_DATE_EPOCH=epoch)
    subprocess.run(
        [sys.executable, "-m", "edition.pdf", str(out), "--site-url", PREVIEW_URL],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    return out.read_bytes()


def test_the_pdf_is_deterministic(tmp_path, pdf_path):
    # Rendered afresh (no cache) twice, under two different SOURCE_DATE_EPOCHs: the PDF's dates come from
    # data/edition.yml, so even those agree; and the build's (cached) copy is the same file.
    first = render(tmp_path / "a.pdf", "1741737600")
    second = render(tmp_path / "b.pdf", "1767225600")
    assert first == second
    assert first == pdf_path.read_bytes()
