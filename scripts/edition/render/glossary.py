"""The glossary: terms and abbreviations, the editor's definitions, and where each occurs."""

from __future__ import annotations

from .. import urls
from ..escape import esc
from .blocks import expansion_note, html_block, paragraph_links, quote_block, sourced_summary
from .common import Context


def glossary(ctx: Context) -> str:
    src = urls.GLOSSARY
    edition = ctx.edition
    lines = [
        "# Glossary and abbreviations",
        "",
        '<p class="editorial">Definitions are the editor’s, each with the paragraphs it rests on; what the paper '
        "does not say is labelled as the editor’s general knowledge. An expansion marked “as the paper gives it” "
        "is the author’s own, as printed; the others are the editor’s, and are labelled so wherever they show.</p>",
        "",
    ]
    entries = []
    for term in sorted(edition.terms, key=lambda t: t.term.casefold()):
        parts = [f'<dt id="{urls.term_anchor(term.id)}">{esc(term.term)}</dt><dd>']
        if term.expansion:
            line = edition.source_line(term.defined_at.paragraph) if term.defined_at else None
            parts.append(f'<p class="glossary-expansion">{expansion_note(term.expansion, term.expansion_by, line)}</p>')
        parts.append(sourced_summary(ctx, src, term, "Editor’s definition", term.definition))
        if term.defined_at:
            parts.append(quote_block(ctx, src, term.defined_at))
        parts.append(occurrences(ctx, src, edition.term_paragraphs[term.id]) + "</dd>")
        entries.append("".join(parts))
    lines.append(html_block(['<dl class="glossary">', *entries, "</dl>"]))
    return "\n".join(lines)


# A term found in more paragraphs than this is listed by its first ones and its count; search finds
# the rest. It keeps the glossary from growing with terms x paragraphs.
MAX_OCCURRENCES_LISTED = 20


def occurrences(ctx: Context, src: str, paragraph_ids: list[str]) -> str:
    if len(paragraph_ids) <= MAX_OCCURRENCES_LISTED:
        return f"<p>Occurs in: {paragraph_links(ctx, src, paragraph_ids)}</p>"
    shown = paragraph_links(ctx, src, paragraph_ids[:MAX_OCCURRENCES_LISTED])
    return f"<p>Occurs in {len(paragraph_ids)} paragraphs, the first {MAX_OCCURRENCES_LISTED} of them: {shown}, …</p>"
