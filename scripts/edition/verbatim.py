"""Where two texts that should agree word for word part ways, said so that an editor sees the spot."""

from __future__ import annotations

import difflib

from .errors import shown

# Characters of agreeing text shown before the first difference, and of each side after it.
BEFORE = 20
AFTER = 30


def first_difference(expected: str, found: str) -> int:
    """The offset of the first character where the texts differ (the shorter one's length if one is a prefix)."""
    limit = min(len(expected), len(found))
    for index in range(limit):
        if expected[index] != found[index]:
            return index
    return limit


def excerpt(text: str, offset: int) -> str:
    start = max(0, offset - BEFORE)
    if start and " " in text[start:offset]:
        start = text.index(" ", start, offset) + 1  # from the start of a word
    end = offset + AFTER
    body = text[start:end]
    return (
        ("…" if start else "") + shown(body, BEFORE + AFTER) + ("…" if end < len(text) else "") if body else "(the end)"
    )


def difference(expected: str, found: str, expected_name: str, found_name: str) -> tuple[int, str]:
    """(offset, words) for two texts that should be equal, e.g. "from character 24: the source has '…'…"."""
    offset = first_difference(expected, found)
    return offset, (
        f"from character {offset + 1} on: {expected_name} has '{excerpt(expected, offset)}', "
        f"{found_name} has '{excerpt(found, offset)}'"
    )


def quote_difference(words: str, text: str, text_name: str) -> tuple[int, str]:
    """(offset, words) for a quote that is not in a text: how far it agrees with the text, and how they part."""
    low, high = 0, len(words)  # words[:low] is in text; words[:high + 1] is not (or high is the end)
    while low < high:
        middle = (low + high + 1) // 2
        if words[:middle] in text:
            low = middle
        else:
            high = middle - 1
    if low == 0:
        return 0, f"its first character '{shown(words[:1])}' does not occur in {text_name}"
    at = text.find(words[:low]) + low
    return low, (
        f"the first {low} characters agree with {text_name}, then the quote has '{excerpt(words, low)}' "
        f"where {text_name} has '{excerpt(text, at)}'"
    )


def nearest_words(wanted: str, text: str) -> str:
    """'; did you mean …?' with the run of words in text closest to `wanted`, if one is close."""
    words = [word.strip(".,;:!?()“”‘’\"'") for word in text.split()]
    size = max(1, len(wanted.split()))
    runs = {" ".join(words[i : i + size]) for i in range(max(1, len(words) - size + 1))}
    close = difflib.get_close_matches(wanted, sorted(runs), n=1, cutoff=0.6)
    return f"; did you mean '{shown(close[0])}'?" if close else ""
