"""End to end in headless Chromium: a learner's path and WCAG 2.1 AA checks with axe-core."""

import pytest

from tests.e2e.conftest import follow, sign_in_on_the_site

pytestmark = pytest.mark.browser

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page, axe_source):
    # Evaluated through the browser's debugging protocol, as a person's axe extension would:
    # the site's Content-Security-Policy (no inline script) stays on for everything else.
    page.evaluate(axe_source)
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_21_AA,
    )
    assert len(result["passes"]) > 10, "axe-core ran its checks"
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in result["violations"]
    ]


def main_navigation(page, language="es"):
    names = {
        "es": "Navegación principal",
        "en": "Main navigation",
        "pt-br": "Navegação principal",
        "fr": "Navigation principale",
    }
    return page.get_by_role("navigation", name=names[language])


def sign_in_as_the_demo_learner(page, base_url):
    page.goto(base_url + "/es/")
    account = page.get_by_role("navigation", name="Su cuenta")
    account.get_by_role("link", name="Iniciar sesión").click()
    sign_in_on_the_site(page)
    assert page.url == base_url + "/es/", "back where they were"


def test_learner_opens_the_course_goes_to_module_5_and_picks_a_country(demo_server, page):
    page.goto(demo_server + "/")
    assert page.url == demo_server + "/es/"
    sign_in_as_the_demo_learner(page, demo_server)
    follow(main_navigation(page).get_by_role("link", name="Curso", exact=True))
    assert page.locator("h1").inner_text().startswith("Curso especializado")

    follow(page.get_by_role("link", name="Módulo 5", exact=False))
    assert page.locator(".eyebrow").inner_text().startswith("Módulo 5")
    assert page.locator(".country-units li.card").count() == 19

    page.get_by_label("País", exact=True).select_option("MX")
    follow(page.get_by_role("button", name="Mostrar"))
    assert page.locator(".country-units li.card").count() == 1
    follow(page.locator(".country-units li.card a"))
    assert "México" in page.locator("h1").inner_text()
    assert page.get_by_role("heading", name="Marco jurídico").is_visible()


@pytest.mark.parametrize(
    "path_kind",
    [
        "home",
        "course",
        "module",
        "country_unit",
        "evaluation",
        "resource_library",
        "resource",
        "english_module",
        "french_fallback",
        "not_found",
    ],
)
def test_pages_have_no_wcag_21_aa_violations(demo_server, page, axe_source, path_kind):
    if path_kind in ("module", "country_unit", "evaluation", "english_module"):
        sign_in_as_the_demo_learner(page, demo_server)
    page.goto(demo_server + "/es/")
    if path_kind == "english_module":
        page.goto(demo_server + "/en/curso-ninez-migrante/derechos-nna-politicas-publicas/")
        assert page.locator("html").get_attribute("lang") == "en"
        assert "Rights of children" in page.locator("h1").inner_text()
    elif path_kind == "french_fallback":
        page.goto(demo_server + "/fr/curso-ninez-migrante/derechos-nna-politicas-publicas/")
        assert page.locator(".fallback-notice").is_visible()
    elif path_kind == "not_found":
        assert page.goto(demo_server + "/es/no-existe/").status == 404
    elif path_kind in ("resource_library", "resource"):
        page.get_by_role("link", name="Explorar la biblioteca de recursos").click()
        if path_kind == "resource":
            page.locator(".resource-card h3 a").first.click()
    elif path_kind != "home":
        main_navigation(page).get_by_role("link", name="Curso", exact=True).click()
        if path_kind in ("module", "country_unit", "evaluation"):
            page.get_by_role("link", name="Módulo 5", exact=False).click()
        if path_kind == "country_unit":
            page.locator(".country-units li.card a").first.click()
        if path_kind == "evaluation":
            page.locator(".evaluation-callout a").click()
    violations = axe_violations(page, axe_source)
    assert violations == [], "\n".join(violations)
