"""Applications and learners as CSV for enrolment managers (a fixed number of queries); a
learner downloads their own data and erases it, keeping only anonymous statistics."""

import csv
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry

from learning.enrolment import services
from learning.models import Application, Attempt, Enrolment, ModuleProgress

pytestmark = pytest.mark.django_db


def csv_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    with CaptureQueriesContext(connection) as queries:
        text = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(text))), len(queries)


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        b"".join(response.streaming_content)
    return len(queries)


@pytest.fixture
def manager(client, user):
    client.force_login(user("gestora"))
    return client


def test_applications_export_as_csv_in_a_fixed_number_of_queries(manager, pending, user):
    url = "/admin/snippets/learning/application/?export=csv"
    few = count_queries(manager, url)
    for index in range(12):
        application = pending(name=f"Persona {index}", email=f"p{index}@example.org")
        if index % 2:
            services.approve(application=application, by=user("gestora"))
    assert count_queries(manager, url) == few
    rows, _queries = csv_of(manager, url)
    assert rows[0][:4] == ["Nombre completo", "Correo electrónico", "Organización", "País"]
    assert len(rows) == 1 + 2 + 12
    row = next(r for r in rows if r[0] == "Persona 1")
    assert "Perú" in row and "Aprobada" in row and "Gabriela Gestora" in row


def test_a_cell_that_would_run_as_a_formula_is_exported_as_text(manager, pending):
    pending(name='=HYPERLINK("http://x")', email="f@example.org")
    rows, _queries = csv_of(manager, "/admin/snippets/learning/application/?export=csv")
    assert ['\'=HYPERLINK("http://x")'] == [r[0] for r in rows if "HYPERLINK" in r[0]]


def test_learners_export_as_csv_in_a_fixed_number_of_queries(manager, pending, user, demo):
    url = "/admin/learning/learners/?export=csv"
    few = count_queries(manager, url)
    for index in range(6):
        application = pending(name=f"Persona {index}", email=f"p{index}@example.org")
        services.approve(application=application, by=user("gestora"))
        enrolment = Enrolment.objects.get(application=application)
        for number in range(1, index + 2):
            ModuleProgress.objects.create(enrolment=enrolment, module=demo.module(number))
    assert count_queries(manager, url) == few
    rows, _queries = csv_of(manager, url)
    assert len(rows) == 1 + 1 + 6
    andrea = next(r for r in rows if r[0] == "Andrea Aprendiz")
    assert andrea[1] == "aprendiz@example.org" and "Bolivia" in andrea
    assert andrea[-3:] == ["3", "1", "0"]  # modules opened, attempts, evaluations passed


def test_a_learner_downloads_their_own_data(client, user):
    client.force_login(user("aprendiz"))
    response = client.get("/es/cuenta/mis-datos/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="my-data.json"'
    data = json.loads(response.content)
    assert data["account"]["email"] == "aprendiz@example.org"
    [application] = data["applications"]
    assert application["organisation"] == "Defensoría de la Niñez de Santa Cruz"
    [enrolment] = data["enrolments"]
    assert len(enrolment["progress"]) == 3
    [attempt] = enrolment["attempts"]
    assert attempt["passed"] is False and attempt["answers"]
    assert "Lucía" not in response.content.decode()  # nobody else's data


def test_downloading_data_needs_signing_in(client):
    response = client.get("/en/account/my-data/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/account/sign-in/")


def test_erasure_needs_the_password_and_changes_nothing_without_it(client, user):
    client.force_login(user("aprendiz"))
    response = client.post("/es/cuenta/borrar/", {"password": "otra"})
    assert response.status_code == 400
    assert "Esa no es su contraseña." in response.content.decode()
    assert get_user_model().objects.filter(username="aprendiz").exists()
    assert Application.objects.filter(email="aprendiz@example.org").exists()


def test_erasure_removes_the_person_and_keeps_anonymous_statistics(client, user, demo):
    learner = user("aprendiz")
    enrolment = Enrolment.objects.get(user=learner)
    application = enrolment.application
    counts = (Enrolment.objects.count(), ModuleProgress.objects.count(), Attempt.objects.count())
    client.force_login(learner)
    response = client.post("/es/cuenta/borrar/", {"password": "demo-aprendiz"})
    assert response.status_code == 302 and response["Location"] == "/es/cuenta/borrada/"
    assert "_auth_user_id" not in client.session
    assert not get_user_model().objects.filter(pk=learner.pk).exists()
    application.refresh_from_db()
    assert application.erased_at is not None
    assert (application.name, application.organisation, application.role) == ("", "", "")
    assert application.motivation == "" and "aprendiz" not in application.email
    assert application.country == "BO" and application.status == Application.APPROVED
    enrolment.refresh_from_db()
    assert enrolment.user is None and enrolment.course_id == demo.course.pk
    counts_after = (
        Enrolment.objects.count(),
        ModuleProgress.objects.count(),
        Attempt.objects.count(),
    )
    assert counts_after == counts
    for entry in ModelLogEntry.objects.for_instance(application):
        assert "Aprendiz" not in entry.label and not entry.data
    # Gone from the managers' lists too.
    client.force_login(user("gestora"))
    assert (
        "aprendiz@example.org"
        not in client.get("/admin/learning/learners/?export=csv").getvalue().decode()
    )


def test_people_who_work_in_the_admin_cannot_erase_themselves_here(client, user):
    client.force_login(user("editora"))
    response = client.post("/es/cuenta/borrar/", {"password": "demo-editora"})
    assert response.status_code == 403
    assert "pídaselo a un administrador" in response.content.decode()
    assert get_user_model().objects.filter(username="editora").exists()


def test_what_the_privacy_notice_does_not_keep_is_erased_a_year_after_the_edition(demo):
    from io import StringIO

    from django.core.management import call_command
    from django.utils import timezone

    from course_content.models import CoursePage

    out = StringIO()
    call_command("erase_expired_learning_data", stdout=out)
    assert "learner accounts: 0; applications: 0" in out.getvalue()  # the edition runs
    enrolments = Enrolment.objects.count()
    ended = timezone.localdate() - services.RETENTION - timezone.timedelta(days=1)
    CoursePage.objects.filter(translation_key=demo.course.translation_key).update(ends_on=ended)
    call_command("erase_expired_learning_data", stdout=out)
    assert "learner accounts: 1; applications: 1" in out.getvalue()
    assert not get_user_model().objects.filter(username="aprendiz").exists()
    assert not Application.objects.filter(course=demo.course, erased_at__isnull=True).exists()
    assert Enrolment.objects.count() == enrolments
    assert get_user_model().objects.filter(username="gestora").exists()
