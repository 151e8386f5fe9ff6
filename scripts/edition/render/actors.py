"""Actors and institutions: their index and one page per actor."""

from __future__ import annotations

from .. import records as r
from .. import urls
from ..escape import esc, md_text
from .blocks import expansion_note, index_page, link, proposal_list, quotes_section, sourced_summary
from .common import Context


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
    lines = [f"# {md_text(actor.name)}", ""]
    if actor.expansion:
        line = next((edition.source_line(m.paragraph) for m in actor.mentions if actor.expansion in m.text), None)
        lines += [
            f'<p class="actor-expansion">{esc(actor.name)}: {expansion_note(actor.expansion, actor.expansion_by, line)}</p>',
            "",
        ]
    lines += [
        sourced_summary(ctx, src, actor),
        "",
        f"<p>Kind (editor’s classification): {esc(actor.kind.replace('-', ' '))}</p>",
        "",
    ]
    lines += quotes_section(ctx, src, actor.mentions, "Where the paper names it")
    lines += [
        f"## Proposals that involve it {{#{urls.PROPOSALS_ANCHOR}}}",
        "",
        proposal_list(ctx, src, edition.proposals_by_actor[actor.id]),
        "",
    ]
    lines.append(f'<p data-search-exclude>{link(ctx, src, urls.ACTORS, "All actors")}</p>')
    return "\n".join(lines) + "\n"
