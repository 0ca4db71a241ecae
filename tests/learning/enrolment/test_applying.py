"""Applying to an edition on its course page, in any language, while the window is open."""

import re

import pytest
from django.core import mail
from django.test import Client

from learning.models import Application

from .conftest import application_data

pytestmark = pytest.mark.django_db


def apply_url(course):
    return (
        f"/{course.locale.language_code}/"
        + {
            "es": "postular",
            "en": "apply",
            "pt-br": "inscricao",
            "fr": "candidater",
        }[course.locale.language_code]
        + f"/{course.pk}/"
    )


def test_the_course_page_shows_the_form_in_the_visitors_language(client, window, course_in):
    window("open")
    for language, heading, country in [
        ("es", "Postular a esta edición", "Alemania"),
        ("en", "Apply to this edition", "Germany"),
        ("pt-br", "Inscrever-se nesta edição", "Alemanha"),
        ("fr", "Candidater à cette édition", "Allemagne"),
    ]:
        course = course_in(language)
        html = client.get(course.url).content.decode()
        assert heading in html
        assert f'action="{apply_url(course)}"' in html
        # Any country of the world, named in the visitor's language.
        assert f">{country}</option>" in html
        assert 'name="consent"' in html
        privacy = re.search(r'href="(/[^"]+)">[^<]*</a>[^<]*</label>', html).group(1)
        assert client.get(privacy).status_code == 200


def test_countries_are_sorted_by_their_name_in_the_visitors_language(client, window, course_in):
    window("open")
    html = client.get(course_in("fr").url).content.decode()
    names = re.findall(r'<option value="[A-Z]{2}">([^<]+)</option>', html)
    assert len(names) > 240
    assert names.index("Allemagne") < names.index("Espagne") < names.index("Japon")


def test_an_application_is_stored_for_the_source_edition_with_a_confirmation_email(
    client, window, course_in, demo, django_capture_on_commit_callbacks
):
    window("open")
    course = course_in("en")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(apply_url(course), application_data())
    assert response.status_code == 302
    application = Application.objects.get(email="marta.quispe@example.org")
    assert application.course_id == demo.course.pk  # the Spanish source edition
    assert application.language == "en"
    assert application.consent_given_at is not None
    assert application.status == Application.PENDING
    page = client.get(response["Location"]).content.decode()
    assert "Application received" in page
    assert "marta.quispe@example.org" in page
    [email] = mail.outbox
    assert email.to == ["marta.quispe@example.org"]
    assert email.subject.startswith("We received your application")
    assert "Marta Quispe" in email.body and "Peru" in email.body


def test_the_confirmation_email_is_in_the_applicants_language(
    client, window, course_in, django_capture_on_commit_callbacks
):
    window("open")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(apply_url(course_in("pt-br")), application_data(country="BR"))
    [email] = mail.outbox
    assert email.subject.startswith("Recebemos sua inscrição")
    assert "Olá, Marta Quispe" in email.body
    assert "Brasil" in email.body
    assert "/pt-br/privacidade/" in email.body


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"consent": None}, "consent", "Solo podemos revisar su postulación si acepta esto."),
        ({"name": "   "}, "name", "Este campo es necesario."),
        ({"email": "no-es-un-correo"}, "email", "Introduzca una dirección de correo"),
        ({"country": "XX"}, "country", "Escoja una opción válida"),
        ({"country": ""}, "country", "Este campo es necesario."),
        ({"motivation": "x" * 3001}, "motivation", "3000"),
        ({"email": "a" * 140 + "@example.org"}, "email", "150"),
    ],
)
def test_bad_input_gets_a_message_and_stores_nothing(
    client, window, demo, overrides, field, message
):
    window("open")
    response = client.post(apply_url(demo.course), application_data(**overrides))
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert f'id="id_{field}_error"' in html
    assert not Application.objects.filter(name="Marta Quispe").exists()
    assert not mail.outbox


def test_an_empty_or_garbled_post_is_refused_without_an_error_page(client, window, demo):
    window("open")
    assert client.post(apply_url(demo.course), {}).status_code == 400
    garbled = {"name": ["a", "b"], "country": "\x00", "email": "x@y.z\x00"}
    assert client.post(apply_url(demo.course), garbled).status_code == 400
    assert client.post("/es/postular/999999/", application_data()).status_code == 404
    # A page that is not a course.
    assert client.post(f"/es/postular/{demo.module(1).pk}/", application_data()).status_code == 404
    assert Application.objects.filter(course=demo.course).count() == 2  # the demo's


def test_a_second_application_for_the_same_email_gets_a_clear_message(client, window, demo):
    window("open")
    assert client.post(apply_url(demo.course), application_data()).status_code == 302
    response = client.post(
        apply_url(demo.course), application_data(email="  MARTA.Quispe@Example.ORG ")
    )
    assert response.status_code == 400
    assert "Ya tenemos una postulación con esta dirección de correo" in response.content.decode()
    assert Application.objects.filter(email__iexact="marta.quispe@example.org").count() == 1


def test_a_duplicate_that_wins_the_race_past_the_form_is_stopped_by_the_database(
    client, window, demo, monkeypatch
):
    """Two submissions at the same moment both pass the form's check; the database's
    constraint refuses the second, which gets the same message (no error page)."""
    window("open")
    client.post(apply_url(demo.course), application_data())
    from learning.enrolment import services

    monkeypatch.setattr(services, "duplicate_exists", lambda **kwargs: False)
    data = application_data(email="Marta.Quispe@example.org")
    response = client.post(apply_url(demo.course), data)
    assert response.status_code == 400
    assert "Ya tenemos una postulación" in response.content.decode()
    assert Application.objects.filter(email__iexact="marta.quispe@example.org").count() == 1


@pytest.mark.parametrize(
    "state, says",
    [
        ("closed", "Las postulaciones para esta edición cerraron el"),
        ("not_yet", "Las postulaciones para esta edición se abren el"),
    ],
)
def test_outside_the_window_the_page_says_so_and_a_post_is_refused(
    client, window, demo, state, says
):
    window(state)
    html = client.get(demo.course.url).content.decode()
    assert says in html
    assert 'name="consent"' not in html
    response = client.post(apply_url(demo.course), application_data())
    assert response.status_code == 403
    assert says in response.content.decode()
    assert not Application.objects.filter(name="Marta Quispe").exists()


def test_a_filled_honeypot_looks_like_success_but_stores_and_sends_nothing(
    client, window, demo, django_capture_on_commit_callbacks
):
    window("open")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            apply_url(demo.course), application_data(website="http://spam.example")
        )
    assert response.status_code == 302
    assert not Application.objects.filter(name="Marta Quispe").exists()
    assert not mail.outbox


def test_a_post_without_the_csrf_token_is_refused(window, demo):
    window("open")
    response = Client(enforce_csrf_checks=True).post(apply_url(demo.course), application_data())
    assert response.status_code == 403
    assert not Application.objects.filter(name="Marta Quispe").exists()


def test_the_privacy_notice_explains_in_each_language(client):
    for url, words in [
        ("/es/privacidad/", ["Qué guardamos", "Por cuánto tiempo", "Descargar mis datos"]),
        ("/en/privacy/", ["What we keep", "For how long", "Download my data"]),
        ("/pt-br/privacidade/", ["O que guardamos", "Por quanto tempo", "Baixar meus dados"]),
        ("/fr/confidentialite/", ["Ce que nous conservons", "Pour combien de temps"]),
    ]:
        html = client.get(url).content.decode()
        for word in words:
            assert word in html, (url, word)


def test_an_enrolled_learner_sees_their_enrolment_instead_of_the_form(client, user, window, demo):
    window("open")
    client.force_login(user("aprendiz"))
    html = client.get(demo.course.url).content.decode()
    assert "Está inscrito o inscrita en esta edición." in html
    assert 'name="consent"' not in html


def test_applying_from_the_regional_adaptation_enrols_in_the_same_edition(
    client, window, course_in, demo, django_capture_on_commit_callbacks
):
    window("open")
    alias = course_in("es-mx")  # an alias of the Spanish page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/es-mx/postular/{alias.pk}/", application_data(country="MX"))
    assert response.status_code == 302
    application = Application.objects.get(email="marta.quispe@example.org")
    assert application.course_id == demo.course.pk and application.language == "es-mx"
    [email] = mail.outbox
    assert email.subject.startswith("Recibimos su postulación")
    assert "México" in email.body
