"""What a YAML file in data/ may cost to read: its size, and how far its aliases may expand.

YAML aliases repeat a value by reference; nested, they make a short file stand for an enormous one
(nine aliases of nine aliases of ... is 9^n values). data/ has no use for them beyond repeating a
small value, so their expansion is capped, and an alias as a mapping key is refused outright. The scan
reads the parser's events, before anything is built, and reports each problem where the alias is used.
"""

from __future__ import annotations

import yaml

from .errors import path_text

# The largest data file is about 30 KB; the benchmark's 50x edition about 2 MB.
FILE_BYTES = 10_000_000
# Values that aliases may add to one file, counted with everything nested in what they repeat.
ALIAS_VALUES = 10_000

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Problem = tuple[int, int, str, str]  # 1-based line and column, the value's path, the message


def too_big(size: int) -> str:
    return f"expected a data file of at most {FILE_BYTES:,} bytes, found {size:,} bytes"


class _Frame:
    """An open mapping or list, and where in it the next value goes."""

    def __init__(self, is_mapping: bool, anchor: str | None, start: int) -> None:
        self.is_mapping = is_mapping
        self.expect_key = is_mapping
        self.index = 0
        self.anchor = anchor  # the anchor on this mapping or list, if any,
        self.start = start  # and the count of values when it began


def scan_aliases(text: str) -> tuple[list[Problem], dict[tuple, tuple[int, int]]]:
    """Problems with aliases, and where each alias is used: {path of the value it stands for: (line, column)}.

    A file with no anchor ("&name") has no alias to follow and is not scanned.
    """
    if "&" not in text or "*" not in text:
        return [], {}
    scan = _AliasScan()
    try:
        for event in yaml.parse(text, Loader=_Parser):
            problem = scan.step(event)
            if problem:
                return [problem], scan.uses
    except yaml.YAMLError:
        return [], {}  # the parser proper reports syntax errors, with its own marks
    return [], scan.uses


class _AliasScan:
    """Follows the parser's events: where each value is, how many values each anchor holds."""

    def __init__(self) -> None:
        self.uses: dict[tuple, tuple[int, int]] = {}
        self.sizes: dict[str, int] = {}  # values in each anchored value, aliases inside it expanded
        self.stack: list[_Frame] = []
        self.path: list = []
        self.count = 0  # values read so far, aliases expanded
        self.expanded = 0  # of which aliases added

    def step(self, event: yaml.Event) -> Problem | None:
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            closed = self.stack.pop()
            if closed.anchor:
                self.sizes[closed.anchor] = self.count - closed.start
            self._end()
            return None
        if not isinstance(event, yaml.NodeEvent):
            return None
        mark = event.start_mark
        where = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if self.stack and self.stack[-1].is_mapping and self.stack[-1].expect_key:
            return self._key(event, where)
        self._begin()
        if isinstance(event, yaml.AliasEvent):
            return self._alias(event, where)
        self.count += 1
        if isinstance(event, yaml.ScalarEvent):
            if event.anchor:
                self.sizes[event.anchor] = 1
            self._end()
        else:
            self.stack.append(_Frame(isinstance(event, yaml.MappingStartEvent), event.anchor, self.count - 1))
        return None

    def _key(self, event: yaml.NodeEvent, where: tuple[int, int]) -> Problem | None:
        if isinstance(event, yaml.ScalarEvent):
            self.count += 1
            self.stack[-1].expect_key = False
            self.path.append(event.value)
            return None
        if isinstance(event, yaml.AliasEvent):
            found = f"the alias *{event.anchor}; an alias may stand for a value, never for a key"
        else:
            found = "a list" if isinstance(event, yaml.SequenceStartEvent) else "a mapping"
        return (*where, path_text(self.path), f"expected text as a key, found {found}")

    def _alias(self, event: yaml.AliasEvent, where: tuple[int, int]) -> Problem | None:
        anchor = event.anchor or ""  # the parser gives every alias its name
        size = self.sizes.get(anchor, 1)
        self.count += size
        self.expanded += size
        if self.expanded > ALIAS_VALUES:
            message = (
                f"expected aliases to repeat at most {ALIAS_VALUES:,} values in one file, found more by the "
                f"alias *{anchor}; write the values out instead"
            )
            return (*where, path_text(self.path), message)
        self.uses[tuple(self.path)] = where
        self._end()
        return None

    def _begin(self) -> None:
        """A value starts: in a list, its index joins the path (in a mapping, its key already has)."""
        if self.stack and not self.stack[-1].is_mapping:
            self.path.append(self.stack[-1].index)

    def _end(self) -> None:
        """A value ended: step to the next key or item of the container it is in."""
        if not self.stack:
            return
        frame = self.stack[-1]
        if self.path:
            self.path.pop()
        if frame.is_mapping:
            frame.expect_key = True
        else:
            frame.index += 1


def syntax_problem(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str]:
    """(line, column, what is wrong) for a YAML syntax error, in the words an editor needs."""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    lines = text.split("\n")
    char = lines[line - 1][column - 1 : column] if line <= len(lines) else ""
    if char == "\t" or "tab character" in (exc.problem or ""):
        return (
            line,
            column,
            "a tab character; YAML indents with spaces only, so replace the tab with spaces",
        )
    problem = exc.problem or "invalid YAML"
    if problem.startswith("found undefined alias") and char == "*":
        name = lines[line - 1][column:].split()[0].rstrip(",]}") if lines[line - 1][column:].strip() else ""
        problem = f"found the alias *{name}, but no value is anchored as &{name} before it"
    context = ""
    if exc.context:
        started = f" that starts at line {exc.context_mark.line + 1}" if exc.context_mark else ""
        context = f" ({exc.context}{started})"
    return line, column, f"{problem}{context}"
