"""A learner studies at a person's pace, on a phone and on a desktop.

Signed in (a session made by ``manage.py study_test_learner``: the public sign-in pages are being
written in ``learning.enrolment``), the learner opens their dashboard, starts module 1 (progress
is recorded), fails its evaluation in Spanish and is told when they may try again (module 1's
evaluation asks for an hour's wait), comes back an hour later (the command moves their attempt
back), passes it; then reads module 2 in Portuguese (the language switcher), passes its
evaluation there, and finds it all on the dashboard. Every page: in its language, fits the
screen, and axe-core finds no WCAG 2.1 AA violation.
"""

import re
import subprocess
import sys

import pytest

from course_content.demo import content
from learning.management.commands.study_test_learner import PT_BR
from tests.e2e.conftest import ROOT, demo_env, follow
from tests.e2e.test_site_journeys import check_page as check

pytestmark = pytest.mark.browser


def manage(demo_server, *args):
    """Run a management command against the demo server's database."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=demo_env(demo_server.workdir),
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return result.stdout.strip()


@pytest.fixture(scope="module")
def portuguese_module_2(demo_server):
    """The demo translates only module 1 into Portuguese; module 2 and its evaluation too."""
    manage(demo_server, "study_test_learner", "--translate-module", "2", "--locale", "pt-br")
    manage(demo_server, "study_test_learner", "--module", "1", "--retake-wait", "60")


def answer(page, questions, *, wrong=(), texts=None):
    """Choose the options of each question as a person does, by their labels (the right ones,
    or a wrong one for the questions numbered in ``wrong``)."""
    texts = texts or {}
    true_false = {"es": ["Verdadero", "Falso"], "pt-br": ["Verdadeiro", "Falso"]}
    language = page.locator("html").get_attribute("lang")
    for number, question in enumerate(questions, start=1):
        fieldset = page.locator("fieldset.question").nth(number - 1)
        if question["kind"] == "true_false":
            options = true_false[language]
        else:
            options = [texts.get(option, option) for option in question["options"]]
        correct = question["correct"]
        chosen = (
            [next(i for i in range(len(options)) if i not in correct)]
            if number in wrong
            else correct
        )
        for index in chosen:
            fieldset.get_by_label(options[index], exact=True).check()


# At 375 px; the new learner's whole journey (test_learner_journey) runs on a phone too, and
# its certificate check on a desktop.
@pytest.mark.parametrize("viewport", ["phone"])
def test_a_learner_fails_retries_passes_and_studies_in_portuguese(
    demo_server, portuguese_module_2, browsers, journey, axe_source, viewport
):
    username = f"lucia-{viewport}"
    session = manage(
        demo_server, "study_test_learner", "--username", username, "--name", "Lucía Ñandú",
        "--session",
    )  # fmt: skip
    page = browsers.new_page(language="es", viewport=viewport)
    page.context.add_cookies([{"name": "sessionid", "value": session, "url": demo_server}])
    checked = set()
    module_1 = content.MODULES[0]
    module_2 = content.MODULES[1]

    # The dashboard: nothing started yet; the next step is module 1.
    page.goto(demo_server + "/es/study/")
    assert page.get_by_role("heading", name="Su progreso en el curso").is_visible()
    assert page.locator(".module-row.row-not_started").count() == 10
    journey(page, "dashboard, nothing started")
    check(page, "es", axe_source, checked)
    follow(page.get_by_role("link", name="Comenzar el módulo 1"))
    assert page.get_by_role("heading", level=1, name=module_1["title"]).is_visible()
    journey(page, "module 1")
    check(page, "es", axe_source, checked)

    # Module 1's evaluation, in Spanish: the learner fails it.
    follow(page.locator(".evaluation-callout").get_by_role("link"))
    assert page.get_by_role("heading", name="Su evaluación").is_visible()
    check(page, "es", axe_source, checked)
    questions = module_1["evaluation"]["questions"]
    answer(page, questions, wrong={1, 2, 3})
    journey(page, "module 1 evaluation answered (three wrong)")
    page.get_by_role("button", name="Enviar mis respuestas").click()
    result = page.locator(".result")
    assert result.get_by_text("Puntuación: 40/100").is_visible()
    assert result.get_by_text("Todavía no aprobado: la nota de aprobación es 70/100.").is_visible()
    retry = result.locator(".result-retake").inner_text()
    assert re.fullmatch(
        r"Podrá intentarlo de nuevo el .+ a las .+ \(dentro de (59\sminutos|1\shora)\)\.", retry
    ), retry
    assert page.locator(".feedback li.incorrect").count() == 3
    journey(page, "failed, told when to retry")
    check(page, "es", axe_source, checked)
    # Back on the evaluation: no form until the hour has passed, and the same message.
    page.get_by_role("link", name="Volver al módulo 1").click()
    follow(page.locator(".evaluation-callout").get_by_role("link"))
    assert page.get_by_text(retry.split(" (")[0]).is_visible()
    assert page.locator("form.evaluation-form").count() == 0

    # An hour later the learner comes back, retakes it and passes.
    manage(demo_server, "study_test_learner", "--username", username, "--time-passes", "61")
    page.reload()
    assert page.get_by_text("Ha hecho 1 intento; su mejor puntuación es 40/100.").is_visible()
    answer(page, questions)
    follow(page.get_by_role("button", name="Enviar mis respuestas"))
    assert page.locator(".result").get_by_text("Puntuación: 100/100").is_visible()
    assert page.get_by_text("Aprobado: la nota de aprobación es 70/100.").is_visible()
    assert page.locator(".feedback li.correct").count() == 5
    journey(page, "passed module 1")
    check(page, "es", axe_source, checked)

    # Module 2, read in Portuguese: the learner switches language on the module's page.
    follow(page.get_by_role("link", name="Su progreso en el curso"))
    assert page.locator(".module-row.row-passed").count() == 1
    page.get_by_role("link", name="Comenzar el módulo 2").click()
    follow(page.locator(".language-switcher").get_by_role("link", name="Português (Brasil)"))
    assert page.url.startswith(demo_server + "/pt-br/")
    title = PT_BR[module_2["title"]]
    assert page.get_by_role("heading", level=1, name=title).is_visible()
    journey(page, "module 2 in Portuguese")
    check(page, "pt-br", axe_source, checked)
    follow(page.locator(".evaluation-callout").get_by_role("link"))
    assert page.get_by_role("heading", name="Sua avaliação").is_visible()
    assert page.get_by_text(PT_BR[module_2["evaluation"]["questions"][0]["prompt"]]).is_visible()
    check(page, "pt-br", axe_source, checked)
    answer(page, module_2["evaluation"]["questions"], texts=PT_BR)
    journey(page, "module 2 evaluation answered in Portuguese")
    follow(page.get_by_role("button", name="Enviar minhas respostas"))
    assert page.locator(".result").get_by_text("Pontuação: 100/100").is_visible()
    assert page.get_by_text("Aprovado: a nota mínima é 70/100.").is_visible()
    journey(page, "passed module 2 in Portuguese")
    check(page, "pt-br", axe_source, checked)

    # The dashboard, in Portuguese, shows it all.
    follow(page.get_by_role("link", name="Seu progresso no curso"))
    assert page.url == demo_server + "/pt-br/study/"
    rows = page.locator(".module-row")
    assert rows.count() == 10
    first, second, third = (rows.nth(i).locator("td") for i in range(3))
    assert first.nth(1).inner_text() == "Aprovado" and first.nth(2).inner_text() == "100/100"
    assert first.nth(3).inner_text() == "2"
    assert second.nth(1).inner_text() == "Aprovado" and second.nth(3).inner_text() == "1"
    assert third.nth(1).inner_text() == "Não iniciado"
    assert page.get_by_text("Você foi aprovado(a) em 2 de 10 módulos.").is_visible()
    assert page.get_by_role("link", name="Começar o módulo 3").is_visible()
    journey(page, "dashboard in Portuguese")
    check(page, "pt-br", axe_source, checked)
