"""The print edition: the whole paper on one page, for printing or saving as PDF.

Paragraph numbers stay (they are what a reader cites); the theme's navigation, sidebars and footer
are hidden by its print stylesheet and by this page's front matter; external link URLs are printed by
docs/stylesheets/print.css. The page is left out of search: its text is the section pages' text.
"""

from __future__ import annotations

from .. import records as r
from .. import urls
from ..cite_styles import paper_citation_text
from ..escape import esc, md_text
from ..model import ABSTRACT_ID, part_label
from .common import Context
from .paper import figure_block, heading


def render(ctx: Context) -> dict[str, str]:
    return {urls.PRINT: print_page(ctx)}


def print_page(ctx: Context) -> str:
    edition = ctx.edition
    paper = edition.paper
    src = urls.PRINT
    lines = [
        "---",
        "hide:",
        "  - navigation",
        "  - toc",
        "search:",
        "  exclude: true",
        "---",
        "",
        f'<p class="print-citation"><span class="editorial-label">Cite as:</span> '
        f"{esc(paper_citation_text(edition))}</p>",
        "",
        f'# <span class="author-words" data-source-line="{paper.title_source_line}">{md_text(paper.title)}</span>',
        "",
        f'<p class="byline"><span class="author">{esc(paper.author.name)}</span>, {esc(paper.author.affiliation)} · '
        f'{esc(paper.publisher)}, <time datetime="{esc(paper.date)}">{esc(paper.date)}</time></p>',
        "",
        '<p class="editorial">Editor’s note: the full text of the paper on one page, for printing. Paragraph '
        f'numbers (¶) are the edition’s; corrections are marked † and listed on the page '
        f'<a href="{esc(ctx.href(src, urls.ABOUT, urls.ERRATA_ANCHOR))}">About this edition</a>.</p>',
        "",
        f"## Abstract {{#{urls.ABSTRACT_ANCHOR}}}",
        "",
        f'<p class="abstract author-words" data-source-line="{paper.abstract_source_line}">'
        f"{ctx.text_html(src, ABSTRACT_ID, abbreviations=False)}</p>",
        "",
    ]
    for section in edition.sections:
        for subsection, items in section.groups():
            if subsection is None:
                title = f"## {md_text(section.label)}. {heading(ctx, src, section.id)}"
                anchor = urls.heading_anchor(section.id)
            else:
                title = f"### {md_text(part_label(section, subsection))} {heading(ctx, src, subsection.id)}"
                anchor = urls.heading_anchor(subsection.id)
            lines += [f"{title} {{#{anchor}}}", ""]
            lines += paragraphs(ctx, src, items)
    lines += [f"## References {{#{urls.PRINT_REFERENCES_ANCHOR}}}", "", '<ul class="reference-list">']
    for ref in edition.references:
        lines.append(
            f'<li id="{urls.reference_anchor(ref.id)}">{ctx.author_words(src, ref.id, abbreviations=False)}</li>'
        )
    lines += ["</ul>", ""]
    return "\n".join(lines)


def paragraphs(ctx: Context, src: str, items: list[r.Paragraph]) -> list[str]:
    lines = []
    for paragraph in items:
        anchor = urls.paragraph_anchor(paragraph.id)
        lines += [
            # para--deferred: rendered when it nears the viewport (edition.css, "Long pages").
            f'<div class="para para--deferred" id="{anchor}">',
            f'<a class="para-num" href="#{anchor}">¶{paragraph.number}</a>',
            # No abbreviation tooltips here: paper cannot show them, and on a phone each one costs the theme's
            # script work when the page loads (the section pages and the glossary explain every abbreviation).
            f'<p class="para-text author-words" data-source-line="{paragraph.source_line}">'
            f"{ctx.text_html(src, paragraph.id, abbreviations=False)}</p>",
            "</div>",
            "",
        ]
        for figure in ctx.edition.figures_after.get(paragraph.id, []):
            lines += [figure_block(ctx, src, figure, note_label=False), ""]
    return lines
