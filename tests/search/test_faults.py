"""OpenSearch down: the search page answers from the database with a visible notice, the
search box still suggests, and publishing still succeeds (the page's rows are written)."""

import time

import pytest

from search.models import SearchDocument

from .conftest import DATABASE, opensearch_settings

pytestmark = pytest.mark.django_db
DOWN = "http://127.0.0.1:1"  # nothing listens there


@pytest.fixture
def opensearch_down(settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": opensearch_settings(DOWN, "down_", timeout=1),
        "database": DATABASE,
    }


def test_search_page_answers_from_the_database_with_a_notice(client, opensearch_down):
    response = client.get("/es/buscar/?q=migracion")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Búsqueda reducida" in body
    assert "/es/curso-ninez-migrante/migracion-mundo-ods/" in body


def test_suggestions_still_answer(client, opensearch_down):
    response = client.get("/es/buscar/sugerencias/?q=infograf")
    assert response.status_code == 200 and response.json()["suggestions"]


def test_publishing_succeeds_and_the_page_is_reindexed(demo, opensearch_down):
    module = demo.module(3)
    module.summary = "Un resumen nuevo sobre ornitorrincos migratorios."
    started = time.monotonic()
    module.save_revision().publish()
    assert time.monotonic() - started < 1 + 1  # the backend's timeout plus one second
    row = SearchDocument.objects.get(page=module, part="public")
    assert "ornitorrincos" in row.text
