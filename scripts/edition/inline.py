"""Find the spots in running text that get marked up: glossary forms (and, later, citations)."""

from __future__ import annotations

import re
from typing import Iterator

# Word characters include hyphen-joined parts, so "ROK" is not found inside "ROK-Japan"'s
# neighbour "PROK", yet is found in "ROK-Japan" itself.
_WORD = r"[\w]"


def form_pattern(form: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!{_WORD}){re.escape(form)}(?!{_WORD})")


def find_form(text: str, form: str) -> Iterator[tuple[int, int]]:
    for match in form_pattern(form).finditer(text):
        yield match.start(), match.end()
