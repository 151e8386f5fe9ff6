"""Proposals say no more than the paper, and no recommendation of the paper goes unaccounted for.

Two checks, both on the printed text:

- Each proposal records the author's own modal wording (inside one of its quotes) and a class. The class
  must match that wording, and the editor's one-line statement may not be stronger than the class.
  A horizon or status is taken only from words inside the proposal's own quotes; every actor link has
  a quote that names the actor.
- The coverage register: every sentence of the paper's body that holds a recommending or possibility
  modal is either quoted by a proposal or listed in data/register.yml with the editor's reason.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from . import records as r
from .fidelity import quote_problem, short
from .model import Edition, occurrences

# --- how strongly words commit ---------------------------------------------------------------

# An editor's statement may commit no more than the author's wording, so each class has a strength and
# each modal a strength: "should" and its kin only where the author recommends, "could" and its kin only
# where the author recommends or suggests, and neither where the author describes what is under way.
RECOMMENDING = (
    "should", "must", "ought", "need to", "needs to", "will need", "have to", "has to", "necessary",
    "necessity", "essential", "crucial", "crucially", "required", "requires", "important to",
)  # fmt: skip
# "will" and "would" are here because a statement in the future or conditional goes beyond a description.
POSSIBLE = (
    "could", "can", "cannot", "may", "might", "would", "will", "possible", "possibly", "possibility",
    "possibilities", "consider", "consideration", "option",
)  # fmt: skip
STRENGTH = {"recommended": 3, "possible": 2, "described": 1}
CLASS_LABELS = {
    "recommended": "Recommended",
    "possible": "Suggested as possible",
    "described": "Described (already under way)",
}


def _pattern(words: Iterable[str]) -> re.Pattern:
    alternation = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)


_RECOMMENDING = _pattern(RECOMMENDING)
_POSSIBLE = _pattern(POSSIBLE)


def strength(text: str) -> tuple[int, str]:
    """(strength, the strongest modal found) of a text; a text with no modal describes (strength 1)."""
    if found := _RECOMMENDING.search(text):
        return STRENGTH["recommended"], found.group(0)
    if found := _POSSIBLE.search(text):
        return STRENGTH["possible"], found.group(0)
    return STRENGTH["described"], ""


def class_of(text: str) -> str:
    level, _ = strength(text)
    return next(name for name, value in STRENGTH.items() if value == level)


# --- the coverage register -------------------------------------------------------------------

# Words that can make a sentence recommend something or call it possible. The list is generous on
# purpose: a sentence it catches that is no recommendation costs one register line with a reason,
# while a recommendation it misses would be missed by the edition. Evaluations ("important",
# "essential", "realistic") are here because the paper recommends through them as often as through
# "should". Plain future "will" predicts and is left out; where it recommends it comes as "will need",
# "will be necessary" or "will be crucially considered", which the list catches.
REGISTER_MODALS = (
    "should", "must", "ought", "need to", "needs to", "needed to", "need for", "will need", "have to",
    "has to", "necessary", "necessity", "essential", "crucial", "crucially", "important", "significant",
    "require", "requires", "required", "could", "can", "cannot", "may", "might", "would", "possible",
    "possibility", "possibilities", "feasible", "feasibility", "realistic", "unrealistic", "consideration",
)  # fmt: skip
_MODAL = _pattern(REGISTER_MODALS)
# A sentence ends at . ? ! or the closing ■ before a space and a capital, quote or bracket; "U.S." is
# always followed by a lower-case word or a comma in this paper, so it does not end one.
_SENTENCE_END = re.compile(r"(?<=[.?!■])\s+(?=[A-Z“(\[])")


@dataclasses.dataclass(frozen=True)
class Hit:
    paragraph: str
    start: int  # offsets in the printed text
    end: int
    word: str


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a printed paragraph."""
    bounds, start = [], 0
    for gap in _SENTENCE_END.finditer(text):
        bounds.append((start, gap.start()))
        start = gap.end()
    bounds.append((start, len(text)))
    return bounds


def modal_hits(edition: Edition) -> list[Hit]:
    """Every modal of REGISTER_MODALS in the body paragraphs (§I–VII), printed text, in reading order."""
    return [
        Hit(p.id, m.start(), m.end(), m.group(0))
        for p in edition.paragraphs
        for m in _MODAL.finditer(edition.printed(p.id))
    ]


def sentence_of(edition: Edition, hit: Hit) -> str:
    text = edition.printed(hit.paragraph)
    for start, end in sentences(text):
        if start <= hit.start < end:
            return text[start:end]
    return text


def modal_sentences(edition: Edition) -> list[tuple[str, str]]:
    """(paragraph id, sentence) of each sentence that holds a modal, each once, in reading order."""
    found: list[tuple[str, str]] = []
    for hit in modal_hits(edition):
        item = (hit.paragraph, sentence_of(edition, hit))
        if item not in found:
            found.append(item)
    return found


Spots = dict[str, list[tuple[int, int, str]]]  # paragraph id -> (start, end, record id) in the printed text


def _spots(edition: Edition, items: Iterable[tuple[str, str, str]]) -> Spots:
    """Where each (record id, paragraph, words) stands, by paragraph, so a hit is looked up in its paragraph only."""
    found: Spots = {}
    for record_id, paragraph_id, words in items:
        if paragraph_id in edition.paragraph:
            for start in occurrences(edition.printed(paragraph_id), words):
                found.setdefault(paragraph_id, []).append((start, start + len(words), record_id))
    return found


def _holders(spots: Spots, hit: Hit) -> list[str]:
    """The records whose words hold a hit, each once."""
    return list(
        dict.fromkeys(rid for start, end, rid in spots.get(hit.paragraph, []) if start <= hit.start and hit.end <= end)
    )


def quote_spots(edition: Edition) -> Spots:
    return _spots(edition, ((p.id, q.paragraph, q.text) for p in edition.proposals for q in p.quotes))


def register_spots(edition: Edition) -> Spots:
    return _spots(edition, ((e.id, e.paragraph, e.text) for e in edition.register))


@dataclasses.dataclass
class Coverage:
    by_proposal: dict[Hit, list[str]]  # hit -> ids of the proposals whose quotes hold it
    by_register: dict[Hit, list[str]]  # hit -> ids of the register entries that hold it
    uncovered: list[Hit]


def coverage(edition: Edition) -> Coverage:
    quotes, entries = quote_spots(edition), register_spots(edition)
    by_proposal: dict[Hit, list[str]] = {}
    by_register: dict[Hit, list[str]] = {}
    uncovered = []
    for hit in modal_hits(edition):
        proposals, held_by = _holders(quotes, hit), _holders(entries, hit)
        if proposals:
            by_proposal[hit] = proposals
        if held_by:
            by_register[hit] = held_by
        if not proposals and not held_by:
            uncovered.append(hit)
    return Coverage(by_proposal, by_register, uncovered)


# --- the checks ------------------------------------------------------------------------------

Problem = tuple[str, str]  # (field path in its file, message)


def proposal_problems(edition: Edition) -> list[Problem]:
    forms = {actor.id: actor.forms for actor in edition.actors}
    problems: list[Problem] = []
    for i, proposal in enumerate(edition.proposals):
        path = f"proposals[{i}]"
        problems += _modality(edition, path, proposal)
        problems += _horizon_and_status(path, proposal)
        problems += _actor_links(edition, path, proposal, forms)
    return problems


def uncovered_message(edition: Edition, hit: Hit) -> str:
    return (
        f"¶{edition.paragraph[hit.paragraph].number} ({hit.paragraph}): the sentence "
        f"'{short(sentence_of(edition, hit))}' holds “{hit.word}”, and no proposal quotes it nor does "
        "data/register.yml list it; quote it in a proposal, or list it in the register with the reason "
        "it is not a proposal"
    )


def _inside_a_quote(proposal: r.Proposal, paragraph_id: str | None, words: str | None) -> bool:
    return any(q.paragraph == paragraph_id and words and words in q.text for q in proposal.quotes)


def _modality(edition: Edition, path: str, proposal: r.Proposal) -> list[Problem]:
    modality = proposal.modality
    found: list[Problem] = []
    if modality.paragraph not in edition.paragraph:
        found.append((f"{path}.modality.paragraph", f"expected the id of a paragraph, found '{modality.paragraph}'"))
    elif problem := quote_problem(edition, modality.paragraph, modality.words):
        found.append((f"{path}.modality.words", problem))
    elif not _inside_a_quote(proposal, modality.paragraph, modality.words):
        found.append(
            (
                f"{path}.modality.words",
                f"expected the author's modal wording from one of the proposal's own quotes of {modality.paragraph}, "
                f"found '{short(modality.words)}', which none of them holds",
            )
        )
    wording = class_of(modality.words)
    if wording != modality.class_:
        _, modal = strength(modality.words)
        shown = f"“{modal}”" if modal else "no modal"
        found.append(
            (
                f"{path}.modality.class",
                f"expected '{wording}' for the wording '{short(modality.words)}' ({shown}), found '{modality.class_}'",
            )
        )
    level, modal = strength(proposal.statement)
    if level > STRENGTH[modality.class_]:
        found.append(
            (
                f"{path}.statement",
                f"expected a statement no stronger than the paper's wording ('{short(modality.words)}', "
                f"{modality.class_}), found “{modal}” in it",
            )
        )
    return found


def _horizon_and_status(path: str, proposal: r.Proposal) -> list[Problem]:
    horizon = proposal.horizon
    found: list[Problem] = []
    if horizon.term == "not-stated":
        if horizon.words or horizon.paragraph:
            found.append(
                (f"{path}.horizon", "expected no words and no paragraph for a horizon the paper does not state")
            )
    elif not (horizon.words and horizon.paragraph):
        found.append(
            (
                f"{path}.horizon",
                f"expected the paper's words and their paragraph for the horizon '{horizon.term}', or term: not-stated",
            )
        )
    elif not _inside_a_quote(proposal, horizon.paragraph, horizon.words):
        found.append(
            (
                f"{path}.horizon.words",
                f"expected words about this proposal, inside one of its quotes of {horizon.paragraph}, found "
                f"'{short(horizon.words)}', which none of them holds; a horizon the proposal's own words do not "
                "give is not-stated",
            )
        )
    if proposal.status and not _inside_a_quote(proposal, proposal.status.paragraph, proposal.status.words):
        found.append(
            (
                f"{path}.status.words",
                f"expected words inside one of the proposal's quotes of {proposal.status.paragraph}, found "
                f"'{short(proposal.status.words)}'",
            )
        )
    return found


def _actor_links(edition: Edition, path: str, proposal: r.Proposal, forms: dict[str, list[str]]) -> list[Problem]:
    found: list[Problem] = []
    for j, link in enumerate(proposal.actor_quotes):
        link_path = f"{path}.actor_quotes[{j}]"
        if link.actor not in proposal.actors:
            found.append(
                (
                    f"{link_path}.actor",
                    f"expected one of the proposal's actors ({', '.join(proposal.actors)}), found '{link.actor}'",
                )
            )
        elif link.paragraph not in edition.paragraph:
            found.append((f"{link_path}.paragraph", f"expected the id of a paragraph, found '{link.paragraph}'"))
        elif problem := quote_problem(edition, link.paragraph, link.text):
            found.append((f"{link_path}.text", problem))
        elif link.actor in forms and not any(_names(link.text, form) for form in forms[link.actor]):
            found.append(
                (
                    f"{link_path}.text",
                    f"expected words that name '{link.actor}' ({' or '.join(repr(f) for f in forms[link.actor])}), "
                    f"found '{short(link.text)}'",
                )
            )
    quoted = {link.actor for link in proposal.actor_quotes}
    for j, actor_id in enumerate(proposal.actors):
        if actor_id not in quoted:
            found.append(
                (
                    f"{path}.actors[{j}]",
                    f"expected an actor_quotes entry with the paper's words naming '{actor_id}' in connection with "
                    "this proposal, found none",
                )
            )
    return found


def _names(text: str, form: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text) is not None


def register_problems(edition: Edition) -> list[Problem]:
    """Each register entry is the paper's printed words, holds a modal, and is not quoted by a proposal."""
    problems: list[Problem] = []
    seen: set[str] = set()
    hits: dict[str, list[Hit]] = {}
    for hit in modal_hits(edition):
        hits.setdefault(hit.paragraph, []).append(hit)
    quotes = quote_spots(edition)
    for i, entry in enumerate(edition.register):
        path = f"entries[{i}]"
        if entry.id in seen:
            problems.append((f"{path}.id", f"duplicate id '{entry.id}': every id must be unique"))
        seen.add(entry.id)
        if entry.proposal is not None and entry.proposal not in edition.proposal:
            problems.append((f"{path}.proposal", f"expected the id of a proposal, found '{entry.proposal}'"))
        if entry.paragraph not in edition.paragraph:
            problems.append((f"{path}.paragraph", f"expected the id of a paragraph, found '{entry.paragraph}'"))
        elif problem := quote_problem(edition, entry.paragraph, entry.text):
            problems.append((f"{path}.text", problem))
        else:
            problems += [(f"{path}.text", message) for message in _entry_problems(edition, entry, hits, quotes)]
    return problems


def _entry_problems(edition: Edition, entry: r.RegisterEntry, hits: dict[str, list[Hit]], quotes: Spots) -> list[str]:
    mine = _spots(edition, [(entry.id, entry.paragraph, entry.text)])
    held = [h for h in hits.get(entry.paragraph, []) if _holders(mine, h)]
    if not held:
        return [f"expected words that hold a modal of the coverage list, found none in '{short(entry.text)}'"]
    # A proposal that quotes every modal the entry holds makes the entry superfluous.
    quoted = set(_holders(quotes, held[0])).intersection(*(_holders(quotes, h) for h in held[1:]))
    if quoted:
        first = next(p.id for p in edition.proposals if p.id in quoted)
        return [
            f"expected a sentence no proposal quotes, found one that proposal '{first}' quotes; remove it from the register"
        ]
    return []
