"""A specialist's whole course, as a new user does it in Chromium, on a 375 px phone.

She applies on the Spanish course page; the enrolment manager approves her in the admin; she
chooses her password from the approval email, signs in, reads module 1 in Spanish and fails its
evaluation, then passes it; reads module 2 in English and passes its evaluation in Portuguese;
passes modules 3 to 10; downloads her certificate and checks its code on the public
verification page, as an employer would, in another browser.
"""

import re

import pytest
from pypdf import PdfReader

from course_content.demo import content
from learning.management.commands.study_test_learner import PT_BR
from tests.e2e.conftest import follow, sign_in_on_the_site
from tests.e2e.language import assert_in_language
from tests.e2e.test_enrolment_browser import emailed_link, fits, type_into
from tests.e2e.test_study_browser import answer, manage

pytestmark = pytest.mark.browser

NAME = "Valentina Quispe"
EMAIL = "valentina.quispe@example.org"
PASSWORD = "altiplano-andino-31"


@pytest.fixture(scope="module")
def module_2_in_portuguese(demo_server):
    """The demo translates module 1 into Portuguese; module 2 and its evaluation too."""
    manage(demo_server, "study_test_learner", "--translate-module", "2", "--locale", "pt-br")


def take_evaluation(page, module, *, wrong=(), texts=None, button="Enviar mis respuestas"):
    page.locator(".evaluation-callout").get_by_role("link").click()
    answer(page, module["evaluation"]["questions"], wrong=wrong, texts=texts)
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()
    return page.locator(".result").inner_text()


def test_from_application_to_a_verified_certificate(
    demo_server, module_2_in_portuguese, browsers, as_user, journey
):
    learner = browsers.new_page(language="es", viewport="phone")

    # Applying, on the Spanish course page.
    learner.goto(demo_server + "/es/curso-ninez-migrante/")
    learner.get_by_role("link", name="Postular en línea").click()
    type_into(learner, "Nombre completo", NAME)
    learner.locator("#id_email").press_sequentially(EMAIL, delay=5)
    type_into(learner, "Organización", "Defensoría de la Niñez de Bolivia")
    learner.get_by_label("País", exact=True).select_option("BO")
    type_into(learner, "Profesión o cargo", "Trabajadora social")
    type_into(learner, "¿Por qué desea tomar este curso?", "Acompaño a niñas y niños en tránsito.")
    learner.locator("#id_consent").check()
    with learner.expect_navigation():
        learner.get_by_role("button", name="Enviar mi postulación").click()
    assert learner.get_by_role("heading", name="Postulación recibida").is_visible()
    journey(learner, "application received")
    assert_in_language(learner, "es")
    fits(learner)

    # The enrolment manager approves it.
    manager = as_user("gestora", language="es")
    manager.get_by_role("button", name="Inscripción").click()
    manager.get_by_role("link", name="Postulaciones").click()
    manager.locator("table.listing tbody tr").filter(has_text=EMAIL).get_by_role(
        "link", name=f"Aprobar: {NAME}"
    ).click()
    with manager.expect_navigation():
        manager.get_by_role("button", name="Sí, aprobar").click()
    assert "1 postulación aprobada" in manager.locator(".messages").inner_text()
    journey(manager, "approved")

    # Her password, from the approval email; then she signs in.
    link = emailed_link(demo_server, r"http://127\.0\.0\.1:\d+/es/cuenta/contrasena/[\w-]+/[\w-]+/")
    learner.goto(link)
    learner.locator("input[name=new_password1]").press_sequentially(PASSWORD, delay=5)
    learner.locator("input[name=new_password2]").press_sequentially(PASSWORD, delay=5)
    with learner.expect_navigation():
        learner.get_by_role("button", name="Guardar mi contraseña").click()
    assert_in_language(learner, "es")
    learner.get_by_role("navigation", name="Su cuenta").get_by_role(
        "link", name="Iniciar sesión"
    ).click()
    sign_in_on_the_site(learner, EMAIL, PASSWORD)
    follow(
        learner.get_by_role("navigation", name="Su cuenta").get_by_role(
            "link", name="Mi aprendizaje"
        )
    )
    assert learner.get_by_role("heading", name="Mi aprendizaje").is_visible()
    journey(learner, "signed in: my learning")

    # Module 1 in Spanish: she fails its evaluation, then passes it.
    learner.goto(demo_server + "/es/study/")
    learner.get_by_role("link", name="Comenzar el módulo 1").click()
    modules = content.MODULES
    assert learner.get_by_role("heading", level=1, name=modules[0]["title"]).is_visible()
    assert learner.locator(".for-learners").count() == 0, "the module's content is hers"
    journey(learner, "module 1 in Spanish")
    result = take_evaluation(learner, modules[0], wrong={1, 2, 3})
    assert "Todavía no aprobado" in result, result
    journey(learner, "module 1 failed")
    learner.get_by_role("link", name="Volver al módulo 1").click()
    result = take_evaluation(learner, modules[0])
    assert "Puntuación: 100/100" in result and "Aprobado" in result, result
    journey(learner, "module 1 passed")

    # Module 2, read in English; its evaluation taken in Portuguese.
    learner.goto(demo_server + "/es/study/")
    learner.get_by_role("link", name="Comenzar el módulo 2").click()
    follow(learner.locator(".language-switcher").get_by_role("link", name="English"))
    assert learner.url.startswith(demo_server + "/en/")
    assert learner.locator("html").get_attribute("lang") == "en"
    assert learner.locator(".body").inner_text().strip(), "module 2's content, in English"
    assert_in_language(learner, "en")
    journey(learner, "module 2 in English")
    follow(learner.locator(".language-switcher").get_by_role("link", name="Português (Brasil)"))
    assert learner.url.startswith(demo_server + "/pt-br/")
    result = take_evaluation(learner, modules[1], texts=PT_BR, button="Enviar minhas respostas")
    assert "Pontuação: 100/100" in result, result
    assert_in_language(learner, "pt-br")
    journey(learner, "module 2 passed in Portuguese")

    # Modules 3 to 10, from her dashboard's next step.
    for number in range(3, 11):
        learner.goto(demo_server + "/es/study/")
        learner.get_by_role("link", name=f"Comenzar el módulo {number}").click()
        result = take_evaluation(learner, modules[number - 1])
        assert "Aprobado" in result, (number, result)

    # The course is complete: her certificate, and its code checked by someone else.
    learner.goto(demo_server + "/es/study/")
    assert learner.get_by_text("Ha completado el curso. ¡Felicitaciones!").is_visible()
    journey(learner, "course completed")
    assert_in_language(learner, "es")
    fits(learner)
    code = re.search(r"Código de verificación: (\S+)", learner.locator("main").inner_text()).group(
        1
    )
    with learner.expect_download() as download:
        learner.get_by_role("link", name="Descargar su certificado (PDF)").click()
    text = PdfReader(download.value.path()).pages[0].extract_text()
    assert NAME in text and code in text

    employer = browsers.new_page(language="es", viewport="desktop")
    employer.goto(demo_server + "/es/certificates/verify/")
    employer.get_by_label("Código de verificación").press_sequentially(code.lower(), delay=15)
    employer.get_by_label("Código de verificación").press("Enter")
    employer.wait_for_load_state()
    verdict = employer.locator("main").inner_text()
    assert "Certificado válido" in verdict and NAME in verdict
    assert EMAIL not in verdict and "Bolivia" not in verdict, "name, course and date only"
    journey(employer, "certificate verified")
    assert_in_language(employer, "es")
