"""Enrolment managers review applications in the admin: list, filters, search, approve or
reject one by one or in bulk with a note; every decision recorded and emailed."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from wagtail.models import ModelLogEntry

from learning.enrolment import services
from learning.enrolment.roles import ENROLMENT_MANAGERS, setup_enrolment_roles
from learning.models import Application, Enrolment

pytestmark = pytest.mark.django_db

INDEX = "/admin/snippets/learning/application/"


def decide_url(action, *applications):
    query = urlencode([("next", INDEX)] + [("id", a.pk) for a in applications])
    return reverse("wagtail_bulk_action", args=("learning", "application", action)) + "?" + query


@pytest.fixture
def manager(client, user):
    client.force_login(user("gestora"))
    return client


def decide(client, action, applications, note, capture):
    with capture(execute=True):
        return client.post(decide_url(action, *applications), {"note": note})


def test_the_group_is_set_up_idempotently_and_never_edits_pages():
    setup_enrolment_roles()
    setup_enrolment_roles()
    group = Group.objects.get(name=ENROLMENT_MANAGERS)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert codenames == {
        "access_admin",
        "view_application",
        "change_application",
        "delete_application",
        "view_enrolment",
    }
    assert not group.page_permissions.exists()
    assert Group.objects.filter(name=ENROLMENT_MANAGERS).count() == 1


def test_the_manager_lists_filters_and_searches_applications(manager, pending):
    pending(name="Marta Quispe", email="marta@example.org", language="en", country="PE")
    pending(name="Jean Baptiste", email="jean@example.org", language="fr", country="HT")
    html = manager.get(INDEX, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    for name in ["Marta Quispe", "Jean Baptiste", "Lucía Ramírez Ordóñez", "Andrea Aprendiz"]:
        assert name in html
    assert "En espera de revisión" in html  # the status, in the manager's Spanish admin

    def names(query):
        page = manager.get(INDEX + "?" + query).content.decode()
        return {n for n in ["Marta", "Jean", "Lucía", "Andrea"] if n in page}

    assert names("status=pending") == {"Marta", "Jean", "Lucía"}
    assert names("status=approved") == {"Andrea"}
    assert names("country=HT") == {"Jean"}
    assert names("language=fr") == {"Jean"}
    assert names("q=marta@") == {"Marta"}
    assert names("q=ramírez") == {"Lucía"}
    assert names("q=LUCIA.RAMIREZ") == {"Lucía"}
    assert names("created_at_from=2000-01-01&created_at_to=2000-12-31") == set()
    today = timezone.localdate().isoformat()
    assert names(f"created_at_from={today}&created_at_to={today}") == {"Marta", "Jean"}


def test_approving_one_enrols_the_learner_without_admin_access_and_emails_a_link(
    manager, pending, demo, django_capture_on_commit_callbacks
):
    application = pending(language="pt-br")
    response = manager.get(decide_url("approve", application))
    assert response.status_code == 200
    assert "Marta Quispe" in response.content.decode()
    response = decide(
        manager, "approve", [application], "Perfil adecuado", django_capture_on_commit_callbacks
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.APPROVED
    assert application.decided_by.username == "gestora"
    assert application.decided_at is not None
    assert application.decision_note == "Perfil adecuado"
    learner = get_user_model().objects.get(email="marta.quispe@example.org")
    assert not learner.is_staff and not learner.is_superuser
    assert not learner.groups.exists() and not learner.has_perm("wagtailadmin.access_admin")
    assert not learner.has_usable_password()
    enrolment = Enrolment.objects.get(user=learner)
    assert enrolment.course_id == demo.course.pk and enrolment.application == application
    [email] = mail.outbox
    assert email.to == ["marta.quispe@example.org"]
    assert "Sua inscrição" in email.body  # Portuguese, the language she applied in
    assert re.search(r"http://testserver/pt-br/conta/senha/[\w-]+/[\w-]+/", email.body)
    # The decision is on record, with who and the note, and shown on the application's page.
    entry = ModelLogEntry.objects.for_instance(application).get(action=services.APPROVED_ACTION)
    assert entry.user.username == "gestora" and entry.data["note"] == "Perfil adecuado"
    page = manager.get(f"{INDEX}inspect/{application.pk}/").content.decode()
    assert "Gabriela Gestora" in page and "Perfil adecuado" in page


def test_rejecting_needs_a_note_which_the_applicant_receives_in_their_language(
    manager, pending, django_capture_on_commit_callbacks
):
    application = pending(language="fr")
    response = decide(manager, "reject", [application], "", django_capture_on_commit_callbacks)
    assert response.status_code == 200  # the form again, with its message
    assert "Este campo es necesario." in response.content.decode()
    application.refresh_from_db()
    assert application.status == Application.PENDING and not mail.outbox

    decide(
        manager,
        "reject",
        [application],
        "Las plazas de esta edición están completas.",
        django_capture_on_commit_callbacks,
    )
    application.refresh_from_db()
    assert application.status == Application.REJECTED
    assert not Enrolment.objects.filter(application=application).exists()
    [email] = mail.outbox
    assert email.subject.startswith("Votre candidature")
    assert "n'a pas été retenue" in email.body
    assert "Las plazas de esta edición están completas." in email.body


def test_bulk_approval_emails_each_applicant_in_their_own_language(
    manager, pending, django_capture_on_commit_callbacks
):
    applications = [
        pending(name="Ana", email="ana@example.org", language="es"),
        pending(name="Bia", email="bia@example.org", language="pt-br"),
        pending(name="Cloé", email="cloe@example.org", language="fr"),
        pending(name="Dan", email="dan@example.org", language="en"),
    ]
    already = Application.objects.get(name="Andrea Aprendiz")  # approved by the demo
    page = manager.get(decide_url("approve", *applications, already)).content.decode()
    assert "ya fue decidida" in page
    decide(manager, "approve", [*applications, already], "", django_capture_on_commit_callbacks)
    assert set(
        Application.objects.filter(pk__in=[a.pk for a in applications]).values_list(
            "status", flat=True
        )
    ) == {Application.APPROVED}
    subjects = {email.to[0]: email.subject for email in mail.outbox}
    assert len(mail.outbox) == 4  # nothing sent again to the one already approved
    assert subjects["ana@example.org"].startswith("Fue admitido o admitida")
    assert subjects["bia@example.org"].startswith("Você foi admitido")
    assert subjects["cloe@example.org"].startswith("Vous êtes admis")
    assert subjects["dan@example.org"].startswith("You are admitted")
    messages = [str(m) for m in manager.get(INDEX).context["messages"]]
    assert any("4 postulaciones aprobadas" in m for m in messages)


def test_bulk_rejection_with_a_note(manager, pending, django_capture_on_commit_callbacks):
    applications = [pending(email=f"p{i}@example.org") for i in range(3)]
    decide(manager, "reject", applications, "Cupo completo.", django_capture_on_commit_callbacks)
    assert Application.objects.filter(status=Application.REJECTED).count() == 3
    assert all("Cupo completo." in email.body for email in mail.outbox) and len(mail.outbox) == 3


def test_approval_reactivates_an_existing_account_and_respects_its_password(
    manager, pending, django_capture_on_commit_callbacks
):
    User = get_user_model()
    old = User.objects.create_user("marta", "Marta.Quispe@example.org", "una-clave-larga-123")
    old.is_active = False
    old.save()
    decide(manager, "approve", [pending()], "", django_capture_on_commit_callbacks)
    old.refresh_from_db()
    assert old.is_active
    assert Enrolment.objects.filter(user=old).exists()
    assert User.objects.filter(email__iexact="marta.quispe@example.org").count() == 1
    [email] = mail.outbox
    assert "(marta)" in email.body  # sign in with the account they have
    assert "/es/cuenta/entrar/" in email.body


def test_a_decided_application_is_not_decided_again(
    manager, pending, django_capture_on_commit_callbacks
):
    application = pending()
    decide(manager, "approve", [application], "", django_capture_on_commit_callbacks)
    decide(manager, "reject", [application], "No.", django_capture_on_commit_callbacks)
    application.refresh_from_db()
    assert application.status == Application.APPROVED
    assert len(mail.outbox) == 1
    assert ModelLogEntry.objects.for_instance(application).count() == 1


def test_people_who_are_not_enrolment_managers_cannot_review(client, user, pending):
    application = pending()
    client.force_login(user("editora"))
    response = client.get(INDEX)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    client.post(decide_url("approve", application), {"note": ""})
    application.refresh_from_db()
    assert application.status == Application.PENDING
    assert not mail.outbox


def test_nobody_adds_or_edits_an_application_in_the_admin(admin_client, pending):
    application = pending()
    assert admin_client.get(INDEX + "add/").status_code == 302
    response = admin_client.post(INDEX + f"edit/{application.pk}/", {"status": "approved"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.PENDING


def test_a_crafted_decision_url_gets_a_not_found(manager):
    assert manager.get(decide_url("approve") + "&id=abc").status_code == 404
    assert manager.get(decide_url("approve") + "&id=999999").status_code == 404


def test_after_a_decision_from_a_searched_listing_the_manager_is_back_on_it(manager, pending):
    """Searching updates the rows through the listing's results view: a row's buttons still
    lead back to the listing (with the search), never to that bare fragment."""
    application = pending()
    html = manager.get(INDEX + "results/?q=marta").content.decode()
    url = decide_url("approve", application).replace(
        urlencode({"next": INDEX}), urlencode({"next": INDEX + "?q=marta"})
    )
    assert url.replace("&", "&amp;") in html


def test_the_applications_page_writes_times_in_the_sites_time_zone(manager, pending):
    import datetime

    application = pending()
    moment = datetime.datetime(2026, 11, 28, 21, 6, tzinfo=datetime.UTC)
    Application.objects.filter(pk=application.pk).update(created_at=moment)
    page = manager.get(f"{INDEX}inspect/{application.pk}/").content.decode()
    assert "28 de noviembre de 2026 a las 16:06" in page  # America/Panama
    assert "21:06" not in page
