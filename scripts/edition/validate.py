"""Check the loaded records against each other and against the source; never stop at the first error."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Iterable, Optional

from . import records as r
from . import safety, verbatim
from .errors import DataError, DataErrors, did_you_mean, shown
from .load import SECTIONS_DIR, Located, Loaded, load
from .model import ABSTRACT_ID, Edition, apply_errata, joined, source_text

# Reference lists print this in place of an author's name that repeats the entry above.
REPEATED_AUTHOR = "______."
ERRATA_FILE_HINT = "corrections belong in data/errata.yml, the text stays as the source prints it"


class Checker:
    def __init__(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self.errors: list[DataError] = []

    def error(self, where: Located, path: str, message: str) -> None:
        self.errors.append(DataError(where.mark(path), path, message))

    def file(self, name: str) -> Optional[Located]:
        return self.loaded.files.get(name)

    # --- helpers ----------------------------------------------------------------------------

    def unique(self, where: Located, items: Iterable[tuple[str, str]], seen: dict[str, tuple[Located, str]]) -> None:
        """items are (path of the id field, id); seen carries ids across files that share a namespace."""
        for path, value in items:
            if value in seen:
                other, other_path = seen[value]
                self.error(
                    where,
                    path,
                    f"duplicate id '{value}': already used at {other.mark(other_path)}; every id must be unique",
                )
            else:
                seen[value] = (where, path)

    def refers(self, where: Located, path: str, value: str, known: Optional[Iterable[str]], what: str) -> bool:
        if known is None:  # the file that defines them did not load; its own errors say why
            return True
        known = list(known)
        if value not in known:
            self.error(where, path, f"expected the id of {what}, found '{value}', which does not exist{did_you_mean(value, known)}")
            return False
        return True

    # --- the checks --------------------------------------------------------------------------

    def run(self) -> Optional[Edition]:
        sections = self.check_sections()
        paper = self.file("paper.yml")
        texts_ok = sections is not None and paper is not None
        if texts_ok:
            self.check_provenance(paper, sections)
        edition = self.build_edition(sections)
        if edition is not None:
            self.check_errata(edition)
            self.check_argument_map(edition)
        return edition if not self.errors else None

    def check_sections(self) -> Optional[list[Located]]:
        paper = self.file("paper.yml")
        by_id: dict[str, Located] = {}
        for located in self.loaded.sections:
            section: r.Section = located.record
            stem = Path(located.display_name).stem
            if section.id != stem:
                self.error(located, "id", f"expected '{stem}' (the file is {located.display_name}), found '{section.id}'")
            by_id[section.id] = located
        if paper is None or self.loaded.unreadable_sections:
            # Without every section, "missing" paragraphs and sections would only echo those errors.
            return None
        ordered = []
        for index, section_id in enumerate(paper.record.contents):
            if section_id in by_id:
                ordered.append(by_id[section_id])
            else:
                self.error(
                    paper,
                    f"contents[{index}]",
                    f"expected a section with a file {SECTIONS_DIR}/{section_id}.yml, found none"
                    + did_you_mean(section_id, by_id),
                )
        for section_id, located in by_id.items():
            if section_id not in paper.record.contents:
                self.error(located, "id", f"section '{section_id}' is not listed in data/paper.yml contents")
        seen: dict[str, tuple[Located, str]] = {ABSTRACT_ID: (paper, "abstract")}
        number = 0
        for located in ordered:
            section: r.Section = located.record
            self.unique(located, [("id", section.id)], seen)
            groups = [("", section.paragraphs)] + [
                (f"subsections[{i}].", sub.paragraphs) for i, sub in enumerate(section.subsections)
            ]
            for i, subsection in enumerate(section.subsections):
                self.unique(located, [(f"subsections[{i}].id", subsection.id)], seen)
            for prefix, paragraphs in groups:
                for j, paragraph in enumerate(paragraphs):
                    path = f"{prefix}paragraphs[{j}]"
                    self.unique(located, [(f"{path}.id", paragraph.id)], seen)
                    number += 1
                    if paragraph.number != number:
                        self.error(
                            located,
                            f"{path}.number",
                            f"expected {number} (paragraphs are numbered in reading order), found {paragraph.number}",
                        )
        for name in ("figures.yml", "references.yml"):
            located = self.file(name)
            if located is None:
                continue
            items = located.record.figures if name == "figures.yml" else located.record.references
            key = "figures" if name == "figures.yml" else "references"
            self.unique(located, [(f"{key}[{i}].id", item.id) for i, item in enumerate(items)], seen)
        return ordered

    def check_provenance(self, paper: Located, sections: list[Located]) -> None:
        """Each text must equal its line in data/source/: the source is only ever corrected by errata."""
        lines = self.loaded.source_lines

        def same(where: Located, path: str, line_path: str, line: int, text: str, printed: Optional[str] = None) -> None:
            if not 1 <= line <= len(lines):
                self.error(where, line_path, f"expected a line number from 1 to {len(lines)} of the source, found {line}")
                return
            wanted = printed if printed is not None else text
            if lines[line - 1] != wanted:
                offset, words = verbatim.difference(lines[line - 1], wanted, "the source", "the data")
                # `wanted` may be the text with its printed label before it ("IV. " + title).
                at = safety.char_mark(where, path, text, max(0, offset - (len(wanted) - len(text))), self.loaded.data_dir)
                self.errors.append(DataError(
                    at, path, f"expected the exact words of source line {line}, found different text {words}; {ERRATA_FILE_HINT}"
                ))

        p: r.Paper = paper.record
        same(paper, "abstract", "abstract_source_line", p.abstract_source_line, p.abstract)
        for located in sections:
            section: r.Section = located.record
            same(located, "title", "source_line", section.source_line, section.title, f"{section.label}. {section.title}")
            for i, subsection in enumerate(section.subsections):
                same(
                    located,
                    f"subsections[{i}].title",
                    f"subsections[{i}].source_line",
                    subsection.source_line,
                    subsection.title,
                    f"{subsection.number}. {subsection.title}",
                )
            groups = [("", section.paragraphs)] + [
                (f"subsections[{i}].", sub.paragraphs) for i, sub in enumerate(section.subsections)
            ]
            for prefix, paragraphs in groups:
                for j, paragraph in enumerate(paragraphs):
                    path = f"{prefix}paragraphs[{j}]"
                    same(located, f"{path}.text", f"{path}.source_line", paragraph.source_line, paragraph.text)
        figures = self.file("figures.yml")
        if figures:
            for i, figure in enumerate(figures.record.figures):
                same(
                    figures, f"figures[{i}].title", f"figures[{i}].source_line", figure.source_line, figure.title,
                    f"[{figure.label}] {figure.title}",
                )
        references = self.file("references.yml")
        if references:
            author_line = ""
            for i, ref in enumerate(references.record.references):
                same(references, f"references[{i}].printed", f"references[{i}].source-line", ref.source_line, ref.printed)
                # "______." repeats the author of the entry above, so names are looked for there.
                if not ref.printed.startswith(REPEATED_AUTHOR):
                    author_line = ref.printed
                for field, value in _csl_strings(ref):
                    printed = author_line if field.startswith("author") else ref.printed
                    if value not in printed:
                        self.error(
                            references,
                            f"references[{i}].{field}",
                            f"expected words printed in the reference list, found '{value}', which is not in: {printed}",
                        )

    def build_edition(self, sections: Optional[list[Located]]) -> Optional[Edition]:
        needed = ["paper.yml", "figures.yml", "references.yml", "errata.yml"]
        if sections is None or any(self.file(name) is None for name in needed):
            return None
        optional = {
            name: (self.file(name).record if self.file(name) else None)
            for name in ("challenges.yml", "areas.yml", "proposals.yml", "actors.yml", "glossary.yml", "timeline.yml")
        }
        figures = self.file("figures.yml")
        paragraph_ids = [p.id for s in sections for p in _all_paragraphs(s.record)]
        for i, figure in enumerate(figures.record.figures):
            self.refers(figures, f"figures[{i}].after", figure.after, paragraph_ids, "a paragraph")
        if self.errors:
            return None
        # The argument map is checked against the text below; an unreadable file counts as empty
        # here so that the text's own errors are still all reported.
        errata_file: r.ErrataFile = self.file("errata.yml").record
        return Edition(
            paper=self.file("paper.yml").record,
            sections=[s.record for s in sections],
            figures=figures.record.figures,
            references=self.file("references.yml").record.references,
            errata=self._usable_errata(errata_file),
            queries=errata_file.queries,
            challenges=optional["challenges.yml"].challenges if optional["challenges.yml"] else [],
            three_p=optional["areas.yml"].three_p if optional["areas.yml"] else [],
            areas=optional["areas.yml"].areas if optional["areas.yml"] else [],
            proposal_paragraphs=optional["proposals.yml"].proposal_paragraphs if optional["proposals.yml"] else [],
            proposals=optional["proposals.yml"].proposals if optional["proposals.yml"] else [],
            actors=optional["actors.yml"].actors if optional["actors.yml"] else [],
            terms=optional["glossary.yml"].terms if optional["glossary.yml"] else [],
            events=optional["timeline.yml"].events if optional["timeline.yml"] else [],
            source_lines=self.loaded.source_lines,
        )

    def _usable_errata(self, errata_file: r.ErrataFile) -> list[r.Erratum]:
        """Errata whose spots can be found; the others are reported by check_errata and left out."""
        self._errata_file = errata_file
        return errata_file.errata

    def check_errata(self, edition: Edition) -> None:
        located = self.file("errata.yml")
        targets = edition.text_targets()
        seen: dict[str, tuple[Located, str]] = {}
        self.unique(located, [(f"errata[{i}].id", e.id) for i, e in enumerate(edition.errata)], seen)
        self.unique(located, [(f"queries[{i}].id", q.id) for i, q in enumerate(edition.queries)], seen)
        for i, erratum in enumerate(edition.errata):
            path = f"errata[{i}]"
            if not self.refers(located, f"{path}.target", erratum.target, targets, "a paragraph, heading, figure, reference or 'abstract'"):
                continue
            text = source_text(targets[erratum.target])
            found = text.count(erratum.original)
            if found == 0:
                self.error(
                    located,
                    f"{path}.original",
                    f"expected words printed in {erratum.target}, found '{shown(erratum.original)}', which does not occur "
                    f"there (the text before corrections){verbatim.nearest_words(erratum.original, text)}",
                )
            elif found != erratum.occurrences:
                self.error(
                    located,
                    f"{path}.occurrences",
                    f"expected the number of times '{erratum.original}' occurs in {erratum.target}, "
                    f"which is {found}, found {erratum.occurrences}",
                )
            if erratum.corrected in text:
                self.error(
                    located,
                    f"{path}.corrected",
                    f"'{erratum.corrected}' already occurs in the source text of {erratum.target}, so the correction "
                    "could not be undone unambiguously; widen 'original' and 'corrected'",
                )
        # Overlapping spots in one target would make the corrected text ill-defined.
        for target_id, errata in edition.errata_by_target.items():
            if target_id not in targets:
                continue
            text = source_text(targets[target_id])
            covered: dict[int, str] = {}
            for erratum in errata:
                start = 0
                while (found := text.find(erratum.original, start)) != -1:
                    for position in range(found, found + len(erratum.original)):
                        if position in covered and covered[position] != erratum.id:
                            index = edition.errata.index(erratum)
                            self.error(
                                located,
                                f"errata[{index}].original",
                                f"expected a spot no other erratum touches, found it overlaps {covered[position]} in {target_id}",
                            )
                            break
                        covered[position] = erratum.id
                    start = found + len(erratum.original)
        for i, query in enumerate(edition.queries):
            path = f"queries[{i}]"
            if self.refers(located, f"{path}.target", query.target, targets, "a paragraph, heading, figure, reference or 'abstract'"):
                if query.text not in joined(apply_errata(source_text(targets[query.target]), edition.errata_by_target.get(query.target, []))):
                    self.error(located, f"{path}.text", f"expected words found in {query.target} (after corrections), found '{query.text}'")

    def quote(self, where: Located, path: str, quote: r.Quote, edition: Edition) -> None:
        if self.refers(where, f"{path}.paragraph", quote.paragraph, edition.paragraph, "a paragraph"):
            self.words(where, f"{path}.text", quote.text, quote.paragraph, edition)

    def words(self, where: Located, path: str, words: str, paragraph_id: str, edition: Edition) -> None:
        if paragraph_id in edition.paragraph and words not in edition.text(paragraph_id):
            number = edition.paragraph[paragraph_id].number
            offset, how = verbatim.quote_difference(words, edition.text(paragraph_id), f"¶{number}")
            self.errors.append(DataError(
                safety.char_mark(where, path, words, offset, self.loaded.data_dir),
                path,
                f"expected the exact words of ¶{number} ({paragraph_id}, after corrections), found words that are not "
                f"there: {how}",
            ))

    def check_argument_map(self, edition: Edition) -> None:
        files = {name: self.file(name) for name in ("challenges.yml", "areas.yml", "proposals.yml", "actors.yml", "glossary.yml", "timeline.yml")}
        ids = {
            "challenges.yml": [c.id for c in edition.challenges] if files["challenges.yml"] else None,
            "areas.yml": [a.id for a in edition.areas] if files["areas.yml"] else None,
            "actors.yml": [a.id for a in edition.actors] if files["actors.yml"] else None,
        }
        three_p = [t.id for t in edition.three_p] if files["areas.yml"] else None
        if files["challenges.yml"]:
            where = files["challenges.yml"]
            self.unique(where, [(f"challenges[{i}].id", c.id) for i, c in enumerate(edition.challenges)], {})
            for i, challenge in enumerate(edition.challenges):
                self.quotes(where, f"challenges[{i}]", challenge.quotes, edition)
        if files["areas.yml"]:
            where = files["areas.yml"]
            self.unique(where, [(f"three_p[{i}].id", t.id) for i, t in enumerate(edition.three_p)], {})
            self.unique(where, [(f"areas[{i}].id", a.id) for i, a in enumerate(edition.areas)], {})
            parts = list(edition.section_of)
            for i, item in enumerate(edition.three_p):
                self.quotes(where, f"three_p[{i}]", item.quotes, edition)
            for i, area in enumerate(edition.areas):
                self.refers(where, f"areas[{i}].part", area.part, parts, "a section or subsection")
                for j, value in enumerate(area.three_p):
                    self.refers(where, f"areas[{i}].three_p[{j}]", value, three_p, "a 3P element")
                self.quotes(where, f"areas[{i}]", area.quotes, edition)
        if files["actors.yml"]:
            where = files["actors.yml"]
            self.unique(where, [(f"actors[{i}].id", a.id) for i, a in enumerate(edition.actors)], {})
            for i, actor in enumerate(edition.actors):
                self.quotes(where, f"actors[{i}]", actor.mentions, edition, field="mentions")
        if files["proposals.yml"]:
            where = files["proposals.yml"]
            errors_before = len(self.errors)
            self.unique(where, [(f"proposals[{i}].id", p.id) for i, p in enumerate(edition.proposals)], {})
            for i, proposal in enumerate(edition.proposals):
                path = f"proposals[{i}]"
                self.refers(where, f"{path}.area", proposal.area, ids["areas.yml"], "a cooperation area in data/areas.yml")
                for j, value in enumerate(proposal.challenges):
                    self.refers(where, f"{path}.challenges[{j}]", value, ids["challenges.yml"], "a challenge in data/challenges.yml")
                for j, value in enumerate(proposal.actors):
                    self.refers(where, f"{path}.actors[{j}]", value, ids["actors.yml"], "an actor in data/actors.yml")
                for j, value in enumerate(proposal.three_p):
                    self.refers(where, f"{path}.three_p[{j}]", value, three_p, "a 3P element")
                for field, spot in (("horizon", proposal.horizon), ("status", proposal.status)):
                    if spot and self.refers(where, f"{path}.{field}.paragraph", spot.paragraph, edition.paragraph, "a paragraph"):
                        self.words(where, f"{path}.{field}.words", spot.words, spot.paragraph, edition)
                self.quotes(where, path, proposal.quotes, edition)
                for field in ("challenges", "actors"):
                    if not getattr(proposal, field):
                        self.error(where, f"{path}.{field}", f"expected at least one {field[:-1]} id, found an empty list")
            quoted = {q.paragraph for p in edition.proposals for q in p.quotes}
            for i, paragraph_id in enumerate(edition.proposal_paragraphs):
                if self.refers(where, f"proposal_paragraphs[{i}]", paragraph_id, edition.paragraph, "a paragraph"):
                    if paragraph_id not in quoted:
                        self.error(where, f"proposal_paragraphs[{i}]", f"expected a proposal quoting {paragraph_id}, found none")
            if len(self.errors) == errors_before:  # an unused record is only news when the proposals are sound
                self.every_used(files["challenges.yml"], "challenges", edition.challenges, edition.proposals_by_challenge)
                self.every_used(files["areas.yml"], "areas", edition.areas, edition.proposals_by_area)
        if files["glossary.yml"]:
            where = files["glossary.yml"]
            self.unique(where, [(f"terms[{i}].id", t.id) for i, t in enumerate(edition.terms)], {})
            occurring = set().union(*(edition.forms.occurring(edition.text(p.id)) for p in edition.paragraphs))
            for i, term in enumerate(edition.terms):
                path = f"terms[{i}]"
                for j, form in enumerate(term.forms):
                    if form not in occurring:
                        self.error(where, f"{path}.forms[{j}]", f"expected words that occur in the paper, found '{form}', which occurs in no paragraph")
                if term.kind == "abbreviation" and not term.expansion:
                    self.error(where, f"{path}", "missing required field 'expansion' (an abbreviation needs its expansion)")
                if term.expansion_by == "paper" and term.defined_at is None:
                    self.error(where, f"{path}", "missing required field 'defined_at' (the quote where the paper spells it out)")
                if term.defined_at:
                    self.quote(where, f"{path}.defined_at", term.defined_at, edition)
        if files["timeline.yml"]:
            where = files["timeline.yml"]
            self.unique(where, [(f"events[{i}].id", e.id) for i, e in enumerate(edition.events)], {})
            for i, event in enumerate(edition.events):
                self.quote(where, f"events[{i}].quote", event.quote, edition)
                if event.when not in event.quote.text:
                    self.error(where, f"events[{i}].when", f"expected words from the quote (the paper's own date), found '{event.when}'")

    def quotes(self, where: Located, path: str, quotes: list[r.Quote], edition: Edition, field: str = "quotes") -> None:
        if not quotes:
            self.error(where, f"{path}.{field}", "expected at least one quote from the paper, found an empty list")
        for j, quote in enumerate(quotes):
            self.quote(where, f"{path}.{field}[{j}]", quote, edition)

    def every_used(self, where: Optional[Located], key: str, items, used: dict) -> None:
        if where is None:
            return
        for i, item in enumerate(items):
            if item.id not in used:
                self.error(where, f"{key}[{i}].id", f"expected at least one proposal to name '{item.id}', found none")


def _all_paragraphs(section: r.Section) -> list[r.Paragraph]:
    return list(section.paragraphs) + [p for sub in section.subsections for p in sub.paragraphs]


def _csl_strings(ref: r.Reference) -> list[tuple[str, str]]:
    found = [("title", ref.title)]
    for key, value in (("container-title", ref.container_title), ("publisher", ref.publisher), ("URL", ref.URL), ("note", ref.note)):
        if value:
            found.append((key, value))
    for i, name in enumerate(ref.author):
        for part in ("family", "given", "literal"):
            value = getattr(name, part)
            if value:
                found.append((f"author[{i}].{part}", value))
    return found


def check(data_dir: Path) -> Edition:
    """Load and check everything in data_dir. Raises DataErrors with every problem found."""
    loaded, errors = load(data_dir)
    safety_errors, declared = safety.check_loaded(loaded, data_dir)  # ids, characters, sizes, the source's digest
    checker = Checker(loaded)
    edition = checker.run()
    errors = errors + safety_errors + checker.errors
    if errors or edition is None:
        raise DataErrors(errors)
    edition.declared_ids = declared  # where each id is written, for checks of the rendered site (published.py)
    return edition
