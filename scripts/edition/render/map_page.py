"""The argument map's landing page: the argument drawn (challenges → cooperation areas → proposals) and what each
of its indexes holds, with counts computed from the data. The home page shows the same cards ("at a glance")."""

from __future__ import annotations

from .. import urls
from ..escape import esc
from ..modality import CLASS_LABELS
from . import diagram, facets
from .blocks import counted, html_block, link
from .common import Context
from .matrix import cells


def glance(ctx: Context, src: str) -> str:
    """The argument map in one glance: one card per index, each with its count and links."""
    edition = ctx.edition
    filled = len(cells(edition))
    cards = [
        proposals_card(ctx, src),
        challenges_card(ctx, src),
        card(
            ctx,
            src,
            urls.MATRIX,
            "Matrix",
            f"<p>{counted(len(edition.challenges), 'challenge')} by {counted(len(edition.areas), 'area')}; {filled} of "
            f"{len(edition.challenges) * len(edition.areas)} cells hold proposals.</p>",
        ),
        card(ctx, src, urls.ACTORS, counted(len(edition.actors), "actor"), "<p>Who the paper names.</p>"),
        card(
            ctx,
            src,
            urls.GLOSSARY,
            f"Glossary ({len(edition.terms)})",
            "<p>Terms and abbreviations, in alphabetical order.</p>",
        ),
        card(
            ctx,
            src,
            urls.TIMELINE,
            f"Timeline ({len(edition.events)})",
            "<p>The dates the paper mentions, in order.</p>",
        ),
    ]
    # Links with counts, left out of search (each page is indexed itself). The excluded element holds no element of
    # its own tag: Material's search parser ends an excluded element at the first end tag of the same name.
    return html_block(
        ['<nav class="glance" aria-label="The argument map at a glance" data-search-exclude>', *cards, "</nav>"]
    )


def proposals_card(ctx: Context, src: str) -> str:
    """The proposals by class and by cooperation area, each count a link to the list it counts."""
    edition = ctx.edition
    facet = {f.key: f for f in facets.facets(ctx, src)}
    by_class = facets.counts(edition, facet["class"])
    by_area = facets.counts(edition, facet["area"])
    classes = " · ".join(
        f"{link(ctx, src, urls.facet_page('class', value), f'{by_class[value]} {label.lower()}')}"
        for value, label in CLASS_LABELS.items()
    )
    areas = "".join(
        f"<li>{link(ctx, src, urls.facet_page('area', area.id), area.title)} ({by_area[area.id]})</li>"
        for area in edition.areas
    )
    body = (
        f"<p>{classes}</p><p>By cooperation area:</p><ul>{areas}</ul>"
        f'<p>{link(ctx, src, urls.PROPOSALS, "All proposals, with filters")}</p>'
    )
    return card(ctx, src, urls.PROPOSALS, counted(len(edition.proposals), "proposal"), body, wide=True)


def challenges_card(ctx: Context, src: str) -> str:
    edition = ctx.edition
    challenges = "".join(
        f"<li>{link(ctx, src, urls.challenge_page(c.id), c.title)} ({len(edition.proposals_by_challenge[c.id])})</li>"
        for c in edition.challenges
    )
    body = f"<p>The problems the proposals answer, with how many answer each:</p><ul>{challenges}</ul>"
    return card(ctx, src, urls.CHALLENGES, counted(len(edition.challenges), "challenge"), body, wide=True)


def card(ctx: Context, src: str, page: str, title: str, body: str, wide: bool = False) -> str:
    kind = "glance__card glance__card--wide" if wide else "glance__card"
    return (
        f'<div class="{kind}"><p class="glance__title">{link(ctx, src, page, title)}</p>'
        f'<div class="glance__body">{body}</div></div>'
    )


def map_page(ctx: Context) -> str:
    src = urls.MAP
    return "\n".join(
        [
            # The drawing needs the width; the page's headings are few.
            "---",
            "hide:",
            "  - toc",
            "---",
            "",
            "# The argument at a glance",
            "",
            '<p class="reading-key" data-search-exclude>The argument map is the editor’s reading of the paper: which challenges it names, '
            "in which areas it sees cooperation, and what it proposes. Every record page quotes the paper’s own words; "
            f'titles, summaries and classifications are the editor’s (<a href="{esc(ctx.href(src, urls.METHOD))}">editorial '
            "method</a>).</p>",
            "",
            f"## The argument drawn {{#{urls.DIAGRAM_ANCHOR}}}",
            "",
            f'<p class="editorial">Read from left to right: each challenge is joined to the cooperation areas whose '
            "proposals answer it (the thicker the line, the more proposals), and each area to its proposals. Every box "
            f"is a link. The same as a table: the "
            f'<a href="{esc(ctx.href(src, urls.MATRIX))}">matrix</a>; as a list: '
            f'<a href="{esc(ctx.href(src, urls.PROPOSALS))}">every proposal</a>.</p>',
            "",
            html_block([diagram.figure(ctx, src)]),
            f"## What the map holds {{#{urls.GLANCE_ANCHOR}}}",
            "",
            glance(ctx, src),
        ]
    )
