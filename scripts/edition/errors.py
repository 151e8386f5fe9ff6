"""Data errors that point at file:line:column, collected so that one run reports them all."""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Iterable


@dataclasses.dataclass(frozen=True)
class Mark:
    """Where a value was written in a data file."""

    file: str
    line: int  # 1-based, as editors count
    column: int  # 1-based

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclasses.dataclass(frozen=True)
class DataError:
    mark: Mark
    field: str  # dotted path inside the file, e.g. "subsections[0].paragraphs[2].text"
    message: str

    def __str__(self) -> str:
        where = f"{self.mark}: " if self.mark else ""
        field = f"{shown(self.field, 120)}: " if self.field else ""
        message = self.message if len(self.message) <= MESSAGE_CHARS else self.message[: MESSAGE_CHARS - 1] + "…"
        return f"{where}{field}{message}"

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.mark.file, self.mark.line, self.mark.column, self.field, self.message)


class DataErrors(Exception):
    """Raised once, after every check has run, with all that was found."""

    def __init__(self, errors: Iterable[DataError]):
        self.errors = sorted(set(errors), key=DataError.sort_key)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        noun = "error" if count == 1 else "errors"
        lines = [str(error) for error in self.errors]
        lines.append(f"{count} {noun} in data/; nothing was built.")
        return "\n".join(lines)


def did_you_mean(wrong: str, candidates: Iterable[str]) -> str:
    close = difflib.get_close_matches(wrong, sorted(candidates), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


# A value quoted in a message is cut to this many characters, so a huge value cannot flood the report.
SHOWN_CHARS = 80
# And no message, whatever it quotes, is longer than this.
MESSAGE_CHARS = 600


def shown(value: str, limit: int = SHOWN_CHARS) -> str:
    """A value as a message quotes it: cut to `limit` characters, invisible characters written as U+XXXX."""
    cut = value if len(value) <= limit else value[: limit - 1] + "…"
    visible = "".join(c if c.isprintable() or c == " " else f"<U+{ord(c):04X}>" for c in cut)
    return visible + (f" ({len(value):,} characters)" if len(value) > limit else "")


def path_text(path: list) -> str:
    """("proposals", 0, "title") as the messages name a field: proposals[0].title."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
