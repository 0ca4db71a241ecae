import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The demo (built by the root conftest) with its search rows rebuilt once."""
    from search.indexing import rebuild

    with django_db_blocker.unblock():
        rebuild()
