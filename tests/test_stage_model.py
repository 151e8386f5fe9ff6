"""Unit tests of the model stage on the minimal fixture: errata applied to source text, the Edition's
indexes and pinpoints, glossary forms, and in-text citations."""

from __future__ import annotations

import pytest

from edition import intext_citations
from edition import records as r
from edition.glossary_forms import FormIndex
from edition.model import Segment, apply_errata, joined, reverted
from edition.validate import check

from .helpers import MINIMAL

SYSTEM = r.Erratum(
    id="e1", target="abstract", original="systern", corrected="system", occurrences=2, kind="typo", reason="Misprint."
)


@pytest.fixture(scope="module")
def minimal():
    return check(MINIMAL)


def test_errata_split_a_text_into_plain_and_corrected_runs():
    segments = apply_errata("A systern of systerns.", [SYSTEM])
    assert segments == [
        Segment("A "),
        Segment("system", SYSTEM),
        Segment(" of "),
        Segment("system", SYSTEM),
        Segment("s."),
    ]
    assert joined(segments) == "A system of systems."
    assert reverted(segments) == "A systern of systerns."


def test_a_text_without_errata_is_one_plain_run():
    assert apply_errata("Plain words.", []) == [Segment("Plain words.")]


def test_edition_indexes_places_and_pinpoints(minimal):
    assert [p.id for p in minimal.paragraphs] == ["p1", "p2"]
    place = minimal.place["p2"]
    assert place.section.id == "i" and place.subsection is None
    assert minimal.paragraph_pinpoint("p2") == "§I, ¶2"
    assert minimal.part_label("i") == "I"
    assert set(minimal.text_targets()) == {"abstract", "i", "p1", "p2", "figure-1", "doe-2020"}


def test_edition_reads_every_text_corrected(minimal):
    assert minimal.text("abstract") == "An abstract with a system."
    assert [s.erratum.id for s in minimal.segments("abstract") if s.erratum] == ["e1"]
    assert minimal.text("p1") == "First paragraph about the ROK and trade."


def test_edition_knows_which_records_quote_each_paragraph(minimal):
    quoting = minimal.cited_by["p2"]
    assert [p.id for p in quoting["proposals"]] == ["stockpile"]
    assert [c.id for c in quoting["challenges"]] == ["supply-risk"]
    assert minimal.proposals_by_area["supply-chain-stability"][0].id == "stockpile"


def test_glossary_forms_are_whole_words_longest_first():
    forms = FormIndex(["MDB", "MDBs", "New Industrial", "New Industrial Policy", "ROK"])
    text = "The ROK-Japan MDBs back the New Industrial Policy; BROKEN is no form."
    assert forms.occurring(text) == {"ROK", "MDBs", "New Industrial Policy", "New Industrial"}
    assert [form for _start, _end, form in forms.spans(text)] == ["ROK", "MDBs", "New Industrial Policy"]
    assert FormIndex([]).occurring(text) == set()


def test_in_text_citations_match_the_reference_list_or_are_listed_as_unlisted():
    doe = r.Reference(
        id="doe-2020", source_line=1, printed="Doe, Jane. 2020. A Work.", type="webpage",
        author=[r.Name(family="Doe", given="Jane")], title="A Work", issued=r.DateParts(date_parts=[[2020]]),
    )  # fmt: skip
    index = intext_citations.build([doe], {"p1": "As shown (Doe 2020; Kim 2015), and (Kim 2015, 3).", "p2": "None."})
    assert [(c.found.key, c.work.id) for c in index.cites["p1"]] == [
        ("Doe 2020", "doe-2020"),
        ("Kim 2015", "unlisted-kim-2015"),
    ]
    assert [w.id for w in index.listed] == ["doe-2020"]
    assert [w.key for w in index.unlisted] == ["Kim 2015"]
    assert index.cited_in == {"doe-2020": ["p1"], "unlisted-kim-2015": ["p1"]}
    assert "p2" not in index.cites


def test_reading_the_proposals_of_an_unnamed_record_changes_nothing(minimal):
    by_actor = minimal.proposals_by_actor
    named = dict(by_actor)
    assert by_actor["no-such-actor"] == []
    assert "no-such-actor" not in by_actor
    assert dict(by_actor) == named
    assert all(proposals for proposals in by_actor.values())  # only ids a proposal names are keys
