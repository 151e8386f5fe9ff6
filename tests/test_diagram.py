"""The argument drawn (map/): each box is a link named by its record's full title, however its words are wrapped,
and the drawing is written in whole pixels (render/diagram.py)."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from edition import urls
from edition.render import render_site
from edition.validate import check

from .helpers import MINIMAL


@pytest.fixture(scope="module")
def drawings():
    edition = check(MINIMAL)
    page = BeautifulSoup(render_site(edition, True, "https://edition.example/")[urls.MAP], "html.parser")
    return edition, page.select("svg.diagram")


def test_each_box_is_named_by_its_full_title_in_both_layouts(drawings):
    edition, svgs = drawings
    titles = {
        **{f"challenge:{c.id}": c.title for c in edition.challenges},
        **{f"area:{a.id}": a.title for a in edition.areas},
        **{f"proposal:{p.id}": p.title for p in edition.proposals},
    }
    assert [svg["class"][1] for svg in svgs] == ["diagram--wide", "diagram--narrow"]
    wrapped = 0
    for svg in svgs:
        named = {}
        for link in svg.select("a"):
            # A challenge's or an area's box is in a group of that kind, with its lines; a proposal's in none.
            group = link.find_parent("g")
            kind = group["class"][1].removeprefix("diagram__flow--") if group else "proposal"
            record = link["href"].removesuffix(".md").rsplit("/", 1)[-1]
            # The link's name is its text: the lines joined as they stand, so each line but the last ends in a space.
            named[f"{kind}:{record}"] = link.get_text()
            wrapped += len(link.select("tspan")) > 1
        assert named == titles
    assert wrapped > 0  # not vacuous: some titles take several lines
    # One title and description, in the first drawing; the other names itself by them.
    assert [len(svg.select("title, desc")) for svg in svgs] == [2, 0]
    assert {(svg["aria-labelledby"], svg["aria-describedby"]) for svg in svgs} == {
        ("__diagram-title", "__diagram-desc")
    }


def test_the_drawing_is_in_whole_pixels(drawings):
    _edition, svgs = drawings
    for svg in svgs:
        numbers = " ".join(
            [path["d"] for path in svg.select("path")]
            + [node["transform"] for node in svg.select("a")]
            + [f'{rect["width"]} {rect["height"]}' for rect in svg.select("rect")]
        )
        assert re.findall(r"\d\.\d", numbers) == []
        assert svg.select("path") and all(re.fullmatch(r"(M\d+ \d+c[-\d ]+)+", p["d"]) for p in svg.select("path"))
