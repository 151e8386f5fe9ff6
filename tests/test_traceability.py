"""Every claim the argument map makes about the paper can be checked against the paper.

The build refuses data that breaks a claim; each case below breaks one in a copy of the minimal edition and
shows the exact refusal (test_errors.py counts these cases among the message templates' cases). What the
checks cannot know, the editor's reading of which paragraphs propose something, is pinned on the real data.
"""

from __future__ import annotations

import pytest

from .helpers import broken, report

# The paragraphs that hold a proposal's own modal wording (README, "Argument map"), from the editor's
# reading of §I–VII: data/proposals.yml lists them, and the build makes each be quoted by a proposal. The
# coverage register (tests/test_editorial.py) makes sure no other sentence with a modal is overlooked.
PARAGRAPHS_WITH_PROPOSALS = [
    "p1", "p2", "p10", "p14", "p18", "p19", "p23", "p27", "p28", "p29", "p31", "p32", "p34", "p35", "p40", "p42",
]  # fmt: skip


def test_the_data_lists_the_paragraphs_the_editor_read_as_proposing(edition):
    assert edition.proposal_paragraphs == PARAGRAPHS_WITH_PROPOSALS
    modal = {p.modality.paragraph for p in edition.proposals}
    assert sorted(modal, key=lambda pid: edition.paragraph[pid].number) == PARAGRAPHS_WITH_PROPOSALS
    # §I–III hold recommendations too (issue 9): at least three proposals come from them.
    early = [p for p in edition.proposals if edition.place[p.modality.paragraph].section.label in {"I", "II", "III"}]
    assert len(early) >= 3


ONE = "1 error in data/; nothing was built."

# (file, text to replace, replacement, the whole report), as in test_errors.CASES.
CASES = {
    # Every quotation is the paper's words, in the paragraph it names.
    "actor-mention-not-verbatim": (
        "actors.yml",
        'text: "the ROK"',
        'text: "the ROK and Japan"',
        # The mark points at the first character that is not as printed: 'J'.
        "data/actors.yml:6:51: actors[0].mentions[0].text: expected the exact words of ¶1 (p1) as printed, "
        "found words that are not there: the first 12 characters agree with ¶1 (p1), then the quote has 'the ROK "
        f"and Japan' where ¶1 (p1) has '…about the ROK and trade.'\n{ONE}",
    ),
    "horizon-words-not-verbatim": (
        "proposals.yml",
        'words: "supply chains"',
        'words: "supply lines"',
        "data/proposals.yml:11:34: proposals[0].horizon.words: expected words about this proposal, inside one of "
        "its quotes of p2, found 'supply lines', which none of them holds; a horizon the proposal's own words do "
        "not give is not-stated\n"
        "data/proposals.yml:11:42: proposals[0].horizon.words: expected the exact words of ¶2 (p2) as printed, "
        "found words that are not there: the first 7 characters agree with ¶2 (p2), then the quote has 'supply "
        "lines' where ¶2 (p2) has '…on supply chains.'\n"
        "2 errors in data/; nothing was built.",
    ),
    "event-quote-not-verbatim": (
        "timeline.yml",
        "events: []",
        'events:\n  - id: ev1\n    when: "trade"\n    sort: 2021\n    title: "Trade"\n'
        '    quote: {paragraph: p1, text: "about trade"}',
        "data/timeline.yml:6:42: events[0].quote.text: expected the exact words of ¶1 (p1) as printed, "
        "found words that are not there: the first 7 characters agree with ¶1 (p1), then the quote has 'about "
        f"trade' where ¶1 (p1) has '…paragraph about the ROK and trade.'\n{ONE}",
    ),
    "event-date-not-in-its-quote": (
        "timeline.yml",
        "events: []",
        'events:\n  - id: ev1\n    when: "2021"\n    sort: 2021\n    title: "Trade"\n'
        '    quote: {paragraph: p1, text: "about the ROK and trade"}',
        f"data/timeline.yml:3:11: events[0].when: expected words from the quote (the paper's own date), found '2021'\n{ONE}",
    ),
    # Every record rests on a quotation.
    "record-without-quotes": (
        "challenges.yml",
        '    quotes:\n      - paragraph: p2\n        text: "supply chains"\n',
        "    quotes: []\n",
        f"data/challenges.yml:5:13: challenges[0].quotes: expected at least one quote from the paper, found an empty list\n{ONE}",
    ),
    # Every paragraph that proposes something is quoted by a proposal.
    "proposing-paragraph-not-quoted": (
        "proposals.yml",
        "proposal_paragraphs: [p2]",
        "proposal_paragraphs: [p1, p2]",
        f"data/proposals.yml:1:23: proposal_paragraphs[0]: expected a proposal quoting p1, found none\n{ONE}",
    ),
    # Every challenge and area is answered by a proposal, and every proposal names its challenges.
    "challenge-no-proposal-answers": (
        "challenges.yml",
        "    sources: [p2]\n",
        '    sources: [p2]\n  - id: unused-risk\n    title: "Unused"\n    summary: "Nobody answers it."\n'
        '    quotes: [{paragraph: p2, text: "supply chains"}]\n    sources: [p2]\n',
        f"data/challenges.yml:9:9: challenges[1].id: expected at least one proposal to name 'unused-risk', found none\n{ONE}",
    ),
    "proposal-names-no-challenge": (
        "proposals.yml",
        "challenges: [supply-risk]",
        "challenges: []",
        f"data/proposals.yml:7:17: proposals[0].challenges: expected at least one challenge id, found an empty list\n{ONE}",
    ),
    # Every id a record names exists.
    "proposal-names-an-unknown-challenge": (
        "proposals.yml",
        "challenges: [supply-risk]",
        "challenges: [supply-risks]",
        "data/proposals.yml:7:18: proposals[0].challenges[0]: expected the id of a challenge in data/challenges.yml, "
        f"found 'supply-risks', which does not exist; did you mean 'supply-risk'?\n{ONE}",
    ),
    "proposal-names-an-unknown-actor": (
        "proposals.yml",
        "actors: [rok]",
        "actors: [japan]",
        # The actor's quote names the old actor, so that is reported too.
        "data/proposals.yml:8:14: proposals[0].actors[0]: expected an actor_quotes entry with the paper's words "
        "naming 'japan' in connection with this proposal, found none\n"
        "data/proposals.yml:8:14: proposals[0].actors[0]: expected the id of an actor in data/actors.yml, found "
        "'japan', which does not exist\n"
        "data/proposals.yml:17:17: proposals[0].actor_quotes[0].actor: expected one of the proposal's actors (japan), "
        "found 'rok'\n"
        "3 errors in data/; nothing was built.",
    ),
    "area-names-an-unknown-part": (
        "areas.yml",
        "part: i\n",
        "part: iv\n",
        "data/areas.yml:10:11: areas[0].part: expected the id of a section or subsection, found 'iv', which does not "
        f"exist; did you mean 'i'?\n{ONE}",
    ),
    # Glossary forms occur in the paper; abbreviations are expanded, by the paper where it says so.
    "glossary-form-not-in-the-paper": (
        "glossary.yml",
        'forms: ["ROK"]',
        'forms: ["ROK", "Korea Republic"]',
        "data/glossary.yml:8:20: terms[0].forms[1]: expected words that occur in the paper, found 'Korea Republic', "
        f"which occurs in no paragraph\n{ONE}",
    ),
    "abbreviation-without-expansion": (
        "glossary.yml",
        '    expansion: "Republic of Korea"\n',
        "",
        f"data/glossary.yml:2:5: terms[0]: missing required field 'expansion' (an abbreviation needs its expansion)\n{ONE}",
    ),
    "expansion-by-the-paper-without-its-quote": (
        "glossary.yml",
        "expansion_by: editor",
        "expansion_by: paper",
        "data/glossary.yml:2:5: terms[0]: missing required field 'defined_at' (the quote where the paper spells it "
        f"out)\n{ONE}",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_broken_claim_is_refused(tmp_path, case):
    file, old, new, expected = CASES[case]
    assert report(broken(tmp_path, file, old, new)) == expected
