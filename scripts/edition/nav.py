"""The site navigation: a few dozen entries, never one per record, so every page stays small.

The paper comes first, in its reading order: the title page, the sections, then its references, so that "Next"
after the last section leads to the references. The sections are entries of the top level, not a nested group:
on a phone the menu then opens on the whole edition wherever the reader is, and the argument map is two taps away
(the menu, then its entry, which leads to its landing page).
"""

from __future__ import annotations

from . import urls
from .escape import esc
from .model import Edition

# Up to this many sections are listed in the navigation; a longer paper is reached through the
# contents on the overview page, so that no page grows with the number of sections.
MAX_SECTIONS_IN_NAV = 12


def site_nav(edition: Edition) -> list:
    nav: list = [{"Title page and contents": urls.HOME}]
    if len(edition.sections) <= MAX_SECTIONS_IN_NAV:
        nav += [
            # A navigation title is HTML to MkDocs and the theme, which write it as is: escaped here.
            {esc(f"{section.label}. {edition.text(section.id)}"): urls.section_page(section.id)}
            for section in edition.sections
        ]
    nav.append({"References": urls.REFERENCES})
    if edition.proposals:
        nav.append({"Proposals and argument map": argument_map_nav(edition)})
    nav.append({"Data and citation": urls.CITE})
    nav.append({"About this edition": urls.ABOUT})
    nav.append({"Editorial method": urls.METHOD})
    nav.append({"Changelog": urls.CHANGELOG})
    return nav


def argument_map_nav(edition: Edition) -> list:
    """The argument map's pages, each label saying what it holds and how many; the landing page first."""
    return [
        {"The argument at a glance": urls.MAP},
        {f"All proposals ({len(edition.proposals)}), with filters": urls.PROPOSALS},
        {f"Challenges ({len(edition.challenges)})": urls.CHALLENGES},
        {f"Cooperation areas ({len(edition.areas)})": urls.AREAS},
        {"Matrix: challenges × areas": urls.MATRIX},
        {f"Actors and institutions ({len(edition.actors)})": urls.ACTORS},
        {f"Glossary ({len(edition.terms)} terms)": urls.GLOSSARY},
        {f"Timeline ({len(edition.events)} dates)": urls.TIMELINE},
    ]
