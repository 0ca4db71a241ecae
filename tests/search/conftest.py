"""Every search test runs on each backend in reach (``tests.search_backends``)."""

from tests.search_backends import DATABASE, opensearch_settings, search_backend  # noqa: F401
