"""The argument map: proposals, challenges, cooperation areas, actors, glossary and timeline pages."""

from __future__ import annotations

from .. import records as r
from .. import urls
from ..escape import esc, md_text
from .common import Context

# The kinds of records a paragraph can be cited by, with how the small links under it are labelled.
BACKLINK_KINDS = (
    ("proposals", "Proposals", urls.proposal_page),
    ("challenges", "Challenges", urls.challenge_page),
    ("areas", "Areas", urls.area_page),
)
# Editor's words for the controlled values, so filters and tables read as prose.
HORIZON_LABELS = {"near": "Near term", "long": "Long term", "conditional": "Conditional"}
STATUS_LABELS = {"agreed": "Agreed", "being-explored": "Being explored", "discussed": "Discussed", "proposed": "Proposed"}
PILLAR_LABELS = {
    "de-globalization": "Cooperation against de-globalization",
    "shrinking": "Cooperation against shrinking",
    "north-korea": "Future development cooperation in North Korea",
}


def render(ctx: Context) -> dict[str, str]:
    edition = ctx.edition
    if not edition.proposals:
        return {}
    pages = {
        urls.PROPOSALS: proposals_index(ctx),
        urls.CHALLENGES: challenges_index(ctx),
        urls.AREAS: areas_index(ctx),
        urls.ACTORS: actors_index(ctx),
        urls.MATRIX: matrix(ctx),
        urls.GLOSSARY: glossary(ctx),
        urls.TIMELINE: timeline(ctx),
    }
    for proposal in edition.proposals:
        pages[urls.proposal_page(proposal.id)] = proposal_page(ctx, proposal)
    for challenge in edition.challenges:
        pages[urls.challenge_page(challenge.id)] = challenge_page(ctx, challenge)
    for area in edition.areas:
        pages[urls.area_page(area.id)] = area_page(ctx, area)
    for actor in edition.actors:
        pages[urls.actor_page(actor.id)] = actor_page(ctx, actor)
    return pages


# --- shared pieces ------------------------------------------------------------------------------


def link(ctx: Context, src: str, page: str, text: str, anchor: str = "") -> str:
    return f'<a href="{esc(ctx.href(src, page, anchor))}">{esc(text)}</a>'


def quote_block(ctx: Context, src: str, quote: r.Quote) -> str:
    """The author's words: marked as a quotation and carrying the ¶ link they come from."""
    place = ctx.edition.place[quote.paragraph]
    return (
        f'<blockquote class="author-quote" cite="{esc(ctx.paragraph_href(src, quote.paragraph))}">'
        f"<p>“{ctx.plain(quote.text)}”</p>"
        f'<p class="author-quote__source">— {esc(ctx.edition.paper.author.name)}, §{esc(place.label)}, '
        f"{ctx.paragraph_link(src, quote.paragraph)}</p></blockquote>"
    )


def quotes_section(ctx: Context, src: str, quotes: list[r.Quote], heading: str = "In the paper’s words") -> list[str]:
    lines = [f"## {heading} {{#quotes}}", ""]
    lines += [quote_block(ctx, src, quote) for quote in quotes]
    return lines + [""]


def summary(text: str, label: str = "Editor’s summary") -> str:
    return f'<p class="editorial"><span class="editorial-label">{label}:</span> {esc(text)}</p>'


def proposal_list(ctx: Context, src: str, proposals: list[r.Proposal]) -> str:
    if not proposals:
        return "<p>None.</p>"
    items = "".join(f"<li>{link(ctx, src, urls.proposal_page(p.id), p.title)}</li>" for p in proposals)
    return f'<ul class="record-list">{items}</ul>'


def paragraph_links(ctx: Context, src: str, paragraph_ids: list[str]) -> str:
    seen: list[str] = []
    for paragraph_id in paragraph_ids:
        if paragraph_id not in seen:
            seen.append(paragraph_id)
    return ", ".join(ctx.paragraph_link(src, paragraph_id) for paragraph_id in seen)


def three_p_names(ctx: Context, ids: list[str]) -> str:
    return ", ".join(ctx.edition.three_p_by_id[i].title for i in ids) or "—"


def index_page(title: str, intro: str, items: list[str], list_class: str = "record-list") -> list[str]:
    """An index of records: heading, the editor's note on what it lists, one list item per record."""
    return [
        f"# {title}",
        "",
        f'<p class="editorial">{intro}</p>',
        "",
        html_block([f'<ul class="{list_class}">', *items, "</ul>"]),
    ]


def html_block(lines: list[str]) -> str:
    """A raw HTML block for Markdown: no blank lines inside, one after."""
    return "\n".join(lines) + "\n"


# --- proposals ----------------------------------------------------------------------------------


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
    rows = []
    for proposal in edition.proposals:
        area = edition.area[proposal.area]
        challenges = ", ".join(
            link(ctx, src, urls.challenge_page(c), edition.challenge[c].title) for c in proposal.challenges
        )
        actors = ", ".join(link(ctx, src, urls.actor_page(a), edition.actor[a].name) for a in proposal.actors)
        status = STATUS_LABELS[proposal.status.value] if proposal.status else "—"
        rows.append(
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
    facts.append(("Cite", link(ctx, src, urls.CITE_PROPOSALS, "Cite the paper for this proposal", proposal.id)))
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


# --- challenges and areas -----------------------------------------------------------------------


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
    lines = [f"# {md_text(challenge.title)}", "", summary(challenge.summary), ""]
    lines += quotes_section(ctx, src, challenge.quotes)
    lines += ["## Proposals that answer it {#proposals}", "", proposal_list(ctx, src, proposals), ""]
    area_links = ", ".join(link(ctx, src, urls.area_page(a), edition.area[a].title) for a in areas)
    lines += ["## Cooperation areas {#areas}", "", f"<p>{area_links or 'None.'}</p>", ""]
    lines.append(f'<p data-search-exclude>{link(ctx, src, urls.CHALLENGES, "All challenges")} · {link(ctx, src, urls.MATRIX, "Challenges × areas")}</p>')
    return "\n".join(lines) + "\n"


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
    lines += ["## The 3P frame {#three-p}", ""]
    for item in edition.three_p:
        lines += [f"### {md_text(item.title)} {{#{item.id}}}", "", summary(item.summary), ""]
        lines += [quote_block(ctx, src, quote) for quote in item.quotes] + [""]
    return "\n".join(lines)


def _part_label(ctx: Context, part_id: str) -> str:
    edition = ctx.edition
    section = edition.section_of[part_id]
    if part_id in edition.subsections:
        subsection = edition.subsections[part_id]
        return f"§{section.label}.{subsection.number} {edition.text(part_id)}"
    return f"§{section.label} {edition.text(part_id)}"


def area_page(ctx: Context, area: r.Area) -> str:
    src = urls.area_page(area.id)
    edition = ctx.edition
    section = edition.section_of[area.part]
    facts = [
        ("In the paper", link(ctx, src, urls.section_page(section.id), _part_label(ctx, area.part), urls.heading_anchor(area.part))),
        ("Pillar", esc(PILLAR_LABELS[area.pillar])),
        ("3P frame", esc(three_p_names(ctx, area.three_p))),
    ]
    lines = [
        f"# {md_text(area.title)}",
        "",
        summary(area.summary),
        "",
        html_block(['<dl class="record-facts">'] + [f"<dt>{n}</dt><dd>{v}</dd>" for n, v in facts] + ["</dl>"]),
    ]
    lines += quotes_section(ctx, src, area.quotes)
    lines += ["## Proposals {#proposals}", "", proposal_list(ctx, src, edition.proposals_by_area[area.id]), ""]
    lines.append(f'<p data-search-exclude>{link(ctx, src, urls.AREAS, "All cooperation areas")}</p>')
    return "\n".join(lines) + "\n"


def matrix(ctx: Context) -> str:
    src = urls.MATRIX
    edition = ctx.edition
    header = "".join(
        f'<th scope="col">{link(ctx, src, urls.area_page(a.id), a.title)}</th>' for a in edition.areas
    )
    rows = []
    for challenge in edition.challenges:
        cells = []
        for area in edition.areas:
            both = [p for p in edition.proposals_by_challenge[challenge.id] if p.area == area.id]
            cells.append("<td>" + ("<br>".join(link(ctx, src, urls.proposal_page(p.id), p.title) for p in both)) + "</td>")
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


# --- actors, glossary, timeline -----------------------------------------------------------------


def actors_index(ctx: Context) -> str:
    src = urls.ACTORS
    edition = ctx.edition
    items = [
        f"<li>{link(ctx, src, urls.actor_page(a.id), a.name)} <span class=\"record-kind\">({esc(a.kind.replace('-', ' '))})</span></li>"
        for a in sorted(edition.actors, key=lambda a: a.name.casefold())
    ]
    intro = "Countries, governments, organisations and people the paper names, with what it says of each."
    return "\n".join(index_page("Actors and institutions", intro, items, "record-list record-list--columns"))


def actor_page(ctx: Context, actor: r.Actor) -> str:
    src = urls.actor_page(actor.id)
    edition = ctx.edition
    lines = [
        f"# {md_text(actor.name)}",
        "",
        summary(actor.summary),
        "",
        f"<p>Kind (editor’s classification): {esc(actor.kind.replace('-', ' '))}</p>",
        "",
    ]
    lines += quotes_section(ctx, src, actor.mentions, "Where the paper names it")
    lines += ["## Proposals that involve it {#proposals}", "", proposal_list(ctx, src, edition.proposals_by_actor[actor.id]), ""]
    lines.append(f'<p data-search-exclude>{link(ctx, src, urls.ACTORS, "All actors")}</p>')
    return "\n".join(lines) + "\n"


def glossary(ctx: Context) -> str:
    src = urls.GLOSSARY
    edition = ctx.edition
    lines = [
        "# Glossary and abbreviations",
        "",
        '<p class="editorial">Definitions are the editor’s. An expansion marked “as the paper gives it” '
        "is the author’s own; the others are the editor’s.</p>",
        "",
    ]
    entries = []
    for term in sorted(edition.terms, key=lambda t: t.term.casefold()):
        parts = [f'<dt id="{urls.term_anchor(term.id)}">{esc(term.term)}</dt><dd>']
        if term.expansion:
            by = "as the paper gives it" if term.expansion_by == "paper" else "editor’s expansion"
            parts.append(f'<p class="glossary-expansion">{esc(term.expansion)} <span class="record-kind">({by})</span></p>')
        parts.append(summary(term.definition, "Editor’s definition"))
        if term.defined_at:
            parts.append(quote_block(ctx, src, term.defined_at))
        parts.append(occurrences(ctx, src, edition.term_paragraphs[term.id]) + "</dd>")
        entries.append("".join(parts))
    lines.append(html_block(['<dl class="glossary">', *entries, "</dl>"]))
    return "\n".join(lines)


# A term found in more paragraphs than this is listed by its first ones and its count; search finds
# the rest. It keeps the glossary from growing with terms x paragraphs.
MAX_OCCURRENCES_LISTED = 20


def occurrences(ctx: Context, src: str, paragraph_ids: list[str]) -> str:
    if len(paragraph_ids) <= MAX_OCCURRENCES_LISTED:
        return f"<p>Occurs in: {paragraph_links(ctx, src, paragraph_ids)}</p>"
    shown = paragraph_links(ctx, src, paragraph_ids[:MAX_OCCURRENCES_LISTED])
    return f"<p>Occurs in {len(paragraph_ids)} paragraphs, the first {MAX_OCCURRENCES_LISTED} of them: {shown}, …</p>"


def timeline(ctx: Context) -> str:
    src = urls.TIMELINE
    edition = ctx.edition
    rows = [
        f'<tr id="{urls.event_anchor(e.id)}"><td>{esc(e.when)}</td><td>{esc(e.title)}</td>'
        f"<td>“{ctx.plain(e.quote.text)}” ({ctx.paragraph_link(src, e.quote.paragraph)})</td></tr>"
        for e in sorted(edition.events, key=lambda e: (e.sort, edition.paragraph[e.quote.paragraph].number))
    ]
    return "\n".join(
        [
            "# Timeline",
            "",
            '<p class="editorial">The dates and periods the paper mentions, in order. The dates are the paper’s '
            "own words; the short descriptions are the editor’s.</p>",
            "",
            html_block(
                [
                    '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">',
                    '<table class="timeline">',
                    "<caption>Dated events in the paper</caption>",
                    '<thead><tr><th scope="col">When</th><th scope="col">Event (editor’s description)</th>'
                    '<th scope="col">In the paper’s words</th></tr></thead>',
                    "<tbody>",
                    *rows,
                    "</tbody></table></div></div>",
                ]
            ),
        ]
    )


# --- links under each paragraph -----------------------------------------------------------------


def paragraph_backlinks(ctx: Context, src: str, paragraph_id: str) -> str:
    cited = ctx.edition.cited_by.get(paragraph_id)
    if not cited:
        return ""
    groups = []
    for kind, label, page in BACKLINK_KINDS:
        records = cited.get(kind, [])
        if records:
            links = ", ".join(link(ctx, src, page(record.id), record.title) for record in records)
            groups.append(f'<span class="para-links__group"><span class="para-links__label">{label}:</span> {links}</span>')
    # Abbreviations explain themselves inline and occur almost everywhere; concepts are worth a link.
    terms = [term for term in cited.get("terms", []) if term.kind == "term"]
    if terms:
        links = ", ".join(link(ctx, src, urls.GLOSSARY, term.term, urls.term_anchor(term.id)) for term in terms)
        groups.append(f'<span class="para-links__group"><span class="para-links__label">Terms:</span> {links}</span>')
    if not groups:
        return ""
    return '<p class="para-links" data-search-exclude>' + " ".join(groups) + "</p>"
