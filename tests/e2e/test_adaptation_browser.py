"""An adaptation request, from the public form to a running translation project, in headless
Chromium.

A visitor on the English site asks for a French adaptation of modules 1–3 for Haiti (a first try
without consent gets a message and keeps what was typed); the administrator (Spanish admin)
finds the request in the inbox, accepts it as a French project with a note; the background job
creates what the locale needs and submits the three modules; the Translations dashboard shows
the project; the requester's private status link shows progress as percentages and dates.
"""

import re

import pytest

from tests.e2e.language import assert_in_language
from tests.e2e.test_enrolment_browser import emailed_link, fits, type_into

pytestmark = pytest.mark.browser

EMAIL = "direction@kay-timoun.example.org"


def test_a_visitor_requests_french_for_haiti_and_an_administrator_starts_the_project(
    demo_server, browsers, as_user, journey
):
    visitor = browsers.new_page(language="en", viewport="phone")
    visitor.goto(demo_server + "/")
    assert visitor.url == f"{demo_server}/en/"
    with visitor.expect_navigation():
        visitor.locator("footer").get_by_role("link", name="Request an adaptation").click()
    assert visitor.get_by_role("heading", name="Request an adaptation").is_visible()
    journey(visitor, "the request form")
    fits(visitor)

    type_into(visitor, "Organisation", "Kay Timoun Haïti")
    type_into(visitor, "Contact name", "Roseline Pierre")
    type_into(visitor, "Email", EMAIL)
    visitor.get_by_label("Country of the organisation", exact=True).select_option(label="Haiti")
    visitor.get_by_label("Language wanted", exact=True).select_option(label="French")
    visitor.get_by_label("Region or country of the variant (optional)").select_option(label="Haiti")
    type_into(
        visitor, "Audience", "Social workers and child protection officers in Port-au-Prince."
    )
    type_into(visitor, "Expected number of learners", "80")
    for number in (1, 2, 3):
        visitor.get_by_label(re.compile(rf"Module {number}:")).check()
    visitor.get_by_label("Language only").check()
    visitor.get_by_label("Country units").check()
    type_into(visitor, "Timeline", "Second half of 2027")
    # Sent without consent: the form says what is missing and keeps what was typed.
    with visitor.expect_navigation():
        visitor.get_by_role("button", name="Send the request").click()
    assert "We can only consider your request if you agree to this." in visitor.content()
    assert visitor.get_by_label("Organisation", exact=True).input_value() == "Kay Timoun Haïti"
    assert visitor.get_by_label(re.compile(r"Module 2:")).is_checked()
    journey(visitor, "a message: consent is missing")
    visitor.locator("#id_consent").check()
    with visitor.expect_navigation():
        visitor.get_by_role("button", name="Send the request").click()
    assert visitor.get_by_role("heading", name="Request received").is_visible()
    assert EMAIL in visitor.locator("main").inner_text()
    status_link = visitor.get_by_role("link", name="status of my request").get_attribute("href")
    journey(visitor, "request received")
    fits(visitor)
    emailed_link(demo_server, r"We received your adaptation request")

    admin = as_user("administrador", language="es")
    with admin.expect_navigation():
        admin.get_by_role("link", name="Solicitudes de adaptación").click()
    row = admin.locator("table.listing tbody tr").filter(has_text="Kay Timoun Haïti")
    assert "Nueva" in row.inner_text() and "Haití" in row.inner_text()
    with admin.expect_navigation():
        row.get_by_role("link", name="Kay Timoun Haïti").click()
    journey(admin, "the request")
    assert_in_language(admin, "es", ignore="dd")  # the requester's own words stay theirs
    accept = admin.locator("form.adaptation-accept")
    accept.get_by_label("Idioma del proyecto de traducción").select_option("fr")
    accept.get_by_label("Nota para quien hizo la solicitud").press_sequentially(
        "Empezamos con los módulos 1 a 3.", delay=5
    )
    with admin.expect_navigation():
        accept.get_by_role("button", name="Aceptar").click()
    assert "Solicitud aceptada" in admin.locator(".messages").inner_text()
    project = admin.locator("section[aria-labelledby=project-heading]")
    assert "Terminado" in project.locator(".adaptation-job").inner_text()  # the job ran
    assert "Segmentos traducidos" in project.inner_text()
    assert "Empezamos con los módulos 1 a 3." in admin.locator(".adaptation-history").inner_text()
    journey(admin, "accepted: the project and its job")
    emailed_link(demo_server, r"Your adaptation request: Accepted")

    with admin.expect_navigation():
        project.get_by_role("link", name="Abrirlo en el panel de Traducciones").click()
    heading = admin.locator("h2.translation-project").inner_text()
    assert "Solicitud de adaptación" in heading and "1, 2, 3" in heading
    rows = admin.locator("table.translations-matrix tbody tr")
    assert rows.count() == 3
    assert rows.locator('td[data-locale="fr"]').count() == 3
    journey(admin, "the dashboard on the project")

    visitor.goto(status_link)
    assert visitor.get_by_role("heading", name="Status of an adaptation request").is_visible()
    main = visitor.locator("main").inner_text()
    assert "Accepted" in main and "%" in main
    for private in ("Kay Timoun", "Roseline", EMAIL, "Empezamos"):
        assert private not in main
    journey(visitor, "the requester's status page")
    fits(visitor)
