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


# Characters written as character references in an attribute value on a Markdown line (a heading's attribute
# list, or inline HTML in a heading): HTML's own, and Markdown's inline syntax, which Python-Markdown reads
# before it sets inline HTML aside ("[a](javascript:…)" inside a title would become a link and end the
# attribute), and the braces that end an attribute list even inside quotes.
_MD_ATTR_SPECIAL = {char: f"&#{ord(char)};" for char in "&<>\"'\\`*_{}[]()"}


def md_attr(text: str) -> str:
    """Text for an attribute value written on a Markdown line: `{#id data-toc-label="…"}` or `<a title="…">`."""
    return "".join(_MD_ATTR_SPECIAL.get(char, char) for char in text)


def script_json(data: object) -> str:
    """Compact JSON to put inside a <script> element: "<", ">" and "&" as \\u escapes, so no string in it can
    end the element ("</script>") or open a comment ("<!--"); JSON readers decode them back."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
