"""Read every file in data/ into typed records, keeping where each value was written."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from . import records as r
from .convert import Converter
from .errors import DataError, Mark
from .yamlio import load_yaml

# One YAML file per kind of record, so an editor knows where to look; the class says what it holds.
# This is the only place the file names are written. Each kind's check is registered under its class in
# validate.py (TEXT_CHECKS or EDITION_CHECKS); a test keeps the two tables in step.
DATA_FILES: dict[str, type] = {
    "paper.yml": r.Paper,
    "figures.yml": r.FiguresFile,
    "references.yml": r.ReferencesFile,
    "errata.yml": r.ErrataFile,
    "challenges.yml": r.ChallengesFile,
    "areas.yml": r.AreasFile,
    "proposals.yml": r.ProposalsFile,
    "actors.yml": r.ActorsFile,
    "glossary.yml": r.GlossaryFile,
    "timeline.yml": r.TimelineFile,
    "edition.yml": r.EditionsFile,
    # Sentences with a modal that are not proposals, each with the editor's reason (issue 9).
    "register.yml": r.RegisterFile,
}

# One file per section keeps each diff small and each file readable on its own.
SECTIONS_DIR = "sections"
# The verbatim provenance copy of the publisher's page; tests compare against it, never ../shared.
SOURCE_FILE = "source/000_c0e8e11fa83fec7f.txt"


def file_name(kind: type) -> str:
    """The file in data/ that holds a kind of record, e.g. "areas.yml" for AreasFile."""
    return next(name for name, cls in DATA_FILES.items() if cls is kind)


@dataclasses.dataclass
class Located:
    """One loaded file: its typed record and where each field path was written."""

    display_name: str
    record: Any
    marks: dict[str, Mark]

    def mark(self, path: str) -> Mark:
        # Fall back to the nearest enclosing value, then to the file's start.
        while path:
            if path in self.marks:
                return self.marks[path]
            path = path.rsplit(".", 1)[0] if "." in path else (path.rsplit("[", 1)[0] if "[" in path else "")
        return self.marks.get("", Mark(self.display_name, 1, 1))


@dataclasses.dataclass
class Loaded:
    files: dict[str, Located]  # by file name relative to data/, e.g. "proposals.yml"
    sections: list[Located]  # every data/sections/*.yml that could be read, in file-name order
    unreadable_sections: list[str]  # those that could not; checks needing every paragraph wait for them
    source_lines: list[str]  # the provenance copy, line by line (index 0 is line 1)
    data_dir: Path | None = None  # where the files are, to point at a character inside a value

    def of(self, kind: type) -> Located | None:
        """The loaded file of a kind (a class of DATA_FILES), or None if it could not be read."""
        return self.files.get(file_name(kind))


def display_name(data_dir: Path, path: Path) -> str:
    return f"{data_dir.name}/{path.relative_to(data_dir).as_posix()}"


def load(data_dir: Path) -> tuple[Loaded, list[DataError]]:
    errors: list[DataError] = []
    files: dict[str, Located] = {}
    for name, cls in DATA_FILES.items():
        located = _load_one(data_dir, data_dir / name, cls, errors)
        if located is not None:
            files[name] = located
    sections, unreadable = [], []
    for path in sorted((data_dir / SECTIONS_DIR).glob("*.yml")):
        located = _load_one(data_dir, path, r.Section, errors)
        if located is not None:
            sections.append(located)
        else:
            unreadable.append(display_name(data_dir, path))
    source_path = data_dir / SOURCE_FILE
    if source_path.is_file():
        source_lines = source_path.read_text(encoding="utf-8").split("\n")
    else:
        source_lines = []
        errors.append(
            DataError(Mark(display_name(data_dir, source_path), 1, 1), "", "missing file: the verbatim source copy")
        )
    return Loaded(files, sections, unreadable, source_lines, data_dir), errors


def _load_one(data_dir: Path, path: Path, cls: type, errors: list[DataError]) -> Located | None:
    name = display_name(data_dir, path)
    if not path.is_file():
        errors.append(DataError(Mark(name, 1, 1), "", f"missing file: it should hold {cls.__name__} records"))
        return None
    document, parse_errors = load_yaml(path, name)
    errors.extend(parse_errors)
    if document is None and parse_errors:
        return None
    converter = Converter()
    record = converter.record(cls, document, "", Mark(name, 1, 1))
    errors.extend(converter.errors)
    if record is None:
        return None
    return Located(name, record, converter.marks)
