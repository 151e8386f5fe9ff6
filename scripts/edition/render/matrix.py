"""The challenge × cooperation area matrix: a grid on a wide screen, a list per challenge on a phone.

Each cell counts the proposals that answer the challenge (row) within the area (column) and links to each;
its shade grows with the count (SHADES steps, relative to the fullest cell). Columns are headed by the part of
the paper each area follows (§IV.1 …), short enough for a grid, with the area's title under it.
"""

from __future__ import annotations

from .. import records as r
from .. import urls
from ..escape import esc
from ..model import Edition, pinpoint
from .blocks import html_block, link
from .common import Context

# The proposals of each (challenge id, area id) pair that has any.
Cells = dict[tuple[str, str], list[r.Proposal]]

# Shades of a cell: 0 (empty) to SHADES (the fullest cell). Four steps stay distinct in both colour schemes.
SHADES = 4


def cells(edition: Edition) -> Cells:
    """The proposals of each (challenge, area) pair, in the data's order."""
    found: Cells = {}
    for challenge in edition.challenges:
        for proposal in edition.proposals_by_challenge[challenge.id]:
            found.setdefault((challenge.id, proposal.area), []).append(proposal)
    return found


def shade(count: int, fullest: int) -> int:
    """0 for an empty cell; otherwise 1..SHADES, in proportion to the fullest cell."""
    if count == 0:
        return 0
    return max(1, round(SHADES * count / max(fullest, 1)))


def matrix(ctx: Context) -> str:
    src = urls.MATRIX
    edition = ctx.edition
    found = cells(edition)
    fullest = max((len(p) for p in found.values()), default=0)
    lines = [
        # The grid needs the width of the table of contents, which would list nothing.
        "---",
        "hide:",
        "  - toc",
        "---",
        "",
        "# Matrix: challenges × cooperation areas",
        "",
        '<p class="editorial">Each cell counts the proposals that answer the challenge (row) within the cooperation '
        "area (column), as the editor classifies them, and links to each; the darker the cell, the more proposals. "
        "A proposal that answers several challenges is counted in each of their rows. Columns are headed by the part "
        f'of the paper each area follows. The same in a drawing: <a href="{esc(ctx.href(src, urls.MAP))}">the argument '
        "at a glance</a>.</p>",
        "",
        html_block(grid(ctx, src, found, fullest)),
        html_block(phone_list(ctx, src, found)),
    ]
    return "\n".join(lines)


def area_heading(ctx: Context, src: str, area: r.Area) -> str:
    part = pinpoint(ctx.edition.part_label(area.part))
    return (
        f'<a href="{esc(ctx.href(src, urls.area_page(area.id)))}"><span class="matrix__part">{esc(part)}</span> '
        f'<span class="matrix__area">{esc(area.title)}</span></a>'
    )


def grid(ctx: Context, src: str, found: Cells, fullest: int) -> list[str]:
    edition = ctx.edition
    header = "".join(f'<th scope="col">{area_heading(ctx, src, area)}</th>' for area in edition.areas)
    rows = []
    for challenge in edition.challenges:
        row = [f'<th scope="row">{link(ctx, src, urls.challenge_page(challenge.id), challenge.title)}</th>']
        for area in edition.areas:
            proposals = found.get((challenge.id, area.id), [])
            if not proposals:
                row.append('<td class="matrix__cell matrix__cell--0"></td>')
                continue
            links = "".join(f"<li>{link(ctx, src, urls.proposal_page(p.id), p.title)}</li>" for p in proposals)
            noun = "proposal" if len(proposals) == 1 else "proposals"
            row.append(
                f'<td class="matrix__cell matrix__cell--{shade(len(proposals), fullest)}">'
                f'<span class="matrix__count">{len(proposals)}<span class="visually-hidden"> {noun}</span></span>'
                f'<ul class="matrix__links">{links}</ul></td>'
            )
        rows.append("<tr>" + "".join(row) + "</tr>")
    return [
        # Left out of search: the proposals are found on their own pages.
        '<div class="matrix-grid md-typeset__scrollwrap edition-scroll" role="region" tabindex="0" '
        'aria-label="Proposals by challenge and cooperation area" data-search-exclude><div class="md-typeset__table">',
        '<table class="matrix edition-table edition-table--grid">',
        "<caption>Proposals by challenge (rows) and cooperation area (columns)</caption>",
        f'<thead><tr><th scope="col">Challenge</th>{header}</tr></thead>',
        "<tbody>",
        *rows,
        "</tbody></table></div></div>",
    ]


def phone_list(ctx: Context, src: str, found: Cells) -> list[str]:
    """On a phone: each challenge, then its areas with their proposals."""
    edition = ctx.edition
    items = []
    for challenge in edition.challenges:
        groups = []
        for area in edition.areas:
            proposals = found.get((challenge.id, area.id), [])
            if proposals:
                links = "".join(f"<li>{link(ctx, src, urls.proposal_page(p.id), p.title)}</li>" for p in proposals)
                groups.append(
                    f"<li>{link(ctx, src, urls.area_page(area.id), area.title)} "
                    f'<span class="matrix-list__count">({len(proposals)})</span><ul>{links}</ul></li>'
                )
        total = len(edition.proposals_by_challenge[challenge.id])
        items.append(
            f'<li class="matrix-list__challenge">{link(ctx, src, urls.challenge_page(challenge.id), challenge.title)} '
            f'<span class="matrix-list__count">({total} proposals)</span><ul class="matrix-list__areas">{"".join(groups)}</ul></li>'
        )
    # Excluded from search on a <div> that holds no other <div>: Material's search parser matches an excluded
    # element's end by its tag name alone, so an excluded list with lists inside it would end at the first inner one.
    return ['<div class="matrix-list" data-search-exclude><ul>', *items, "</ul></div>"]
