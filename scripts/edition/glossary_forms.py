"""Find glossary forms in running text with one pattern per set of forms, so each text is scanned once."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

# A form is found only as a whole word: "ROK" in "ROK-Japan", but not inside a longer word.
_WORD = r"\w"


class FormIndex:
    """All the forms of a glossary, matched together; cost grows with the text, not with forms × texts."""

    def __init__(self, forms: Iterable[str]) -> None:
        # Longest first, so that "MDBs" wins over "MDB" where both would match.
        self.forms = sorted(set(forms), key=lambda form: (-len(form), form))
        alternation = "|".join(re.escape(form) for form in self.forms) or r"(?!)"
        # A lookahead finds a form at every start position, so forms inside longer forms are found too.
        self._at_each_start = re.compile(rf"(?<!{_WORD})(?=({alternation})(?!{_WORD}))")
        self._longest = re.compile(rf"(?<!{_WORD})(?:{alternation})(?!{_WORD})")
        # A shorter form that starts a longer one at the same spot ("New Industrial" in
        # "New Industrial Policy") is hidden by the lookahead; it occurs wherever the longer one does.
        self._also = {
            form: [
                short
                for short in self.forms
                if short != form and form.startswith(short) and not re.match(_WORD, form[len(short)])
            ]
            for form in self.forms
        }

    def occurring(self, text: str) -> set[str]:
        """Every form that occurs in the text as a whole word."""
        found: set[str] = set()
        for match in self._at_each_start.finditer(text):
            form = match.group(1)
            found.add(form)
            found.update(self._also[form])
        return found

    def spans(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Non-overlapping occurrences, longest form first, for marking up text."""
        for match in self._longest.finditer(text):
            yield match.start(), match.end(), match.group(0)
