"""The demo's manager, applicant and learner (``load_demo_learning``)."""

from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import override_settings

from course_content.models import EvaluationPage
from learning.enrolment.roles import ENROLMENT_MANAGERS
from learning.models import Application, Attempt, Enrolment, ModuleProgress

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_manager_an_applicant_waiting_and_a_learner(demo, rf):
    request = rf.post("/es/cuenta/entrar/")  # sign-in throttling needs the request
    manager = authenticate(request, username="gestora", password="demo-gestora")
    assert manager.groups.filter(name=ENROLMENT_MANAGERS).exists()
    learner = authenticate(request, username="aprendiz", password="demo-aprendiz")
    assert not learner.has_perm("wagtailadmin.access_admin")
    assert Application.objects.filter(status=Application.PENDING, course=demo.course).count() == 1
    enrolment = Enrolment.objects.get(user=learner, course=demo.course)
    assert enrolment.application.decided_by == manager
    modules = ModuleProgress.objects.filter(enrolment=enrolment).values_list(
        "module__number", flat=True
    )
    assert sorted(modules) == [1, 2, 3]


def test_the_demo_attempt_uses_the_evaluations_real_ids_and_a_consistent_score(demo):
    [attempt] = Attempt.objects.filter(enrolment__user__username="aprendiz")
    evaluation = EvaluationPage.objects.get(pk=attempt.evaluation_id)
    questions = {question.id: question for question in evaluation.questions}
    assert set(attempt.answers) == set(questions)
    for question_id, chosen in attempt.answers.items():
        question = questions[question_id]
        if question.block_type == "true_false":
            assert chosen in (["true"], ["false"])
        else:
            assert set(chosen) <= {option.id for option in question.value["options"].bound_blocks}
    assert attempt.total_points == evaluation.total_points
    assert attempt.score == round(100 * attempt.points / attempt.total_points)
    assert attempt.pass_mark == evaluation.effective_pass_mark
    assert attempt.passed is False and attempt.score < attempt.pass_mark


def test_the_demo_command_is_idempotent_and_prints_the_credentials(demo):
    out = StringIO()
    call_command("load_demo_learning", stdout=out)
    assert "gestora / demo-gestora" in out.getvalue()
    assert "aprendiz / demo-aprendiz" in out.getvalue()
    assert Attempt.objects.filter(enrolment__user__username="aprendiz").count() == 1
    assert Application.objects.filter(course=demo.course).count() == 2


@pytest.mark.parametrize("command", ["load_demo_learning", "study_test_learner"])
@override_settings(DEMO_DATA_ALLOWED=False, SETTINGS_MODULE="cms.settings.production")
def test_demo_and_test_learner_commands_refuse_to_run_under_production_settings(command):
    before = Enrolment.objects.count()
    with pytest.raises(CommandError, match="refuses to run with these settings"):
        call_command(command, "--username", "x") if command == "study_test_learner" else (
            call_command(command, stdout=StringIO())
        )
    assert Enrolment.objects.count() == before
