"""The editorial checks of issue 9, reported through the Checker: the author's words against the printed text
and the errata policy (fidelity.py), proposals no stronger than the paper and the coverage register
(modality.py), the editor's statements and the front matter sourced (sourcing.py).

Each function is called from the check of the file kind it concerns (checks_map.py, checks_text.py); the
coverage register has its own kind, registered in validate.EDITION_CHECKS.
"""

from __future__ import annotations

from . import fidelity, modality, sourcing
from . import records as r
from .checker import Checker, paragraph_paths
from .model import Edition

# The files whose editor's texts carry `sources` (and `general`), by the list in the file that holds them.
SOURCED_KINDS = {r.ChallengesFile: ["challenges"], r.AreasFile: ["three_p", "areas"], r.ActorsFile: ["actors"],
                 r.GlossaryFile: ["terms"]}  # fmt: skip


def _report(c: Checker, kind: type, problems: list[tuple[str, str]]) -> None:
    where = c.file(kind)
    if where is not None:
        for path, message in problems:
            c.error(where, path, message)


def errata(c: Checker, edition: Edition) -> None:
    _report(c, r.ErrataFile, fidelity.errata_problems(edition))


def glossary(c: Checker, edition: Edition) -> None:
    _report(c, r.GlossaryFile, fidelity.glossary_problems(edition) + sourcing.sources_problems(edition, "terms"))


def actors(c: Checker, edition: Edition) -> None:
    _report(c, r.ActorsFile, fidelity.actor_problems(edition) + sourcing.sources_problems(edition, "actors"))


def sourced(c: Checker, edition: Edition, kind: type) -> None:
    _report(c, kind, [problem for name in SOURCED_KINDS[kind] for problem in sourcing.sources_problems(edition, name)])


def proposals(c: Checker, edition: Edition) -> None:
    _report(c, r.ProposalsFile, modality.proposal_problems(edition))


def paper(c: Checker) -> None:
    located = c.file(r.Paper)
    if located is not None:
        _report(c, r.Paper, sourcing.provenance_problems(located.record, c.loaded.source_lines))


def register(c: Checker, edition: Edition) -> None:
    """The coverage register: its entries, and every modal sentence of the paper accounted for."""
    if c.file(r.RegisterFile) is None or c.file(r.ProposalsFile) is None:
        return
    _report(c, r.RegisterFile, modality.register_problems(edition))
    marks = {
        p.id: (located, f"{path}.text") for located in c.sections or [] for path, p in paragraph_paths(located.record)
    }
    for hit in modality.coverage(edition).uncovered:
        located, path = marks[hit.paragraph]
        c.error(located, path, modality.uncovered_message(edition, hit))
