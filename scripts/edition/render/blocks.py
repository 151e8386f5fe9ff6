"""Pieces the argument map's pages share: links, the author's quotations, the editor's summaries, record lists."""

from __future__ import annotations

from typing import Any

from .. import records as r
from .. import urls
from ..escape import esc
from .common import Context


def link(ctx: Context, src: str, page: str, text: str, anchor: str = "") -> str:
    return f'<a href="{esc(ctx.href(src, page, anchor))}">{esc(text)}</a>'


def quote_block(ctx: Context, src: str, quote: r.Quote) -> str:
    """The author's printed words, corrections inside them marked: a quotation carrying its ¶ link."""
    place = ctx.edition.place[quote.paragraph]
    return (
        f'<blockquote class="author-quote" cite="{esc(ctx.paragraph_url(src, quote.paragraph))}">'
        f"<p>“{ctx.author_words(src, quote.paragraph, quote.text)}”</p>"
        f'<p class="author-quote__source">— {esc(ctx.edition.paper.author.name)}, {esc(place.pinpoint)}, '
        f"{ctx.paragraph_link(src, quote.paragraph)}</p></blockquote>"
    )


def quotes_section(ctx: Context, src: str, quotes: list[r.Quote], heading: str = "In the paper’s words") -> list[str]:
    lines = [f"## {heading} {{#{urls.QUOTES_ANCHOR}}}", ""]
    lines += [quote_block(ctx, src, quote) for quote in quotes]
    return lines + [""]


def summary(text: str, label: str = "Editor’s summary") -> str:
    return f'<p class="editorial"><span class="editorial-label">{label}:</span> {esc(text)}</p>'


def sourced_summary(
    ctx: Context,
    src: str,
    record: Any,  # any record with `sources` and `general`, and a `summary` unless `text` is given
    label: str = "Editor’s summary",
    text: str | None = None,
) -> str:
    """The editor's text with the paragraphs it rests on, then anything from general knowledge, labelled."""
    text = record.summary if text is None else text
    parts = [
        f'<p class="editorial"><span class="editorial-label">{label}</span> '
        f'<span class="editorial-sources">(from {paragraph_links(ctx, src, record.sources)})</span>: {esc(text)}</p>'
    ]
    if record.general:
        parts.append(
            '<p class="editorial editorial--general"><span class="editorial-label">Editor’s general knowledge</span> '
            f"(not from the paper): {esc(record.general)}</p>"
        )
    return "".join(parts)


def expansion_note(expansion: str, by: str | None, line: int | None = None) -> str:
    """An expansion with who gives it; the paper's own is marked as the author's words."""
    if by == "paper":
        words = (
            f'<span class="author-words" data-source-line="{line}">{esc(expansion)}</span>' if line else esc(expansion)
        )
        return f'{words} <span class="record-kind">(as the paper gives it)</span>'
    return f'{esc(expansion)} <span class="record-kind">(editor’s expansion; the paper does not print it)</span>'


def proposal_list(ctx: Context, src: str, proposals: list[r.Proposal]) -> str:
    if not proposals:
        return "<p>None.</p>"
    items = "".join(f"<li>{link(ctx, src, urls.proposal_page(p.id), p.title)}</li>" for p in proposals)
    # Titles of other pages: a search for a proposal's words should land on the proposal, not on each list.
    return f'<ul class="record-list" data-search-exclude>{items}</ul>'


def paragraph_links(ctx: Context, src: str, paragraph_ids: list[str]) -> str:
    seen: list[str] = []
    for paragraph_id in paragraph_ids:
        if paragraph_id not in seen:
            seen.append(paragraph_id)
    return ", ".join(ctx.paragraph_link(src, paragraph_id) for paragraph_id in seen)


def three_p_names(ctx: Context, ids: list[r.ThreePId]) -> str:
    return ", ".join(ctx.edition.three_p_by_id[i].title for i in ids) or "—"


def index_page(title: str, intro: str, items: list[str], list_class: str = "record-list") -> list[str]:
    """An index of records: heading, the editor's note on what it lists, one list item per record."""
    return [
        f"# {title}",
        "",
        f'<p class="editorial">{intro}</p>',
        "",
        html_block([f'<ul class="{list_class}">', *items, "</ul>"]),
    ]


def html_block(lines: list[str]) -> str:
    """A raw HTML block for Markdown: no blank lines inside, one after."""
    return "\n".join(lines) + "\n"


def counted(count: int, singular: str, plural: str = "") -> str:
    """'1 proposal', '29 proposals'."""
    return f"{count} {singular if count == 1 else plural or singular + 's'}"
