"""The glossary: terms and abbreviations, the editor's definitions, and where each occurs."""

from __future__ import annotations

from .. import records as r
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
    groups: dict[str, list[str]] = {}
    for term in sorted(edition.terms, key=lambda t: t.term.casefold()):
        groups.setdefault(letter_of(term.term), []).append(entry(ctx, src, term))
    lines += [az_bar(list(groups)), ""]
    # Every letter has its anchor, whether or not a term starts with it today, so that a link to one keeps working
    # when terms change: a letter without terms is an empty mark before the next letter that has some.
    waiting: list[str] = []
    for letter in [OTHER, *ALPHABET]:
        if letter not in groups:
            waiting.append(f'<span id="{urls.letter_anchor(letter_key(letter))}"></span>')
            continue
        if waiting:
            lines += ["".join(waiting), ""]
            waiting = []
        lines += [f"## {letter} {{#{urls.letter_anchor(letter_key(letter))}}}", ""]
        lines.append(html_block(['<dl class="glossary">', *groups[letter], "</dl>"]))
    if waiting:
        lines += ["".join(waiting), ""]
    return "\n".join(lines)


# Terms that do not start with a letter of A-Z are grouped under one heading, first.
OTHER = "0–9"
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def letter_of(term: str) -> str:
    first = term[:1].upper()
    return first if first in ALPHABET else OTHER


def letter_key(letter: str) -> str:
    return "0-9" if letter == OTHER else letter


def az_bar(present: list[str]) -> str:
    """A–Z: a link for each letter that has terms; the others are shown, greyed, so the bar keeps its shape."""
    cells = []
    for letter in ([OTHER] if OTHER in present else []) + list(ALPHABET):
        if letter in present:
            cells.append(f'<a href="#{urls.letter_anchor(letter_key(letter))}">{letter}</a>')
        else:
            cells.append(f'<span class="az-bar__none">{letter}</span>')
    return f'<nav class="az-bar" aria-label="Glossary by first letter" data-search-exclude>{"".join(cells)}</nav>'


def entry(ctx: Context, src: str, term: r.Term) -> str:
    edition = ctx.edition
    parts = [f'<dt id="{urls.term_anchor(term.id)}">{esc(term.term)}</dt><dd>']
    if term.expansion:
        line = edition.source_line(term.defined_at.paragraph) if term.defined_at else None
        parts.append(f'<p class="glossary-expansion">{expansion_note(term.expansion, term.expansion_by, line)}</p>')
    parts.append(sourced_summary(ctx, src, term, "Editor’s definition", term.definition))
    if term.defined_at:
        parts.append(quote_block(ctx, src, term.defined_at))
    parts.append(occurrences(ctx, src, edition.term_paragraphs[term.id]) + "</dd>")
    return "".join(parts)


# A term found in more paragraphs than this is listed by its first ones and its count; search finds
# the rest. It keeps the glossary from growing with terms x paragraphs.
MAX_OCCURRENCES_LISTED = 20


def occurrences(ctx: Context, src: str, paragraph_ids: list[str]) -> str:
    if len(paragraph_ids) <= MAX_OCCURRENCES_LISTED:
        return f'<p class="glossary-occurs">Occurs in: {paragraph_links(ctx, src, paragraph_ids)}</p>'
    shown = paragraph_links(ctx, src, paragraph_ids[:MAX_OCCURRENCES_LISTED])
    return (
        f'<p class="glossary-occurs">Occurs in {len(paragraph_ids)} paragraphs, the first {MAX_OCCURRENCES_LISTED} '
        f"of them: {shown}, …</p>"
    )
