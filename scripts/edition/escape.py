"""Escaping for every output format the pages use: HTML, Markdown text, JSON inside <script>.

A leaf module (the standard library only), so every stage can escape without importing the renderers.
Everything that comes from data/ passes through one of these before it reaches a page.
"""

from __future__ import annotations

import html
import json
import re

# Characters that Markdown would read as markup; exactly Python-Markdown's escapable set, because
# a backslash before any other character would be shown.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+.!-])")


def esc(text: str) -> str:
    """Text for HTML element content and attribute values (quotes included)."""
    return html.escape(text, quote=True)


def md_text(text: str) -> str:
    """Text that Markdown shows literally (for headings and link labels written in Markdown)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


# Characters written as character references inside a Markdown attribute list: HTML's own, Markdown's
# inline syntax (Python-Markdown reads links and emphasis in a heading before its attribute list) and
# the braces that end the list even inside quotes.
_ATTR_LIST_SPECIAL = {char: f"&#{ord(char)};" for char in "&<>\"'\\`*_{}[]()"}


def attr_list_value(text: str) -> str:
    """Text for a quoted value in a heading's attribute list, `{#id data-toc-label="…"}`."""
    return "".join(_ATTR_LIST_SPECIAL.get(char, char) for char in text)


def script_json(data: object) -> str:
    """Compact JSON to put inside a <script> element: "<", ">" and "&" as \\u escapes, so no string in it can
    end the element ("</script>") or open a comment ("<!--"); JSON readers decode them back."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
