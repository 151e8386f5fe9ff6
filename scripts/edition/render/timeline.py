"""The timeline: the dates and periods the paper mentions, in order, drawn as a line of events."""

from __future__ import annotations

from .. import urls
from ..escape import esc
from .blocks import html_block
from .common import Context


def timeline(ctx: Context) -> str:
    src = urls.TIMELINE
    edition = ctx.edition
    events = []
    previous = None
    for e in sorted(edition.events, key=lambda e: (e.sort, edition.paragraph[e.quote.paragraph].number)):
        # Events of the same date hang from one date: the repeated date stays for screen readers only.
        same = e.when == previous
        previous = e.when
        when_class = "timeline__when visually-hidden" if same else "timeline__when"
        events.append(
            f'<li class="timeline__event{" timeline__event--same" if same else ""}" id="{urls.event_anchor(e.id)}">'
            f'<p class="{when_class}">{ctx.author_words(src, e.quote.paragraph, e.when, abbreviations=False, markers=False)}</p>'
            f'<p class="timeline__title">{esc(e.title)}</p>'
            f'<p class="timeline__quote">“{ctx.author_words(src, e.quote.paragraph, e.quote.text)}” '
            f"({ctx.paragraph_link(src, e.quote.paragraph)})</p></li>"
        )
    return "\n".join(
        [
            "# Timeline",
            "",
            '<p class="reading-key" data-search-exclude>The dates and periods the paper mentions, in order. Each date is the paper’s own '
            "words; the line under it is the editor’s description; the quotation is the paper’s, with its paragraph.</p>",
            "",
            html_block(['<ol class="timeline">', *events, "</ol>"]),
        ]
    )
