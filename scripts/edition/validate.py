"""Check the loaded records against each other and against the source; never stop at the first error.

One check per kind of data file, registered below under its record class (load.DATA_FILES names the files;
the section files are one kind). The text's checks run first, on the records as loaded; if they pass, the
Edition is built and the checks that need it run. New checks go in a module of their own, called from the
check of the kind they concern.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from . import checks_edition, checks_editorial, checks_map, checks_text, safety
from . import records as r
from .checker import Checker
from .errors import DataErrors
from .load import load
from .model import Edition

TextCheck = Callable[[Checker], None]
EditionCheck = Callable[[Checker, Edition], None]

# In this order: the sections fill the shared namespace of text ids first, and say whether every paragraph
# could be read.
TEXT_CHECKS: dict[type, TextCheck] = {
    r.Section: checks_text.sections,
    r.Paper: checks_text.paper,
    r.FiguresFile: checks_text.figures,
    r.ReferencesFile: checks_text.references,
}
EDITION_CHECKS: dict[type, EditionCheck] = {
    r.ErrataFile: checks_map.errata,
    r.ChallengesFile: checks_map.challenges,
    r.AreasFile: checks_map.areas,
    r.ActorsFile: checks_map.actors,
    r.ProposalsFile: checks_map.proposals,
    r.GlossaryFile: checks_map.glossary,
    r.TimelineFile: checks_map.timeline,
    r.EditionsFile: checks_edition.editions,
    r.RegisterFile: checks_editorial.register,
}
# The Edition cannot be built without these; the argument map's files may be missing or broken (they count
# as empty), so that the text's own errors are still all reported.
NEEDED_FOR_EDITION = (r.Paper, r.FiguresFile, r.ReferencesFile, r.ErrataFile)


def run(checker: Checker) -> Edition | None:
    for text_check in TEXT_CHECKS.values():
        text_check(checker)
    edition = build_edition(checker)
    if edition is not None:
        for edition_check in EDITION_CHECKS.values():
            edition_check(checker, edition)
    return edition if not checker.errors else None


def build_edition(c: Checker) -> Edition | None:
    if c.sections is None or any(c.file(kind) is None for kind in NEEDED_FOR_EDITION) or c.errors:
        return None

    def records(kind: type, field: str) -> list:
        located = c.file(kind)
        return getattr(located.record, field) if located else []

    errata_file: r.ErrataFile = c.needed(r.ErrataFile).record
    return Edition(
        paper=c.needed(r.Paper).record,
        sections=[s.record for s in c.sections],
        figures=records(r.FiguresFile, "figures"),
        references=records(r.ReferencesFile, "references"),
        # Every erratum goes in, even one whose spot is wrong: checks_map.errata reports it, and an edition
        # with errors is never returned.
        errata=errata_file.errata,
        queries=errata_file.queries,
        challenges=records(r.ChallengesFile, "challenges"),
        three_p=records(r.AreasFile, "three_p"),
        areas=records(r.AreasFile, "areas"),
        proposal_paragraphs=records(r.ProposalsFile, "proposal_paragraphs"),
        proposals=records(r.ProposalsFile, "proposals"),
        actors=records(r.ActorsFile, "actors"),
        terms=records(r.GlossaryFile, "terms"),
        events=records(r.TimelineFile, "events"),
        source_lines=c.loaded.source_lines,
        numbered=records(r.EditionsFile, "editions"),
        withdrawn=errata_file.withdrawn,
        register=records(r.RegisterFile, "entries"),
    )


def check(data_dir: Path) -> Edition:
    """Load and check everything in data_dir. Raises DataErrors with every problem found."""
    loaded, errors = load(data_dir)
    safety_errors, declared = safety.check_loaded(loaded, data_dir)  # ids, characters, sizes, the source's digest
    checker = Checker(loaded)
    edition = run(checker)
    errors = errors + safety_errors + checker.errors
    if errors or edition is None:
        raise DataErrors(errors)
    edition.declared_ids = declared  # where each id is written, for checks of the rendered site (published.py)
    return edition
