"""Checks that need the Edition, one per kind of file: the errata against the texts they correct, and the
argument map's records against the paragraphs they quote and the records they name.

Registered in validate.EDITION_CHECKS. A file that did not load is skipped: its own errors say why.
"""

from __future__ import annotations

from . import checks_editorial, verbatim
from . import records as r
from .checker import Checker
from .errors import shown
from .load import Located, file_name
from .model import Edition, source_text

TEXT_TARGET = "a paragraph, heading, figure, reference or 'abstract'"


def errata(c: Checker, edition: Edition) -> None:
    """Each erratum's words occur in its target as often as it says; no two overlap; queries quote their target
    (as printed); the errata policy (checks_editorial)."""
    located = c.needed(r.ErrataFile)
    targets = edition.text_targets()
    seen: dict[str, tuple[Located, str]] = {}
    c.unique(located, [(f"errata[{i}].id", e.id) for i, e in enumerate(edition.errata)], seen)
    c.unique(located, [(f"queries[{i}].id", q.id) for i, q in enumerate(edition.queries)], seen)
    for i, erratum in enumerate(edition.errata):
        _erratum(c, located, f"errata[{i}]", erratum, targets)
    _overlaps(c, located, edition, targets)
    for i, query in enumerate(edition.queries):
        c.refers(located, f"queries[{i}].target", query.target, targets, TEXT_TARGET)
    checks_editorial.errata(c, edition)


def _erratum(c: Checker, located: Located, path: str, erratum: r.Erratum, targets: dict) -> None:
    if not c.refers(located, f"{path}.target", erratum.target, targets, TEXT_TARGET):
        return
    text = source_text(targets[erratum.target])
    found = text.count(erratum.original)
    if found == 0:
        c.error(
            located,
            f"{path}.original",
            f"expected words printed in {erratum.target}, found '{shown(erratum.original)}', which does not occur "
            f"there (the text before corrections){verbatim.nearest_words(erratum.original, text)}",
        )
    elif found != erratum.occurrences:
        c.error(
            located,
            f"{path}.occurrences",
            f"expected the number of times '{erratum.original}' occurs in {erratum.target}, "
            f"which is {found}, found {erratum.occurrences}",
        )
    if erratum.corrected in text:
        c.error(
            located,
            f"{path}.corrected",
            f"'{erratum.corrected}' already occurs in the source text of {erratum.target}, so the correction "
            "could not be undone unambiguously; widen 'original' and 'corrected'",
        )


def _overlaps(c: Checker, located: Located, edition: Edition, targets: dict) -> None:
    """Overlapping spots in one target would make the corrected text ill-defined."""
    for target_id, errata_here in edition.errata_by_target.items():
        if target_id not in targets:
            continue
        text = source_text(targets[target_id])
        covered: dict[int, str] = {}
        for erratum in errata_here:
            start = 0
            while (found := text.find(erratum.original, start)) != -1:
                for position in range(found, found + len(erratum.original)):
                    if position in covered and covered[position] != erratum.id:
                        c.error(
                            located,
                            f"errata[{edition.errata.index(erratum)}].original",
                            f"expected a spot no other erratum touches, found it overlaps {covered[position]} in {target_id}",
                        )
                        break
                    covered[position] = erratum.id
                start = found + len(erratum.original)


def challenges(c: Checker, edition: Edition) -> None:
    where = c.file(r.ChallengesFile)
    if where is None:
        return
    c.unique(where, [(f"challenges[{i}].id", x.id) for i, x in enumerate(edition.challenges)], {})
    for i, challenge in enumerate(edition.challenges):
        c.quotes(where, f"challenges[{i}]", challenge.quotes, edition)
    checks_editorial.sourced(c, edition, r.ChallengesFile)


def areas(c: Checker, edition: Edition) -> None:
    """The 3P elements and the cooperation areas, each with quotes; an area names its part of the paper."""
    where = c.file(r.AreasFile)
    if where is None:
        return
    c.unique(where, [(f"three_p[{i}].id", t.id) for i, t in enumerate(edition.three_p)], {})
    c.unique(where, [(f"areas[{i}].id", a.id) for i, a in enumerate(edition.areas)], {})
    parts = list(edition.section_of)
    three_p = [t.id for t in edition.three_p]
    for i, item in enumerate(edition.three_p):
        c.quotes(where, f"three_p[{i}]", item.quotes, edition)
    for i, area in enumerate(edition.areas):
        c.refers(where, f"areas[{i}].part", area.part, parts, "a section or subsection")
        for j, value in enumerate(area.three_p):
            c.refers(where, f"areas[{i}].three_p[{j}]", value, three_p, "a 3P element")
        c.quotes(where, f"areas[{i}]", area.quotes, edition)
    checks_editorial.sourced(c, edition, r.AreasFile)


def actors(c: Checker, edition: Edition) -> None:
    where = c.file(r.ActorsFile)
    if where is None:
        return
    c.unique(where, [(f"actors[{i}].id", a.id) for i, a in enumerate(edition.actors)], {})
    for i, actor in enumerate(edition.actors):
        c.quotes(where, f"actors[{i}]", actor.mentions, edition, field="mentions")
    checks_editorial.actors(c, edition)


def proposals(c: Checker, edition: Edition) -> None:
    """Each proposal names real records and quotes the paper; every paragraph that proposes is quoted; every
    challenge and area is answered by some proposal."""
    where = c.file(r.ProposalsFile)
    if where is None:
        return
    errors_before = len(c.errors)
    c.unique(where, [(f"proposals[{i}].id", p.id) for i, p in enumerate(edition.proposals)], {})
    for i, proposal in enumerate(edition.proposals):
        _proposal(c, where, f"proposals[{i}]", proposal, edition)
    quoted = {q.paragraph for p in edition.proposals for q in p.quotes}
    for i, paragraph_id in enumerate(edition.proposal_paragraphs):
        if c.refers(where, f"proposal_paragraphs[{i}]", paragraph_id, edition.paragraph, "a paragraph"):
            if paragraph_id not in quoted:
                c.error(where, f"proposal_paragraphs[{i}]", f"expected a proposal quoting {paragraph_id}, found none")
    if len(c.errors) == errors_before:  # an unused record is only news when the proposals are sound
        c.every_used(c.file(r.ChallengesFile), "challenges", edition.challenges, edition.proposals_by_challenge)
        c.every_used(c.file(r.AreasFile), "areas", edition.areas, edition.proposals_by_area)
    checks_editorial.proposals(c, edition)


def _proposal(c: Checker, where: Located, path: str, proposal: r.Proposal, edition: Edition) -> None:
    areas_known = c.ids(r.AreasFile, edition.areas)
    challenges_known = c.ids(r.ChallengesFile, edition.challenges)
    actors_known = c.ids(r.ActorsFile, edition.actors)
    three_p = c.ids(r.AreasFile, edition.three_p)
    c.refers(where, f"{path}.area", proposal.area, areas_known, f"a cooperation area in data/{file_name(r.AreasFile)}")
    for j, value in enumerate(proposal.challenges):
        c.refers(
            where,
            f"{path}.challenges[{j}]",
            value,
            challenges_known,
            f"a challenge in data/{file_name(r.ChallengesFile)}",
        )
    for j, value in enumerate(proposal.actors):
        c.refers(where, f"{path}.actors[{j}]", value, actors_known, f"an actor in data/{file_name(r.ActorsFile)}")
    for j, value in enumerate(proposal.three_p):
        c.refers(where, f"{path}.three_p[{j}]", value, three_p, "a 3P element")
    for field, spot in (("horizon", proposal.horizon), ("status", proposal.status)):
        if (
            spot
            and spot.paragraph is not None
            and c.refers(where, f"{path}.{field}.paragraph", spot.paragraph, edition.paragraph, "a paragraph")
        ):
            c.words(where, f"{path}.{field}.words", spot.words or "", spot.paragraph, edition)
    c.quotes(where, path, proposal.quotes, edition)
    # Actors may be none: a proposal lists only the actors the paper names (checks_editorial checks each).
    if not proposal.challenges:
        c.error(where, f"{path}.challenges", "expected at least one challenge id, found an empty list")


def glossary(c: Checker, edition: Edition) -> None:
    """Every form of a term occurs in the paper; abbreviations are expanded, and the paper's own expansions quoted."""
    where = c.file(r.GlossaryFile)
    if where is None:
        return
    c.unique(where, [(f"terms[{i}].id", t.id) for i, t in enumerate(edition.terms)], {})
    occurring = set().union(*(edition.forms.occurring(edition.text(p.id)) for p in edition.paragraphs))
    for i, term in enumerate(edition.terms):
        path = f"terms[{i}]"
        for j, form in enumerate(term.forms):
            if form not in occurring:
                c.error(
                    where,
                    f"{path}.forms[{j}]",
                    f"expected words that occur in the paper, found '{form}', which occurs in no paragraph",
                )
        if term.kind == "abbreviation" and not term.expansion:
            c.error(where, f"{path}", "missing required field 'expansion' (an abbreviation needs its expansion)")
        if term.expansion_by == "paper" and term.defined_at is None:
            c.error(where, f"{path}", "missing required field 'defined_at' (the quote where the paper spells it out)")
        if term.defined_at:
            c.quote(where, f"{path}.defined_at", term.defined_at, edition)
    checks_editorial.glossary(c, edition)


def timeline(c: Checker, edition: Edition) -> None:
    """Each event quotes the paper, and its date is the paper's own words from that quote."""
    where = c.file(r.TimelineFile)
    if where is None:
        return
    c.unique(where, [(f"events[{i}].id", e.id) for i, e in enumerate(edition.events)], {})
    for i, event in enumerate(edition.events):
        c.quote(where, f"events[{i}].quote", event.quote, edition)
        if event.when not in event.quote.text:
            c.error(
                where,
                f"events[{i}].when",
                f"expected words from the quote (the paper's own date), found '{event.when}'",
            )
