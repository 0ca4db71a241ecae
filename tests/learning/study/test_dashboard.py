"""The learner's dashboard: each module's status, hours, best score and attempts, the next step,
links in the learner's language; a fixed number of queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from course_content.models import EvaluationPage, ModulePage
from learning.models import Attempt, Enrolment, ModuleProgress
from tests.factories import CoursePageFactory, EvaluationPageFactory, ModulePageFactory

pytestmark = pytest.mark.django_db


def attempt(enrolment, evaluation, score, *, language="es"):
    return Attempt.objects.create(
        enrolment=enrolment,
        evaluation=evaluation,
        language=language,
        score=score,
        pass_mark=70,
        passed=score >= 70,
        total_points=100,
        points=score,
    )


@pytest.fixture
def studying(learner, demo):
    """Module 1 passed (after a failed attempt), module 2 opened, module 3 failed once."""
    enrolment = Enrolment.objects.get(user=learner)
    attempt(enrolment, demo.evaluation(1), 40)
    attempt(enrolment, demo.evaluation(1), 90, language="pt-br")
    ModuleProgress.objects.create(enrolment=enrolment, module=demo.module(1))
    ModuleProgress.objects.create(enrolment=enrolment, module=demo.module(2))
    attempt(enrolment, demo.evaluation(3), 50)
    return enrolment


def rows(html):
    """Each module row of the table: (number, status, best score, attempts)."""
    found = []
    for row in re.findall(r'<tr class="module-row row-[a-z_]+">(.*?)</tr>', html, re.S):
        number = re.search(r'class="module-number">(\d+)\.', row).group(1)
        cells = [
            re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td>(.*?)</td>", row, re.S)
        ]
        found.append((int(number), cells[1], cells[2], cells[3]))
    return found


def test_the_dashboard_shows_each_modules_status_and_the_next_step(learner_client, demo, studying):
    html = learner_client.get("/es/study/").content.decode()
    table = rows(html)
    assert len(table) == 10
    assert table[0] == (1, "Aprobado", "90/100", "2")
    assert table[1] == (2, "En curso", "—", "0")
    assert table[2] == (3, "En curso", "50/100", "1")
    assert table[3] == (4, "Sin comenzar", "—", "0")
    assert "Ha aprobado 1 de 10 módulos." in html
    # The next step: module 2 was opened, so its evaluation comes next.
    assert "Responder la evaluación del módulo 2" in html
    assert f'href="{demo.evaluation(2).url}"' in html
    hours = sum(ModulePage.objects.child_of(demo.course).values_list("estimated_hours", flat=True))
    assert hours == 85 and "<td>85</td>" in html  # the total


def test_the_dashboard_is_in_the_learners_language_with_links_there(learner_client, demo, studying):
    html = learner_client.get("/pt-br/study/").content.decode()
    assert '<html lang="pt-br">' in html
    assert "Seu progresso no curso" in html and "Aprovado" in html and "Não iniciado" in html
    module_1 = ModulePage.objects.get(
        translation_key=demo.module(1).translation_key, locale__language_code="pt-br"
    )
    assert f'href="{module_1.url}"' in html and module_1.url.startswith("/pt-br/")
    assert module_1.title in html
    # Module 4 has no Portuguese translation: its placeholder is linked, its title marked Spanish.
    placeholder = ModulePage.objects.get(
        translation_key=demo.module(4).translation_key, locale__language_code="pt-br"
    )
    assert f'href="{placeholder.url}"' in html
    assert f'<span lang="es">{placeholder.title}</span>' in html


def test_a_learner_with_no_enrolment_is_told_so(client, make_learner):
    client.force_login(make_learner("nadie", enrolled=False))
    html = client.get("/es/study/").content.decode()
    assert "Todavía no está inscrito en ninguna edición del curso." in html


def test_the_dashboard_needs_a_signed_in_learner(client):
    response = client.get("/es/study/")
    assert response.status_code == 302 and "next=/es/study/" in response["Location"]


class Edition:
    """An edition with ``grow(n)`` modules, each with an evaluation, progress and attempts."""

    def __init__(self, demo, learner):
        self.course = CoursePageFactory(parent=demo.home, slug="edicion-escala")
        self.enrolment = Enrolment.objects.create(user=learner, course=self.course)
        self.modules = 0

    def grow(self, modules, attempts_per_module):
        while self.modules < modules:
            self.modules += 1
            module = ModulePageFactory(parent=self.course, number=self.modules)
            evaluation = EvaluationPageFactory(parent=module)
            ModuleProgress.objects.create(enrolment=self.enrolment, module=module)
            for score in range(attempts_per_module):
                attempt(self.enrolment, evaluation, 40 + score * 20)


def count(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context), response.content.decode()


def test_the_dashboard_runs_a_fixed_number_of_queries(learner_client, learner, demo):
    edition = Edition(demo, learner)
    edition.grow(10, 1)
    small, html = count(learner_client, "/es/study/")
    assert html.count('<tr class="module-row') == 10 + 10  # the demo edition too
    edition.grow(100, 3)
    large, html = count(learner_client, "/es/study/")
    assert html.count('<tr class="module-row') == 100 + 10
    assert Attempt.objects.filter(enrolment=edition.enrolment).count() == 10 + 90 * 3
    assert small == large
    assert EvaluationPage.objects.descendant_of(edition.course).count() == 100
    print(f"dashboard: {large} queries with 110 modules")
