"""Opening a module records the learner's progress, in any locale, at a known cost."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from course_content.models import ModulePage
from learning.models import ModuleProgress
from learning.study import services

pytestmark = pytest.mark.django_db


def module_in(demo, number, code):
    source = demo.module(number)
    return ModulePage.objects.get(
        translation_key=source.translation_key, locale__language_code=code
    )


def test_opening_a_module_records_progress_once_per_module(learner_client, learner, demo):
    module = demo.module(1)
    assert learner_client.get(module.url).status_code == 200
    progress = ModuleProgress.objects.get(enrolment__user=learner)
    assert progress.module_id == module.pk
    first = progress.first_opened_at
    learner_client.get(module.url)
    progress.refresh_from_db()
    assert ModuleProgress.objects.count() == 1
    assert progress.first_opened_at == first and progress.last_opened_at > first


@pytest.mark.parametrize("code", ["pt-br", "en", "fr"])
def test_a_module_opened_in_another_language_counts_for_the_source_module(
    learner_client, learner, demo, code
):
    translated = module_in(demo, 1, code)  # pt-br, en: translations; fr: a placeholder
    assert translated.url.startswith(f"/{code}/")
    assert learner_client.get(translated.url).status_code == 200
    assert list(ModuleProgress.objects.values_list("module_id", flat=True)) == [demo.module(1).pk]


def test_visitors_and_people_not_enrolled_record_nothing(client, make_learner, demo):
    client.get(demo.module(2).url)
    client.force_login(make_learner("nadie", enrolled=False))
    client.get(demo.module(2).url)
    assert not ModuleProgress.objects.exists()


def test_other_pages_record_nothing(learner_client, demo):
    learner_client.get(demo.course.url)
    learner_client.get(demo.evaluation(1).url)
    learner_client.get(demo.unit("MX").url)
    assert not ModuleProgress.objects.exists()


def test_what_recording_costs(learner, make_learner, demo):
    """One query to find the enrolment and the source module, one upsert; one query for a
    signed-in person who is not enrolled; nothing for a visitor (the query budgets of
    tests/course_content/test_query_counts.py are for visitors and stay as they were)."""
    from django.contrib.auth.models import AnonymousUser

    module = module_in(demo, 1, "pt-br")
    for user, expected in ((learner, 2), (make_learner("nadie", enrolled=False), 1)):
        with CaptureQueriesContext(connection) as queries:
            services.record_progress(user=user, module=module)
        assert len(queries) == expected
    with CaptureQueriesContext(connection) as queries:
        services.record_progress(user=AnonymousUser(), module=module)
    assert len(queries) == 0
