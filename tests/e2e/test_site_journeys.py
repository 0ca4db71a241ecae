"""A visitor reads the course in their own language, on a phone and on a desktop.

Home → course → a module's overview (its content is for learners) → signs in as the demo's
learner from there → the module → a country unit of module 5 → the library → filters → a
resource → its document, in the demo as ``make run`` serves it (DEBUG off). On every page:
nothing wider than the screen, no English left in a non-English interface, and axe-core finds
no WCAG 2.1 AA violation.
"""

import re

import pytest

from tests.e2e.conftest import follow, sign_in_on_the_site
from tests.e2e.language import assert_in_language
from tests.e2e.test_browser import axe_violations, main_navigation

pytestmark = pytest.mark.browser

# The library's filter button, the "Module 5" label and the module teaser's sign-in link, as a
# visitor reads them.
FILTER = {"es": "Filtrar", "en": "Filter", "pt-br": "Filtrar", "fr": "Filtrer"}
SIGN_IN_TO_STUDY = {
    "es": "Inicie sesión para estudiarlo",
    "en": "Sign in to study it",
    "pt-br": "Entre para estudá-lo",
    "fr": "Connectez-vous pour l'étudier",
}
MODULE_5 = {"es": "Módulo 5", "en": "Module 5", "pt-br": "Módulo 5", "fr": "Module 5"}


def check_page(page, language, axe_source, checked):
    """What a visitor of any page gets: their language, a page that fits, no axe violation
    (axe once per page type: the body's class)."""
    width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{page.url}: the page scrolls sideways ({width[0]} > {width[1]})"
    assert_in_language(page, language)
    kind = page.locator("body").get_attribute("class")
    if kind not in checked:
        checked.add(kind)
        violations = axe_violations(page, axe_source)
        assert violations == [], f"{page.url}\n" + "\n".join(violations)


# Each language once, phones and desktops alternating (both screens are seen in two languages).
@pytest.mark.parametrize(
    "language, viewport",
    [("es", "phone"), ("en", "desktop"), ("pt-br", "phone"), ("fr", "desktop")],
)
def test_a_visitor_reads_the_course_and_downloads_a_resource(
    demo_server, browsers, journey, axe_source, language, viewport
):
    page = browsers.new_page(language=language, viewport=viewport)
    checked = set()

    page.goto(demo_server + "/")
    assert page.url == f"{demo_server}/{language}/", "the browser's language is chosen"
    journey(page, "home")
    check_page(page, language, axe_source, checked)
    assert page.locator(".module-grid li").count() == 10

    nav = main_navigation(page, language)
    nav.get_by_role("link").first.click()
    page.wait_for_load_state()
    assert page.locator("body.course").count() == 1
    journey(page, "course")
    check_page(page, language, axe_source, checked)

    follow(page.locator(".module-list li").first.get_by_role("link"))
    assert page.locator("body.module").count() == 1
    journey(page, "module 1's overview, for a visitor")
    check_page(page, language, axe_source, checked)
    assert page.locator(".for-learners").is_visible()
    assert page.locator(".evaluation-callout").count() == 0

    follow(page.get_by_role("link", name=SIGN_IN_TO_STUDY[language]))
    assert page.url.startswith(f"{demo_server}/{language}/")
    journey(page, "sign-in page")
    check_page(page, language, axe_source, checked)
    sign_in_on_the_site(page)
    assert page.locator("body.module").count() == 1, "back on the module"
    assert page.locator(".for-learners").count() == 0
    journey(page, "module 1, signed in")
    check_page(page, language, axe_source, checked)

    # The header's "Modules" link leads to the course's list of modules.
    main_navigation(page, language).get_by_role("link").nth(1).click()
    follow(page.get_by_role("link", name=MODULE_5[language], exact=False))
    assert page.locator(".country-units li.card").count() == 19
    page.locator("#id_country").select_option("MX")
    follow(page.locator("#country-units button[type=submit]"))
    assert page.locator(".country-units li.card").count() == 1
    journey(page, "module 5 filtered to one country")
    check_page(page, language, axe_source, checked)
    follow(page.locator(".country-units li.card a"))
    assert page.locator("body.country-unit").count() == 1
    assert page.locator("table.legal").is_visible()
    journey(page, "country unit")
    check_page(page, language, axe_source, checked)

    follow(main_navigation(page, language).get_by_role("link").nth(2))
    assert page.locator("body.library").count() == 1
    journey(page, "library")
    check_page(page, language, axe_source, checked)
    total = page.locator(".resource-card").count()
    page.locator("#id_type").select_option("document")
    follow(page.get_by_role("button", name=FILTER[language], exact=True))
    assert "type=document" in page.url
    cards = page.locator(".resource-card")
    assert 0 < cards.count() <= total
    assert all(card.locator(".badge-document").count() == 1 for card in cards.all())
    journey(page, "library filtered to documents")
    check_page(page, language, axe_source, checked)

    follow(cards.first.locator("h3 a"))
    assert page.locator("body.resource").count() == 1
    journey(page, "resource")
    check_page(page, language, axe_source, checked)
    with page.expect_download() as download:
        page.locator("main a[href*='/documents/']").first.click()
    assert re.search(r"\.pdf$", download.value.suggested_filename)
    assert download.value.failure() is None


def test_the_skip_link_and_the_main_navigation_are_reached_with_the_keyboard(demo_server, browsers):
    page = browsers.new_page(language="es", viewport="phone")
    page.goto(demo_server + "/es/curso-ninez-migrante/")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.className")
    assert focused == "skip-link"
    assert page.locator(".skip-link").is_visible(), "the skip link shows when focused"
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus is visible"
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")
    assert page.evaluate("() => document.activeElement.id") == "main"

    page.goto(demo_server + "/es/curso-ninez-migrante/")
    reached = []
    for _ in range(10):
        page.keyboard.press("Tab")
        label = page.evaluate(
            "() => document.activeElement.closest('.main-nav') ? "
            "document.activeElement.textContent.trim() : null"
        )
        if label:
            reached.append(label)
        if len(reached) == 3:
            break
    assert reached == ["Curso", "Módulos", "Biblioteca"]
    # The library, from the keyboard alone.
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/es/biblioteca/$"))
    assert page.locator("h1").inner_text() == "Biblioteca de recursos"


def test_static_files_and_media_load_with_debug_off(demo_server, browsers):
    page = browsers.new_page(language="es", viewport="desktop")
    page.goto(demo_server + "/es/biblioteca/?type=infographic")
    header = page.evaluate(
        "() => getComputedStyle(document.querySelector('.site-header')).backgroundColor"
    )
    assert header == "rgb(8, 59, 106)", "the stylesheet is served"
    page.locator(".resource-card h3 a").first.click()
    image = page.locator("main figure img")
    image.wait_for()
    # The rendition is made on its first request: wait for it as a reader does (fails if it
    # never loads).
    page.wait_for_function(
        "(img) => img.complete && img.naturalWidth > 0", arg=image.element_handle(), timeout=15_000
    )


def test_an_unknown_address_gets_the_sites_own_404_page(demo_server, browsers, axe_source):
    for language, heading in [("es", "Página no encontrada"), ("fr", "Page introuvable")]:
        page = browsers.new_page(language=language, viewport="phone")
        response = page.goto(f"{demo_server}/{language}/no-existe/")
        assert response.status == 404
        assert "URLconf" not in page.content(), "not Django's debug page"
        assert page.locator("h1").inner_text() == heading
        assert page.locator(".site-header .main-nav a").count() == 3
        assert_in_language(page, language)
        violations = axe_violations(page, axe_source)
        assert violations == [], "\n".join(violations)


def test_documents_are_only_served_through_the_access_rule(demo_server):
    """The demo serves its media folder (images, renditions) but never the documents' files
    from it: a document is served by Wagtail's view, which asks a visitor to sign in first."""
    import urllib.error
    import urllib.request

    files = sorted((demo_server.workdir / "media" / "documents").glob("guia-modulo-1*.pdf"))
    assert files, "the study guide is in the media folder"
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{demo_server}/media/documents/{files[0].name}")  # noqa: S310
    assert refused.value.code == 404
    images = sorted((demo_server.workdir / "media" / "original_images").iterdir())
    served = urllib.request.urlopen(f"{demo_server}/media/original_images/{images[0].name}")  # noqa: S310
    assert served.status == 200
