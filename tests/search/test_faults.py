"""OpenSearch down or slow: the search page answers from the database with a visible notice, the
search box still suggests, publishing still succeeds after at most one timeout, and what the node
missed is queued and sent once it is back."""

import os
import socket
import threading
from io import StringIO

import pytest
from django.core.management import call_command

from search.models import IndexBacklog, SearchDocument

from .conftest import DATABASE, opensearch_settings

pytestmark = pytest.mark.django_db
DOWN = "http://127.0.0.1:1"  # nothing listens there


class SlowNode:
    """A node that accepts connections and never answers; counts the connections."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.connections = []
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                connection, _address = self.sock.accept()
            except OSError:
                return
            self.connections.append(connection)  # held open, never answered

    def close(self):
        for connection in self.connections:
            connection.close()
        self.sock.close()


@pytest.fixture
def opensearch_down(settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": opensearch_settings(DOWN, "down_", timeout=1),
        "database": DATABASE,
    }


@pytest.fixture
def opensearch_slow(settings):
    node = SlowNode()
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": opensearch_settings(node.url, "slow_", timeout=1),
        "database": DATABASE,
    }
    yield node
    node.close()


def test_search_page_answers_from_the_database_with_a_notice(client, opensearch_down):
    response = client.get("/es/buscar/?q=migracion")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Búsqueda reducida" in body
    assert "/es/curso-ninez-migrante/migracion-mundo-ods/" in body


def test_suggestions_still_answer(client, opensearch_down):
    response = client.get("/es/buscar/sugerencias/?q=infograf")
    assert response.status_code == 200 and response.json()["suggestions"]


def test_publishing_succeeds_and_what_the_node_missed_is_queued(demo, opensearch_down):
    module = demo.module(3)
    module.summary = "Un resumen nuevo sobre ornitorrincos migratorios."
    module.save_revision().publish()
    row = SearchDocument.objects.get(page=module, part="public")
    assert "ornitorrincos" in row.text  # the database backend has it: reduced search finds it
    waiting = set(IndexBacklog.objects.values_list("model", "object_id"))
    assert ("course_content.modulepage", str(module.pk)) in waiting
    assert ("site_search.searchdocument", str(row.pk)) in waiting


def test_a_slow_node_costs_publishing_one_timeout_and_searches_none(client, demo, opensearch_slow):
    module = demo.module(3)
    module.summary = "Un resumen nuevo sobre ornitorrincos migratorios."
    module.save_revision().publish()
    # Publishing saves the page and its search rows several times: the node was asked once, and
    # after its timeout every other write was queued without asking it again.
    assert len(opensearch_slow.connections) == 1
    assert IndexBacklog.objects.filter(object_id=str(module.pk)).exists()
    response = client.get("/es/buscar/?q=ornitorrincos")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Búsqueda reducida" in body and module.url in body
    assert len(opensearch_slow.connections) == 1  # the search did not wait for the node either


def test_the_backlog_waits_while_the_node_is_down(opensearch_down):
    IndexBacklog.objects.create(model="course_content.modulepage", object_id="3", action="add")
    out = StringIO()
    call_command("catch_up_search_index", stdout=out)
    assert IndexBacklog.objects.count() == 1
    assert "1 change still waits" in out.getvalue()


@pytest.mark.skipif(not os.environ.get("OPENSEARCH_URL"), reason="needs a node: OPENSEARCH_URL")
def test_what_the_node_missed_is_sent_when_it_is_back(
    client, demo, settings, search_backend, rebuilds_the_index
):
    if search_backend != "opensearch":
        pytest.skip("the database backend never misses anything")
    backends = settings.WAGTAILSEARCH_BACKENDS
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": opensearch_settings(DOWN, backends["default"]["INDEX_PREFIX"], timeout=1),
        "database": DATABASE,
    }
    module = demo.module(3)
    module.summary = "Un resumen nuevo sobre ornitorrincos migratorios."
    module.save_revision().publish()
    assert IndexBacklog.objects.exists()
    settings.WAGTAILSEARCH_BACKENDS = backends  # the node is back
    out = StringIO()
    call_command("catch_up_search_index", stdout=out)
    assert not IndexBacklog.objects.exists(), out.getvalue()
    from modelsearch.backends import get_search_backend

    get_search_backend("default").refresh_indexes()
    response = client.get("/es/buscar/?q=ornitorrincos")
    body = response.content.decode()
    assert "Búsqueda reducida" not in body and module.url in body
