"""Taking an evaluation: the form, scoring from stable ids in every language, feedback, and
what is stored."""

import json
from html import escape

import pytest
from django.utils import timezone

from course_content.blocks import answer_key
from course_content.demo import content
from course_content.models import EvaluationPage
from learning.models import Attempt
from learning.study.evaluation import structure

from .conftest import answers_with_wrong, correct_answers

pytestmark = pytest.mark.django_db


def translation_of(page, code):
    return EvaluationPage.objects.get(
        translation_key=page.translation_key, locale__language_code=code
    )


def test_the_form_has_stable_ids_and_no_answer_key(learner_client, demo, open_form):
    evaluation = demo.evaluation(1)
    form = open_form(learner_client, evaluation.url)
    for question in evaluation.questions:
        assert f'name="q-{question.id}"' in form.html
        for option_id in answer_key(question)["options"]:
            assert f'value="{option_id}"' in form.html
    for question in content.MODULES[0]["evaluation"]["questions"]:
        assert escape(question["feedback"]) not in form.html
    assert "is_correct" not in form.html


def test_the_api_gives_option_ids_and_texts_only(learner_client, demo):
    evaluation = demo.evaluation(2)
    raw = learner_client.get(f"/api/v2/pages/{evaluation.pk}/").content.decode()
    questions = json.loads(raw)["questions"]
    keys = {key["id"]: key for key in map(answer_key, evaluation.questions)}
    for question in questions:
        assert [set(option) for option in question["options"]] == [{"id", "text"}] * len(
            question["options"]
        )
        assert [o["id"] for o in question["options"]] == keys[question["id"]]["options"]
    true_false = next(q for q in questions if q["kind"] == "true_false")
    assert [o["id"] for o in true_false["options"]] == ["true", "false"]
    assert "is_correct" not in raw and '"answer"' not in raw and '"feedback"' not in raw


def test_right_answers_pass_and_each_question_gets_its_feedback(
    learner_client, learner, demo, open_form
):
    evaluation = demo.evaluation(1)
    form = open_form(learner_client, evaluation.url)
    before = timezone.now()
    response = form.submit(correct_answers(evaluation))
    assert response.status_code == 303
    result = learner_client.get(response["Location"])
    html = result.content.decode()
    assert "Puntuación: 100/100" in html
    assert "Aprobado: la nota de aprobación es 70/100." in html
    for question in content.MODULES[0]["evaluation"]["questions"]:
        assert escape(question["feedback"]) in html
    attempt = Attempt.objects.get(enrolment__user=learner)
    assert (attempt.score, attempt.passed, attempt.points, attempt.total_points) == (
        100,
        True,
        100,
        100,
    )
    assert attempt.evaluation_id == evaluation.pk and attempt.language == "es"
    assert attempt.submitted_at >= before and attempt.started_at <= attempt.submitted_at
    assert set(attempt.answers) == {q.id for q in evaluation.questions}
    assert len(attempt.correct_questions) == 5


def test_wrong_answers_score_their_share_and_fail(learner_client, learner, demo, open_form):
    evaluation = demo.evaluation(1)
    response = open_form(learner_client, evaluation.url).submit(answers_with_wrong(evaluation, 2))
    html = learner_client.get(response["Location"]).content.decode()
    assert "Puntuación: 60/100" in html
    assert "Todavía no aprobado" in html
    assert "Incorrecta: 0 puntos." in html and "Correcta: 20 puntos." in html
    attempt = Attempt.objects.get(enrolment__user=learner)
    assert (attempt.score, attempt.passed) == (60, False)


def test_a_multiple_choice_question_needs_exactly_its_correct_options(
    learner_client, learner, demo, open_form
):
    evaluation = demo.evaluation(1)
    answers = correct_answers(evaluation)
    multiple = next(q for q in evaluation.questions if q.block_type == "multiple_choice")
    answers[f"q-{multiple.id}"] = answers[f"q-{multiple.id}"][:1]  # one right option missing
    open_form(learner_client, evaluation.url).submit(answers)
    attempt = Attempt.objects.get(enrolment__user=learner)
    assert attempt.score == 80 and multiple.id not in attempt.correct_questions


def test_a_translated_evaluation_scores_exactly_as_the_spanish_one(
    client, make_learner, demo, open_form
):
    source = demo.evaluation(1)
    portuguese = translation_of(source, "pt-br")
    assert portuguese.alias_of_id is None and portuguese.url.startswith("/pt-br/")
    results = {}
    for username, page in (("es-learner", source), ("pt-learner", portuguese)):
        user = make_learner(username)
        client.force_login(user)
        form = open_form(client, page.url)
        assert "Que mudança central" in form.html or page is source
        form.submit(answers_with_wrong(source, 1))
        results[username] = Attempt.objects.get(enrolment__user=user)
    spanish, translated = results["es-learner"], results["pt-learner"]
    assert (translated.score, translated.passed) == (spanish.score, spanish.passed) == (80, True)
    assert translated.evaluation_id == spanish.evaluation_id == source.pk
    assert translated.language == "pt-br" and spanish.language == "es"
    assert translated.correct_questions == spanish.correct_questions


def test_translations_keep_the_question_and_option_ids(demo):
    for number in (1, 2):
        source = demo.evaluation(number)
        assert translation_of(source, "en").alias_of_id is None
        assert structure(translation_of(source, "en").questions) == structure(source.questions)
    assert structure(translation_of(demo.evaluation(1), "pt-br").questions) == structure(
        demo.evaluation(1).questions
    )


def test_a_synced_translation_keeps_the_ids_after_the_source_changes(demo, user):
    from wagtail_localize.models import Translation

    from translations import services

    source = demo.evaluation(1)
    questions = source.questions
    first = questions[0]
    first.value["options"][1]["text"] = "Una opción reescrita en la fuente."
    source.questions = questions
    source.save_revision().publish()
    translation = Translation.objects.get(
        source__object_id=source.translation_key, target_locale__language_code="pt-br"
    )
    services.bring_in_changes(translation=translation, user=user("administrador"))
    services.publish_translation(translation=translation, user=user("administrador"))
    portuguese = translation_of(source, "pt-br")
    assert structure(portuguese.questions) == structure(
        EvaluationPage.objects.get(pk=source.pk).questions
    )


def test_the_result_is_shown_in_the_readers_language(learner_client, learner, demo, open_form):
    source = demo.evaluation(1)
    portuguese = translation_of(source, "pt-br")
    response = open_form(learner_client, portuguese.url).submit(correct_answers(source))
    assert response["Location"].startswith("/pt-br/study/attempts/")
    html = learner_client.get(response["Location"]).content.decode()
    assert "Pontuação: 100/100" in html
    assert '<html lang="pt-br">' in html


def test_the_evaluations_own_pass_mark_wins_over_the_courses(
    learner_client, learner, demo, open_form
):
    evaluation = demo.evaluation(3)
    EvaluationPage.objects.filter(translation_key=evaluation.translation_key).update(pass_mark=60)
    evaluation.refresh_from_db()
    open_form(learner_client, evaluation.url).submit(answers_with_wrong(evaluation, 2))
    attempt = Attempt.objects.get(enrolment__user=learner)
    assert (attempt.score, attempt.pass_mark, attempt.passed) == (60, 60, True)


def test_the_course_pass_mark_applies_when_the_evaluation_has_none(
    learner_client, learner, demo, open_form
):
    demo.course.pass_mark = 50
    demo.course.save()
    evaluation = demo.evaluation(3)
    open_form(learner_client, evaluation.url).submit(answers_with_wrong(evaluation, 3))
    attempt = Attempt.objects.get(enrolment__user=learner)
    assert (attempt.score, attempt.pass_mark, attempt.passed) == (40, 50, False)


def test_unanswered_questions_are_asked_again_and_nothing_is_stored(
    learner_client, learner, demo, open_form
):
    evaluation = demo.evaluation(1)
    answers = correct_answers(evaluation)
    skipped = [q.id for q in evaluation.questions][-2:]
    for question_id in skipped:
        del answers[f"q-{question_id}"]
    form = open_form(learner_client, evaluation.url)
    response = form.submit(answers)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Responda las 2 preguntas marcadas abajo antes de enviar sus respuestas." in html
    assert html.count("Responda esta pregunta.") == 2
    assert form.ticket in html  # the same form, so a later complete send counts once
    first = evaluation.questions[0]
    assert f'value="{answers[f"q-{first.id}"][0]}" checked' in html  # answers kept
    assert not Attempt.objects.exists()
    # Completing it sends the same form, scored once.
    assert form.submit(correct_answers(evaluation)).status_code == 303
    assert Attempt.objects.count() == 1


def test_a_double_submission_counts_once_and_shows_the_same_result(
    learner_client, learner, demo, open_form
):
    evaluation = demo.evaluation(1)
    form = open_form(learner_client, evaluation.url)
    first = form.submit(answers_with_wrong(evaluation, 2))
    second = form.submit(answers_with_wrong(evaluation, 2))
    third = form.submit(correct_answers(evaluation))  # the same form, other answers: still once
    assert first.status_code == second.status_code == third.status_code == 303
    assert first["Location"] == second["Location"] == third["Location"]
    assert Attempt.objects.filter(enrolment__user=learner).count() == 1
    assert Attempt.objects.get().score == 60
