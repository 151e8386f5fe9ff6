"""One small typed class per kind of record in data/, one field per line.

Field names are the YAML keys, except where `key()` gives the YAML spelling (CSL uses hyphens).
A field with a default is optional in YAML.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal


def key(yaml_key: str, **kwargs: Any) -> Any:
    """A field whose YAML key is not a Python name, such as CSL's `container-title`."""
    return field(metadata={"key": yaml_key}, **kwargs)


# --- the paper -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Series:
    title: str
    number: int
    printed: str


@dataclass(frozen=True)
class Author:
    given: str
    family: str
    name: str
    name_source_line: int
    affiliation: str
    affiliation_source_line: int
    position: str
    department: str
    university: str
    note: str
    note_source_line: int


@dataclass(frozen=True)
class FieldSource:
    """Where a front-matter value comes from, for values without a `*_source_line` of their own."""

    field: str  # dotted, as in the file: "publisher", "series.title", "author.family"
    line: int | None = None  # a line of data/source/ that prints the value
    source: Literal["publisher's page"] | None = None  # shown by the page, absent from its saved text


@dataclass(frozen=True)
class Paper:
    title: str
    title_source_line: int
    series: Series
    type: str
    date: str
    type_date_source_line: int
    language: str
    author: Author
    publisher: str
    contents: list[str]  # section ids in reading order; each is data/sections/<id>.yml
    centre: str
    centre_source_line: int
    programme: str
    programme_source_line: int
    credits: str
    credits_source_line: int
    contact: str
    contact_source_line: int
    abstract_source_line: int
    abstract: str
    provenance: list[FieldSource] = field(default_factory=list)
    # The title as APA wants it in a reference entry (sentence case); only its capitals may differ from `title`.
    title_sentence_case: str | None = None


@dataclass(frozen=True)
class Paragraph:
    id: str
    number: int
    source_line: int
    text: str


@dataclass(frozen=True)
class Subsection:
    id: str
    number: int
    title: str
    source_line: int
    paragraphs: list[Paragraph]


@dataclass(frozen=True)
class Section:
    id: str
    label: str
    title: str
    source_line: int
    paragraphs: list[Paragraph]
    subsections: list[Subsection] = field(default_factory=list)

    def groups(self) -> list[tuple[Subsection | None, list[Paragraph]]]:
        """The paragraphs in reading order, grouped: the section's own first (no subsection), then each
        subsection's. Every walk over a section's paragraphs goes through here."""
        return [(None, self.paragraphs)] + [(subsection, subsection.paragraphs) for subsection in self.subsections]

    def all_paragraphs(self) -> list[Paragraph]:
        return [paragraph for _subsection, paragraphs in self.groups() for paragraph in paragraphs]


@dataclass(frozen=True)
class Figure:
    id: str
    label: str
    title: str
    after: str  # the paragraph the figure follows in the source
    source_line: int
    note: str  # the editor's note on what is (not) reproduced


@dataclass(frozen=True)
class FiguresFile:
    figures: list[Figure]


# --- references (CSL-YAML, with the printed line kept for provenance) ------------------------


@dataclass(frozen=True)
class Name:
    family: str | None = None
    given: str | None = None
    literal: str | None = None


@dataclass(frozen=True)
class DateParts:
    date_parts: list[list[int]] = key("date-parts")


@dataclass(frozen=True)
class Reference:
    id: str
    source_line: int = key("source-line")
    printed: str = key("printed")
    type: str = key("type")
    title: str = key("title")
    author: list[Name] = key("author")
    container_title: str | None = key("container-title", default=None)
    publisher: str | None = key("publisher", default=None)
    issued: DateParts | None = key("issued", default=None)
    URL: str | None = key("URL", default=None)
    accessed: DateParts | None = key("accessed", default=None)
    note: str | None = key("note", default=None)


@dataclass(frozen=True)
class ReferencesFile:
    references: list[Reference]


# --- corrections -----------------------------------------------------------------------------

# The errata policy (data/errata.yml, the Editorial method page): the printed text itself proves the
# reading wrong (a misprint, or a word its own context contradicts), or the paper's own reference list
# settles it beyond doubt. Anything else is a query.
ErratumKind = Literal["misprint", "contradiction", "reference-list"]


@dataclass(frozen=True)
class Erratum:
    id: str
    target: str  # a paragraph, section, subsection, figure or reference id, or "abstract"
    original: str
    corrected: str
    occurrences: int
    kind: ErratumKind
    reason: str


@dataclass(frozen=True)
class WithdrawnErratum:
    """A correction the edition once made and the errata policy no longer allows; its id stays citable."""

    id: str
    target: str
    original: str
    corrected: str
    now: str  # the query that took its place
    reason: str  # why the policy does not allow it


# What kind of doubt a query raises; the Editorial method page counts them.
QueryKind = Literal[
    "normalisation",  # the paper spells a name or form in more than one way
    "outside-knowledge",  # a correction would rest on knowledge from outside the paper
    "reference-list",  # text and reference list disagree, and the list does not settle it
    "reference-entry",  # an entry of the reference list is incomplete or doubtful in itself
    "unlisted-work",  # the text cites a work the reference list lacks
    "wording",  # a word seems wrong or missing; the intended wording cannot be recovered
    "consistency",  # the paper seems to say two things that do not agree
]


@dataclass(frozen=True)
class Query:
    id: str
    target: str
    text: str
    kind: QueryKind
    query: str


@dataclass(frozen=True)
class ErrataFile:
    errata: list[Erratum]
    queries: list[Query] = field(default_factory=list)
    withdrawn: list[WithdrawnErratum] = field(default_factory=list)


# --- the argument map ------------------------------------------------------------------------

ThreePId = Literal["protection", "promotion", "partnership"]


@dataclass(frozen=True)
class Quote:
    paragraph: str
    text: str


@dataclass(frozen=True)
class Challenge:
    id: str
    title: str
    summary: str  # the editor's, from the paragraphs in `sources`
    sources: list[str]
    quotes: list[Quote]
    general: str | None = None  # the editor's general knowledge, labelled as such


@dataclass(frozen=True)
class ChallengesFile:
    challenges: list[Challenge]


@dataclass(frozen=True)
class ThreeP:
    id: ThreePId
    title: str
    summary: str
    sources: list[str]
    quotes: list[Quote]
    general: str | None = None


@dataclass(frozen=True)
class Area:
    id: str
    title: str
    part: str  # the section or subsection of the paper that discusses it
    pillar: Literal["direction", "de-globalization", "shrinking", "north-korea"]
    three_p: list[ThreePId]
    summary: str
    sources: list[str]
    quotes: list[Quote]
    general: str | None = None


@dataclass(frozen=True)
class AreasFile:
    three_p: list[ThreeP]
    areas: list[Area]


@dataclass(frozen=True)
class Horizon:
    term: Literal["near", "long", "conditional", "not-stated"]
    # The paper's own words about this proposal, inside one of its quotes; none when not stated.
    words: str | None = None
    paragraph: str | None = None


# How the paper puts a proposal; the editor's statement may be no stronger (scripts/edition/modality.py).
ModalityClass = Literal["recommended", "possible", "described"]


@dataclass(frozen=True)
class Modality:
    # field() itself rather than key(): type checkers read any other call as a default value.
    class_: ModalityClass = field(metadata={"key": "class"})
    words: str  # the author's modal wording, inside one of the proposal's quotes
    paragraph: str


@dataclass(frozen=True)
class ActorQuote:
    """The paper's words naming an actor in connection with a proposal."""

    actor: str
    paragraph: str
    text: str


@dataclass(frozen=True)
class Status:
    value: Literal["agreed", "being-explored", "discussed", "proposed"]
    words: str
    paragraph: str


Instrument = Literal[
    "overall-direction",  # the paper's general recommendations on the direction of cooperation (§I–III, VII)
    "supply-chain-measure",
    "joint-investment",
    "norm-setting",
    "policy-dialogue",
    "technology-platform",
    "development-finance",
    "knowledge-sharing",
    "institution-building",
]


@dataclass(frozen=True)
class Proposal:
    id: str
    title: str
    statement: str
    area: str
    challenges: list[str]
    actors: list[str]
    three_p: list[ThreePId]
    instrument: Instrument
    horizon: Horizon
    quotes: list[Quote]
    modality: Modality
    actor_quotes: list[ActorQuote]
    status: Status | None = None


@dataclass(frozen=True)
class ProposalsFile:
    proposal_paragraphs: list[str]
    proposals: list[Proposal]


ActorKind = Literal[
    "country",
    "government-body",
    "international-organization",
    "forum",
    "development-bank",
    "company",
    "media",
    "person",
    "group",
]


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: ActorKind
    forms: list[str]  # how the paper names it; an actor link's quote must hold one
    summary: str
    sources: list[str]
    mentions: list[Quote]
    expansion: str | None = None
    expansion_by: Literal["paper", "editor"] | None = None
    general: str | None = None


@dataclass(frozen=True)
class ActorsFile:
    actors: list[Actor]


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    kind: Literal["abbreviation", "term"]
    definition: str  # the editor's account of how the paper uses it, from `sources`
    sources: list[str]
    forms: list[str]
    expansion: str | None = None
    expansion_by: Literal["paper", "editor"] | None = None
    defined_at: Quote | None = None
    general: str | None = None  # what the term means outside the paper: the editor's general knowledge


@dataclass(frozen=True)
class GlossaryFile:
    terms: list[Term]


@dataclass(frozen=True)
class Event:
    id: str
    when: str  # as the paper gives it
    sort: int
    title: str
    quote: Quote


@dataclass(frozen=True)
class TimelineFile:
    events: list[Event]


# --- the coverage register ------------------------------------------------------------------

# Why a sentence with a modal is not a proposal (scripts/edition/modality.py finds the sentences).
RegisterKind = Literal[
    "reported",  # the paper reports a view that is not its own
    "description",  # the modal describes, predicts or estimates; nothing is recommended
    "premise",  # an evaluation that grounds a proposal without being one
    "restatement",  # repeats a recommendation that a proposal quotes elsewhere
    "domestic",  # advice for each country's own policy, not for their cooperation
]


@dataclass(frozen=True)
class RegisterEntry:
    id: str
    paragraph: str
    text: str  # the printed words that hold the modal
    kind: RegisterKind
    reason: str
    proposal: str | None = None  # the proposal it grounds or restates


@dataclass(frozen=True)
class RegisterFile:
    entries: list[RegisterEntry]


# --- numbered editions (data/edition.yml) -----------------------------------------------------

# What can change in the text layer from one edition to the next; every change names the ids it concerns.
ChangeKind = Literal[
    "first-edition",
    "erratum-added",
    "erratum-withdrawn",
    "erratum-revised",
    "query-added",
    "query-withdrawn",
    "query-revised",
    "proposal-added",
    "proposal-withdrawn",
    "proposal-reclassified",
    "proposal-revised",
    "record-added",
    "record-withdrawn",
    "record-revised",
    "id-renamed",
]


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    note: str  # the editor's words, shown on the changelog page
    ids: list[str] = field(default_factory=list)  # the records concerned (the new id of a renamed one)
    renamed_from: str | None = key("from", default=None)  # id-renamed only: the old id, redirected to the new


@dataclass(frozen=True)
class NumberedEdition:
    number: int
    date: str  # the day this edition was published (the editor's date, not the paper's)
    changes: list[Change]


@dataclass(frozen=True)
class EditionsFile:
    editions: list[NumberedEdition]


def yaml_key(f: dataclasses.Field) -> str:
    return f.metadata.get("key", f.name)
