"""Checks of the text, one per kind of file, on the records as loaded: ids, numbering, and every text word
for word against its line in data/source/ (the source is only ever corrected by errata).

Registered in validate.TEXT_CHECKS; they run in that order, sections first.
"""

from __future__ import annotations

from pathlib import Path

from . import checks_editorial, verbatim
from . import records as r
from .checker import Checker, paragraph_paths
from .errors import did_you_mean
from .load import SECTIONS_DIR, Located, file_name
from .model import ABSTRACT_ID

# Reference lists print this in place of an author's name that repeats the entry above.
REPEATED_AUTHOR = "______."
ERRATA_FILE_HINT = f"corrections belong in data/{file_name(r.ErrataFile)}, the text stays as the source prints it"


def sections(c: Checker) -> None:
    """Each section file is named by its id and listed in paper.yml; ids are unique; paragraphs are numbered
    in reading order; headings and paragraphs are the source's words."""
    paper = c.file(r.Paper)
    by_id: dict[str, Located] = {}
    for located in c.loaded.sections:
        section: r.Section = located.record
        stem = Path(located.display_name).stem
        if section.id != stem:
            c.error(located, "id", f"expected '{stem}' (the file is {located.display_name}), found '{section.id}'")
        by_id[section.id] = located
    if paper is None or c.loaded.unreadable_sections:
        # Without every section, "missing" paragraphs and sections would only echo those errors.
        return
    ordered = _in_contents_order(c, paper, by_id)
    c.text_ids[ABSTRACT_ID] = (paper, "abstract")
    number = 0
    for located in ordered:
        section = located.record
        c.unique(located, [("id", section.id)], c.text_ids)
        c.unique(located, [(f"subsections[{i}].id", sub.id) for i, sub in enumerate(section.subsections)], c.text_ids)
        for path, paragraph in paragraph_paths(section):
            c.unique(located, [(f"{path}.id", paragraph.id)], c.text_ids)
            number += 1
            if paragraph.number != number:
                c.error(
                    located,
                    f"{path}.number",
                    f"expected {number} (paragraphs are numbered in reading order), found {paragraph.number}",
                )
        _section_words(c, located)
    c.sections = ordered


def _in_contents_order(c: Checker, paper: Located, by_id: dict[str, Located]) -> list[Located]:
    ordered = []
    for index, section_id in enumerate(paper.record.contents):
        if section_id in by_id:
            ordered.append(by_id[section_id])
        else:
            c.error(
                paper,
                f"contents[{index}]",
                f"expected a section with a file {SECTIONS_DIR}/{section_id}.yml, found none"
                + did_you_mean(section_id, by_id),
            )
    for section_id, located in by_id.items():
        if section_id not in paper.record.contents:
            c.error(located, "id", f"section '{section_id}' is not listed in data/{file_name(r.Paper)} contents")
    return ordered


def _section_words(c: Checker, located: Located) -> None:
    section: r.Section = located.record
    _same(c, located, "title", "source_line", section.source_line, section.title, f"{section.label}. {section.title}")
    for i, sub in enumerate(section.subsections):
        path = f"subsections[{i}]"
        _same(
            c, located, f"{path}.title", f"{path}.source_line", sub.source_line, sub.title, f"{sub.number}. {sub.title}"
        )
    for path, paragraph in paragraph_paths(section):
        _same(c, located, f"{path}.text", f"{path}.source_line", paragraph.source_line, paragraph.text)


def paper(c: Checker) -> None:
    """The abstract is the source's words; the title in sentence case (for APA) differs only in its capitals."""
    located = c.file(r.Paper)
    if located is None:
        return
    p: r.Paper = located.record
    if p.title_sentence_case is not None and p.title_sentence_case.lower() != p.title.lower():
        c.error(
            located,
            "title_sentence_case",
            f"expected the title with only its capitals changed, found '{p.title_sentence_case}'",
        )
    if c.sections is None:
        return
    _same(c, located, "abstract", "abstract_source_line", p.abstract_source_line, p.abstract)
    checks_editorial.paper(c)


def figures(c: Checker) -> None:
    """Ids are unique among the texts; each caption is the source's words and follows a paragraph."""
    located = c.file(r.FiguresFile)
    if located is None or c.sections is None:
        return
    items = located.record.figures
    c.unique(located, [(f"figures[{i}].id", item.id) for i, item in enumerate(items)], c.text_ids)
    paragraph_ids = [p.id for s in c.sections for p in s.record.all_paragraphs()]
    for i, figure in enumerate(items):
        path = f"figures[{i}]"
        _same(
            c,
            located,
            f"{path}.title",
            f"{path}.source_line",
            figure.source_line,
            figure.title,
            f"[{figure.label}] {figure.title}",
        )
        c.refers(located, f"{path}.after", figure.after, paragraph_ids, "a paragraph")


def references(c: Checker) -> None:
    """Ids are unique among the texts; each entry is the source's line, and its CSL fields are words of it."""
    located = c.file(r.ReferencesFile)
    if located is None or c.sections is None:
        return
    items = located.record.references
    c.unique(located, [(f"references[{i}].id", item.id) for i, item in enumerate(items)], c.text_ids)
    author_line = ""
    for i, ref in enumerate(items):
        _same(c, located, f"references[{i}].printed", f"references[{i}].source-line", ref.source_line, ref.printed)
        # "______." repeats the author of the entry above, so names are looked for there.
        if not ref.printed.startswith(REPEATED_AUTHOR):
            author_line = ref.printed
        for field, value in _csl_strings(ref):
            printed = author_line if field.startswith("author") else ref.printed
            if value not in printed:
                c.error(
                    located,
                    f"references[{i}].{field}",
                    f"expected words printed in the reference list, found '{value}', which is not in: {printed}",
                )


def _same(
    c: Checker, where: Located, path: str, line_path: str, line: int, text: str, printed: str | None = None
) -> None:
    """The text (as `printed`, where the source adds a label) must equal its line of the source."""
    lines = c.loaded.source_lines
    if not lines:  # the source copy is missing, which load reports once
        return
    if not 1 <= line <= len(lines):
        c.error(where, line_path, f"expected a line number from 1 to {len(lines)} of the source, found {line}")
        return
    wanted = printed if printed is not None else text
    if lines[line - 1] != wanted:
        offset, words = verbatim.difference(lines[line - 1], wanted, "the source", "the data")
        # `wanted` may be the text with its printed label before it ("IV. " + title): point into the text.
        at = max(0, offset - (len(wanted) - len(text)))
        c.error_at(
            where,
            path,
            text,
            at,
            f"expected the exact words of source line {line}, found different text {words}; {ERRATA_FILE_HINT}",
        )


def _csl_strings(ref: r.Reference) -> list[tuple[str, str]]:
    found = [("title", ref.title)]
    for key, value in (
        ("container-title", ref.container_title),
        ("publisher", ref.publisher),
        ("URL", ref.URL),
        ("note", ref.note),
    ):
        if value:
            found.append((key, value))
    for i, name in enumerate(ref.author):
        for part in ("family", "given", "literal"):
            value = getattr(name, part)
            if value:
                found.append((f"author[{i}].{part}", value))
    return found
