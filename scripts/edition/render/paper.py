"""The paper itself: the home page (front matter, abstract, contents) and one page per section."""

from __future__ import annotations

from collections.abc import Callable

from .. import records as r
from .. import urls
from ..cite_styles import paper_citation_text
from ..escape import esc, md_attr, md_text
from ..model import ABSTRACT_ID, part_label
from .backlinks import paragraph_backlinks
from .common import Context
from .map_page import glance


def render(ctx: Context) -> dict[str, str]:
    pages = {urls.HOME: home(ctx)}
    for section in ctx.edition.sections:
        pages[urls.section_page(section.id)] = section_page(ctx, section)
    return pages


def home(ctx: Context) -> str:
    """The title page: where to start reading, the abstract and the contents (on a phone the contents first, the
    abstract folded), the argument map at a glance, and how to cite."""
    paper = ctx.edition.paper
    src = urls.HOME
    lines = [
        f"# {printed_words(paper.title, paper.title_source_line, md_text)}",
        "",
        '<div class="front-matter">',
        f'<p class="byline">{printed_words(paper.author.name, paper.author.name_source_line, esc, "author")}, '
        f"{printed_words(paper.author.affiliation, paper.author.affiliation_source_line)}</p>",
        f'<p class="series">{esc(paper.type)} · {esc(paper.series.title)} (no. {paper.series.number}) · '
        f"{esc(paper.publisher)}, {esc(paper.centre)} · "
        f'<time datetime="{esc(paper.date)}">{esc(paper.date)}</time></p>',
        "</div>",
        "",
        start_links(ctx, src),
        "",
        # The abstract and the contents share a column; on a phone the stylesheet puts the contents first and the
        # abstract folds (its summary shows only there).
        '<div class="home-front" markdown="1">',
        '<div class="home-front__abstract" markdown="1">',
        "",
        f"## Abstract {{#{urls.ABSTRACT_ANCHOR}}}",
        "",
        '<details class="abstract-fold quiet-fold" open><summary>Show or hide the abstract</summary>',
        f'<p class="abstract author-words" data-source-line="{paper.abstract_source_line}">'
        f"{ctx.text_html(src, ABSTRACT_ID)}</p>",
        "</details>",
        # Folded on a phone from the start; without JavaScript it stays open.
        "<script>matchMedia(\"(max-width: 44.9375em)\").matches&&(document.currentScript.previousElementSibling.open=!1)</script>",
        "",
        "</div>",
        '<div class="home-front__contents" markdown="1">',
        "",
        f"## Contents {{#{urls.CONTENTS_ANCHOR}}}",
        "",
    ]
    lines += contents(ctx, src)
    lines += ["", "</div>", "</div>", ""]
    if ctx.edition.proposals:
        lines += [f"## The argument map at a glance {{#{urls.GLANCE_ANCHOR}}}", "", glance(ctx, src)]
    lines += [
        "",
        f"## How to cite {{#{urls.HOW_TO_CITE_ANCHOR}}}",
        "",
        f'<p class="citation">{esc(paper_citation_text(ctx.edition))}</p>',
        "",
        f'<p>Every format (Chicago, APA, MLA, BibTeX, RIS, CSL-JSON), for the paper, each section and each paragraph, '
        f'and the downloads: <a href="{esc(ctx.href(src, urls.CITE))}">Data and citation</a>. To cite one paragraph, '
        "follow its “Cite” link; its ¶ number is its address.</p>",
        "",
        '<p class="editorial">This is a reference edition of the paper as the publisher\'s web page shows it. '
        f'Each paragraph has a number (¶) and a URL of its own. Corrections are marked † and listed, with the '
        f'original wording, on the page <a href="{esc(ctx.href(src, urls.ABOUT))}">About this edition</a>; the switch '
        "<strong>As printed</strong> in the header shows the text exactly as the publisher printed it. "
        f'How the edition reads the paper: <a href="{esc(ctx.href(src, urls.METHOD))}">Editorial method</a>.</p>',
        "",
    ]
    return "\n".join(lines)


def start_links(ctx: Context, src: str) -> str:
    """The three ways in: read from the start, the argument map, how to cite."""
    edition = ctx.edition
    links = []
    if edition.sections:
        first = edition.sections[0]
        href = ctx.href(src, urls.section_page(first.id))
        links.append(
            f'<a class="md-button md-button--primary" href="{esc(href)}">Start reading: {esc(first.label)}. '
            f"{ctx.author_words(src, first.id, markers=False, abbreviations=False)}</a>"
        )
    if edition.proposals:
        links.append(f'<a class="md-button" href="{esc(ctx.href(src, urls.MAP))}">The argument map</a>')
    links.append(f'<a class="md-button" href="#{urls.HOW_TO_CITE_ANCHOR}">How to cite</a>')
    return f'<p class="home-start">{" ".join(links)}</p>'


def contents(ctx: Context, src: str) -> list[str]:
    """The sections and subsections as a nested list of links."""
    edition = ctx.edition
    # An erratum marker is a link, and a link inside a link is invalid HTML: markers follow the title's link.
    lines = ['<ol class="contents">']
    for section in edition.sections:
        href = ctx.href(src, urls.section_page(section.id))
        lines.append(f"<li>{title_link(ctx, src, href, f'{section.label}.', section.id)}")
        if section.subsections:
            lines.append("<ol>")
            for subsection in section.subsections:
                sub_href = ctx.href(src, urls.section_page(section.id), urls.heading_anchor(subsection.id))
                lines.append(
                    f"<li>{title_link(ctx, src, sub_href, part_label(section, subsection), subsection.id)}</li>"
                )
            lines.append("</ol>")
        lines.append("</li>")
    lines.append("</ol>")
    return lines


def printed_words(text: str, line: int, escape: Callable[[str], str] = esc, css_class: str = "") -> str:
    """Front-matter words printed on a source line, marked as the author's."""
    classes = f"author-words {css_class}".strip()
    return f'<span class="{classes}" data-source-line="{line}">{escape(text)}</span>'


def title_link(ctx: Context, src: str, href: str, label: str, target_id: str) -> str:
    """A link to a heading with its title's words, corrections shown but their markers after the link."""
    return (
        f'<a href="{esc(href)}">{esc(label)} {ctx.author_words(src, target_id, markers=False, abbreviations=False)}</a>'
        + ctx.markers_html(src, ctx.edition.segments(target_id))
    )


def section_page(ctx: Context, section: r.Section) -> str:
    src = urls.section_page(section.id)
    edition = ctx.edition
    # The table of contents is an attribute, where nothing can be marked: it gives the printed words.
    lines = [
        f"# {md_text(section.label)}. {heading(ctx, src, section.id)} {{#{urls.heading_anchor(section.id)} "
        f'data-toc-label="{md_attr(section.label + ". " + edition.printed(section.id))}"}}',
        "",
    ]
    cite = ctx.href(src, urls.cite_page(section.id), urls.CITE_SECTION_ANCHOR)
    lines += [f'<p class="section-cite"><a href="{esc(cite)}">Cite this section or one of its paragraphs</a></p>', ""]
    for subsection, items in section.groups():
        if subsection is not None:
            label = part_label(section, subsection)
            lines += [
                f"## {md_text(label)} {heading(ctx, src, subsection.id)} {{#{urls.heading_anchor(subsection.id)} "
                f'data-toc-label="{md_attr(label + " " + edition.printed(subsection.id))}"}}',
                "",
            ]
        lines += paragraphs(ctx, src, items)
    return "\n".join(lines)


def heading(ctx: Context, src: str, target_id: str) -> str:
    """A heading's words in Markdown, marked as the author's: corrections in both readings with a linked
    marker, queried words with theirs."""
    parts = []
    for segment in ctx.edition.segments(target_id):
        if segment.erratum:
            parts.append(ctx.correction(segment, md_text(segment.text), md_text(segment.original)))
            parts.append(ctx.erratum_marker(src, segment.erratum))
        elif segment.query:
            parts.append(f'<span class="queried">{md_text(segment.text)}</span>{ctx.query_marker(src, segment.query)}')
        else:
            parts.append(md_text(segment.text))
    line = ctx.edition.source_line(target_id)
    return f'<span class="author-words" data-source-line="{line}">{"".join(parts)}</span>'


def paragraphs(ctx: Context, src: str, items: list[r.Paragraph]) -> list[str]:
    lines = []
    for paragraph in items:
        lines += [paragraph_block(ctx, src, paragraph), ""]
        for figure in ctx.edition.figures_after.get(paragraph.id, []):
            lines += [figure_block(ctx, src, figure), ""]
    return lines


def paragraph_block(ctx: Context, src: str, paragraph: r.Paragraph) -> str:
    """One paragraph as a raw HTML block: its text is escaped here, so Markdown never reinterprets it."""
    anchor = urls.paragraph_anchor(paragraph.id)
    place = ctx.edition.place[paragraph.id]
    # The pinpoint as the link's name, not a title: the theme mounts a script tooltip on every titled element
    # when a page loads (see Context.paragraph_link).
    number = (
        f'<a class="para-num" href="#{anchor}" '
        f'aria-label="Link to this paragraph: {esc(ctx.edition.paragraph_pinpoint(paragraph.id))}">'
        f"¶{paragraph.number}</a>"
    )
    cite = ctx.href(src, urls.cite_page(place.section.id), anchor)
    parts = [
        f'<div class="para" id="{anchor}">',
        number,
        f'<a class="para-cite" href="{esc(cite)}" aria-label="Cite ¶{paragraph.number}">Cite</a>',
        f'<p class="para-text author-words" data-source-line="{paragraph.source_line}">{ctx.text_html(src, paragraph.id)}</p>',
    ]
    links = paragraph_backlinks(ctx, src, paragraph.id)
    if links:
        parts.append(links)
    parts.append("</div>")
    return "\n".join(parts)


def figure_block(ctx: Context, src: str, figure: r.Figure, note_label: bool = True) -> str:
    """A figure's caption and the editor's note on it. The print edition writes the note's label as plain
    words (note_label=False), as it does for its other notes."""
    lead = '<span class="editorial-label">Editor’s note:</span>' if note_label else "Editor’s note:"
    return "\n".join(
        [
            f'<figure class="figure-placeholder" id="{urls.figure_anchor(figure.id)}">',
            f'<figcaption><span class="figure-label">[{esc(figure.label)}]</span> '
            f'<span class="author-words" data-source-line="{figure.source_line}">{ctx.text_html(src, figure.id)}</span></figcaption>',
            f'<p class="editorial">{lead} {esc(figure.note)}</p>',
            "</figure>",
        ]
    )
