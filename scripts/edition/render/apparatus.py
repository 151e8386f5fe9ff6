"""The edition's apparatus: the reference list and the page about the edition (source, method, errata)."""

from __future__ import annotations

from .. import urls
from ..escape import esc
from ..model import ABSTRACT_ID
from . import references
from .common import Context
from .method import ERRATUM_KINDS, QUERY_KINDS, policy_list


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
    lines += (
        source(ctx) + method(ctx, src) + errata_policy() + errata(ctx, src) + withdrawn(ctx, src) + queries(ctx, src)
    )
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


def method(ctx: Context, src: str) -> list[str]:
    return [
        f"## Editorial method {{#{urls.METHOD_ANCHOR}}}",
        "",
        '<div class="editorial">',
        "<ul>",
        "<li>The text is the publisher’s, word for word. Paragraph numbers (¶1–¶"
        f"{len(ctx.edition.paragraphs)}) and anchors are the editor’s, so that every paragraph can be cited by URL.</li>",
        "<li>Where the printed text is wrong by the errata policy below, the corrected reading is shown with a † that "
        "links to the erratum, which gives the printed words. The switch <strong>As printed</strong> in the header "
        "shows every page’s text exactly as printed.</li>",
        "<li>Where the editor is not sure, the text is left as printed and an editor’s query, marked ?, is listed "
        "below.</li>",
        "<li>Figure 1 is not reproduced: the source holds only its caption.</li>",
        "<li>Summaries, definitions and labels that are not the author’s are marked as the editor’s, with the "
        "paragraphs they rest on; the editor’s general knowledge is labelled as such.</li>",
        "</ul>",
        f'<p>The policies in full, with the counts and how each is checked: <a href="{esc(ctx.href(src, urls.METHOD))}">'
        "Editorial method</a>.</p>",
        "</div>",
        "",
    ]


def errata_policy() -> list[str]:
    return [
        f"## Errata policy {{#{urls.ERRATA_POLICY_ANCHOR}}}",
        "",
        f'<div class="editorial">{policy_list()}</div>',
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
            f"<td>{printed(ctx, erratum.target, erratum.original)}"
            f"{_times(erratum.occurrences)}</td>"
            f"<td>{esc(erratum.corrected)}</td><td>{esc(ERRATUM_KINDS[erratum.kind])}</td>"
            f"<td>{esc(erratum.reason)}</td></tr>"
        )
    return lines + ["</tbody>", "</table>", ""]


def withdrawn(ctx: Context, src: str) -> list[str]:
    """Corrections the errata policy no longer allows: each keeps its number and anchor, and names its query."""
    if not ctx.edition.withdrawn:
        return []
    lines = [
        f"## Withdrawn corrections {{#{urls.WITHDRAWN_ANCHOR}}}",
        "",
        '<p class="editorial">Corrections the edition once made and the errata policy does not allow. The text '
        "now keeps the printed reading; each number stays here, with the query that took its place.</p>",
        "",
        '<dl class="withdrawn">',
    ]
    for item in ctx.edition.withdrawn:
        lines.append(
            f'<dt id="{urls.erratum_anchor(item.id)}">{esc(item.id)} — withdrawn; now query '
            f'<a href="#{urls.query_anchor(item.now)}">{esc(item.now)}</a></dt>'
            f"<dd>{target_link(ctx, src, item.target)}: the source reads {printed(ctx, item.target, item.original)}, "
            f"which the edition had corrected to “{esc(item.corrected)}”. {esc(item.reason)}</dd>"
        )
    return lines + ["</dl>", ""]


def queries(ctx: Context, src: str) -> list[str]:
    lines = [f"## Editor’s queries {{#{urls.QUERIES_ANCHOR}}}", ""]
    lines.append(
        '<p class="editorial">Points where the source may be wrong but the editor cannot tell from the paper '
        "alone. The text is left as printed; the words a query is about are marked ? in the text, except citations "
        "of works the reference list lacks, which their citation link flags.</p>"
    )
    formerly = {w.now: w.id for w in ctx.edition.withdrawn}
    lines += ["", '<dl class="queries">']
    for query in ctx.edition.queries:
        was = f" (formerly correction {esc(formerly[query.id])})" if query.id in formerly else ""
        lines.append(
            f'<dt id="{urls.query_anchor(query.id)}">{esc(query.id)} · {target_link(ctx, src, query.target)}: '
            f"“{ctx.author_words(src, query.target, query.text, abbreviations=False, markers=False)}”"
            f' <span class="record-kind">({esc(QUERY_KINDS[query.kind])}){was}</span></dt><dd>{esc(query.query)}</dd>'
        )
    lines += ["</dl>", ""]
    return lines


def printed(ctx: Context, target_id: str, words: str) -> str:
    """Printed words of a target, in the source's type, marked as the author's."""
    return (
        f'<span class="source-reading author-words" data-source-line="{ctx.edition.source_line(target_id)}">'
        f"{esc(words)}</span>"
    )


def _times(count: int) -> str:
    return f" (×{count})" if count > 1 else ""
