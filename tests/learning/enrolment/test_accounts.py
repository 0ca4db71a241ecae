"""Learners sign in and out on the public site, in their language; they choose their password
from the approval email's link (once); they never reach the Wagtail admin."""

import re

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail

from learning.enrolment import services
from learning.models import Application

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved(pending, user, django_capture_on_commit_callbacks):
    """A pending application approved by the demo manager; returns the approval email's
    set-password link (path)."""

    def approve(language="es", **fields):
        application = pending(language=language, **fields)
        with django_capture_on_commit_callbacks(execute=True):
            services.approve(application=application, by=user("gestora"))
        body = mail.outbox[-1].body
        return re.search(r"http://[^/]+(/\S+/\S+/\S+/\S+/)", body).group(1)

    return approve


def test_the_emailed_link_sets_the_password_once_then_the_learner_signs_in(client, approved):
    link = approved(language="en")
    assert link.startswith("/en/account/password/")
    response = client.get(link)
    assert response.status_code == 302  # Django moves the token out of the address
    form_url = response["Location"]
    page = client.get(form_url).content.decode()
    assert "Choose your password" in page and "marta.quispe@example.org" in page
    response = client.post(
        form_url, {"new_password1": "rio-amazonas-2026", "new_password2": "rio-amazonas-2026"}
    )
    assert response.status_code == 302 and response["Location"] == "/en/account/password/done/"
    # Used once: the same link no longer works.
    response = client.get(link, follow=True)
    assert "This link is no longer valid" in response.content.decode()
    response = client.post(
        "/en/account/sign-in/",
        {"username": "Marta.Quispe@Example.org", "password": "rio-amazonas-2026"},
    )
    assert response.status_code == 302 and response["Location"] == "/en/account/"
    page = client.get("/en/account/").content.decode()
    assert "My enrolments" in page
    assert "Specialized course" in page or "migrant children" in page.lower()
    assert client.session.get_expiry_age() == settings.LEARNER_SESSION_AGE


def test_django_password_validators_apply_with_messages_in_the_learners_language(client, approved):
    form_url = client.get(approved(language="es"))["Location"]
    response = client.post(form_url, {"new_password1": "12345", "new_password2": "12345"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "La contraseña es demasiado corta" in html
    assert "completamente numérica" in html
    user = get_user_model().objects.get(email="marta.quispe@example.org")
    assert not user.has_usable_password()


def test_signing_in_with_a_wrong_password_says_so_and_signs_nobody_in(client):
    response = client.post(
        "/es/cuenta/entrar/", {"username": "aprendiz", "password": "no-es-la-clave"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Por favor, introduzca un nombre de usuario y clave correctos" in html
    assert "_auth_user_id" not in client.session


def test_signing_in_goes_where_the_learner_was_going_and_signing_out_ends_the_session(client):
    response = client.post(
        "/pt-br/conta/entrar/",
        {"username": "aprendiz@example.org", "password": "demo-aprendiz", "next": "/pt-br/"},
    )
    assert response["Location"] == "/pt-br/"
    html = client.get("/pt-br/").content.decode()
    assert "Minha aprendizagem" in html and "Sair" in html  # the header's links
    assert client.get("/pt-br/conta/sair/").status_code == 405  # signing out takes a POST
    response = client.post("/pt-br/conta/sair/")
    assert "Você saiu" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get("/pt-br/conta/")["Location"].startswith("/pt-br/conta/entrar/")


def test_a_learner_who_opens_the_admin_is_told_it_is_not_for_them(client, user):
    client.force_login(user("aprendiz"))
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    html = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "No tienes permiso para acceder a la administración" in html or "permiso" in html
    assert "una cuenta de participante" in html
    assert 'href="/es/cuenta/"' in html
    # Nor any admin page or API behind it.
    assert client.get("/admin/pages/").status_code == 302
    assert client.get("/django-admin/").status_code == 302


def test_the_password_reset_also_reaches_learners_who_never_set_a_password(
    client, approved, django_capture_on_commit_callbacks
):
    approved(language="es")  # an approval whose link the learner let expire
    mail.outbox.clear()
    response = client.post("/fr/compte/mot-de-passe/", {"email": "MARTA.QUISPE@example.org"})
    assert response["Location"] == "/fr/compte/mot-de-passe/envoye/"
    [email] = mail.outbox
    assert email.subject == "Choisissez un nouveau mot de passe pour le cours"
    assert "/fr/compte/mot-de-passe/" in email.body
    # An unknown address gets the same page, and no email.
    mail.outbox.clear()
    client.post("/fr/compte/mot-de-passe/", {"email": "nadie@example.org"})
    assert not mail.outbox


@pytest.mark.skipif(
    not apps.is_installed("axes"),
    reason="django-axes is being added by the security branch; this test runs after the merge",
)
def test_learner_sign_in_is_throttled(client):
    limit = getattr(settings, "AXES_FAILURE_LIMIT", 3)
    for _attempt in range(limit):
        client.post("/es/cuenta/entrar/", {"username": "aprendiz", "password": "mala"})
    response = client.post(
        "/es/cuenta/entrar/", {"username": "aprendiz", "password": "demo-aprendiz"}
    )
    assert response.status_code in (403, 429)
    assert "_auth_user_id" not in client.session


def test_a_learner_has_no_admin_access_after_approval(pending, user):
    application = pending()
    services.approve(application=application, by=user("gestora"))
    learner = get_user_model().objects.get(email="marta.quispe@example.org")
    assert not learner.has_perm("wagtailadmin.access_admin")
    assert Application.objects.get(pk=application.pk).status == Application.APPROVED
