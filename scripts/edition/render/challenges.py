"""Challenges: their index and one page per challenge (the challenge × area matrix is in matrix.py)."""

from __future__ import annotations

from .. import records as r
from .. import urls
from ..escape import esc, md_text
from .blocks import index_page, link, proposal_list, quotes_section, sourced_summary
from .common import Context


def challenges_index(ctx: Context) -> str:
    src = urls.CHALLENGES
    edition = ctx.edition
    items = [
        f"<li>{link(ctx, src, urls.challenge_page(c.id), c.title)} — {esc(c.summary)} "
        f"({len(edition.proposals_by_challenge[c.id])} proposals)</li>"
        for c in edition.challenges
    ]
    intro = (
        "The challenges the paper names, as the editor groups them. "
        "Each page quotes the paper and lists the proposals that answer the challenge."
    )
    return "\n".join(index_page("Challenges", intro, items))


def challenge_page(ctx: Context, challenge: r.Challenge) -> str:
    src = urls.challenge_page(challenge.id)
    edition = ctx.edition
    proposals = edition.proposals_by_challenge[challenge.id]
    areas = []
    for proposal in proposals:
        if proposal.area not in areas:
            areas.append(proposal.area)
    lines = [f"# {md_text(challenge.title)}", "", sourced_summary(ctx, src, challenge), ""]
    lines += quotes_section(ctx, src, challenge.quotes)
    lines += [f"## Proposals that answer it {{#{urls.PROPOSALS_ANCHOR}}}", "", proposal_list(ctx, src, proposals), ""]
    area_links = ", ".join(link(ctx, src, urls.area_page(a), edition.area[a].title) for a in areas)
    lines += [
        f"## Cooperation areas {{#{urls.AREAS_ANCHOR}}}",
        "",
        f"<p data-search-exclude>{area_links or 'None.'}</p>",
        "",
    ]
    lines.append(
        f'<p data-search-exclude>{link(ctx, src, urls.CHALLENGES, "All challenges")} · {link(ctx, src, urls.MATRIX, "Challenges × areas")}</p>'
    )
    return "\n".join(lines) + "\n"
