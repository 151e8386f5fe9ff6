"""The timeline: the dates and periods the paper mentions, in order."""

from __future__ import annotations

from .. import urls
from ..escape import esc
from .blocks import html_block
from .common import Context


def timeline(ctx: Context) -> str:
    src = urls.TIMELINE
    edition = ctx.edition
    rows = [
        f'<tr id="{urls.event_anchor(e.id)}"><td>{ctx.author_words(src, e.quote.paragraph, e.when, abbreviations=False, markers=False)}</td>'
        f"<td>{esc(e.title)}</td>"
        f"<td>“{ctx.author_words(src, e.quote.paragraph, e.quote.text)}” ({ctx.paragraph_link(src, e.quote.paragraph)})</td></tr>"
        for e in sorted(edition.events, key=lambda e: (e.sort, edition.paragraph[e.quote.paragraph].number))
    ]
    return "\n".join(
        [
            "# Timeline",
            "",
            '<p class="editorial">The dates and periods the paper mentions, in order. The dates are the paper’s '
            "own words; the short descriptions are the editor’s, each resting on the paragraph quoted beside it.</p>",
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
