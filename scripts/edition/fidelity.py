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

from typing import Optional

from .errors import DataError
from .load import Located, Loaded
from .model import Edition, occurrences

# An erratum of this kind rests on the paper's reference list; its reason must say so (errata policy).
REFERENCE_LIST_KIND = "reference-list"
REFERENCE_LIST_WORDS = "reference list"


def short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


def quote_problem(edition: Edition, target_id: str, words: str) -> Optional[str]:
    """Why these words cannot be shown as the author's words in target_id, or None if they can."""
    printed = edition.printed(target_id)
    where = _where(edition, target_id)
    if words not in printed:
        message = f"expected the exact words of {where} as printed, found words that are not there: '{short(words)}'"
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


def check(edition: Edition, loaded: Loaded) -> list[DataError]:
    errors: list[DataError] = []

    def error(where: Located, path: str, message: str) -> None:
        errors.append(DataError(where.mark(path), path, message))

    errata = loaded.files.get("errata.yml")
    if errata is not None:
        _check_errata_policy(edition, errata, error)
    glossary = loaded.files.get("glossary.yml")
    if glossary is not None:
        for i, term in enumerate(edition.terms):
            if term.expansion_by == "paper" and term.expansion and term.defined_at:
                if term.expansion not in term.defined_at.text:
                    error(glossary, f"terms[{i}].expansion",
                          f"expected the expansion as the paper gives it, inside the defined_at quote, "
                          f"found '{short(term.expansion)}', which the quote does not hold")
    actors = loaded.files.get("actors.yml")
    if actors is not None:
        for i, actor in enumerate(edition.actors):
            if actor.expansion and actor.expansion_by is None:
                error(actors, f"actors[{i}].expansion_by", "missing required field 'expansion_by' (paper or editor)")
            if actor.expansion_by == "paper" and actor.expansion:
                if not any(actor.expansion in mention.text for mention in actor.mentions):
                    error(actors, f"actors[{i}].expansion",
                          f"expected the expansion as the paper gives it, inside one of the mentions, "
                          f"found '{short(actor.expansion)}', which no mention holds; label it expansion_by: editor")
    return errors


def _check_errata_policy(edition: Edition, located: Located, error) -> None:
    targets = edition.text_targets()
    ids = {e.id for e in edition.errata} | {q.id for q in edition.queries}
    seen: set[str] = set()
    for i, withdrawn in enumerate(edition.withdrawn):
        path = f"withdrawn[{i}]"
        if withdrawn.id in ids or withdrawn.id in seen:
            error(located, f"{path}.id", f"duplicate id '{withdrawn.id}': a withdrawn erratum keeps its id for itself")
        seen.add(withdrawn.id)
        if withdrawn.now not in edition.query:
            error(located, f"{path}.now", f"expected the id of the query that replaced it, found '{withdrawn.now}', which does not exist")
        if withdrawn.target not in targets:
            error(located, f"{path}.target", f"expected a paragraph, heading, figure, reference or 'abstract', found '{withdrawn.target}'")
        elif withdrawn.original not in edition.printed(withdrawn.target):
            error(located, f"{path}.original", f"expected words printed in {withdrawn.target}, found '{short(withdrawn.original)}'")
    for i, erratum in enumerate(edition.errata):
        if erratum.kind == REFERENCE_LIST_KIND and REFERENCE_LIST_WORDS not in erratum.reason:
            error(located, f"errata[{i}].reason",
                  f"expected a reason that names the {REFERENCE_LIST_WORDS} it rests on (errata policy), found "
                  f"'{short(erratum.reason)}'")
    for i, query in enumerate(edition.queries):
        if query.target not in targets:
            continue  # reported by the validator
        problem = quote_problem(edition, query.target, query.text)
        if problem:
            error(located, f"queries[{i}].text", problem)
            continue
        printed = edition.printed(query.target)
        for start in occurrences(printed, query.text):
            end = start + len(query.text)
            for span in edition.spans(query.target):
                if span.erratum and span.start < end and start < span.end:
                    error(located, f"queries[{i}].text",
                          f"expected words apart from every correction, found words that overlap correction "
                          f"{span.erratum.id} in {query.target}; a query is about the printed words")
