"""Proposals: the filterable index of every proposal, and one page per proposal."""

from __future__ import annotations

from .. import records as r
from .. import urls
from ..escape import esc, md_text
from .blocks import html_block, link, paragraph_links, quotes_section, summary, three_p_names
from .common import Context


# Editor's words for the controlled values, so filters and tables read as prose.
HORIZON_LABELS = {"near": "Near term", "long": "Long term", "conditional": "Conditional"}
STATUS_LABELS = {"agreed": "Agreed", "being-explored": "Being explored", "discussed": "Discussed", "proposed": "Proposed"}


def proposals_index(ctx: Context) -> str:
    src = urls.PROPOSALS
    edition = ctx.edition
    lines = [
        "# Proposals",
        "",
        f'<p class="editorial">Every concrete recommendation in the paper, {len(edition.proposals)} in all. '
        "Titles, one-line statements and the classification (area, challenges, actors, horizon, 3P, instrument) "
        "are the editor’s; each proposal page quotes the paragraphs it comes from. "
        "Use the filters to narrow the table; without JavaScript the full table is shown.</p>",
        "",
        filters(ctx),
        "",
    ]
    rows = [table_row(ctx, src, proposal) for proposal in edition.proposals]
    lines.append(
        html_block(
            [
                '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">',
                '<table class="proposals-table" id="proposals-table">',
                "<caption>Proposals of the paper</caption>",
                "<thead><tr>"
                + "".join(
                    f'<th scope="col">{name}</th>'
                    for name in ("Proposal", "Area", "Challenges", "Actors", "Horizon", "3P", "Status", "Source")
                )
                + "</tr></thead>",
                "<tbody>",
                *rows,
                "</tbody>",
                "</table>",
                "</div></div>",
                f'<p class="filter-count" id="proposals-count" aria-live="polite">{len(edition.proposals)} of '
                f"{len(edition.proposals)} proposals shown.</p>",
            ]
        )
    )
    return "\n".join(lines)


def table_row(ctx: Context, src: str, proposal: r.Proposal) -> str:
    """One proposal in the index table; its data- attributes are what the filters match."""
    edition = ctx.edition
    area = edition.area[proposal.area]
    challenges = ", ".join(
        link(ctx, src, urls.challenge_page(c), edition.challenge[c].title) for c in proposal.challenges
    )
    actors = ", ".join(link(ctx, src, urls.actor_page(a), edition.actor[a].name) for a in proposal.actors)
    status = STATUS_LABELS[proposal.status.value] if proposal.status else "—"
    return (
        f'<tr data-area="{esc(proposal.area)}" data-challenge="{esc(" ".join(proposal.challenges))}" '
        f'data-actor="{esc(" ".join(proposal.actors))}" data-horizon="{esc(proposal.horizon.term)}" '
        f'data-three-p="{esc(" ".join(proposal.three_p))}">'
        f"<td>{link(ctx, src, urls.proposal_page(proposal.id), proposal.title)}</td>"
        f"<td>{link(ctx, src, urls.area_page(area.id), area.title)}</td>"
        f"<td>{challenges}</td><td>{actors}</td>"
        f"<td>{esc(HORIZON_LABELS[proposal.horizon.term])}</td>"
        f"<td>{esc(three_p_names(ctx, proposal.three_p))}</td>"
        f"<td>{esc(status)}</td>"
        f"<td>{paragraph_links(ctx, src, [q.paragraph for q in proposal.quotes])}</td></tr>"
    )


def filters(ctx: Context) -> str:
    """Filter controls; hidden until the script runs, so a reader without JavaScript sees no dead controls."""
    edition = ctx.edition
    used_actors = [a for a in edition.actors if a.id in edition.proposals_by_actor]
    groups = [
        ("area", "Area", [(a.id, a.title) for a in edition.areas]),
        ("challenge", "Challenge", [(c.id, c.title) for c in edition.challenges]),
        ("actor", "Actor", [(a.id, a.name) for a in used_actors]),
        ("horizon", "Horizon", list(HORIZON_LABELS.items())),
        ("three-p", "3P", [(t.id, t.title) for t in edition.three_p]),
    ]
    parts = ['<form class="proposal-filters" id="proposal-filters" hidden aria-controls="proposals-table">']
    for key, label, options in groups:
        choices = "".join(f'<option value="{esc(value)}">{esc(text)}</option>' for value, text in options)
        parts.append(
            f'<label class="proposal-filters__field">{label} '
            f'<select name="{key}" data-filter="{key}"><option value="">All</option>{choices}</select></label>'
        )
    parts.append('<button type="reset" class="md-button">Show all</button>')
    parts.append("</form>")
    return "".join(parts)


def proposal_page(ctx: Context, proposal: r.Proposal) -> str:
    src = urls.proposal_page(proposal.id)
    edition = ctx.edition
    area = edition.area[proposal.area]
    facts = [
        ("Cooperation area", link(ctx, src, urls.area_page(area.id), area.title)),
        (
            "Challenges answered",
            ", ".join(link(ctx, src, urls.challenge_page(c), edition.challenge[c].title) for c in proposal.challenges),
        ),
        ("Actors", ", ".join(link(ctx, src, urls.actor_page(a), edition.actor[a].name) for a in proposal.actors)),
        (
            "Time horizon",
            f"{esc(HORIZON_LABELS[proposal.horizon.term])} — “{esc(proposal.horizon.words)}” "
            f"({ctx.paragraph_link(src, proposal.horizon.paragraph)})",
        ),
    ]
    if proposal.status:
        facts.append(
            (
                "Status reported",
                f"{esc(STATUS_LABELS[proposal.status.value])} — “{esc(proposal.status.words)}” "
                f"({ctx.paragraph_link(src, proposal.status.paragraph)})",
            )
        )
    facts.append(("3P frame", esc(three_p_names(ctx, proposal.three_p))))
    facts.append(("Instrument", esc(proposal.instrument.replace("-", " "))))
    facts.append(("Source paragraphs", paragraph_links(ctx, src, [q.paragraph for q in proposal.quotes])))
    facts.append(("Cite", link(ctx, src, urls.CITE_PROPOSALS, "Cite the paper for this proposal", urls.proposal_cite_anchor(proposal.id))))
    lines = [
        f"# {md_text(proposal.title)}",
        "",
        summary(proposal.statement),
        "",
        html_block(
            ['<dl class="record-facts">']
            + [f"<dt>{name}</dt><dd>{value}</dd>" for name, value in facts]
            + ["</dl>", '<p class="editorial">Labels for area, horizon, 3P and instrument are the editor’s '
               "classification; the quoted words are the paper’s.</p>"]
        ),
    ]
    lines += quotes_section(ctx, src, proposal.quotes)
    lines.append(f'<p data-search-exclude>{link(ctx, src, urls.PROPOSALS, "All proposals")}</p>')
    return "\n".join(lines) + "\n"
