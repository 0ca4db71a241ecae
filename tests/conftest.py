"""Shared fixtures.

The demo course is built once per test session (inside the test database), so tests read what
a newcomer sees after `make run`. Each test runs in a transaction that is rolled back.
"""

import os
from io import StringIO

import pytest
from django.core.management import call_command


def load_demo():
    call_command("load_demo_course", verbosity=0)
    call_command("load_demo_editorial", stdout=StringIO())
    call_command("load_demo_translations", verbosity=0, stdout=StringIO())
    call_command("load_demo_learning", stdout=StringIO())


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    tmp_path_factory,
    django_test_environment,
    django_db_blocker,
    django_db_modify_db_settings,
):
    """The test database: migrated, with the demo course.

    In a parallel run on SQLite (``make test``), the first process to get here builds it and
    saves a copy (database and media) under a lock; the others restore that copy into their own
    in-memory database instead of migrating and loading the demo again (about 25 s of CPU each).
    """
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    verbosity = request.config.option.verbose
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    with django_db_blocker.unblock():
        if worker and connection.vendor == "sqlite":
            shared = tmp_path_factory.getbasetemp().parent / "test-database"
            config = shared_sqlite_database(shared, verbosity)
        else:
            config = setup_databases(verbosity=verbosity, interactive=False)
            load_demo()
    yield
    with django_db_blocker.unblock():
        teardown_databases(config, verbosity=verbosity)


def shared_sqlite_database(shared, verbosity):
    import fcntl
    import shutil
    import sqlite3

    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_databases

    shared.mkdir(exist_ok=True)
    with (shared / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (shared / "ready").exists():
            config = setup_databases(verbosity=verbosity, interactive=False)
            load_demo()
            with sqlite3.connect(shared / "db.sqlite3") as copy:
                connection.ensure_connection()
                connection.connection.backup(copy)
            shutil.copytree(settings.MEDIA_ROOT, shared / "media", dirs_exist_ok=True)
            (shared / "ready").touch()
            return config
    # The copy: the in-memory test database Django would have created, restored from it.
    old_name = connection.settings_dict["NAME"]
    test_name = connection.creation._get_test_db_name()
    connection.close()
    settings.DATABASES[connection.alias]["NAME"] = test_name
    connection.settings_dict["NAME"] = test_name
    connection.ensure_connection()
    with sqlite3.connect(shared / "db.sqlite3") as copy:
        copy.backup(connection.connection)
    shutil.copytree(shared / "media", settings.MEDIA_ROOT, dirs_exist_ok=True)
    return [(connection, old_name, True)]


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


def pytest_collection_modifyitems(items):
    """The browser tests first: they are the longest files, and a parallel run (``make test``,
    one file per process at a time) ends sooner when the long files start first and the short
    ones fill in behind them."""
    items.sort(key=lambda item: 0 if item.nodeid.startswith("tests/e2e/") else 1)
