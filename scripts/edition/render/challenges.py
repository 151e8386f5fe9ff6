"""Challenges: their index, one page per challenge, and the challenge × cooperation area matrix."""

from __future__ import annotations

from .. import records as r
from .. import urls
from ..escape import esc, md_text
from .blocks import html_block, index_page, link, proposal_list, quotes_section, sourced_summary
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


def matrix(ctx: Context) -> str:
    src = urls.MATRIX
    edition = ctx.edition
    header = "".join(f'<th scope="col">{link(ctx, src, urls.area_page(a.id), a.title)}</th>' for a in edition.areas)
    rows = []
    for challenge in edition.challenges:
        cells = []
        for area in edition.areas:
            both = [p for p in edition.proposals_by_challenge[challenge.id] if p.area == area.id]
            cells.append(
                "<td>" + ("<br>".join(link(ctx, src, urls.proposal_page(p.id), p.title) for p in both)) + "</td>"
            )
        rows.append(
            f'<tr><th scope="row">{link(ctx, src, urls.challenge_page(challenge.id), challenge.title)}</th>{"".join(cells)}</tr>'
        )
    lines = [
        "# Challenges × cooperation areas",
        "",
        '<p class="editorial">Each cell lists the proposals that answer the challenge (row) within the '
        "cooperation area (column), as the editor classifies them.</p>",
        "",
        html_block(
            [
                '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">',
                '<table class="matrix">',
                "<caption>Proposals by challenge and cooperation area</caption>",
                f'<thead><tr><th scope="col">Challenge</th>{header}</tr></thead>',
                "<tbody>",
                *rows,
                "</tbody></table></div></div>",
            ]
        ),
    ]
    return "\n".join(lines)
