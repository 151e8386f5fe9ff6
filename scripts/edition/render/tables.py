"""The edition's tables, one design for every editor's table: the theme's table style, words kept whole, and on a
phone either stacked cards (each cell labelled with its column) or, for a table that must stay a grid, a box
that scrolls sideways by itself with a visible cue (docs/stylesheets/edition.css, "Tables")."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..escape import esc


@dataclass
class Row:
    """One row: its cells as HTML (the first is the row's heading when `row_heading`), and its attributes."""

    cells: list[str]
    attributes: dict[str, str] = field(default_factory=dict)


def table(
    caption: str,
    header: list[str],
    rows: list[Row],
    css_class: str = "",
    table_id: str = "",
    cards: bool = True,
    row_heading: bool = False,
    search: bool = True,
) -> list[str]:
    """A table as raw HTML lines. With `cards`, each cell carries its column's name (`data-label`), which shows only when
    a phone stacks the rows as cards. With `row_heading`, the first cell is the row's header (a card's title).
    Without `search`, the table is left out of the search index (its rows are indexed on their own pages)."""
    classes = " ".join(["edition-table", "edition-table--cards" if cards else "edition-table--grid", css_class]).strip()
    id_attribute = f' id="{esc(table_id)}"' if table_id else ""
    exclude = "" if search else " data-search-exclude"
    # The wrapper scrolls by itself when the table is wider than the screen; a reader can scroll it by keyboard.
    lines = [
        f'<div class="md-typeset__scrollwrap edition-scroll" role="region" tabindex="0" aria-label="{esc(caption)}"{exclude}>'
        '<div class="md-typeset__table">',
        f'<table class="{classes}"{id_attribute}>',
        f"<caption>{esc(caption)}</caption>",
        "<thead><tr>" + " ".join(f'<th scope="col">{esc(name)}</th>' for name in header) + "</tr></thead>",
        "<tbody>",
    ]
    for row in rows:
        attributes = "".join(f' {name}="{esc(value)}"' for name, value in row.attributes.items())
        cells = []
        for number, (name, cell) in enumerate(zip(header, row.cells, strict=True)):
            if number == 0 and row_heading:
                cells.append(f'<th scope="row">{cell}</th>')
            else:
                # A card's label, shown by the stylesheet (an attribute, not an element: fewer bytes and elements per
                # cell, and search, which reads text only, does not run it into the cell's words).
                label = f' data-label="{esc(name)}"' if cards else ""
                cells.append(f"<td{label}>{cell}</td>")
        # Spaces between cells: search reads a row as text, and cells would otherwise run together.
        lines.append(f"<tr{attributes}>" + " ".join(cells) + "</tr>")
    lines += ["</tbody>", "</table>", "</div></div>"]
    return lines
