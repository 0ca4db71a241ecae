"""Every search test runs on each backend in reach (``tests.search_backends``)."""

from tests.search_backends import (  # noqa: F401
    DATABASE,
    opensearch_settings,
    rebuilds_the_index,
    search_backend,
)
