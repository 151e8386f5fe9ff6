"""The references page: the paper's list formatted by a CSL engine, the works the text cites but the list
omits, and for each entry the paragraphs that cite it and the editor's notes on inconsistencies."""

from __future__ import annotations

from .. import records as r
from .. import urls
from ..cite_styles import STYLE_LONG_NAMES, styled
from ..escape import esc
from ..intext_citations import Cite, Work, former_work_ids, printed_year
from .common import Context
from .intext import pieces

STYLE = "chicago"
STYLE_NAME = "Chicago author-date"


def page(ctx: Context) -> str:
    src = urls.REFERENCES
    cites = ctx.edition.citations
    lines = [
        "# References",
        "",
        '<div class="editorial">',
        f"<p><span class=\"editorial-label\">Editor’s note:</span> the paper’s reference list, in its order, formatted "
        f"in {STYLE_LONG_NAMES[STYLE]} by a CSL engine (citeproc-js, the engine Zotero uses). Under each entry: the paragraphs that cite it, the "
        "entry as the paper prints it, and the editor’s notes. Works that the text cites but the list omits follow "
        "in a group of their own, with only the author and year the text gives.</p>",
        "</div>",
        "",
        f"## The paper’s reference list ({len(cites.listed)} works) {{#{urls.LISTED_ANCHOR}}}",
        "",
        '<ol class="reference-list">',
    ]
    for work in cites.listed:
        if work.reference is not None:
            lines.append(listed_entry(ctx, src, work, work.reference))
    lines += [
        "</ol>",
        "",
        f"## Cited in the text, not in the reference list ({len(cites.unlisted)} works) {{#{urls.UNLISTED_ANCHOR}}}",
        "",
        '<p class="editorial"><span class="editorial-label">Editor’s note:</span> the paper names these works only by '
        "author and year. The edition adds no title, publisher or address that the paper does not give.</p>",
        "",
        '<ol class="reference-list reference-list--unlisted">',
    ]
    for work in cites.unlisted:
        lines.append(unlisted_entry(ctx, src, work))
    lines += ["</ol>", ""]
    return "\n".join(lines)


def listed_entry(ctx: Context, src: str, work: Work, ref: r.Reference) -> str:
    parts = [
        f'<li id="{urls.reference_anchor(work.id)}" class="reference">',
        f'<p class="reference-entry">{styled(ctx.edition).reference_html(ref.id)}</p>',
        cited_in(ctx, src, work),
        f'<p class="reference-printed"><span class="reference-printed__label">As printed:</span> '
        f"{ctx.author_words(src, ref.id, abbreviations=False)}</p>",
    ]
    parts += notes(ctx, src, work)
    parts.append("</li>")
    return "\n".join(part for part in parts if part)


def unlisted_entry(ctx: Context, src: str, work: Work) -> str:
    parts = [
        f'<li id="{urls.reference_anchor(work.id)}" class="reference reference--unlisted">',
        # Published anchors of the ids this work had before a correction was withdrawn keep working.
        *(
            f'<span id="{urls.reference_anchor(old)}"></span>'
            for old in former_work_ids(ctx.edition.withdrawn, ctx.edition.citations).get(work.id, [])
        ),
        f'<p class="reference-entry">{esc(work.author)} {esc(work.year or "")}</p>',
        cited_in(ctx, src, work),
    ]
    parts += notes(ctx, src, work)
    parts.append("</li>")
    return "\n".join(parts)


def cited_in(ctx: Context, src: str, work: Work) -> str:
    paragraphs = ctx.edition.citations.cited_in.get(work.id, [])
    if not paragraphs:
        return '<p class="reference-cited">Not cited in the text.</p>'
    links = ", ".join(ctx.paragraph_link(src, paragraph_id) for paragraph_id in paragraphs)
    return f'<p class="reference-cited">Cited in {links}</p>'


def work_cites(ctx: Context, work: Work) -> list[Cite]:
    return [cite for cite in ctx.edition.citations.all_cites() if cite.work.id == work.id]


def notes(ctx: Context, src: str, work: Work) -> list[str]:
    """The editor's notes on a work: inconsistencies between text and list, corrections, queries."""
    edition = ctx.edition
    found: list[str] = []
    cites = work_cites(ctx, work)
    if work.reference and not cites:
        found.append("Listed in the paper’s references but cited nowhere in the text.")
    for cite in cites:
        where = ctx.paragraph_link(src, cite.paragraph_id)
        if cite.mismatch:
            found.append(
                f"The text cites this entry as “{esc(cite.found.key)}” ({where}), but the list prints "
                + ("no year." if work.year is None else f"“{esc(work.key)}”.")
            )
        for erratum in corrections_in(ctx, cite):
            href = ctx.href(src, urls.ABOUT, urls.erratum_anchor(erratum.id))
            found.append(
                f"In {where} the text prints “{esc(erratum.original)}”; the edition reads “{esc(erratum.corrected)}” "
                f'(<a href="{esc(href)}">correction {esc(erratum.id)}</a>).'
            )
        for query in edition.queries_by_target.get(cite.paragraph_id, []):
            if query.text in cite.found.key:
                found.append(f"{esc(query.query)} ({where}, {query_link(ctx, src, query.id)})")
    if work.reference:
        found += letter_note(ctx, work.reference)
        for query in edition.queries_by_target.get(work.reference.id, []):
            found.append(f"{esc(query.query)} ({query_link(ctx, src, query.id)})")
    return [
        f'<p class="reference-note editorial"><span class="editorial-label">Editor’s note:</span> {note}</p>'
        for note in found
    ]


def query_link(ctx: Context, src: str, query_id: str) -> str:
    href = ctx.href(src, urls.ABOUT, urls.query_anchor(query_id))
    return f'<a href="{esc(href)}">query {esc(query_id)}</a>'


def corrections_in(ctx: Context, cite: Cite) -> list:
    """The corrections whose words fall inside a citation."""
    errata = []
    for piece in pieces(ctx.edition.segments(cite.paragraph_id), [cite]):
        if piece.cite is cite and piece.segment.erratum and piece.segment.erratum not in errata:
            errata.append(piece.segment.erratum)
    return errata


def letter_note(ctx: Context, ref: r.Reference) -> list[str]:
    """Where the style letters a work (2023c) other than the paper does (2023a): say so, and say why."""
    printed, styled_as = printed_year(ref), styled(ctx.edition).letter(ref.id)
    if not styled_as or not printed or styled_as == printed:  # an undated entry has no letter to compare
        return []
    href = ctx.href(urls.REFERENCES, urls.CITE, "letters")
    return [
        f"The paper letters this work “{esc(printed)}”. {STYLE_NAME} orders works of one author and year by title "
        f"and letters them in that order, so the entry above, like any CSL processor formatting the downloads, reads "
        f"“{esc(styled_as)}”; the text’s “{esc(printed)}” links here, and the downloads keep “{esc(printed)}” in the "
        f'entry’s key and note (<a href="{esc(href)}">about the letters</a>).'
    ]
