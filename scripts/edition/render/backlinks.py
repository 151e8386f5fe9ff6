"""The small links under each paragraph to the records of the argument map that quote it."""

from __future__ import annotations

from .. import urls
from .blocks import link
from .common import Context

# The kinds of records a paragraph can be cited by, with how the small links under it are labelled.
BACKLINK_KINDS = (
    ("proposals", "Proposals", urls.proposal_page),
    ("challenges", "Challenges", urls.challenge_page),
    ("areas", "Areas", urls.area_page),
)


def paragraph_backlinks(ctx: Context, src: str, paragraph_id: str) -> str:
    cited = ctx.edition.cited_by.get(paragraph_id)
    if not cited:
        return ""
    groups = []
    for kind, label, page in BACKLINK_KINDS:
        records = cited.get(kind, [])
        if records:
            links = ", ".join(link(ctx, src, page(record.id), record.title) for record in records)
            groups.append(
                f'<span class="para-links__group"><span class="para-links__label">{label}:</span> {links}</span>'
            )
    # Abbreviations explain themselves inline and occur almost everywhere; concepts are worth a link.
    terms = [term for term in cited.get("terms", []) if term.kind == "term"]
    if terms:
        links = ", ".join(link(ctx, src, urls.GLOSSARY, term.term, urls.term_anchor(term.id)) for term in terms)
        groups.append(f'<span class="para-links__group"><span class="para-links__label">Terms:</span> {links}</span>')
    if not groups:
        return ""
    return '<p class="para-links" data-search-exclude>' + " ".join(groups) + "</p>"
