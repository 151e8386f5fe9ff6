"""The site navigation: a few dozen entries, never one per record, so every page stays small."""

from __future__ import annotations

from . import urls
from .escape import esc
from .model import Edition

# Up to this many sections are listed in the navigation; a longer paper is reached through the
# contents on the overview page, so that no page grows with the number of sections.
MAX_SECTIONS_IN_NAV = 12


def site_nav(edition: Edition) -> list:
    paper: list = [{"Overview": urls.HOME}]
    if len(edition.sections) <= MAX_SECTIONS_IN_NAV:
        paper += [
            # A navigation title is HTML to MkDocs and the theme, which write it as is: escaped here.
            {esc(f"{section.label}. {edition.text(section.id)}"): urls.section_page(section.id)}
            for section in edition.sections
        ]
    nav: list = [{"The paper": paper}]
    if edition.proposals:
        nav.append(
            {
                "Argument map": [
                    {"Proposals": urls.PROPOSALS},
                    {"Challenges": urls.CHALLENGES},
                    {"Cooperation areas": urls.AREAS},
                    {"Challenges × areas": urls.MATRIX},
                    {"Actors": urls.ACTORS},
                    {"Glossary": urls.GLOSSARY},
                    {"Timeline": urls.TIMELINE},
                ]
            }
        )
    nav.append({"References": urls.REFERENCES})
    nav.append({"Data and citation": urls.CITE})
    nav.append({"About this edition": urls.ABOUT})
    nav.append({"Editorial method": urls.METHOD})
    nav.append({"Changelog": urls.CHANGELOG})
    return nav
