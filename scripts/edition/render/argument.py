"""The argument map: proposals, challenges, cooperation areas, actors, glossary and timeline pages.

Each family of pages has its own module; this one puts them together in the site's page order.
"""

from __future__ import annotations

from .. import urls
from . import actors, areas, challenges, glossary, proposals, timeline
from .common import Context


def render(ctx: Context) -> dict[str, str]:
    edition = ctx.edition
    if not edition.proposals:
        return {}
    pages = {
        urls.PROPOSALS: proposals.proposals_index(ctx),
        urls.CHALLENGES: challenges.challenges_index(ctx),
        urls.AREAS: areas.areas_index(ctx),
        urls.ACTORS: actors.actors_index(ctx),
        urls.MATRIX: challenges.matrix(ctx),
        urls.GLOSSARY: glossary.glossary(ctx),
        urls.TIMELINE: timeline.timeline(ctx),
    }
    for proposal in edition.proposals:
        pages[urls.proposal_page(proposal.id)] = proposals.proposal_page(ctx, proposal)
    for challenge in edition.challenges:
        pages[urls.challenge_page(challenge.id)] = challenges.challenge_page(ctx, challenge)
    for area in edition.areas:
        pages[urls.area_page(area.id)] = areas.area_page(ctx, area)
    for actor in edition.actors:
        pages[urls.actor_page(actor.id)] = actors.actor_page(ctx, actor)
    return pages
