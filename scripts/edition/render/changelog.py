"""The changelog: every numbered edition (data/edition.yml), newest first, with what changed in its text layer
and the redirects that renamed ids left behind."""

from __future__ import annotations

from .. import editions, urls
from .. import records as r
from ..escape import esc
from .common import Context

CHANGE_WORDS = {
    "first-edition": "First edition",
    "erratum-added": "Erratum added",
    "erratum-withdrawn": "Erratum withdrawn",
    "erratum-revised": "Erratum revised",
    "query-added": "Query added",
    "query-withdrawn": "Query withdrawn",
    "query-revised": "Query revised",
    "proposal-added": "Proposal added",
    "proposal-withdrawn": "Proposal withdrawn",
    "proposal-reclassified": "Proposal re-classified",
    "proposal-revised": "Proposal revised",
    "record-added": "Record added",
    "record-withdrawn": "Record withdrawn",
    "record-revised": "Record revised",
    "id-renamed": "Id renamed",
}


def render(ctx: Context) -> dict[str, str]:
    return {urls.CHANGELOG: page(ctx)}


def page(ctx: Context) -> str:
    src = urls.CHANGELOG
    current = ctx.edition.current
    lines = [
        "# Changelog",
        "",
        '<p class="editorial"><span class="editorial-label">Editor’s note:</span> the edition is numbered. A new '
        "edition is made whenever its text layer changes: a correction added or withdrawn, a proposal added or "
        "re-classified, a quotation or summary revised, an id renamed. The paper’s own words never change; what "
        f"a citation’s URL shows can. This is {esc(editions.label(current))}; its number and date are in every "
        "page’s footer, in every citation format (as the version), in the PDF and in each page’s metadata. "
        "Cite the edition you read.</p>",
        "",
    ]
    for numbered in reversed(ctx.edition.numbered):
        lines += edition_entry(ctx, src, numbered)
    return "\n".join(lines)


def edition_entry(ctx: Context, src: str, numbered: r.NumberedEdition) -> list[str]:
    lines = [
        f"## {esc(editions.label(numbered))} {{#{urls.edition_anchor(numbered.number)}}}",
        "",
        '<ul class="changes">',
    ]
    for change in numbered.changes:
        lines.append(f"<li>{change_line(ctx, src, change)}</li>")
    return lines + ["</ul>", ""]


def change_line(ctx: Context, src: str, change: r.Change) -> str:
    words = f"<strong>{esc(CHANGE_WORDS[change.kind])}</strong>"
    names = ", ".join(
        record_link(ctx, src, record_id, not change.kind.endswith("-withdrawn")) for record_id in change.ids
    )
    if change.kind == "id-renamed" and change.renamed_from:
        names = f"<code>{esc(change.renamed_from)}</code> → {names} (the old address leads to the new one)"
    return f"{words}{': ' + names if names else ''}. {esc(change.note)}"


def record_link(ctx: Context, src: str, record_id: str, linked: bool) -> str:
    """A record's id, linked to where it is shown (withdrawn records are no longer anywhere)."""
    target = where(ctx, record_id) if linked else None
    if target is None:
        return f"<code>{esc(record_id)}</code>"
    page, anchor = target
    return f'<a href="{esc(ctx.href(src, page, anchor))}"><code>{esc(record_id)}</code></a>'


def where(ctx: Context, record_id: str) -> tuple[str, str] | None:
    edition = ctx.edition
    kind = editions.record_kinds(edition).get(record_id)
    if kind in editions.PAGE_OF_KIND:
        return editions.PAGE_OF_KIND[kind](record_id), ""
    if kind == "paragraph":
        return urls.section_page(edition.place[record_id].section.id), urls.paragraph_anchor(record_id)
    if kind in ("section", "subsection"):
        return urls.section_page(edition.section_of[record_id].id), urls.heading_anchor(record_id)
    if kind == "erratum":
        return urls.ABOUT, urls.erratum_anchor(record_id)
    if kind == "query":
        return urls.ABOUT, urls.query_anchor(record_id)
    if kind == "reference":
        return urls.REFERENCES, urls.reference_anchor(record_id)
    if kind == "term":
        return urls.GLOSSARY, urls.term_anchor(record_id)
    if kind == "event":
        return urls.TIMELINE, urls.event_anchor(record_id)
    return None
