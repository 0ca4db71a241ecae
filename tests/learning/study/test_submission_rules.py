"""Who may submit, when, and what is refused: tampered answers, learners who may not submit,
outside the edition's dates, without CSRF; the retake policy; translations out of sync.
Whatever is refused stores nothing."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from course_content.models import EvaluationPage
from learning.models import Attempt, Enrolment
from learning.study import tickets

from .conftest import answers_with_wrong, correct_answers, key_of

pytestmark = pytest.mark.django_db


def translation_of(page, code):
    return EvaluationPage.objects.get(
        translation_key=page.translation_key, locale__language_code=code
    )


# --- tampered answers -------------------------------------------------------------------------


def _questions(evaluation, kind):
    return next(q for q in key_of(evaluation) if q["kind"] == kind)


def unknown_option(evaluation):
    answers = correct_answers(evaluation)
    question = _questions(evaluation, "single_choice")
    answers[f"q-{question['id']}"] = ["00000000-0000-4000-8000-000000000000"]
    return answers


def another_evaluations_option(evaluation):
    answers = correct_answers(evaluation)
    other_evaluation = EvaluationPage.objects.exclude(
        translation_key=evaluation.translation_key
    ).first()
    other = _questions(other_evaluation, "single_choice")
    question = _questions(evaluation, "single_choice")
    answers[f"q-{question['id']}"] = [other["options"][0]]
    return answers


def another_evaluations_question(evaluation):
    other = EvaluationPage.objects.exclude(translation_key=evaluation.translation_key).first()
    return {**correct_answers(evaluation), **correct_answers(other)}


def duplicated_option(evaluation):
    answers = correct_answers(evaluation)
    question = _questions(evaluation, "multiple_choice")
    chosen = answers[f"q-{question['id']}"]
    answers[f"q-{question['id']}"] = chosen + chosen[:1]
    return answers


def two_options_for_single_choice(evaluation):
    answers = correct_answers(evaluation)
    question = _questions(evaluation, "single_choice")
    answers[f"q-{question['id']}"] = question["options"][:2]
    return answers


def two_answers_for_true_false(evaluation):
    answers = correct_answers(evaluation)
    question = _questions(evaluation, "true_false")
    answers[f"q-{question['id']}"] = ["true", "false"]
    return answers


def option_text_instead_of_id(evaluation):
    answers = correct_answers(evaluation)
    question = next(q for q in evaluation.questions if q.block_type == "single_choice")
    answers[f"q-{question.id}"] = [question.value["options"][0]["text"]]
    return answers


def unknown_field(evaluation):
    return {**correct_answers(evaluation), "score": "100"}


def huge_payload(evaluation):
    return {**correct_answers(evaluation), "q-padding": "x" * 40_000}


def many_fields(evaluation):
    answers = correct_answers(evaluation)
    question = _questions(evaluation, "multiple_choice")
    answers[f"q-{question['id']}"] = question["options"] * 50
    return answers


TAMPERED = [
    unknown_option,
    another_evaluations_option,
    another_evaluations_question,
    duplicated_option,
    two_options_for_single_choice,
    two_answers_for_true_false,
    option_text_instead_of_id,
    unknown_field,
    huge_payload,
    many_fields,
]


@pytest.mark.parametrize("tamper", TAMPERED, ids=lambda f: f.__name__)
def test_tampered_answers_are_refused_and_nothing_is_stored(
    learner_client, demo, open_form, tamper
):
    evaluation = demo.evaluation(1)
    response = open_form(learner_client, evaluation.url).submit(tamper(evaluation))
    assert response.status_code == 400
    assert not Attempt.objects.exists()
    if tamper not in (huge_payload, many_fields):  # too large to be read at all
        assert "Las respuestas enviadas no corresponden a esta evaluación." in (
            response.content.decode()
        )


@pytest.mark.parametrize(
    "ticket",
    [
        "",
        "forged",
        "another learner's",
        "another evaluation's",
        "expired",
    ],
)
def test_a_bad_ticket_is_refused(learner_client, learner, demo, open_form, ticket, user):
    evaluation = demo.evaluation(1)
    form = open_form(learner_client, evaluation.url)
    value = {
        "": "",
        "forged": form.ticket[:-3] + "abc",
        "another learner's": tickets.issue(user=user("editora"), evaluation=evaluation),
        "another evaluation's": tickets.issue(user=learner, evaluation=demo.evaluation(2)),
        "expired": tickets.issue(
            user=learner, evaluation=evaluation, now=timezone.now() - timedelta(days=2)
        ),
    }[ticket]
    response = learner_client.post(form.action, {**correct_answers(evaluation), "ticket": value})
    assert response.status_code == 400
    assert not Attempt.objects.exists()


def test_an_expired_form_says_so(learner_client, learner, demo, open_form):
    evaluation = demo.evaluation(1)
    form = open_form(learner_client, evaluation.url)
    form.ticket = tickets.issue(
        user=learner, evaluation=evaluation, now=timezone.now() - timedelta(hours=25)
    )
    response = form.submit(correct_answers(evaluation))
    assert "Este formulario ha caducado" in response.content.decode()


# --- who may submit ---------------------------------------------------------------------------


def test_without_a_csrf_token_nothing_is_stored(learner, demo, open_form):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(learner)
    evaluation = demo.evaluation(1)
    form = open_form(browser, evaluation.url)
    response = form.submit(correct_answers(evaluation))  # no csrfmiddlewaretoken
    assert response.status_code == 403
    assert not Attempt.objects.exists()


def test_with_the_csrf_token_it_is_stored(learner, demo, open_form):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(learner)
    evaluation = demo.evaluation(1)
    form = open_form(browser, evaluation.url)
    token = browser.cookies["csrftoken"].value
    response = form.submit(correct_answers(evaluation), csrfmiddlewaretoken=token)
    assert response.status_code == 303
    assert Attempt.objects.count() == 1


def test_a_visitor_cannot_submit(client, demo, learner, open_form):
    evaluation = demo.evaluation(1)
    ticket = tickets.issue(user=learner, evaluation=evaluation)
    url = f"/es/study/evaluations/{evaluation.pk}/answers/"
    response = client.post(url, {**correct_answers(evaluation), "ticket": ticket})
    assert response.status_code == 403
    assert not Attempt.objects.exists()


@pytest.mark.parametrize("case", ["not enrolled", "withdrawn", "another edition"])
def test_a_person_not_enrolled_in_the_edition_cannot_submit(client, demo, make_learner, case):
    from tests.factories import CoursePageFactory

    if case == "not enrolled":
        person = make_learner("nadie", enrolled=False)
    elif case == "withdrawn":
        person = make_learner("baja", status=Enrolment.WITHDRAWN)
    else:
        other = CoursePageFactory(parent=demo.home, slug="otra-edicion")
        person = make_learner("otra", course=other)
    client.force_login(person)
    evaluation = demo.evaluation(1)
    page = client.get(evaluation.url).content.decode()
    assert 'name="ticket"' not in page  # no form
    ticket = tickets.issue(user=person, evaluation=evaluation)
    response = client.post(
        f"/es/study/evaluations/{evaluation.pk}/answers/",
        {**correct_answers(evaluation), "ticket": ticket},
    )
    assert response.status_code == 403
    assert "No está inscrito en esta edición." in response.content.decode()
    assert not Attempt.objects.exists()


def test_staff_preview_the_questions_but_attempts_need_an_enrolment(as_user, user, demo):
    client = as_user("editora")
    evaluation = demo.evaluation(1)
    page = client.get(evaluation.url).content.decode()
    assert "para responderla necesita estar inscrito en esta edición" in page
    assert 'name="ticket"' not in page
    ticket = tickets.issue(user=user("editora"), evaluation=evaluation)
    response = client.post(
        f"/es/study/evaluations/{evaluation.pk}/answers/",
        {**correct_answers(evaluation), "ticket": ticket},
    )
    assert response.status_code == 403
    assert not Attempt.objects.exists()


@pytest.mark.parametrize("when", ["before", "after"])
def test_outside_the_editions_dates_nothing_is_stored(learner_client, demo, open_form, when):
    evaluation = demo.evaluation(1)
    form = open_form(learner_client, evaluation.url)
    today = timezone.localdate()
    course = demo.course
    if when == "before":
        course.starts_on, course.ends_on = today + timedelta(days=1), today + timedelta(days=90)
    else:
        course.starts_on, course.ends_on = today - timedelta(days=90), today - timedelta(days=1)
    course.save()
    response = form.submit(correct_answers(evaluation))
    assert response.status_code == 403
    message = "evaluaciones se abren ese día" if when == "before" else "están cerradas"
    assert message in response.content.decode()
    assert message in learner_client.get(evaluation.url).content.decode()
    assert not Attempt.objects.exists()


def test_the_last_day_of_the_edition_is_inside(learner_client, demo, open_form):
    course = demo.course
    course.ends_on = timezone.localdate()
    course.save()
    evaluation = demo.evaluation(1)
    assert (
        open_form(learner_client, evaluation.url).submit(correct_answers(evaluation)).status_code
        == 303
    )


# --- the retake policy ------------------------------------------------------------------------


def set_policy(evaluation, **fields):
    EvaluationPage.objects.filter(translation_key=evaluation.translation_key).update(**fields)


def test_attempts_are_unlimited_by_default(learner_client, learner, demo, open_form):
    evaluation = demo.evaluation(1)
    for _ in range(4):
        response = open_form(learner_client, evaluation.url).submit(
            answers_with_wrong(evaluation, 3)
        )
        assert response.status_code == 303
    assert Attempt.objects.filter(enrolment__user=learner).count() == 4
    assert (
        "Puede intentarlo de nuevo ahora."
        in learner_client.get(response["Location"]).content.decode()
    )


def test_a_maximum_of_attempts(learner_client, learner, demo, open_form):
    evaluation = demo.evaluation(1)
    set_policy(evaluation, max_attempts=2)
    first = open_form(learner_client, evaluation.url).submit(answers_with_wrong(evaluation, 3))
    result = learner_client.get(first["Location"]).content.decode()
    assert "Puede intentarlo de nuevo ahora: le queda 1 intento." in result
    second_form = open_form(learner_client, evaluation.url)
    third_form = open_form(learner_client, evaluation.url)  # two tabs
    assert second_form.submit(answers_with_wrong(evaluation, 3)).status_code == 303
    response = third_form.submit(correct_answers(evaluation))
    assert response.status_code == 403
    assert "Ya utilizó los 2 intentos de esta evaluación." in response.content.decode()
    page = learner_client.get(evaluation.url).content.decode()
    assert "Ya utilizó los 2 intentos de esta evaluación." in page and 'name="ticket"' not in page
    assert Attempt.objects.filter(enrolment__user=learner).count() == 2


def test_a_waiting_time_between_attempts_says_when_to_come_back(
    learner_client, learner, demo, open_form
):
    evaluation = demo.evaluation(1)
    set_policy(evaluation, retake_wait_minutes=24 * 60)
    first = open_form(learner_client, evaluation.url).submit(answers_with_wrong(evaluation, 3))
    attempt = Attempt.objects.get()
    back = timezone.localtime(attempt.submitted_at + timedelta(days=1))
    from django.utils import formats, translation

    with translation.override("es"):
        date = formats.date_format(back, "DATE_FORMAT")
        time = formats.time_format(back, "TIME_FORMAT")
    expected = f"Podrá intentarlo de nuevo el {date} a las {time} (dentro de"
    assert expected in learner_client.get(first["Location"]).content.decode()
    page = learner_client.get(evaluation.url).content.decode()
    assert expected in page and 'name="ticket"' not in page
    # A form opened before (another tab) is refused too, with the same message.
    early = tickets.issue(user=learner, evaluation=evaluation)
    response = learner_client.post(
        f"/es/study/evaluations/{evaluation.pk}/answers/",
        {**correct_answers(evaluation), "ticket": early},
    )
    assert response.status_code == 403 and expected in response.content.decode()
    # A day later, the learner may try again.
    Attempt.objects.update(submitted_at=attempt.submitted_at - timedelta(days=1, minutes=1))
    assert (
        open_form(learner_client, evaluation.url).submit(correct_answers(evaluation)).status_code
        == 303
    )
    assert Attempt.objects.count() == 2


def test_a_passed_evaluation_is_done(learner_client, learner, demo, open_form):
    evaluation = demo.evaluation(1)
    stale = open_form(learner_client, evaluation.url)
    open_form(learner_client, evaluation.url).submit(correct_answers(evaluation))
    page = learner_client.get(evaluation.url).content.decode()
    assert "Ha aprobado esta evaluación." in page and 'name="ticket"' not in page
    assert stale.submit(correct_answers(evaluation)).status_code == 403
    assert Attempt.objects.count() == 1


# --- translations out of sync with their source -----------------------------------------------


def add_question_to_source(evaluation):
    questions = evaluation.questions
    questions.append(
        (
            "true_false",
            {"prompt": "¿Pregunta nueva?", "answer": "true", "points": 20, "feedback": ""},
        )
    )
    evaluation.questions = questions
    evaluation.save_revision().publish()


def remove_option_from_translation(evaluation, code):
    translated = translation_of(evaluation, code)
    questions = translated.questions
    del questions[0].value["options"][-1]
    translated.questions = questions
    translated.save(update_fields=["questions"])


@pytest.mark.parametrize(
    "change", ["a question added to the source", "an option missing in the translation"]
)
def test_an_out_of_sync_translation_is_refused_until_synced(
    learner_client, learner, demo, open_form, change
):
    source = demo.evaluation(1)
    portuguese = translation_of(source, "pt-br")
    stale_form = open_form(learner_client, portuguese.url)
    if change == "a question added to the source":
        add_question_to_source(source)
    else:
        remove_option_from_translation(source, "pt-br")
    page = learner_client.get(portuguese.url).content.decode()
    assert "Esta tradução da avaliação está sendo atualizada" in page
    assert 'name="ticket"' not in page
    assert f'href="{source.url}"' in page  # the Spanish one may be taken meanwhile
    response = stale_form.submit(correct_answers(portuguese))
    assert response.status_code == 403
    assert "Esta tradução da avaliação está sendo atualizada" in response.content.decode()
    assert not Attempt.objects.exists()
    # The Spanish source is still taken and scored.
    source = EvaluationPage.objects.get(pk=source.pk)
    assert open_form(learner_client, source.url).submit(correct_answers(source)).status_code == 303


def test_a_synced_translation_is_taken_again(learner_client, learner, demo, open_form, user):
    from wagtail_localize.models import Translation

    from translations import services

    source = demo.evaluation(1)
    add_question_to_source(source)
    translation = Translation.objects.get(
        source__object_id=source.translation_key, target_locale__language_code="pt-br"
    )
    services.bring_in_changes(translation=translation, user=user("administrador"))
    services.publish_translation(translation=translation, user=user("administrador"))
    portuguese = translation_of(source, "pt-br")
    source = EvaluationPage.objects.get(pk=source.pk)
    response = open_form(learner_client, portuguese.url).submit(correct_answers(source))
    assert response.status_code == 303
    assert Attempt.objects.get().total_points == 120
