"""Every claim the argument map makes about the paper can be checked against the paper."""

from __future__ import annotations

# The paragraphs that hold a proposal's own modal wording (README, "Argument map"), from the editor's
# reading of §I–VII; each must be quoted by at least one proposal. The coverage register
# (tests/test_editorial.py) makes sure no other sentence with a modal is overlooked.
PARAGRAPHS_WITH_PROPOSALS = [
    "p1", "p2", "p10", "p14", "p18", "p19", "p23", "p27", "p28", "p29", "p31", "p32", "p34", "p35", "p40", "p42",
]  # fmt: skip


def all_quotes(edition):
    for kind in ("proposals", "challenges", "areas", "three_p"):
        for record in getattr(edition, kind):
            for quote in record.quotes:
                yield f"{kind}:{record.id}", quote.paragraph, quote.text
    for actor in edition.actors:
        for mention in actor.mentions:
            yield f"actors:{actor.id}", mention.paragraph, mention.text
    for proposal in edition.proposals:
        if proposal.horizon.words:
            yield f"proposals:{proposal.id}:horizon", proposal.horizon.paragraph, proposal.horizon.words
        yield f"proposals:{proposal.id}:modality", proposal.modality.paragraph, proposal.modality.words
        for link in proposal.actor_quotes:
            yield f"proposals:{proposal.id}:actor:{link.actor}", link.paragraph, link.text
        if proposal.status:
            yield f"proposals:{proposal.id}:status", proposal.status.paragraph, proposal.status.words
    for term in edition.terms:
        if term.defined_at:
            yield f"terms:{term.id}", term.defined_at.paragraph, term.defined_at.text
    for event in edition.events:
        yield f"events:{event.id}", event.quote.paragraph, event.quote.text


def test_every_quote_occurs_verbatim_in_the_printed_paragraph_it_names(edition):
    wrong = [(who, pid) for who, pid, text in all_quotes(edition) if text not in edition.printed(pid)]
    assert wrong == []
    assert sum(1 for _ in all_quotes(edition)) > 50


def test_every_paragraph_holding_a_proposal_is_quoted_by_one(edition):
    assert edition.proposal_paragraphs == PARAGRAPHS_WITH_PROPOSALS
    quoted = {q.paragraph for p in edition.proposals for q in p.quotes}
    assert [pid for pid in PARAGRAPHS_WITH_PROPOSALS if pid not in quoted] == []
    modal = {p.modality.paragraph for p in edition.proposals}
    assert sorted(modal, key=lambda pid: edition.paragraph[pid].number) == PARAGRAPHS_WITH_PROPOSALS
    # §I–III hold recommendations too (issue 9): at least three proposals come from them.
    early = [p for p in edition.proposals if edition.place[p.modality.paragraph].section.label in {"I", "II", "III"}]
    assert len(early) >= 3


def test_every_id_reference_resolves(edition):
    for proposal in edition.proposals:
        assert proposal.area in edition.area
        assert all(c in edition.challenge for c in proposal.challenges)
        assert all(a in edition.actor for a in proposal.actors)
        assert all(t in edition.three_p_by_id for t in proposal.three_p)
    for area in edition.areas:
        assert area.part in edition.section_of


def test_every_challenge_and_area_is_answered_by_a_proposal(edition):
    assert all(edition.proposals_by_challenge[c.id] for c in edition.challenges)
    assert all(edition.proposals_by_area[a.id] for a in edition.areas)


def test_timeline_dates_are_the_papers_words(edition):
    for event in edition.events:
        assert event.when in edition.text(event.quote.paragraph)
    assert [e.sort for e in sorted(edition.events, key=lambda e: e.sort)][0] <= 1965


def test_glossary_terms_occur_where_the_glossary_says(edition):
    for term in edition.terms:
        assert edition.term_paragraphs[term.id], term.id
        for pid in edition.term_paragraphs[term.id]:
            assert any(form in edition.text(pid) for form in term.forms)
