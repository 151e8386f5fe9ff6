"""The argument map: proposals, challenges, cooperation areas, actors, glossary and timeline pages."""

from __future__ import annotations

from .. import urls
from .common import Context, esc

# The kinds of records a paragraph can be cited by, with how the small links under it are labelled.
BACKLINK_KINDS = (
    ("proposals", "Proposals", urls.proposal_page),
    ("challenges", "Challenges", urls.challenge_page),
    ("areas", "Areas", urls.area_page),
)


def render(ctx: Context) -> dict[str, str]:
    return {}


def paragraph_backlinks(ctx: Context, src: str, paragraph_id: str) -> str:
    cited = ctx.edition.cited_by.get(paragraph_id)
    if not cited:
        return ""
    groups = []
    for kind, label, page in BACKLINK_KINDS:
        records = cited.get(kind, [])
        if records:
            links = ", ".join(
                f'<a href="{esc(ctx.href(src, page(record.id)))}">{esc(record.title)}</a>' for record in records
            )
            groups.append(f'<span class="para-links__group"><span class="para-links__label">{label}:</span> {links}</span>')
    terms = cited.get("terms", [])
    if terms:
        links = ", ".join(
            f'<a href="{esc(ctx.href(src, urls.GLOSSARY, urls.term_anchor(term.id)))}">{esc(term.term)}</a>'
            for term in terms
        )
        groups.append(f'<span class="para-links__group"><span class="para-links__label">Terms:</span> {links}</span>')
    if not groups:
        return ""
    return '<p class="para-links">' + " ".join(groups) + "</p>"
