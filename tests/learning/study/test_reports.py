"""Staff reports: attempts, pass rate and mean score per module and language, each question's
share of correct answers per language (so a badly translated question stands out), a chart
beside each table, CSV export; for people with the reports permission; constant queries."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learning.models import Attempt, Enrolment
from learning.study.roles import grant_reports
from tests.factories import CoursePageFactory, EvaluationPageFactory, ModulePageFactory

pytestmark = pytest.mark.django_db


def record(enrolment, evaluation, language, correct_questions):
    """An attempt that answered ``correct_questions`` (block ids) right."""
    points = sum(q.value["points"] for q in evaluation.questions if q.id in correct_questions)
    total = sum(q.value["points"] for q in evaluation.questions)
    score = 100 * points // total
    return Attempt.objects.create(
        enrolment=enrolment,
        evaluation=evaluation,
        language=language,
        correct_questions=list(correct_questions),
        points=points,
        total_points=total,
        score=score,
        pass_mark=70,
        passed=score >= 70,
    )


@pytest.fixture
def results(demo, make_learner):
    """Module 1: four attempts in Spanish (all right), four in Portuguese where the first
    question is always wrong (as if badly translated)."""
    evaluation = demo.evaluation(1)
    ids = [q.id for q in evaluation.questions]
    for index in range(8):
        enrolment = Enrolment.objects.get(user=make_learner(f"learner-{index}"))
        if index < 4:
            record(enrolment, evaluation, "es", ids)
        else:
            record(enrolment, evaluation, "pt-br", ids[1:] if index < 7 else ids[2:])
    return evaluation


REPORT = "/admin/study-reports/"


@pytest.mark.parametrize("username", ["editora", "revisor", "publicadora", "traductora-pt-br"])
def test_people_without_the_permission_are_refused(as_user, username):
    client = as_user(username)
    response = client.get(REPORT)
    assert response.status_code in (302, 403)
    assert "Resultados de las evaluaciones" not in client.get("/admin/").content.decode()


def test_learners_and_visitors_never_reach_them(client, learner):
    assert client.get(REPORT).status_code == 302
    client.force_login(learner)
    assert client.get(REPORT).status_code == 302  # to the admin's sign-in: no admin access


def test_administrators_see_them_and_a_group_can_be_granted_them(as_user, user, results):
    client = as_user("administrador")
    response = client.get(REPORT)
    assert response.status_code == 200
    reports_menu = client.get("/admin/").content.decode()
    assert "Resultados de las evaluaciones" in reports_menu
    group = Group.objects.create(name="Coordinación académica")
    grant_reports(group)
    person = user("revisor")
    person.groups.add(group)
    client.force_login(person)
    assert client.get(REPORT).status_code == 200


def test_the_course_report_gives_figures_per_module_and_language(as_user, results):
    client = as_user("administrador")
    html = client.get(REPORT).content.decode()
    assert "Intentos, tasa de aprobación y puntuación media por módulo e idioma" in html
    assert "<svg" in html and 'role="img"' in html  # the chart, beside its table
    rows = list(csv.reader(io.StringIO(client.get(REPORT + "?export=csv").content.decode())))
    assert rows[0] == [
        "module", "title", "language", "attempts", "passed", "pass_rate", "mean_score",
    ]  # fmt: skip
    module_1 = [row for row in rows[1:] if row[0] == "1"]
    assert [row[2:] for row in module_1] == [
        ["all", "8", "7", "88", "87.5"],
        ["es", "4", "4", "100", "100.0"],
        ["pt-br", "4", "3", "75", "75.0"],
    ]
    assert [row[2:] for row in rows[1:] if row[0] == "2"] == [["all", "0", "0", "", ""]]


def test_the_question_report_shows_a_badly_translated_question(as_user, results):
    client = as_user("administrador")
    url = reverse("study_reports_evaluation", args=[results.pk])
    html = client.get(url).content.decode()
    assert "Proporción de respuestas correctas por pregunta e idioma" in html
    first = results.questions[0]
    assert first.value["prompt"] in html
    rows = list(csv.reader(io.StringIO(client.get(url + "?export=csv").content.decode())))
    shares = {(row[1], row[3]): row[4:] for row in rows[1:]}
    assert shares[(first.id, "es")] == ["4", "4", "100"]
    assert shares[(first.id, "pt-br")] == ["4", "0", "0"]  # stands out
    second = results.questions[1].id
    assert shares[(second, "pt-br")] == ["4", "3", "75"]
    assert shares[(results.questions[2].id, "pt-br")] == ["4", "4", "100"]


class Scenario:
    """An edition grown to more modules, learners and attempts."""

    def __init__(self, demo, make_learner):
        self.course = CoursePageFactory(parent=demo.home, slug="informe-escala")
        self.make_learner = make_learner
        self.evaluations = []
        self.learners = []

    def grow(self, modules, learners):
        while len(self.evaluations) < modules:
            module = ModulePageFactory(parent=self.course, number=len(self.evaluations) + 1)
            self.evaluations.append(EvaluationPageFactory(parent=module))
        while len(self.learners) < learners:
            user = self.make_learner(f"escala-{len(self.learners)}", course=self.course)
            self.learners.append(Enrolment.objects.get(user=user))
        Attempt.objects.filter(enrolment__course=self.course).delete()
        for index, enrolment in enumerate(self.learners):
            for evaluation in self.evaluations:
                ids = [q.id for q in evaluation.questions]
                record(enrolment, evaluation, ["es", "pt-br", "en"][index % 3], ids[index % 2 :])


def count(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context)


def test_the_reports_run_a_fixed_number_of_queries(as_user, demo, make_learner):
    client = as_user("administrador")
    scenario = Scenario(demo, make_learner)
    scenario.grow(modules=3, learners=4)

    def urls():
        course = f"{REPORT}?edition={scenario.course.pk}"
        detail = reverse("study_reports_evaluation", args=[scenario.evaluations[0].pk])
        return {
            "course": course,
            "course csv": course + "&export=csv",
            "questions": detail,
            "questions csv": detail + "?export=csv",
        }

    small = {name: count(client, url) for name, url in urls().items()}
    scenario.grow(modules=30, learners=40)
    assert Attempt.objects.filter(enrolment__course=scenario.course).count() == 1200
    large = {name: count(client, url) for name, url in urls().items()}
    assert small == large
    print("reports' queries:", large)


def test_the_permission_is_granted_in_settings_groups_in_the_admins_language(admin_client):
    """Whoever manages groups (a superuser) finds it, in their language."""
    group = Group.objects.create(name="Coordinación académica")
    response = admin_client.get(reverse("wagtailusers_groups:edit", args=[group.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Puede ver los resultados de las evaluaciones" in html
    assert "Can view study reports" not in html
