"""The edition's apparatus: the reference list and the page about the edition (source, method, errata)."""

from __future__ import annotations

from .. import urls
from ..escape import esc
from ..model import ABSTRACT_ID
from . import references
from .common import Context


def render(ctx: Context) -> dict[str, str]:
    # The references page has its own module: CSL entries, backlinks and notes on inconsistencies.
    return {urls.REFERENCES: references.page(ctx), urls.ABOUT: about(ctx)}


def target_link(ctx: Context, src: str, target_id: str) -> str:
    """A link to the spot an erratum or query is about."""
    edition = ctx.edition
    if target_id in edition.paragraph:
        return ctx.paragraph_link(src, target_id)
    if target_id == ABSTRACT_ID:
        return f'<a href="{esc(ctx.href(src, urls.HOME, urls.ABSTRACT_ANCHOR))}">Abstract</a>'
    if target_id in edition.reference:
        return f'<a href="{esc(ctx.href(src, urls.REFERENCES, urls.reference_anchor(target_id)))}">Reference list</a>'
    if target_id in edition.figure:
        figure = edition.figure[target_id]
        section = edition.place[figure.after].section
        href = ctx.href(src, urls.section_page(section.id), urls.figure_anchor(target_id))
        return f'<a href="{esc(href)}">{esc(figure.label)}</a>'
    section = edition.section_of[target_id]
    href = ctx.href(src, urls.section_page(section.id), urls.heading_anchor(target_id))
    return f'<a href="{esc(href)}">Heading {esc(edition.part_label(target_id))}</a>'


def about(ctx: Context) -> str:
    src = urls.ABOUT
    lines = ["# About this edition", ""]
    lines += source(ctx) + method(ctx) + errata(ctx, src) + queries(ctx, src)
    return "\n".join(lines)


def source(ctx: Context) -> list[str]:
    paper = ctx.edition.paper
    return [
        f"## The source {{#{urls.SOURCE_ANCHOR}}}",
        "",
        '<div class="editorial">',
        f"<p>This edition reproduces the text of {esc(paper.author.name)}, “{esc(paper.title)}”, "
        f"{esc(paper.type)}, {esc(paper.series.title)} (no. {paper.series.number}), {esc(paper.publisher)}, "
        f"{esc(paper.centre)}, {esc(paper.date)}, as the publisher’s web page shows it. "
        f"The paper belongs to the programme {esc(paper.programme)}.</p>",
        "<p>A verbatim copy of that page’s text is kept with the edition’s data (<code>data/source/</code>) as its "
        "provenance record. Every paragraph, heading, the abstract, the figure caption and every reference "
        "is checked against it, word for word, each time the site is built.</p>",
        f"<p>{esc(paper.author.note)}</p>",
        f"<p>{esc(paper.credits)}</p>",
        f"<p>{esc(paper.contact)}</p>",
        "</div>",
        "",
    ]


def method(ctx: Context) -> list[str]:
    return [
        f"## Editorial method {{#{urls.METHOD_ANCHOR}}}",
        "",
        '<div class="editorial">',
        "<ul>",
        "<li>The text is the publisher’s, word for word. Paragraph numbers (¶1–¶"
        f"{len(ctx.edition.paragraphs)}) and anchors are the editor’s, so that every paragraph can be cited by URL.</li>",
        "<li>Where the source is clearly wrong, the corrected reading is shown with a † that links to the "
        "erratum below, which gives the original wording. Nothing else in the text is changed.</li>",
        "<li>Where the editor is not sure, the text is left as printed and an editor’s query is listed below.</li>",
        "<li>Figure 1 is not reproduced: the source holds only its caption.</li>",
        "<li>Summaries, definitions and labels that are not the author’s are marked as the editor’s.</li>",
        "</ul>",
        "</div>",
        "",
    ]


def errata(ctx: Context, src: str) -> list[str]:
    lines = [
        f"## Errata {{#{urls.ERRATA_ANCHOR}}}",
        "",
        '<table class="errata">',
        "<thead><tr><th scope=\"col\">No.</th><th scope=\"col\">Where</th><th scope=\"col\">Source reads</th>"
        "<th scope=\"col\">Corrected to</th><th scope=\"col\">Kind</th><th scope=\"col\">Reason</th></tr></thead>",
        "<tbody>",
    ]
    for erratum in ctx.edition.errata:
        lines.append(
            f'<tr id="{urls.erratum_anchor(erratum.id)}"><td>{esc(erratum.id)}</td>'
            f"<td>{target_link(ctx, src, erratum.target)}</td>"
            f'<td><span class="source-reading">{esc(erratum.original)}</span>'
            f"{_times(erratum.occurrences)}</td>"
            f"<td>{esc(erratum.corrected)}</td><td>{esc(erratum.kind.replace('-', ' '))}</td>"
            f"<td>{esc(erratum.reason)}</td></tr>"
        )
    return lines + ["</tbody>", "</table>", ""]


def queries(ctx: Context, src: str) -> list[str]:
    lines = [f"## Editor’s queries {{#{urls.QUERIES_ANCHOR}}}", ""]
    lines.append(
        '<p class="editorial">Points where the source may be wrong but the editor cannot tell from the paper '
        "alone. The text is left as printed.</p>"
    )
    lines += ["", '<dl class="queries">']
    for query in ctx.edition.queries:
        lines.append(
            f'<dt id="{urls.query_anchor(query.id)}">{esc(query.id)} · {target_link(ctx, src, query.target)}: '
            f"“{esc(query.text)}”</dt><dd>{esc(query.query)}</dd>"
        )
    lines += ["</dl>", ""]
    return lines


def _times(count: int) -> str:
    return f" (×{count})" if count > 1 else ""
