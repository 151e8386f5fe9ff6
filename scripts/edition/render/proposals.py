"""Proposals: the filterable index of every proposal, and one page per proposal."""

from __future__ import annotations

from .. import records as r
from .. import urls
from ..escape import esc, md_text
from ..modality import CLASS_LABELS
from . import facets, tables
from .blocks import html_block, link, paragraph_links, quotes_section, summary, three_p_names
from .common import Context
from .facets import HORIZON_LABELS

# Editor's words for the controlled values, so filters and tables read as prose.
STATUS_LABELS = {
    "agreed": "Agreed",
    "being-explored": "Being explored",
    "discussed": "Discussed",
    "proposed": "Proposed",
}
# The class, the status reported and the source paragraphs go under each proposal's title, so that the table fits
# a laptop's width without splitting words; the other facets have a column each.
TABLE_HEADER = ["Proposal", "Area", "Challenges", "Actors", "Horizon", "3P"]


def proposals_index(ctx: Context) -> str:
    src = urls.PROPOSALS
    edition = ctx.edition
    lines = [
        # The table needs the width the table of contents would take; the page has no headings to list.
        "---",
        "hide:",
        "  - toc",
        "---",
        "",
        "# Proposals",
        "",
        f'<p class="editorial">Every proposal the paper makes or reports, {len(edition.proposals)} in all. '
        "Titles, one-line statements and the classification (area, challenges, actors, horizon, 3P, instrument) "
        "are the editor’s; each proposal page quotes the paragraphs it comes from. "
        "The class says how the paper itself puts each one: recommended, suggested as possible, or described "
        f'as already under way (<a href="{esc(ctx.href(src, urls.METHOD, urls.READING_PROPOSALS_ANCHOR))}">how proposals '
        "are read</a>).</p>",
        "",
        facets.filter_form(ctx, src),
        "",
        facets.facet_links(ctx, src),
        facets.SWITCH_SCRIPT,
        "",
        html_block(proposals_table(ctx, src, edition.proposals, "proposals-table")),
        "",
    ]
    return "\n".join(lines)


def proposals_table(ctx: Context, src: str, proposals: list[r.Proposal], table_id: str = "") -> list[str]:
    """Proposals as a table (cards on a phone); each row's data- attributes are what the filters match."""
    facet_list = facets.facets(ctx, src)
    rows = [table_row(ctx, src, proposal, facet_list) for proposal in proposals]
    caption = "Proposals of the paper" if table_id else f"Proposals ({len(proposals)})"
    # Left out of search: each proposal is found on its own page, and a table's cells run together in results.
    return tables.table(caption, TABLE_HEADER, rows, "proposals-table", table_id, row_heading=True, search=False)


def facet_table(ctx: Context, src: str, proposals: list[r.Proposal]) -> list[str]:
    return [html_block(proposals_table(ctx, src, proposals))]


def table_row(ctx: Context, src: str, proposal: r.Proposal, facet_list: list[facets.Facet]) -> tables.Row:
    """One proposal in the index table; its data- attributes are what the filters match."""
    edition = ctx.edition
    area = edition.area[proposal.area]
    challenges = ", ".join(
        link(ctx, src, urls.challenge_page(c), edition.challenge[c].title) for c in proposal.challenges
    )
    actors = ", ".join(link(ctx, src, urls.actor_page(a), edition.actor[a].name) for a in proposal.actors) or "—"
    status = f" · {STATUS_LABELS[proposal.status.value].lower()}" if proposal.status else ""
    # A facet the proposal has no value of is left out (the filters read a missing attribute as no value).
    attributes = {f"data-{facet.key}": " ".join(facet.of(proposal)) for facet in facet_list if facet.of(proposal)}
    sources = paragraph_links(ctx, src, [q.paragraph for q in proposal.quotes])
    cells = [
        f"{link(ctx, src, urls.proposal_page(proposal.id), proposal.title)}"
        f'<span class="proposal-meta">{esc(CLASS_LABELS[proposal.modality.class_])}{esc(status)} · {sources}</span>',
        link(ctx, src, urls.area_page(area.id), area.title),
        challenges,
        actors,
        esc(HORIZON_LABELS[proposal.horizon.term]),
        esc(three_p_names(ctx, proposal.three_p)),
    ]
    return tables.Row(cells, attributes)


def proposal_page(ctx: Context, proposal: r.Proposal) -> str:
    src = urls.proposal_page(proposal.id)
    lines = [
        f"# {md_text(proposal.title)}",
        "",
        # What is whose, said before any of it is used.
        '<p class="reading-key" data-search-exclude>The title, the summary and the classification are the editor’s; words in quotation '
        "marks are the paper’s, as printed, with any correction marked †. The summary says no more than the paper’s "
        "own wording.</p>",
        "",
        summary(proposal.statement),
        "",
    ]
    lines += quotes_section(ctx, src, proposal.quotes)
    lines += [
        f"## Classification {{#{urls.CLASSIFICATION_ANCHOR}}}",
        "",
        # Labels and links to pages indexed on their own: left out of search, where they would run together.
        html_block(
            ['<dl class="record-facts" data-search-exclude>']
            + [f"<dt>{name}</dt>\n<dd>{value}</dd>" for name, value in facts(ctx, src, proposal)]
            + ["</dl>"]
        ),
    ]
    lines += actor_quotes(ctx, src, proposal)
    lines.append(f'<p data-search-exclude>{link(ctx, src, urls.PROPOSALS, "All proposals")}</p>')
    return "\n".join(lines) + "\n"


def facts(ctx: Context, src: str, proposal: r.Proposal) -> list[tuple[str, str]]:
    """The proposal's classification: how the paper puts it in its own words first, then the editor's labels."""
    edition = ctx.edition
    area = edition.area[proposal.area]
    modality = proposal.modality
    found = [
        (
            "How the paper puts it",
            f'<span class="proposal-class">{esc(CLASS_LABELS[modality.class_])}</span> — '
            f"“{ctx.author_words(src, modality.paragraph, modality.words)}” ({ctx.paragraph_link(src, modality.paragraph)})",
        ),
        ("Cooperation area", link(ctx, src, urls.area_page(area.id), area.title)),
        (
            "Challenges answered",
            ", ".join(link(ctx, src, urls.challenge_page(c), edition.challenge[c].title) for c in proposal.challenges),
        ),
        (
            "Actors",
            ", ".join(link(ctx, src, urls.actor_page(a), edition.actor[a].name) for a in proposal.actors)
            or "none named in connection with it",
        ),
        ("Time horizon", horizon_html(ctx, src, proposal.horizon)),
    ]
    if proposal.status:
        status = proposal.status
        found.append(
            (
                "Status reported",
                f"{esc(STATUS_LABELS[status.value])} — “{ctx.author_words(src, status.paragraph, status.words)}” "
                f"({ctx.paragraph_link(src, status.paragraph)})",
            )
        )
    found.append(("3P frame", esc(three_p_names(ctx, proposal.three_p))))
    found.append(("Instrument", esc(proposal.instrument.replace("-", " "))))
    found.append(("Source paragraphs", paragraph_links(ctx, src, [q.paragraph for q in proposal.quotes])))
    found.append(
        (
            "Cite",
            link(
                ctx,
                src,
                urls.CITE_PROPOSALS,
                "Cite the paper for this proposal",
                urls.proposal_cite_anchor(proposal.id),
            ),
        )
    )
    return found


def horizon_html(ctx: Context, src: str, horizon: r.Horizon) -> str:
    if horizon.term == "not-stated" or horizon.paragraph is None:  # a stated horizon has its words (checks)
        return "Not stated: the paper’s words about this proposal give no time horizon"
    return (
        f"{esc(HORIZON_LABELS[horizon.term])} — “{ctx.author_words(src, horizon.paragraph, horizon.words)}” "
        f"({ctx.paragraph_link(src, horizon.paragraph)})"
    )


def actor_quotes(ctx: Context, src: str, proposal: r.Proposal) -> list[str]:
    """Each actor with the paper's words that name it in connection with the proposal."""
    if not proposal.actor_quotes:
        return []
    items = "".join(
        f"<li>{link(ctx, src, urls.actor_page(q.actor), ctx.edition.actor[q.actor].name)}: "
        f"“{ctx.author_words(src, q.paragraph, q.text)}” ({ctx.paragraph_link(src, q.paragraph)})</li>"
        for q in proposal.actor_quotes
    )
    return [
        f"## Actors in the paper’s words {{#{urls.ACTOR_QUOTES_ANCHOR}}}",
        "",
        html_block([f'<ul class="actor-quotes">{items}</ul>']),
    ]
