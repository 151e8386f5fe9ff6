"""The Edition: every record indexed by id, texts with their corrections, and back-references."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence

from . import intext_citations
from . import records as r
from .errors import Mark
from .glossary_forms import FormIndex  # one matching rule for finding terms and for marking them

TextTarget = r.Paragraph | r.Section | r.Subsection | r.Figure | r.Reference | r.Paper

ABSTRACT_ID = "abstract"


# Queries on an in-text citation's work ("not in the reference list") are not marked in the running text:
# the citation link already says so on hover, and the references page lists each of them.
QUERY_KINDS_NOT_MARKED = frozenset({"unlisted-work"})


@dataclasses.dataclass(frozen=True)
class Segment:
    """A run of corrected text; `erratum` is set where the run replaces the source's words, `query`
    where the run is the printed words an editor's query is about."""

    text: str
    erratum: r.Erratum | None = None
    query: r.Query | None = None

    @property
    def original(self) -> str:
        return self.erratum.original if self.erratum else self.text


@dataclasses.dataclass(frozen=True)
class Span:
    """Where an erratum or a query applies, in the printed text."""

    start: int
    end: int
    erratum: r.Erratum | None = None
    query: r.Query | None = None


def occurrences(text: str, words: str) -> list[int]:
    """Start offsets of each non-overlapping occurrence of words in text."""
    found, start = [], 0
    while words and (position := text.find(words, start)) != -1:
        found.append(position)
        start = position + len(words)
    return found


def spans(text: str, errata: list[r.Erratum], queries: Sequence[r.Query] = ()) -> list[Span]:
    """Every spot an erratum corrects and every spot a query marks, in reading order. Assumes validated
    data; a query spot that would overlap a correction or an earlier query is left unmarked."""
    found = [Span(p, p + len(e.original), erratum=e) for e in errata for p in occurrences(text, e.original)]
    for query in queries:
        for position in occurrences(text, query.text):
            span = Span(position, position + len(query.text), query=query)
            if not any(span.start < other.end and other.start < span.end for other in found):
                found.append(span)
    return sorted(found, key=lambda span: span.start)


def segments_of(text: str, found: list[Span], start: int = 0, end: int | None = None) -> list[Segment]:
    """The printed text[start:end] as segments; a correction or query counts only if wholly inside."""
    end = len(text) if end is None else end
    segments: list[Segment] = []
    position = start
    for span in found:
        if span.start < start or span.end > end:
            continue
        if span.start > position:
            segments.append(Segment(text[position : span.start]))
        if span.erratum:
            segments.append(Segment(span.erratum.corrected, span.erratum))
        else:
            segments.append(Segment(text[span.start : span.end], query=span.query))
        position = span.end
    if position < end:
        segments.append(Segment(text[position:end]))
    return segments


def source_text(target: TextTarget) -> str:
    """The words as the source prints them (before corrections)."""
    if isinstance(target, r.Paper):
        return target.abstract
    if isinstance(target, r.Reference):
        return target.printed
    if isinstance(target, (r.Section, r.Subsection, r.Figure)):
        return target.title
    return target.text


def apply_errata(text: str, errata: list[r.Erratum]) -> list[Segment]:
    """Split the source text into plain runs and corrected runs. Assumes validated errata."""
    return segments_of(text, spans(text, errata))


def joined(segments: list[Segment]) -> str:
    return "".join(segment.text for segment in segments)


def reverted(segments: list[Segment]) -> str:
    return "".join(segment.original for segment in segments)


def part_label(section: r.Section, subsection: r.Subsection | None = None) -> str:
    """How readers number a part of the paper: 'IV' for a section, 'IV.1' for a subsection."""
    return f"{section.label}.{subsection.number}" if subsection else section.label


def pinpoint(label: str) -> str:
    """The section sign readers cite a part by, e.g. '§IV.1'."""
    return f"§{label}"


@dataclasses.dataclass(frozen=True)
class Place:
    """Where a paragraph stands: its section and, if any, subsection."""

    section: r.Section
    subsection: r.Subsection | None

    @property
    def label(self) -> str:
        """The part's number, e.g. 'IV.1'."""
        return part_label(self.section, self.subsection)

    @property
    def pinpoint(self) -> str:
        """The part as readers cite it, e.g. '§IV.1'."""
        return pinpoint(self.label)


class ProposalGroups(dict[str, list[r.Proposal]]):
    """Proposals by the id of a record they name. Reading an id that no proposal names gives an empty list and
    leaves the groups as they were: with a defaultdict, a page that read one with [] added the id, and a later
    page that asked `in` listed what depended on the order pages were rendered in."""

    def __missing__(self, key: str) -> list[r.Proposal]:
        return []


@dataclasses.dataclass
class Edition:
    paper: r.Paper
    sections: list[r.Section]
    figures: list[r.Figure]
    references: list[r.Reference]
    errata: list[r.Erratum]
    queries: list[r.Query]
    challenges: list[r.Challenge]
    three_p: list[r.ThreeP]
    areas: list[r.Area]
    proposal_paragraphs: list[str]
    proposals: list[r.Proposal]
    actors: list[r.Actor]
    terms: list[r.Term]
    events: list[r.Event]
    source_lines: list[str]
    # The numbered editions, oldest first (data/edition.yml); the last is this one.
    numbered: list[r.NumberedEdition] = dataclasses.field(default_factory=list)
    withdrawn: list[r.WithdrawnErratum] = dataclasses.field(default_factory=list)
    register: list[r.RegisterEntry] = dataclasses.field(default_factory=list)
    # Where each id is written in data/ ({id: [(mark, field path)]}), set by the validator, so that checks
    # of the rendered site can point at the record (published.py).
    declared_ids: dict[str, list[tuple[Mark, str]]] = dataclasses.field(default_factory=dict)

    def __post_init__(self) -> None:
        self.paragraphs: list[r.Paragraph] = []
        self.place: dict[str, Place] = {}
        self.subsections: dict[str, r.Subsection] = {}
        self.section_of: dict[str, r.Section] = {}
        for section in self.sections:
            self.section_of[section.id] = section
            for child in section.subsections:
                self.subsections[child.id] = child
                self.section_of[child.id] = section
            for subsection, paragraphs in section.groups():
                for paragraph in paragraphs:
                    self.paragraphs.append(paragraph)
                    self.place[paragraph.id] = Place(section, subsection)
        self.paragraph = {p.id: p for p in self.paragraphs}
        self.figure = {f.id: f for f in self.figures}
        self.figures_after = defaultdict(list)
        for figure in self.figures:
            self.figures_after[figure.after].append(figure)
        self.reference = {ref.id: ref for ref in self.references}
        self.erratum = {e.id: e for e in self.errata}
        self.challenge = {c.id: c for c in self.challenges}
        self.three_p_by_id = {t.id: t for t in self.three_p}
        self.area = {a.id: a for a in self.areas}
        self.proposal = {p.id: p for p in self.proposals}
        self.actor = {a.id: a for a in self.actors}
        self.term = {t.id: t for t in self.terms}
        errata_by_target: dict[str, list[r.Erratum]] = defaultdict(list)
        for erratum in self.errata:
            errata_by_target[erratum.target].append(erratum)
        self.errata_by_target = errata_by_target
        self.queries_by_target: dict[str, list[r.Query]] = defaultdict(list)
        for query in self.queries:
            self.queries_by_target[query.target].append(query)
        self.withdrawn_by_id = {w.id: w for w in self.withdrawn}
        self.query = {q.id: q for q in self.queries}
        self._printed: dict[str, str] = {}
        self._spans: dict[str, list[Span]] = {}
        self._segments: dict[str, list[Segment]] = {}
        self._targets = self.text_targets()
        for target_id, target in self._targets.items():
            printed = source_text(target)
            marked = [q for q in self.queries_by_target.get(target_id, []) if q.kind not in QUERY_KINDS_NOT_MARKED]
            self._printed[target_id] = printed
            self._spans[target_id] = spans(printed, errata_by_target.get(target_id, []), marked)
            self._segments[target_id] = segments_of(printed, self._spans[target_id])
        self._build_back_references()
        # The in-text citations, found once: every page that shows a paragraph links them.
        self.citations = intext_citations.build(self.references, {p.id: self.text(p.id) for p in self.paragraphs})

    @property
    def current(self) -> r.NumberedEdition:
        """The edition being built: the last in data/edition.yml (checked to exist)."""
        return self.numbered[-1]

    def text_targets(self) -> dict[str, TextTarget]:
        """Everything that carries text from the source, by id: what errata may point at."""
        targets: dict[str, TextTarget] = {ABSTRACT_ID: self.paper}
        for section in self.sections:
            targets[section.id] = section
            for subsection in section.subsections:
                targets[subsection.id] = subsection
        targets.update(self.paragraph)
        targets.update(self.figure)
        targets.update(self.reference)
        return targets

    def part_label(self, part_id: str) -> str:
        """The number of a section or subsection, by its id: 'IV' or 'IV.1'."""
        return part_label(self.section_of[part_id], self.subsections.get(part_id))

    def paragraph_pinpoint(self, paragraph_id: str) -> str:
        """A paragraph as readers cite it, e.g. '§IV.1, ¶18'."""
        return f"{self.place[paragraph_id].pinpoint}, ¶{self.paragraph[paragraph_id].number}"

    def segments(self, target_id: str) -> list[Segment]:
        return self._segments[target_id]

    def text(self, target_id: str) -> str:
        """The corrected reading."""
        return joined(self._segments[target_id])

    def printed(self, target_id: str) -> str:
        """The words as the source prints them."""
        return self._printed[target_id]

    def source_line(self, target_id: str) -> int:
        """The line of data/source/ that prints a target."""
        target = self._targets[target_id]
        return target.abstract_source_line if isinstance(target, r.Paper) else target.source_line

    def spans(self, target_id: str) -> list[Span]:
        return self._spans[target_id]

    def excerpt(self, target_id: str, words: str) -> list[Segment]:
        """Printed words of a target (a quote, say) as segments, with the corrections and queries that
        fall wholly inside them. The words must occur in the printed text (validated)."""
        printed = self._printed[target_id]
        start = printed.find(words)
        if start == -1:
            return [Segment(words)]
        return segments_of(printed, self._spans[target_id], start, start + len(words))

    def _build_back_references(self) -> None:
        # paragraph id -> the records that quote it, kept in file order and without repeats
        self.cited_by: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))

        # Records are compared by identity: comparing frozen dataclasses field by field made this quadratic
        # in the size of the records (a proposal holds its quotes, modality and actor quotes).
        noted: set[tuple[str, str, int]] = set()

        def note(kind: str, record: object, paragraph_id: str) -> None:
            key = (paragraph_id, kind, id(record))
            if key not in noted:
                noted.add(key)
                self.cited_by[paragraph_id][kind].append(record)

        for proposal in self.proposals:
            for quote in proposal.quotes:
                note("proposals", proposal, quote.paragraph)
        for challenge in self.challenges:
            for quote in challenge.quotes:
                note("challenges", challenge, quote.paragraph)
        for area in self.areas:
            for quote in area.quotes:
                note("areas", area, quote.paragraph)
        for actor in self.actors:
            for mention in actor.mentions:
                note("actors", actor, mention.paragraph)
        terms_of_form: dict[str, list[r.Term]] = defaultdict(list)
        for term in self.terms:
            for form in term.forms:
                terms_of_form[form].append(term)
        self.forms = FormIndex(terms_of_form)
        self.term_paragraphs: dict[str, list[str]] = {term.id: [] for term in self.terms}
        for paragraph in self.paragraphs:
            found = {term.id for form in self.forms.occurring(self.text(paragraph.id)) for term in terms_of_form[form]}
            for term in self.terms:  # glossary order, so a paragraph's links read the same everywhere
                if term.id in found:
                    self.term_paragraphs[term.id].append(paragraph.id)
                    note("terms", term, paragraph.id)
        # Abbreviations are explained inline wherever they occur; the first term to claim a form wins.
        self.expansion_of: dict[str, str] = {}
        for term in self.terms:
            if term.kind == "abbreviation" and term.expansion:
                for form in term.forms:
                    self.expansion_of.setdefault(form, term.expansion)
        self.abbreviations = FormIndex(self.expansion_of)
        self.abbreviation_term: dict[str, r.Term] = {}
        for term in self.terms:
            if term.kind == "abbreviation" and term.expansion:
                for form in term.forms:
                    self.abbreviation_term.setdefault(form, term)
        self.proposals_by_area = ProposalGroups()
        self.proposals_by_challenge = ProposalGroups()
        self.proposals_by_actor = ProposalGroups()
        for proposal in self.proposals:
            self.proposals_by_area.setdefault(proposal.area, []).append(proposal)
            for challenge_id in proposal.challenges:
                self.proposals_by_challenge.setdefault(challenge_id, []).append(proposal)
            for actor_id in proposal.actors:
                self.proposals_by_actor.setdefault(actor_id, []).append(proposal)
