"""Proposals: the filterable index of every proposal, and one page per proposal."""

from __future__ import annotations

from .. import records as r
from .. import urls
from ..escape import esc, md_text
from ..modality import CLASS_LABELS
from .blocks import html_block, link, paragraph_links, quotes_section, summary, three_p_names
from .common import Context

# Editor's words for the controlled values, so filters and tables read as prose.
HORIZON_LABELS = {"near": "Near term", "long": "Long term", "conditional": "Conditional", "not-stated": "Not stated"}
STATUS_LABELS = {
    "agreed": "Agreed",
    "being-explored": "Being explored",
    "discussed": "Discussed",
    "proposed": "Proposed",
}


def proposals_index(ctx: Context) -> str:
    src = urls.PROPOSALS
    edition = ctx.edition
    lines = [
        "# Proposals",
        "",
        f'<p class="editorial">Every proposal the paper makes or reports, {len(edition.proposals)} in all. '
        "Titles, one-line statements and the classification (area, challenges, actors, horizon, 3P, instrument) "
        "are the editor’s; each proposal page quotes the paragraphs it comes from. "
        "The class says how the paper itself puts each one: recommended, suggested as possible, or described "
        f'as already under way (<a href="{esc(ctx.href(src, urls.METHOD, urls.READING_PROPOSALS_ANCHOR))}">how proposals '
        "are read</a>). Use the filters to narrow the table; without JavaScript the full table is shown.</p>",
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
                    for name in (
                        "Proposal",
                        "Class",
                        "Area",
                        "Challenges",
                        "Actors",
                        "Horizon",
                        "3P",
                        "Status",
                        "Source",
                    )
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
    actors = ", ".join(link(ctx, src, urls.actor_page(a), edition.actor[a].name) for a in proposal.actors) or "—"
    status = STATUS_LABELS[proposal.status.value] if proposal.status else "—"
    return (
        f'<tr data-area="{esc(proposal.area)}" data-challenge="{esc(" ".join(proposal.challenges))}" '
        f'data-actor="{esc(" ".join(proposal.actors))}" data-horizon="{esc(proposal.horizon.term)}" '
        f'data-three-p="{esc(" ".join(proposal.three_p))}" data-class="{esc(proposal.modality.class_)}">'
        f"<td>{link(ctx, src, urls.proposal_page(proposal.id), proposal.title)}</td>"
        f"<td>{esc(CLASS_LABELS[proposal.modality.class_])}</td>"
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
    groups: list[tuple[str, str, list[tuple[str, str]]]] = [
        ("class", "Class", list(CLASS_LABELS.items())),
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
    lines = [
        f"# {md_text(proposal.title)}",
        "",
        summary(proposal.statement),
        "",
        html_block(
            ['<dl class="record-facts">']
            + [f"<dt>{name}</dt><dd>{value}</dd>" for name, value in facts(ctx, src, proposal)]
            + [
                "</dl>",
                '<p class="editorial">The statement, the class and the labels for area, horizon, 3P and '
                "instrument are the editor’s; the quoted words are the paper’s, as printed, with any correction "
                "marked †. The statement says no more than the paper’s own wording.</p>",
            ]
        ),
    ]
    lines += quotes_section(ctx, src, proposal.quotes)
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
