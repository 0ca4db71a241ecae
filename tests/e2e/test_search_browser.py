"""A reader searches as a person does, on a phone: types words in the header's search box,
reads highlighted results in their language, narrows them with a facet and turns the page; in
Spanish and in English. Nothing wider than the screen, no interface string left in English in
Spanish, no axe violation."""

import pytest

from tests.e2e.test_site_journeys import check_page

pytestmark = pytest.mark.browser

JOURNEYS = {
    # language: (query, the facet a reader picks, its label start, "Next")
    "es": ("niñez migrante", "Recurso", "Siguiente"),
    "en": ("children rights", "Module", "Next"),
}


@pytest.mark.parametrize("language", list(JOURNEYS))
def test_a_reader_searches_filters_and_turns_the_page(
    demo_server, browsers, journey, axe_source, language
):
    query, facet, next_label = JOURNEYS[language]
    page = browsers.new_page(language=language, viewport="phone")
    checked = set()
    page.goto(f"{demo_server}/{language}/")
    box = page.locator("header form.site-search input[name=q]")
    box.click()
    box.type(query, delay=40)
    journey(page, "typed in the header's box")
    box.press("Enter")
    page.wait_for_selector(".result-count")
    journey(page, "results")
    check_page(page, language, axe_source, checked)
    assert page.locator(".result mark").count() > 0, "the query's words are highlighted"
    first_count = page.locator(".result").count()
    assert first_count > 0

    page.locator(".search-facets a", has_text=facet).first.click()
    page.wait_for_selector(".search-facets a[aria-current]")
    journey(page, "facet chosen")
    check_page(page, language, axe_source, checked)
    assert page.locator(".result").count() > 0

    if language == "es":
        page.goto(f"{demo_server}/es/buscar/?q=ninez")
        page.get_by_role("link", name=next_label).click()
        page.wait_for_selector(".pagination [aria-current]")
        assert page.locator(".pagination [aria-current]").inner_text() == "2"
        journey(page, "second page")
        check_page(page, language, axe_source, checked)
