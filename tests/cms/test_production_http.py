"""Compression (never of responses carrying secrets) and conditional GET, through the middleware
every environment runs (cms.settings.base.MIDDLEWARE), with the Django test client.

Serving under gunicorn with the production settings is tested in test_production_serving.py.
"""

import gzip
import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import translation

from course_content.models import CoursePage, ModulePage

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


def module_page():
    return ModulePage.objects.get(number=1, locale__language_code="es")


def body(response):
    content = response.content
    if response.get("Content-Encoding") == "gzip":
        content = gzip.decompress(content)
    return content.decode()


def test_an_anonymous_public_page_is_sent_compressed_and_reads_the_same():
    page = module_page()
    plain = Client().get(page.url)
    compressed = Client().get(page.url, **GZIP)
    assert plain.status_code == compressed.status_code == 200
    assert not plain.has_header("Content-Encoding")
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert len(compressed.content) < len(plain.content) / 2
    assert body(compressed) == body(plain)
    assert page.title in body(compressed)


def test_api_json_is_sent_compressed():
    course = CoursePage.objects.get(locale__language_code="es")
    response = Client().get(f"/api/v2/outline/{course.pk}/", **GZIP)
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert json.loads(body(response))


def test_nothing_is_compressed_for_a_signed_in_learner():
    """Their page holds their own data (progress, name): BREACH could read it back."""
    client = Client()
    client.force_login(get_user_model().objects.get(username="aprendiz"))
    page = module_page()
    response = client.get(page.url, **GZIP)
    assert response.status_code == 200
    assert page.title in body(response)
    assert not response.has_header("Content-Encoding")


def test_nothing_is_compressed_for_a_signed_in_editor_in_the_admin():
    client = Client()
    client.force_login(get_user_model().objects.get(username="editora"))
    response = client.get("/admin/", **GZIP)
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")


def test_a_page_with_a_csrf_token_is_not_compressed():
    """The learners' sign-in form holds a CSRF token (and sets its cookie)."""
    with translation.override("es"):
        url = reverse("learning:login")
    response = Client().get(url, **GZIP)
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in body(response)
    assert "csrftoken" in response.cookies
    assert not response.has_header("Content-Encoding")


def test_an_unchanged_public_page_answers_304_and_a_changed_page_gets_a_new_etag():
    page = module_page()
    client = Client()
    first = client.get(page.url)
    etag = first["ETag"]
    assert first.status_code == 200 and etag

    again = client.get(page.url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""

    page.title = "Módulo 1 con un título nuevo"
    page.save_revision().publish()
    changed = client.get(page.url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert "Módulo 1 con un título nuevo" in body(changed)
    assert changed["ETag"] != etag


def test_the_weak_etag_of_a_compressed_page_still_answers_304():
    """A browser that received the page compressed sends back the weak ETag it was given."""
    page = module_page()
    client = Client()
    compressed = client.get(page.url, **GZIP)
    assert compressed["ETag"].startswith('W/"')
    again = client.get(page.url, HTTP_IF_NONE_MATCH=compressed["ETag"], **GZIP)
    assert again.status_code == 304


def test_api_responses_answer_304_when_unchanged():
    course = CoursePage.objects.get(locale__language_code="es")
    client = Client()
    for url in (f"/api/v2/outline/{course.pk}/", f"/api/v2/pages/{course.pk}/"):
        first = client.get(url)
        assert first.status_code == 200 and first["ETag"], url
        assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304, url
