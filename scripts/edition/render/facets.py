"""The facets of the proposals: the filters on the proposals index, and the static pages that give the same lists
without JavaScript (one page per facet value, one per facet listing its values).

A facet is a way of sorting proposals (class, area, challenge, actor, horizon, 3P). Within a facet the filter
keeps a proposal that has ANY of the chosen values; across facets it keeps one that matches EVERY facet
(docs/overrides/partials/proposal-filters.js). Its state is the URL query, `?challenge=low-growth,demographic-shrinking`,
with the facet names of urls.FACETS and the values' ids from data/.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from .. import records as r
from .. import urls
from ..escape import esc, md_text
from ..modality import CLASS_LABELS
from ..model import Edition
from .blocks import counted, html_block, link
from .common import Context

# Draws a list of proposals on a page (proposals.facet_table): the facet pages show the index's own table.
TableMaker = Callable[[Context, str, list[r.Proposal]], list[str]]

# Editor's words for the controlled values, so filters and tables read as prose.
HORIZON_LABELS = {"near": "Near term", "long": "Long term", "conditional": "Conditional", "not-stated": "Not stated"}


@dataclass(frozen=True)
class Facet:
    key: str  # the URL query's name and the page folder's: one of urls.FACETS
    label: str  # the column's and the filter's name
    plural: str  # "challenges": how the index of its values is titled
    help: str  # the editor's one-line explanation, as HTML
    values: list[tuple[str, str]]  # (id, label), in the order they are offered
    of: Callable[[r.Proposal], list[str]]  # a proposal's values


# The editor's one-line explanation of each facet, as HTML; {method} and {three_p} are links to the pages that say
# more (how proposals are read, the 3P frame).
HELP = {
    "class": "How the paper itself puts the proposal: <em>recommended</em> (“should”, “must”, “it will be necessary”), "
    "<em>suggested as possible</em> (“could”, “can”) or <em>described</em> as already under way "
    '(<a href="{method}">how proposals are read</a>).',
    "area": "The cooperation area: the part of the paper where the proposal is made.",
    "challenge": "The challenges the proposal answers, as the editor reads the paper. Choose several to see the "
    "proposals that answer any of them.",
    "actor": "The countries, governments and organisations the paper names in connection with the proposal.",
    "horizon": "When, in the paper’s own words about the proposal; most give no time horizon (“Not stated”).",
    "three-p": "3P: the paper’s frame for economic security policy, which most governments, it says, organize as "
    '<em>protection</em>, <em>promotion</em> and <em>partnership</em> (<a href="{three_p}">the 3P frame</a>). '
    "Not every proposal falls under it.",
}


def facets(ctx: Context, src: str) -> list[Facet]:
    """Every facet, with its values in the data's order and its explanation; links are relative to `src`."""
    edition = ctx.edition
    used_actors = [a for a in edition.actors if edition.proposals_by_actor.get(a.id)]
    links = {
        "method": esc(ctx.href(src, urls.METHOD, urls.READING_PROPOSALS_ANCHOR)),
        "three_p": esc(ctx.href(src, urls.AREAS, urls.THREE_P_ANCHOR)),
    }
    found: list[tuple[str, str, str, list[tuple[str, str]], Callable[[r.Proposal], list[str]]]] = [
        ("class", "Class", "classes", list(CLASS_LABELS.items()), lambda p: [p.modality.class_]),
        ("area", "Area", "cooperation areas", [(a.id, a.title) for a in edition.areas], lambda p: [p.area]),
        (
            "challenge",
            "Challenges",
            "challenges",
            [(c.id, c.title) for c in edition.challenges],
            lambda p: list(p.challenges),
        ),
        ("actor", "Actors", "actors", [(a.id, a.name) for a in used_actors], lambda p: list(p.actors)),
        ("horizon", "Horizon", "horizons", list(HORIZON_LABELS.items()), lambda p: [p.horizon.term]),
        (
            "three-p",
            "3P",
            "3P strands",
            [(t.id, t.title) for t in edition.three_p],
            lambda p: [str(v) for v in p.three_p],
        ),
    ]
    return [
        Facet(key, label, plural, HELP[key].format(**links), values, of) for key, label, plural, values, of in found
    ]


def matching(edition: Edition, facet: Facet, value: str) -> list[r.Proposal]:
    return [p for p in edition.proposals if value in facet.of(p)]


def counts(edition: Edition, facet: Facet) -> Counter[str]:
    """How many proposals have each value of a facet, in one pass over the proposals."""
    return Counter(value for proposal in edition.proposals for value in dict.fromkeys(facet.of(proposal)))


def value_label(facet: Facet, value: str) -> str:
    return dict(facet.values)[value]


def filter_form(ctx: Context, src: str) -> str:
    """The filters: one group of checkboxes per facet, each value with its count, the result count first and a
    control that clears them. Hidden until the script runs: without JavaScript, facet_links() is shown instead."""
    edition = ctx.edition
    total = len(edition.proposals)
    parts = [
        '<form class="proposal-filters" id="proposal-filters" hidden aria-label="Filter the proposals" data-search-exclude>',
        '<div class="proposal-filters__status">'
        f'<p class="filter-count" id="proposals-count" role="status">{total} of {total} proposals shown.</p>'
        '<button type="reset" class="md-button proposal-filters__clear">Clear all filters</button></div>',
        # Folded on a phone until opened (the script decides), so that the table is not a long scroll away.
        '<details class="proposal-filters__fold quiet-fold" open><summary>Filters '
        '<span class="proposal-filters__chosen" data-chosen></span></summary>',
        '<p class="proposal-filters__how editorial">Within a group, a proposal that has any of the ticked values is '
        "shown; across groups, it must match each group. The address of the page keeps the choice, to share or reload it.</p>",
        '<div class="proposal-filters__groups">',
    ]
    for facet in facets(ctx, src):
        count = counts(edition, facet)
        options = "".join(
            f'<label class="facet__value"><input type="checkbox" name="{esc(facet.key)}" value="{esc(value)}">'
            f" {esc(label)} "
            f'<span class="facet__count" data-count>{count[value]}</span></label>'
            for value, label in facet.values
        )
        parts.append(
            f'<fieldset class="facet"><legend>{esc(facet.label)}</legend>'
            f'<p class="facet__help">{facet.help}</p><div class="facet__values">{options}</div></fieldset>'
        )
    parts += ["</div>", "</details>", "</form>"]
    return "".join(parts)


# Run where it stands, before the page is first painted, so that nothing moves once it shows: with JavaScript the
# form replaces the links to the static pages, and on a phone its groups start folded. The filtering itself is
# docs/overrides/partials/proposal-filters.js, written after the table.
SWITCH_SCRIPT = (
    "<script>(function(f,l){if(!f||!l)return;f.hidden=!1;l.hidden=!0;"
    'matchMedia("(max-width: 44.9375em)").matches&&(f.querySelector("details").open=!1)})'
    '(document.getElementById("proposal-filters"),document.getElementById("facet-links"))</script>'
)


def facet_links(ctx: Context, src: str) -> str:
    """Without JavaScript: the same lists as the filters, as links to one static page per facet value."""
    edition = ctx.edition
    parts = [
        '<div class="facet-links" id="facet-links" data-search-exclude>',
        '<p class="editorial">Lists of the proposals by one value of a facet (the filters above need JavaScript; '
        "these pages do not):</p>",
        "<dl>",
    ]
    for facet in facets(ctx, src):
        count = counts(edition, facet)
        values = " · ".join(
            f"{link(ctx, src, urls.facet_page(facet.key, value), label)} ({count[value]})"
            for value, label in facet.values
        )
        parts.append(f"<dt>{link(ctx, src, urls.facet_index_page(facet.key), facet.label)}</dt><dd>{values}</dd>")
    parts += ["</dl>", "</div>"]
    return html_block(parts)


def facet_title(facet: Facet, value: str) -> str:
    return f"Proposals — {facet.label}: {value_label(facet, value)}"


def render_pages(ctx: Context, table: TableMaker) -> dict[str, str]:
    """Every facet's page of values and every value's page of proposals; `table` draws the proposals."""
    pages: dict[str, str] = {}
    for facet in facets(ctx, urls.PROPOSALS):
        pages[urls.facet_index_page(facet.key)] = facet_index(ctx, facet)
        for value, _ in facet.values:
            pages[urls.facet_page(facet.key, value)] = facet_page(ctx, facet, value, table)
    return pages


# Static lists repeat what the proposals' own pages hold: search leaves them out (scripts/edition/search.py), and
# they need no table of contents.
FACET_PAGE_META = ["---", "hide:", "  - toc", "---", ""]


def facet_index(ctx: Context, facet: Facet) -> str:
    src = urls.facet_index_page(facet.key)
    edition = ctx.edition
    facet = next(f for f in facets(ctx, src) if f.key == facet.key)
    count = counts(edition, facet)
    items = [
        f"<li>{link(ctx, src, urls.facet_page(facet.key, value), label)} ({count[value]})</li>"
        for value, label in facet.values
    ]
    return "\n".join(
        FACET_PAGE_META
        + [
            f"# Proposals by {md_text(facet.plural)}",
            "",
            f'<p class="editorial">{facet.help}</p>',
            "",
            html_block(['<ul class="record-list">', *items, "</ul>"]),
            f'<p>{link(ctx, src, urls.PROPOSALS, "All proposals, with filters")}</p>',
            "",
        ]
    )


def facet_page(ctx: Context, facet: Facet, value: str, table: TableMaker) -> str:
    src = urls.facet_page(facet.key, value)
    edition = ctx.edition
    facet = next(f for f in facets(ctx, src) if f.key == facet.key)
    found = matching(edition, facet, value)
    filtered = ctx.href(src, urls.PROPOSALS) + f"?{facet.key}={value}"
    return "\n".join(
        FACET_PAGE_META
        + [
            f"# {md_text(facet_title(facet, value))}",
            "",
            f'<p class="editorial"><strong>{len(found)} of {counted(len(edition.proposals), "proposal")}.</strong> {facet.help}</p>',
            "",
            f'<p class="facet-page__links">{link(ctx, src, urls.facet_index_page(facet.key), f"Other {facet.plural}")} · '
            f'<a href="{esc(filtered)}">This list in the proposals index, to combine with other filters</a></p>',
            "",
            *table(ctx, src, found),
            "",
        ]
    )
