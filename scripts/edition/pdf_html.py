"""The PDF edition as one HTML document, from the model: pure, the Edition and the site's address in, text out.

WeasyPrint (pdf.py) typesets it with pdf.css. The text is the corrected reading, word for word and in one
run per paragraph: a corrected word is underlined and linked to its erratum, and the correction is spelled
out on a line of its own after the paragraph, so the paragraph's words are never interrupted by a mark
(pdftotext reads them back verbatim; tests/test_pdf.py). Each ¶ number links to the paragraph's web URL.
"""

from __future__ import annotations

from . import editions, urls
from . import records as r
from .cite_styles import paper_citation_text
from .escape import esc
from .model import ABSTRACT_ID, Edition, part_label, pinpoint
from .render.method import ERRATUM_KINDS

# WeasyPrint reads <title>, <meta name=author|description|keywords> and <html lang> into the PDF's
# document information and XMP metadata.
KEYWORDS = ("Korea-Japan relations", "economic cooperation", "de-globalization", "shrinking", "economic security")
# Anchors inside the PDF for its own apparatus; the web's anchors are ids from data/, so these cannot clash
# (ids never start with "pdf-").
ERRATA_ID = "pdf-errata"
QUERIES_ID = "pdf-queries"
REFERENCES_ID = "pdf-references"
NOTES_ID = "pdf-notes"
CONTENTS_ID = "pdf-contents"


def pdf_erratum_id(erratum_id: str) -> str:
    return f"pdf-{erratum_id}"


def pdf_target_id(target_id: str) -> str:
    """The PDF's own anchor of a paragraph, heading, figure or reference (web anchors are kept for links)."""
    return f"pdf-at-{target_id}"


def document(edition: Edition, site_url: str, stamp: EditionStamp) -> str:
    paper = edition.paper
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{esc(paper.language)}">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{esc(paper.title)}</title>",
        f'<meta name="author" content="{esc(paper.author.name)}">',
        f'<meta name="description" content="{esc(subject(edition, stamp))}">',
        f'<meta name="keywords" content="{esc(", ".join(KEYWORDS))}">',
        f'<meta name="generator" content="{esc(stamp.generator)}">',
        f'<meta name="dcterms.created" content="{esc(stamp.date)}">',
        f'<meta name="dcterms.modified" content="{esc(stamp.date)}">',
        "</head>",
        "<body>",
    ]
    parts += title_page(edition, site_url, stamp)
    parts += contents(edition)
    parts += body(edition, site_url)
    parts += references(edition)
    parts += errata(edition)
    parts += queries(edition)
    parts += notes(edition, site_url, stamp)
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


class EditionStamp:
    """The numbered edition the PDF belongs to (data/edition.yml) and the tool that made it."""

    def __init__(self, numbered: r.NumberedEdition, generator: str) -> None:
        self.date = numbered.date
        self.label = editions.label(numbered)  # "Edition 1 (2026-11-29)"
        self.generator = generator


def subject(edition: Edition, stamp: EditionStamp) -> str:
    paper = edition.paper
    return (
        f"{paper.type}, {paper.series.title} (no. {paper.series.number}), {paper.publisher}, {paper.date}. "
        f"Reference edition with paragraph numbers, corrections and editorial notes; {stamp.label}."
    )


def title_page(edition: Edition, site_url: str, stamp: EditionStamp) -> list[str]:
    paper = edition.paper
    home = urls.absolute_url(site_url, urls.HOME)
    # How the running heads name the paper, "Lee 2025", before the part of it the page is in.
    short = f"{paper.author.family} {paper.date[:4]}"
    return [
        f'<section class="title-page" data-short="{esc(short)}" data-stamp="Reference edition of {esc(short)} · '
        f'{esc(stamp.label)} · {esc(home)}">',
        f'<p class="series">{esc(paper.series.title)} · no. {paper.series.number}</p>',
        f'<h1 class="title">{esc(paper.title)}</h1>',
        f'<p class="author">{esc(paper.author.name)}</p>',
        f'<p class="affiliation">{esc(paper.author.affiliation)}</p>',
        f'<p class="imprint">{esc(paper.type)} · {esc(paper.publisher)}, {esc(paper.centre)} · {esc(paper.date)}</p>',
        '<div class="edition-box">',
        f'<p><strong>Reference edition · {esc(stamp.label)}.</strong> The paper’s text as the publisher’s web '
        f'page shows it, with the edition’s paragraph numbers (¶), corrections and notes. Web edition: '
        f'<a href="{esc(home)}">{esc(home)}</a>. Each ¶ number links to the paragraph on the web.</p>',
        f'<p><span class="label">Cite as:</span> {esc(paper_citation_text(edition))}</p>',
        "</div>",
        f'<h2 class="abstract-heading" id="{urls.ABSTRACT_ANCHOR}">Abstract</h2>',
        f'<p class="abstract">{text_html(edition, ABSTRACT_ID)}</p>',
        corrections_note(edition, ABSTRACT_ID),
        "</section>",
    ]


def contents(edition: Edition) -> list[str]:
    """A contents list whose page numbers WeasyPrint fills in (target-counter in pdf.css)."""
    lines = [f'<nav class="contents" id="{CONTENTS_ID}">', '<h2 class="contents-heading">Contents</h2>', "<ol>"]
    for section in edition.sections:
        lines.append(
            _contents_line(f"{section.label}. {edition.text(section.id)}", pdf_target_id(section.id), "section")
        )
        for subsection in section.subsections:
            label = f"{part_label(section, subsection)} {edition.text(subsection.id)}"
            lines.append(_contents_line(label, pdf_target_id(subsection.id), "subsection"))
    for title, anchor in (
        ("References", REFERENCES_ID),
        ("Errata", ERRATA_ID),
        ("Editor’s queries", QUERIES_ID),
        ("Editorial notes", NOTES_ID),
    ):
        lines.append(_contents_line(title, anchor, "apparatus"))
    return lines + ["</ol>", "</nav>"]


def _contents_line(title: str, anchor: str, kind: str) -> str:
    return f'<li class="{kind}"><a href="#{anchor}">{esc(title)}</a></li>'


def body(edition: Edition, site_url: str) -> list[str]:
    lines: list[str] = []
    for section in edition.sections:
        for subsection, items in section.groups():
            if subsection is None:
                lines.append(
                    f'<h1 class="section" id="{pdf_target_id(section.id)}" data-part="{esc(pinpoint(section.label))}">'
                    f"{esc(section.label)}. {text_html(edition, section.id)}</h1>"
                )
                lines.append(corrections_note(edition, section.id))
            else:
                lines.append(
                    f'<h2 class="subsection" id="{pdf_target_id(subsection.id)}">'
                    f"{esc(part_label(section, subsection))} {text_html(edition, subsection.id)}</h2>"
                )
                lines.append(corrections_note(edition, subsection.id))
            for paragraph in items:
                lines += paragraph_block(edition, site_url, paragraph)
    return [line for line in lines if line]


def paragraph_block(edition: Edition, site_url: str, paragraph: r.Paragraph) -> list[str]:
    place = edition.place[paragraph.id]
    web = urls.absolute_url(site_url, urls.section_page(place.section.id), urls.paragraph_anchor(paragraph.id))
    lines = [
        f'<div class="para" id="{pdf_target_id(paragraph.id)}">',
        f'<a class="para-num" href="{esc(web)}" title="{esc(edition.paragraph_pinpoint(paragraph.id))}">¶{paragraph.number}</a>',
        f'<p class="para-text">{text_html(edition, paragraph.id)}</p>',
        corrections_note(edition, paragraph.id),
        "</div>",
    ]
    for figure in edition.figures_after.get(paragraph.id, []):
        lines += figure_block(edition, figure)
    return [line for line in lines if line]


def figure_block(edition: Edition, figure: r.Figure) -> list[str]:
    return [
        f'<figure class="figure" id="{pdf_target_id(figure.id)}">',
        f'<figcaption><span class="figure-label">[{esc(figure.label)}]</span> {text_html(edition, figure.id)}</figcaption>',
        corrections_note(edition, figure.id),
        f'<p class="editorial"><span class="label">Editor’s note:</span> {esc(figure.note)}</p>',
        "</figure>",
    ]


def text_html(edition: Edition, target_id: str) -> str:
    """The corrected reading as HTML; a corrected run is underlined and links to its erratum."""
    parts = []
    for segment in edition.segments(target_id):
        if segment.erratum:
            parts.append(f'<a class="corrected" href="#{pdf_erratum_id(segment.erratum.id)}">{esc(segment.text)}</a>')
        else:
            parts.append(esc(segment.text))
    return "".join(parts)


def corrections_note(edition: Edition, target_id: str) -> str:
    """The corrections in a text, spelled out after it: "† e4: the source reads “systern”"."""
    found = []
    for segment in edition.segments(target_id):
        erratum = segment.erratum
        if erratum and erratum not in found:
            found.append(erratum)
    if not found:
        return ""
    items = "; ".join(
        f'<a href="#{pdf_erratum_id(e.id)}">{esc(e.id)}</a>: the source reads “{esc(e.original)}”' for e in found
    )
    return f'<p class="corrections"><span aria-hidden="true">† </span>Corrected ({items}).</p>'


def references(edition: Edition) -> list[str]:
    lines = [
        f'<h1 class="apparatus" id="{REFERENCES_ID}">References</h1>',
        '<p class="editorial">The paper’s reference list, in its order and as printed (corrections marked).</p>',
        '<ol class="references">',
    ]
    for ref in edition.references:
        note = corrections_note(edition, ref.id)
        lines.append(f'<li id="{pdf_target_id(ref.id)}">{text_html(edition, ref.id)}{note}</li>')
    return lines + ["</ol>"]


def where(edition: Edition, target_id: str) -> str:
    """Where an erratum or query applies, as a link inside the PDF."""
    if target_id in edition.paragraph:
        label = edition.paragraph_pinpoint(target_id)
    elif target_id == ABSTRACT_ID:
        return '<a href="#abstract">Abstract</a>'
    elif target_id in edition.reference:
        label = "Reference list"
    elif target_id in edition.figure:
        label = edition.figure[target_id].label
    else:
        label = f"Heading {pinpoint(edition.part_label(target_id))}"
    return f'<a href="#{pdf_target_id(target_id)}">{esc(label)}</a>'


def errata(edition: Edition) -> list[str]:
    lines = [
        f'<h1 class="apparatus" id="{ERRATA_ID}">Errata</h1>',
        '<p class="editorial">Where the source is clearly wrong, the text above gives the corrected reading; '
        "this list gives the words as printed. Nothing else in the text is changed.</p>",
        '<table class="errata">',
        "<thead><tr><th>No.</th><th>Where</th><th>Source reads</th><th>Corrected to</th><th>Kind</th>"
        "<th>Reason</th></tr></thead>",
        "<tbody>",
    ]
    for erratum in edition.errata:
        times = f" (×{erratum.occurrences})" if erratum.occurrences > 1 else ""
        lines.append(
            f'<tr id="{pdf_erratum_id(erratum.id)}"><td>{esc(erratum.id)}</td><td>{where(edition, erratum.target)}</td>'
            f"<td>{esc(erratum.original)}{times}</td><td>{esc(erratum.corrected)}</td>"
            f"<td>{esc(ERRATUM_KINDS[erratum.kind])}</td><td>{esc(erratum.reason)}</td></tr>"
        )
    return lines + ["</tbody>", "</table>"] + withdrawn(edition)


def withdrawn(edition: Edition) -> list[str]:
    """Corrections the errata policy no longer allows: the text keeps the printed words; each names its query."""
    if not edition.withdrawn:
        return []
    lines = [
        '<h2 class="apparatus-part">Withdrawn corrections</h2>',
        '<p class="editorial">Corrections the edition once made and its errata policy does not allow. The text '
        "keeps the printed reading; each number stays, with the query that took its place.</p>",
        '<dl class="queries">',
    ]
    for item in edition.withdrawn:
        lines.append(
            f"<dt>{esc(item.id)} · {where(edition, item.target)}: withdrawn; now query {esc(item.now)}</dt>"
            f"<dd>The source reads “{esc(item.original)}”, which the edition had corrected to "
            f"“{esc(item.corrected)}”. {esc(item.reason)}</dd>"
        )
    return lines + ["</dl>"]


def queries(edition: Edition) -> list[str]:
    lines = [
        f'<h1 class="apparatus" id="{QUERIES_ID}">Editor’s queries</h1>',
        '<p class="editorial">Points where the source may be wrong but the editor cannot tell from the paper '
        "alone. The text is left as printed.</p>",
        '<dl class="queries">',
    ]
    for query in edition.queries:
        lines.append(
            f"<dt>{esc(query.id)} · {where(edition, query.target)}: “{esc(query.text)}”</dt><dd>{esc(query.query)}</dd>"
        )
    return lines + ["</dl>"]


def notes(edition: Edition, site_url: str, stamp: EditionStamp) -> list[str]:
    paper = edition.paper
    changelog = urls.absolute_url(site_url, urls.CHANGELOG)
    return [
        f'<h1 class="apparatus" id="{NOTES_ID}">Editorial notes</h1>',
        '<div class="editorial">',
        f"<p>This edition reproduces the text of {esc(paper.author.name)}, “{esc(paper.title)}”, {esc(paper.type)}, "
        f"{esc(paper.series.title)} (no. {paper.series.number}), {esc(paper.publisher)}, {esc(paper.centre)}, "
        f"{esc(paper.date)}, as the publisher’s web page shows it. Every text is checked against a verbatim copy of "
        "that page each time the edition is built.</p>",
        f"<p>Paragraph numbers (¶1–¶{len(edition.paragraphs)}) and section pinpoints (§) are the editor’s and the "
        "same as on the web edition, where each paragraph has a URL of its own.</p>",
        "<p>Where the source is clearly wrong, the corrected reading is given, underlined, and the printed words "
        "follow the paragraph and are listed under Errata. Where the editor is not sure, the text is left as "
        "printed and a query is listed.</p>",
        "<p>Figure 1 is not reproduced: the source holds only its caption.</p>",
        f"<p>{esc(paper.author.note)}</p>",
        f"<p>{esc(paper.credits)}</p>",
        f"<p>{esc(paper.contact)}</p>",
        f'<p>This PDF belongs to {esc(stamp.label)} of the reference edition. What changed from one edition to the '
        f'next: <a href="{esc(changelog)}">{esc(changelog)}</a>.</p>',
        "</div>",
    ]
