"""100 learners submitting evaluations at once against PostgreSQL: no attempt lost or doubled,
and a form submitted twice at the same moment counts once.

Runs when the suite runs on PostgreSQL (``DATABASE_URL=postgres://…``, as CI's second run does);
SQLite serialises every write, so there is nothing to learn there. The learners' data is
written and removed by threads of their own, committed (each thread has its own connection,
which cannot see the test's open transaction), so the demo course the suite reads stays.
"""

import os
import statistics
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext

from learning.models import Attempt, Enrolment
from learning.study import tickets

from .conftest import answers_with_wrong, correct_answers

LEARNERS = 100
DOUBLED = 20  # of which this many send the same form twice at the same moment

pytestmark = [
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="runs on PostgreSQL only (DATABASE_URL=postgres://…): SQLite serialises writes",
    ),
    pytest.mark.django_db,
]


def in_thread(function, *args):
    """Run ``function`` on a connection of its own (autocommit: its writes are committed)."""
    with ThreadPoolExecutor(max_workers=1) as pool:

        def run():
            try:
                return function(*args)
            finally:
                connections.close_all()

        return pool.submit(run).result()


def signed_in_client(user):
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    return client


def free_connections():
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_connections")
        limit = int(cursor.fetchone()[0])
        cursor.execute("SELECT count(*) FROM pg_stat_activity")
        used = cursor.fetchone()[0]
    return limit - used - 10  # superuser-reserved slots and some margin


@pytest.fixture
def committed(demo):
    """Committed learners enrolled in the demo edition (and their sessions), removed after."""
    tag = uuid.uuid4().hex[:8]
    course = demo.course

    def create():
        users = [
            get_user_model().objects.create_user(
                f"load-{tag}-{i}", first_name="Carga", last_name=str(i)
            )
            for i in range(LEARNERS)
        ]
        Enrolment.objects.bulk_create(Enrolment(user=u, course=course) for u in users)
        return users

    def remove():
        Enrolment.objects.filter(user__username__startswith=f"load-{tag}-").delete()
        get_user_model().objects.filter(username__startswith=f"load-{tag}-").delete()
        Session.objects.all().delete()

    users = in_thread(create)
    try:
        yield users
    finally:
        in_thread(remove)


def test_100_learners_submitting_at_once_lose_and_double_nothing(committed, demo):
    users = committed
    evaluation = demo.evaluation(1)
    url = f"/es/study/evaluations/{evaluation.pk}/answers/"

    def prepare():
        # Half pass, half fail; DOUBLED of them send the same form twice.
        jobs = []
        for index, user in enumerate(users):
            answers = (
                correct_answers(evaluation) if index % 2 else answers_with_wrong(evaluation, 3)
            )
            data = {**answers, "ticket": tickets.issue(user=user, evaluation=evaluation)}
            client = signed_in_client(user)
            jobs.append((client, data))
            if index < DOUBLED:
                jobs.append((signed_in_client(user), data))
        return jobs, free_connections()

    jobs, free = in_thread(prepare)
    workers = min(len(jobs), free)
    assert workers >= 50, f"only {workers} free PostgreSQL connections"
    start = threading.Barrier(workers)
    durations = []

    def submit(numbered):
        index, (client, data) = numbered
        try:
            if index < workers:  # the first `workers` submissions leave together
                start.wait(timeout=60)
            began = time.perf_counter()
            response = client.post(url, data)
            durations.append(time.perf_counter() - began)
            return response.status_code, response.get("Location")
        finally:
            connections.close_all()

    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(submit, enumerate(jobs)))
    elapsed = time.perf_counter() - began

    assert [status for status, _location in results] == [303] * len(jobs)
    attempts = Attempt.objects.filter(enrolment__user__in=users)
    assert attempts.count() == LEARNERS  # none lost, none doubled
    assert attempts.filter(passed=True).count() == LEARNERS // 2
    assert attempts.values("enrolment").distinct().count() == LEARNERS
    # Both sends of a doubled form were shown the same result.
    by_ticket = {}
    for (_client, data), (_status, location) in zip(jobs, results, strict=True):
        by_ticket.setdefault(data["ticket"], set()).add(location)
    assert all(len(locations) == 1 for locations in by_ticket.values())

    # Queries per submission, measured on one more (sequential) submission.
    def one_more():
        late = users[-1]
        Attempt.objects.filter(enrolment__user=late).delete()
        client = signed_in_client(late)
        data = {
            **answers_with_wrong(evaluation, 3),
            "ticket": tickets.issue(user=late, evaluation=evaluation),
        }
        with CaptureQueriesContext(connection) as queries:
            assert client.post(url, data).status_code == 303
        return len(queries)

    queries = in_thread(one_more)
    report = (
        f"{len(jobs)} submissions ({LEARNERS} learners, {DOUBLED} forms sent twice) by "
        f"{workers} threads at once: {elapsed:.2f} s in all; per submission median "
        f"{statistics.median(durations) * 1000:.0f} ms, max {max(durations) * 1000:.0f} ms; "
        f"{queries} queries per submission"
    )
    print("\n" + report)
    if os.environ.get("STUDY_FIGURES"):
        with open(os.environ["STUDY_FIGURES"], "a") as out:
            out.write(report + "\n")
