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


def script_json(data: object) -> str:
    """Compact JSON to put inside a <script> element."""
    # "</" inside a JSON string would end the script element early.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
