"""The search tests run on every backend they can: the database backend always, OpenSearch when
``OPENSEARCH_URL`` names a running node (``make opensearch``; CI starts one)."""

import os

import pytest
from django.core.management import call_command

DATABASE = {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}
_indexed = set()


def opensearch_settings(url, prefix, timeout=10):
    return {
        "BACKEND": "search.backends",
        "URLS": [url],
        "INDEX_PREFIX": prefix,
        "TIMEOUT": timeout,
        "OPTIONS": {"max_retries": 0},
        "INDEX_SETTINGS": {"settings": {"index": {"number_of_shards": 1, "number_of_replicas": 0}}},
    }


@pytest.fixture(params=["database", "opensearch"])
def search_backend(request, settings):
    if request.param == "database":
        settings.WAGTAILSEARCH_BACKENDS = {"default": DATABASE}
        return "database"
    url = os.environ.get("OPENSEARCH_URL")
    if not url:
        pytest.skip(
            "OPENSEARCH_URL is not set: start a node with `make opensearch` (Java 17, Maven)"
        )
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": opensearch_settings(url, f"test_{worker}_"),
        "database": DATABASE,
    }
    if url not in _indexed:
        # The test database's demo, once per process: each test rolls back to the same content.
        call_command("update_index", backend_name="default", stdout=open(os.devnull, "w"))
        _indexed.add(url)
    return "opensearch"


@pytest.fixture
def rebuilds_the_index():
    """For a test that rebuilds or rewrites the OpenSearch index inside its transaction: the
    index then holds rows the rollback removes, so the next test indexes the demo again."""
    yield
    _indexed.clear()
