"""The Editorial method page: the policies the edition follows and how each is checked, with every count
computed from the data at build time (nothing on it is typed in)."""

from __future__ import annotations

from collections import Counter

from .. import urls
from ..escape import esc
from ..modality import CLASS_LABELS, POSSIBLE, RECOMMENDING, REGISTER_MODALS, coverage, modal_hits, modal_sentences
from ..sourcing import general_statements, provenance, sourced
from . import tables
from .common import Context

# Editor's words for the kinds in data/errata.yml and data/register.yml.
ERRATUM_KINDS = {
    "misprint": "misprint (the printed form is no word, or no spelling, at all)",
    "contradiction": "contradicted by its own context",
    "reference-list": "settled beyond doubt by the paper’s reference list",
}
QUERY_KINDS = {
    "normalisation": "normalisation (the paper spells a name two ways)",
    "outside-knowledge": "would rest on outside knowledge",
    "reference-list": "text and reference list disagree, and the list does not settle it",
    "reference-entry": "an entry of the reference list is incomplete or doubtful",
    "unlisted-work": "the text cites a work the reference list lacks",
    "wording": "wording (a word seems wrong or missing)",
    "consistency": "the paper seems to say two things that do not agree",
}
REGISTER_KINDS = {
    "reported": "reports a view that is not the paper’s own",
    "description": "describes, predicts or estimates",
    "premise": "an evaluation that grounds a proposal",
    "restatement": "repeats a recommendation a proposal quotes elsewhere",
    "domestic": "each country’s own policy, not their cooperation",
}

# The errata policy, as the About and Editorial method pages state it (data/errata.yml repeats it).
ERRATA_POLICY = (
    "The edition emends only what the printed text itself proves wrong: a misprint (“systern”), or a word "
    "that its own context contradicts (¶32’s “the ROK and Korea”, in a paragraph about the ROK and Japan).",
    "A correction that rests on another part of the paper, such as its reference list, is an erratum only "
    "where that part leaves no doubt (a date and a URL, as for e5), and its reason says so.",
    "Normalisations, and corrections that would rest on knowledge from outside the paper, are editor’s "
    "queries: they are shown beside the text (marked ?), and the text keeps the printed reading.",
    "A correction withdrawn under this policy keeps its number and its address on the About page, which "
    "says what took its place.",
)


def policy_list() -> str:
    return "<ul>" + "".join(f"<li>{esc(rule)}</li>" for rule in ERRATA_POLICY) + "</ul>"


def render(ctx: Context) -> dict[str, str]:
    return {urls.METHOD: page(ctx)}


def counted(counter: Counter, labels: dict[str, str]) -> str:
    items = "".join(
        f"<li><strong>{counter[kind]}</strong> {esc(label)}</li>" for kind, label in labels.items() if counter[kind]
    )
    return f'<ul class="method-counts">{items}</ul>' if items else ""


def table(caption: str, header: list[str], rows: list[list[str]], css_class: str = "method-table") -> list[str]:
    return tables.table(caption, header, [tables.Row(row) for row in rows], css_class)


def page(ctx: Context) -> str:
    src = urls.METHOD
    about = esc(ctx.href(src, urls.ABOUT, urls.ERRATA_ANCHOR))
    lines = [
        "# Editorial method",
        "",
        '<p class="editorial">The rules this edition follows, and how the build and the tests check each of them. '
        "Every count on this page is computed from the edition’s data when the site is built. The errata and "
        f'queries themselves are listed on <a href="{about}">About this edition</a>.</p>',
        "",
    ]
    lines += authors_words_part(ctx) + errata_part(ctx, src) + as_printed_part()
    lines += proposals_part(ctx, src) + register_part(ctx, src) + sourcing_part(ctx, src) + checks_part()
    return "\n".join(lines)


def authors_words_part(ctx: Context) -> list[str]:
    return [
        f"## The author’s words {{#{urls.AUTHORS_WORDS_ANCHOR}}}",
        "",
        '<div class="editorial">',
        f"<p>The text is the publisher’s, word for word: each of the {len(ctx.edition.paragraphs)} paragraphs, every "
        "heading, the abstract, the figure caption and each entry of the reference list must equal its line in the "
        "saved copy of the publisher’s page (<code>data/source/</code>), or the build stops.</p>",
        "<p>Anything else the site shows as the author’s words (quotations, actor mentions, glossary expansions "
        "“as the paper gives it”, the paper’s words for a proposal’s modality, horizon and status, timeline dates, "
        "the words an editor’s query is about) is stored in the printed words and checked against the printed text "
        "of the paragraph it cites, never against the corrected reading. Where a correction falls inside a quotation, "
        "the quotation shows it as the paragraph does: the corrected words, marked †, linked to the erratum. A "
        "quotation may hold a correction whole or not at all.</p>",
        "<p>The editor’s own words (titles, summaries, definitions, statements, classifications) are labelled as "
        "the editor’s wherever they appear.</p>",
        "</div>",
        "",
    ]


def errata_part(ctx: Context, src: str) -> list[str]:
    edition = ctx.edition
    withdrawn = ", ".join(
        f'<a href="{esc(ctx.href(src, urls.ABOUT, urls.erratum_anchor(w.id)))}">{esc(w.id)}</a>'
        for w in edition.withdrawn
    )
    return [
        f"## Errata policy {{#{urls.ERRATA_POLICY_ANCHOR}}}",
        "",
        '<div class="editorial">',
        policy_list(),
        "</div>",
        "",
        f"Errata in force: <strong>{len(edition.errata)}</strong>, by kind:",
        "",
        counted(Counter(e.kind for e in edition.errata), ERRATUM_KINDS),
        "",
        f"Corrections withdrawn under the policy, each now a query: <strong>{len(edition.withdrawn)}</strong>"
        + (f" ({withdrawn})" if withdrawn else "")
        + ".",
        "",
        f"Editor’s queries: <strong>{len(edition.queries)}</strong>, by kind:",
        "",
        counted(Counter(q.kind for q in edition.queries), QUERY_KINDS),
        "",
    ]


def as_printed_part() -> list[str]:
    return [
        f"## The “As printed” reading {{#{urls.AS_PRINTED_ANCHOR}}}",
        "",
        '<div class="editorial">',
        "<p>The switch <strong>As printed</strong> in the header shows the paper’s text on every page exactly as the "
        "publisher printed it: corrections off, their † and ? marks hidden. Every page carries both readings of each "
        "corrected spot, so the switch works in place; the browser remembers the choice from page to page. Without "
        "JavaScript the switch still works on the page in view (a checkbox and CSS), but is not remembered.</p>",
        "<p>In either reading the marks cannot be selected, so copying a paragraph copies its words only; with the "
        "switch on, the copy is the publisher’s exact words. Search finds a paragraph by its words in either "
        "reading.</p>",
        "</div>",
        "",
    ]


def proposals_part(ctx: Context, src: str) -> list[str]:
    edition = ctx.edition
    classes = Counter(p.modality.class_ for p in edition.proposals)
    stated = sum(1 for p in edition.proposals if p.horizon.term != "not-stated")
    links = sum(len(p.actor_quotes) for p in edition.proposals)
    return [
        f"## How proposals are read {{#{urls.READING_PROPOSALS_ANCHOR}}}",
        "",
        '<div class="editorial">',
        "<p>Each proposal records the author’s own modal wording, verbatim from one of its quotations, and a class "
        "that says how the paper puts it: <em>recommended</em>, <em>suggested as possible</em>, or <em>described</em> "
        "as already under way. The class must match the wording, and the editor’s one-line statement may not be "
        "stronger than it: “should”, “must” or “need to” only for what the paper recommends, “could” or “can” only "
        "for what it recommends or suggests, and no modal at all for what it describes.</p>",
        "<p>A time horizon is recorded only from words inside the proposal’s own quotations; otherwise it is "
        "“not stated”. Each actor linked to a proposal has a quotation that names the actor in connection with it.</p>",
        "</div>",
        "",
        f"Proposals: <strong>{len(edition.proposals)}</strong>, by class:",
        "",
        counted(classes, CLASS_LABELS),
        "",
        f"Horizons stated in the paper’s words: <strong>{stated}</strong>; not stated: "
        f"<strong>{len(edition.proposals) - stated}</strong>. Actor links, each with its quotation: <strong>{links}</strong>.",
        "",
        *table(
            "Modal words and the class they allow in an editor’s statement",
            ["Class", "Words"],
            [
                [esc(CLASS_LABELS["recommended"]), esc(", ".join(RECOMMENDING))],
                [esc(CLASS_LABELS["possible"]), esc(", ".join(POSSIBLE)) + " (and the words above are not allowed)"],
                [esc(CLASS_LABELS["described"]), "none of the words above"],
            ],
        ),
        "",
    ]


def register_part(ctx: Context, src: str) -> list[str]:
    """The register's quoted sentences keep their ? marks (a link to the query, named by it) without the query's
    words as a tooltip: those words, on the page's largest table, made the method page 0.36 KB compressed too big
    for the first round trip of Lighthouse's simulated phone (README, Performance), and a reader checking the
    register's coverage follows the mark to the query rather than hovering it."""
    edition = ctx.edition
    sentences = modal_sentences(edition)
    cover = coverage(edition)
    rows = []
    for entry in edition.register:
        related = ""
        if entry.proposal:
            proposal = edition.proposal[entry.proposal]
            related = f'<a href="{esc(ctx.href(src, urls.proposal_page(proposal.id)))}">{esc(proposal.title)}</a>'
        rows.append(
            [
                f'<span id="{urls.register_anchor(entry.id)}">{esc(entry.id)}</span> {ctx.paragraph_link(src, entry.paragraph)}',
                "“" + ctx.author_words(src, entry.paragraph, entry.text, query_tooltips=False) + "”",
                esc(entry.kind),
                esc(entry.reason) + (f" See: {related}." if related else ""),
            ]
        )
    return [
        f"## The coverage register {{#{urls.REGISTER_ANCHOR}}}",
        "",
        '<div class="editorial">',
        "<p>So that no recommendation of the paper is missed, the build finds every sentence of the paper’s body "
        "(§I–VII) that holds one of these words, and every such word must lie inside a proposal’s quotation or "
        "inside an entry of the register below, which gives the editor’s reason why that sentence is not a "
        "proposal. The list is generous on purpose: a sentence it catches that recommends nothing costs one line "
        "here, while a recommendation it missed would be missed by the edition.</p>",
        f"<p>Words looked for: {esc(', '.join(REGISTER_MODALS))}.</p>",
        "</div>",
        "",
        f"Sentences with one of these words: <strong>{len(sentences)}</strong> ({len(modal_hits(edition))} "
        f"occurrences); occurrences quoted by a proposal: <strong>{len(cover.by_proposal)}</strong>; register entries: "
        f"<strong>{len(edition.register)}</strong>, covering <strong>{len(cover.by_register)}</strong> occurrences; "
        f"left unaccounted for: <strong>{len(cover.uncovered)}</strong>.",
        "",
        counted(Counter(e.kind for e in edition.register), REGISTER_KINDS),
        "",
        *table(
            "The coverage register: modal sentences that are not proposals",
            ["Entry", "Sentence", "Kind", "Reason"],
            rows,
            "method-table register",
        ),
        "",
    ]


def sourcing_part(ctx: Context, src: str) -> list[str]:
    edition = ctx.edition
    records = list(sourced(edition))
    general = general_statements(edition)
    editor_expansions = sum(1 for t in edition.terms if t.expansion and t.expansion_by == "editor") + sum(
        1 for a in edition.actors if a.expansion and a.expansion_by == "editor"
    )
    kinds = Counter(item.kind for item in general)
    labels = {"challenges": "challenges", "three_p": "3P elements", "areas": "cooperation areas", "actors": "actors",
              "terms": "glossary entries"}  # fmt: skip
    rows = [[esc(field), esc(str(value)), esc(where)] for field, value, where in provenance(edition.paper)]
    return [
        f"## The editor’s statements and their sources {{#{urls.SOURCING_ANCHOR}}}",
        "",
        '<div class="editorial">',
        "<p>Every summary or definition the editor writes for a challenge, 3P element, cooperation area, actor or "
        "glossary entry names the paragraphs that say it; what the paper does not say is set apart and labelled "
        "as the editor’s general knowledge. Timeline descriptions rest on the paragraph quoted beside each. "
        "Expansions of abbreviations that the paper does not print are labelled as the editor’s wherever they show, "
        "in the glossary, on actor pages and in the tooltips of the text.</p>",
        "</div>",
        "",
        f"Summaries and definitions tied to their paragraphs: <strong>{len(records)}</strong>. Statements labelled "
        f"as the editor’s general knowledge: <strong>{len(general)}</strong> ("
        + ", ".join(f"{count} {labels[kind]}" for kind, count in kinds.items())
        + f"). Expansions labelled as the editor’s: <strong>{editor_expansions}</strong>.",
        "",
        "Where each value of the front matter comes from (<code>data/paper.yml</code>):",
        "",
        *table("Sources of the front matter", ["Field", "Value", "Source"], rows),
        "",
    ]


def checks_part() -> list[str]:
    return [
        f"## How this is checked {{#{urls.CHECKS_ANCHOR}}}",
        "",
        '<div class="editorial">',
        "<ul>",
        "<li>Each build checks the data before anything is written and refuses, with file, line and column, any "
        "quotation or author’s word not in the printed text of its paragraph, a quotation that cuts through a "
        "correction, a correction resting on the reference list whose reason does not say so, a proposal whose "
        "statement is stronger than its class or whose class does not match its wording, a horizon or status "
        "outside the proposal’s quotations, an actor link without a quotation that names the actor, a modal "
        "sentence neither quoted nor in the register, an editor’s summary without its paragraphs, and a front-matter "
        "value without its source (<code>scripts/edition/fidelity.py</code>, <code>modality.py</code>, "
        "<code>sourcing.py</code>, reported by <code>checks_editorial.py</code>).</li>",
        "<li>A test walks the built site, not the data: every text marked as the author’s on every page, read as "
        "printed, must be in the printed line it names, and every difference from the corrected reading must lie "
        "inside a marked correction (<code>tests/test_author_text.py</code>). The same test shows that a quotation "
        "changed by one word is caught.</li>",
        "<li>The “As printed” reading of all paragraphs is compared, word for word, with the saved source, in the "
        "built HTML and in a browser with the switch on and with JavaScript off "
        "(<code>tests/browser/test_as_printed.py</code>).</li>",
        "</ul>",
        "</div>",
        "",
    ]
