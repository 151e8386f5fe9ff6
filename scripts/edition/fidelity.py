"""Nothing is credited to the author that the author did not print.

Every text the site shows as the author's (quotes, actor mentions, glossary definitions and expansions,
horizon, status and modal words, timeline quotes, the words a query is about) is stored in the printed
words and checked against the printed text of the paragraph it names, never against the corrected
reading. A correction that falls inside a quote is shown there, marked, when the quote is rendered;
a quote may hold a correction whole or not at all.

The errata policy is checked here too, as far as a machine can: what a withdrawn erratum became, and
that a correction resting on the reference list says so.
"""

from __future__ import annotations

from . import records as r
from . import verbatim
from .model import Edition, occurrences

# An erratum of this kind rests on the paper's reference list; its reason must say so (errata policy).
REFERENCE_LIST_KIND = "reference-list"
REFERENCE_LIST_WORDS = "reference list"


def short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


def quote_problem(edition: Edition, target_id: str, words: str) -> str | None:
    """Why these words cannot be shown as the author's words in target_id, or None if they can."""
    printed = edition.printed(target_id)
    where = _where(edition, target_id)
    if words not in printed:
        _offset, how = verbatim.quote_difference(words, printed, where)
        message = f"expected the exact words of {where} as printed, found words that are not there: {how}"
        corrected = [e.id for e in edition.errata_by_target.get(target_id, []) if e.corrected in words]
        if words in edition.text(target_id) and corrected:
            message += (
                f"; they are the corrected reading (correction {', '.join(corrected)}): quote the printed words, "
                "and the correction is shown, marked, inside the quote"
            )
        return message
    for start in occurrences(printed, words):
        end = start + len(words)
        for span in edition.spans(target_id):
            if span.erratum and span.start < end and start < span.end and not (start <= span.start and span.end <= end):
                return (
                    f"expected words that hold each correction whole or not at all, found words that cut through "
                    f"correction {span.erratum.id} ('{span.erratum.original}') in {where}"
                )
    return None


def _where(edition: Edition, target_id: str) -> str:
    if target_id in edition.paragraph:
        return f"¶{edition.paragraph[target_id].number} ({target_id})"
    return target_id


Problem = tuple[str, str]  # (field path in its file, message)


def errata_problems(edition: Edition) -> list[Problem]:
    """The errata policy as far as a machine can check it, and each query's words against the printed text."""
    problems: list[Problem] = []
    targets = edition.text_targets()
    ids = {e.id for e in edition.errata} | {q.id for q in edition.queries}
    seen: set[str] = set()
    for i, withdrawn in enumerate(edition.withdrawn):
        path = f"withdrawn[{i}]"
        if withdrawn.id in ids or withdrawn.id in seen:
            problems.append(
                (f"{path}.id", f"duplicate id '{withdrawn.id}': a withdrawn erratum keeps its id for itself")
            )
        seen.add(withdrawn.id)
        if withdrawn.now not in edition.query:
            problems.append(
                (
                    f"{path}.now",
                    f"expected the id of the query that replaced it, found '{withdrawn.now}', which does not exist",
                )
            )
        if withdrawn.target not in targets:
            problems.append(
                (
                    f"{path}.target",
                    f"expected a paragraph, heading, figure, reference or 'abstract', found '{withdrawn.target}'",
                )
            )
        elif withdrawn.original not in edition.printed(withdrawn.target):
            problems.append(
                (
                    f"{path}.original",
                    f"expected words printed in {withdrawn.target}, found '{short(withdrawn.original)}'",
                )
            )
    for i, erratum in enumerate(edition.errata):
        if erratum.kind == REFERENCE_LIST_KIND and REFERENCE_LIST_WORDS not in erratum.reason:
            problems.append(
                (
                    f"errata[{i}].reason",
                    f"expected a reason that names the {REFERENCE_LIST_WORDS} it rests on (errata policy), found "
                    f"'{short(erratum.reason)}'",
                )
            )
    for i, query in enumerate(edition.queries):
        if query.target in targets:  # a wrong target is reported by the errata check
            problems += [(f"queries[{i}].text", message) for message in _query_problems(edition, query)]
    return problems


def _query_problems(edition: Edition, query: r.Query) -> list[str]:
    problem = quote_problem(edition, query.target, query.text)
    if problem:
        return [problem]
    found = []
    for start in occurrences(edition.printed(query.target), query.text):
        end = start + len(query.text)
        for span in edition.spans(query.target):
            if span.erratum and span.start < end and start < span.end:
                found.append(
                    f"expected words apart from every correction, found words that overlap correction "
                    f"{span.erratum.id} in {query.target}; a query is about the printed words"
                )
    return found


def glossary_problems(edition: Edition) -> list[Problem]:
    """An expansion credited to the paper is in the quote where the paper spells it out."""
    return [
        (
            f"terms[{i}].expansion",
            f"expected the expansion as the paper gives it, inside the defined_at quote, found '{short(term.expansion)}', "
            "which the quote does not hold",
        )
        for i, term in enumerate(edition.terms)
        if term.expansion_by == "paper"
        and term.expansion
        and term.defined_at
        and term.expansion not in term.defined_at.text
    ]


def actor_problems(edition: Edition) -> list[Problem]:
    """An actor's expansion says who gives it; the paper's own is in one of the actor's mentions."""
    problems: list[Problem] = []
    for i, actor in enumerate(edition.actors):
        if actor.expansion and actor.expansion_by is None:
            problems.append((f"actors[{i}].expansion_by", "missing required field 'expansion_by' (paper or editor)"))
        if (
            actor.expansion_by == "paper"
            and actor.expansion
            and not any(actor.expansion in m.text for m in actor.mentions)
        ):
            problems.append(
                (
                    f"actors[{i}].expansion",
                    f"expected the expansion as the paper gives it, inside one of the mentions, found "
                    f"'{short(actor.expansion)}', which no mention holds; label it expansion_by: editor",
                )
            )
    return problems
