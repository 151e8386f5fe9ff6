"""What happens in a browser: paragraph URLs land on their paragraph; the proposal filters work."""

from __future__ import annotations

import pytest

from edition import urls

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_every_paragraph_url_lands_on_that_paragraph(page, site_url, edition):
    page.set_viewport_size({"width": 1280, "height": 800})
    for paragraph in edition.paragraphs:
        section = edition.place[paragraph.id].section
        page.goto(f"{site_url}{urls.page_url(urls.section_page(section.id))}#{paragraph.id}")
        top, at_bottom = page.evaluate(
            f"""[document.getElementById('{paragraph.id}').getBoundingClientRect().top,
                 window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2]"""
        )
        # Material's sticky header is about 50-100px tall; the paragraph must sit just below it,
        # unless it is near the end of a page that cannot scroll further.
        assert 0 <= top < 200 or (at_bottom and 0 <= top < 800), (paragraph.id, top)
        assert page.locator(f"#{paragraph.id} a.para-num").inner_text() == f"¶{paragraph.number}"


def test_proposal_filters_narrow_the_table(page, site_url, edition):
    page.goto(site_url + urls.page_url(urls.PROPOSALS))
    form = page.locator("#proposal-filters")
    assert form.is_visible()
    rows = page.locator("#proposals-table tbody tr")
    assert rows.count() == len(edition.proposals)

    def visible_titles():
        return [rows.nth(i).locator("td a").first.inner_text() for i in range(rows.count()) if rows.nth(i).is_visible()]

    area = edition.areas[-1]
    page.select_option("select[data-filter=area]", area.id)
    assert visible_titles() == [p.title for p in edition.proposals if p.area == area.id]
    page.select_option("select[data-filter=horizon]", "long")
    both = [p.title for p in edition.proposals if p.area == area.id and p.horizon.term == "long"]
    assert visible_titles() == both
    assert page.locator("#proposals-count").inner_text() == f"{len(both)} of {len(edition.proposals)} proposals shown."
    page.click("#proposal-filters button[type=reset]")
    page.wait_for_function(
        f"document.querySelectorAll('#proposals-table tbody tr:not([hidden])').length == {len(edition.proposals)}"
    )
    actor = "g7"
    page.select_option("select[data-filter=actor]", actor)
    assert visible_titles() == [p.title for p in edition.proposals if actor in p.actors]
    page.select_option("select[data-filter=actor]", "")
    three_p = "protection"
    page.select_option("select[data-filter=three-p]", three_p)
    assert visible_titles() == [p.title for p in edition.proposals if three_p in p.three_p]
    challenge = edition.challenges[0].id
    page.select_option("select[data-filter=three-p]", "")
    page.select_option("select[data-filter=challenge]", challenge)
    assert visible_titles() == [p.title for p in edition.proposals if challenge in p.challenges]
