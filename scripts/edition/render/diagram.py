"""The argument drawn: challenges → cooperation areas → proposals, as static, accessible SVG made at build time.

No diagram library and no script: the drawing is inline SVG, styled by the site's stylesheet (so it follows the
light and dark schemes), every box a link with its full title, the whole titled and described. Two layouts are
drawn, a wide one and one for phones (at 390 px a scaled-down wide drawing would be unreadable); the stylesheet
shows one (docs/stylesheets/edition.css, "The argument drawn").

Layout: proposals are stacked in the right column, grouped by area in the data's order; each area sits level with
its group; each challenge is placed at the weighted mean height of the areas it is joined to (the barycentre
heuristic, which keeps lines from crossing where it can), then pushed apart so that no two boxes overlap.
A challenge is joined to an area when proposals of that area answer it; the line's width grows with their number.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import urls
from ..escape import esc
from ..model import Edition
from .blocks import counted
from .common import Context
from .matrix import cells


@dataclass(frozen=True)
class Layout:
    name: str
    width: int
    columns: tuple[tuple[int, int], ...]  # (x, width) of the challenge, area and proposal columns
    font: float  # px
    line: float  # px between baselines
    # The average advance of a character, as a share of the font size, for the theme's sans-serif fonts; text is
    # wrapped by this estimate (no font metrics at build time), so it is kept generous.
    char: float = 0.53
    pad: float = 5.0  # inside a box
    gap: float = 7.0  # between boxes of a column
    top: float = 34.0  # room for the column headings
    headings: tuple[str, str, str] = ("Challenges", "Cooperation areas", "Proposals")


WIDE = Layout("wide", 940, ((0, 230), (300, 230), (600, 340)), font=13.0, line=16.0)
NARROW = Layout(
    "narrow",
    360,
    ((0, 100), (118, 94), (230, 130)),
    font=11.0,
    line=13.0,
    pad=4.0,
    gap=6.0,
    top=30.0,
    headings=("Challenges", "Areas", "Proposals"),
)
LAYOUTS = (WIDE, NARROW)


@dataclass
class Box:
    kind: str  # challenge, area, proposal
    id: str
    title: str
    href: str
    lines: list[str]
    x: float
    w: float
    y: float = 0.0
    h: float = 0.0

    @property
    def middle(self) -> float:
        return self.y + self.h / 2


def wrap(text: str, layout: Layout, width: float) -> list[str]:
    """Words into lines that fit `width`, by the estimated character width; a word longer than a line keeps
    a line of its own (words are never split)."""
    most = max(1, int((width - 2 * layout.pad) / (layout.font * layout.char)))
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= most:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def box(layout: Layout, column: int, kind: str, record_id: str, title: str, href: str) -> Box:
    x, w = layout.columns[column]
    lines = wrap(title, layout, w)
    return Box(kind, record_id, title, href, lines, x, w, h=len(lines) * layout.line + 2 * layout.pad)


def spread(boxes: list[Box], wanted: dict[str, float], layout: Layout) -> None:
    """Place boxes in the order of their wanted middles, each as near it as the boxes above allow."""
    floor = layout.top
    for b in sorted(boxes, key=lambda b: wanted[b.id]):
        b.y = max(wanted[b.id] - b.h / 2, floor)
        floor = b.y + b.h + layout.gap


def place(ctx: Context, src: str, layout: Layout) -> tuple[list[Box], list[Box], list[Box], dict]:
    edition = ctx.edition
    pairs = cells(edition)
    proposals, areas = [], []
    y = layout.top
    for area in edition.areas:
        group = []
        for proposal in edition.proposals_by_area[area.id]:
            b = box(layout, 2, "proposal", proposal.id, proposal.title, ctx.href(src, urls.proposal_page(proposal.id)))
            b.y, y = y, y + b.h + layout.gap
            group.append(b)
        a = box(layout, 1, "area", area.id, area.title, ctx.href(src, urls.area_page(area.id)))
        a.y = (group[0].y + group[-1].y + group[-1].h) / 2 - a.h / 2 if group else y
        proposals += group
        areas.append(a)
    spread(areas, {a.id: a.middle for a in areas}, layout)
    middle = {a.id: a.middle for a in areas}
    challenges, wanted = [], {}
    for challenge in edition.challenges:
        joined = [(middle[a.id], len(pairs.get((challenge.id, a.id), []))) for a in edition.areas]
        weight = sum(n for _, n in joined) or 1
        wanted[challenge.id] = sum(m * n for m, n in joined) / weight
        challenges.append(
            box(layout, 0, "challenge", challenge.id, challenge.title, ctx.href(src, urls.challenge_page(challenge.id)))
        )
    spread(challenges, wanted, layout)
    return challenges, areas, proposals, pairs


def curve(x1: float, y1: float, x2: float, y2: float) -> str:
    """A smooth S from (x1, y1) to (x2, y2), in whole pixels and relative steps (the shortest path data: the map's
    page is held under the first round trip of a phone's connection, README "Performance")."""
    start_x, start_y, dx, dy = round(x1), round(y1), round(x2) - round(x1), round(y2) - round(y1)
    bend = dx // 2
    return f"M{start_x} {start_y}c{bend} 0 {bend} {dy} {dx} {dy}".replace(" -", "-")


def node(layout: Layout, b: Box) -> str:
    """A box as a link, moved into place as a whole (one pair of numbers per box); its words, the full title wrapped
    into lines, are the link's name (a space ends each line but the last, so that the lines do not run together)."""
    pad, step = round(layout.pad), round(layout.line)
    spans = "".join(
        f'<tspan x="{pad}" dy="{step if i else 0}">{esc(line)}{" " if i < len(b.lines) - 1 else ""}</tspan>'
        for i, line in enumerate(b.lines)
    )
    return (
        f'<a href="{esc(b.href)}" transform="translate({b.x:.0f} {b.y:.0f})"><rect width="{b.w:.0f}" height="{b.h:.0f}" rx="4"/>'
        f'<text y="{layout.pad + layout.font * 0.9:.0f}">{spans}</text></a>'
    )


def edges_out(sources: Box, targets: list[tuple[Box, int]]) -> list[str]:
    """Lines from the right of a box to the left of each target, spread down the source's height; lines of the same
    width are one path."""
    targets = sorted(targets, key=lambda t: t[0].middle)
    by_width: dict[str, list[str]] = {}
    for i, (target, count) in enumerate(targets):
        share = (i + 1) / (len(targets) + 1)
        y1 = sources.y + sources.h * (0.2 + 0.6 * share)
        width = f"{1.0 + 1.2 * count:.1f}"
        by_width.setdefault(width, []).append(curve(sources.x + sources.w, y1, target.x, target.middle))
    return [f'<path d="{"".join(lines)}" stroke-width="{width}"/>' for width, lines in by_width.items()]


def flow(kind: str, edges: list[str], node_html: str) -> str:
    """A challenge's or an area's box with its lines, lit together when pointed at. The group carries the kind of
    box for the stylesheet (a proposal's box, in no group, needs none)."""
    return f'<g class="diagram__flow diagram__flow--{kind}">' + "".join(edges) + node_html + "</g>"


def svg(ctx: Context, src: str, layout: Layout) -> str:
    edition = ctx.edition
    challenges, areas, proposals, pairs = place(ctx, src, layout)
    by_id = {a.id: a for a in areas}
    height = max(b.y + b.h for b in challenges + areas + proposals) + layout.gap
    # Ids for the drawing's title and description, not anchors to cite: "__" keeps them out of the URL contract.
    # The first layout carries them, the others name themselves by them (a reference reaches a hidden element).
    title_id, desc_id = "__diagram-title", "__diagram-desc"
    parts = [
        f'<svg class="diagram diagram--{layout.name}" '
        f'viewBox="0 0 {layout.width} {height:.0f}" width="{layout.width}" height="{height:.0f}" '
        f'aria-labelledby="{title_id}" aria-describedby="{desc_id}" font-size="{layout.font:g}">'
    ]
    if layout == LAYOUTS[0]:
        parts += [
            f'<title id="{title_id}">The argument drawn: challenges, cooperation areas and proposals</title>',
            f'<desc id="{desc_id}">{esc(description(edition))}</desc>',
        ]
    counts = (len(challenges), len(areas), len(proposals))
    headings = [f"{name} ({count})" for name, count in zip(layout.headings, counts, strict=True)]
    for (x, _), heading in zip(layout.columns, headings, strict=True):
        parts.append(f'<text class="diagram__heading" x="{x}" y="{layout.top - 12:.0f}">{esc(heading)}</text>')
    # Each challenge and area with its outgoing lines in one group, so that pointing at it lights up its lines.
    for b in challenges:
        targets = [(by_id[a.id], len(pairs[(b.id, a.id)])) for a in edition.areas if (b.id, a.id) in pairs]
        parts.append(flow("challenge", edges_out(b, targets), node(layout, b)))
    for a in areas:
        group = [(p, 1) for p in proposals if edition.proposal[p.id].area == a.id]
        parts.append(flow("area", edges_out(a, group), node(layout, a)))
    parts += [node(layout, p) for p in proposals]
    parts.append("</svg>")
    return "".join(parts)


def description(edition: Edition) -> str:
    return (
        f"{counted(len(edition.challenges), 'challenge')} on the left, {counted(len(edition.areas), 'cooperation area')} "
        f"in the middle and {counted(len(edition.proposals), 'proposal')} on the right. A line joins a challenge to an area when proposals of that "
        "area answer the challenge, thicker for more proposals; a line joins each area to each of its proposals. "
        "Every box links to its page. The matrix page gives the same as a table."
    )


def figure(ctx: Context, src: str) -> str:
    """Both layouts in one figure; the stylesheet shows the one that fits the screen."""
    drawings = "".join(svg(ctx, src, layout) for layout in LAYOUTS)
    return (
        f'<figure class="diagram-figure" data-search-exclude>{drawings}'
        "<figcaption>Challenges → cooperation areas → proposals, as the editor classifies them. Point at or focus a "
        "challenge or an area to light up its lines.</figcaption></figure>"
    )
