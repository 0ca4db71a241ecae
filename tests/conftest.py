"""Shared fixtures.

The demo course is built once per test session (inside the test database), so tests read what
a newcomer sees after `make run`. Each test runs in a transaction that is rolled back.
"""

from io import StringIO

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo_course", verbosity=0)
        call_command("load_demo_editorial", stdout=StringIO())
        call_command("load_demo_translations", verbosity=0, stdout=StringIO())
        call_command("load_demo_learning", stdout=StringIO())


@pytest.fixture
def demo(db):
    """Handles on the demo course's pages."""
    from tests.helpers import DemoPages

    return DemoPages()


@pytest.fixture
def user(db, django_user_model):
    """A demo user by username (see the load_demo_* commands)."""
    return lambda username: django_user_model.objects.get(username=username)


@pytest.fixture
def as_user(client, user):
    """Log the test client in as a demo user."""

    def login(username):
        client.force_login(user(username))
        return client

    return login


@pytest.fixture
def learner(db, django_user_model, demo):
    """A learner enrolled in the demo edition: reads every module, unit and evaluation."""
    from learning.models import Enrolment

    user = django_user_model.objects.create_user("lectora", "lectora@example.org", "pw")
    Enrolment.objects.create(user=user, course=demo.course)
    return user


@pytest.fixture
def learner_client(client, learner):
    """The test client, signed in as an enrolled learner."""
    client.force_login(learner)
    return client


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser(
        username="root", email="root@example.org", password="pw"
    )


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language, whatever the test before it activated
    (a request's language stays active in the thread after the test client returns)."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _clear_cache():
    """Caches outlive the rolled-back transaction of a test (e.g. Wagtail's site root paths)."""
    from django.core.cache import cache

    yield
    cache.clear()
