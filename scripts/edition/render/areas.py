"""Cooperation areas: their index with the 3P frame, and one page per area."""

from __future__ import annotations

from .. import records as r
from .. import urls
from ..escape import esc, md_text
from ..model import pinpoint
from .blocks import (
    html_block,
    index_page,
    link,
    proposal_list,
    quote_block,
    quotes_section,
    sourced_summary,
    three_p_names,
)
from .common import Context

# The editor's words for the paper's three pillars.
PILLAR_LABELS = {
    "direction": "The direction of cooperation",
    "de-globalization": "Cooperation against de-globalization",
    "shrinking": "Cooperation against shrinking",
    "north-korea": "Future development cooperation in North Korea",
}


def areas_index(ctx: Context) -> str:
    src = urls.AREAS
    edition = ctx.edition
    items = []
    for area in edition.areas:
        section = edition.section_of[area.part]
        anchor = urls.heading_anchor(area.part)
        items.append(
            f"<li>{link(ctx, src, urls.area_page(area.id), area.title)} — "
            f"{esc(PILLAR_LABELS[area.pillar])}; in the paper: "
            f"{link(ctx, src, urls.section_page(section.id), _part_label(ctx, area.part), anchor)}</li>"
        )
    lines = index_page("Cooperation areas", "The areas of cooperation, following the structure of the paper.", items)
    lines += [f"## The 3P frame {{#{urls.THREE_P_ANCHOR}}}", ""]
    for item in edition.three_p:
        lines += [
            f"### {md_text(item.title)} {{#{urls.three_p_anchor(item.id)}}}",
            "",
            sourced_summary(ctx, src, item),
            "",
        ]
        lines += [quote_block(ctx, src, quote) for quote in item.quotes] + [""]
    return "\n".join(lines)


def _part_label(ctx: Context, part_id: str) -> str:
    """A section or subsection as a link's words, e.g. '§IV.1 Supply chains'."""
    return f"{pinpoint(ctx.edition.part_label(part_id))} {ctx.edition.text(part_id)}"


def area_page(ctx: Context, area: r.Area) -> str:
    src = urls.area_page(area.id)
    edition = ctx.edition
    section = edition.section_of[area.part]
    facts = [
        (
            "In the paper",
            link(ctx, src, urls.section_page(section.id), _part_label(ctx, area.part), urls.heading_anchor(area.part)),
        ),
        ("Pillar", esc(PILLAR_LABELS[area.pillar])),
        ("3P frame", esc(three_p_names(ctx, area.three_p))),
    ]
    lines = [
        f"# {md_text(area.title)}",
        "",
        sourced_summary(ctx, src, area),
        "",
        html_block(['<dl class="record-facts">'] + [f"<dt>{n}</dt><dd>{v}</dd>" for n, v in facts] + ["</dl>"]),
    ]
    lines += quotes_section(ctx, src, area.quotes)
    lines += [
        f"## Proposals {{#{urls.PROPOSALS_ANCHOR}}}",
        "",
        proposal_list(ctx, src, edition.proposals_by_area[area.id]),
        "",
    ]
    lines.append(f'<p data-search-exclude>{link(ctx, src, urls.AREAS, "All cooperation areas")}</p>')
    return "\n".join(lines) + "\n"
