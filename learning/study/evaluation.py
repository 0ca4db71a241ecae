"""An evaluation as the learner side reads, checks and scores it.

A learner answers the evaluation page of their language (``/pt-br/…``); their answers are
scored against the answer key of the SOURCE evaluation (Spanish), from stable ids only: a
question's StreamField block id, an option's ListBlock item id (``"true"``/``"false"`` for a
true/false question). Translations keep these ids (wagtail-localize rebuilds a translation from a
copy of its source), so a translated evaluation scores exactly as the Spanish one.

A translation whose questions or options differ from its source's (a question added or removed
in one locale, an option missing: the translation was not synced after the source changed, or
was edited by hand) cannot be scored soundly: ``load`` refuses it (``EvaluationUnavailable``)
until it is synced.

``parse_answers`` validates a submission strictly (``AnswersRefused`` for anything a form could
not have sent: unknown fields, unknown or another evaluation's ids, duplicates, two options for a
single-choice question; ``AnswersIncomplete`` for unanswered questions, which a person is asked to
complete), and ``score`` scores it.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from course_content.blocks import answer_key, public_question
from course_content.models import EvaluationPage

QUESTION_PREFIX = "q-"
TICKET_FIELD = "ticket"
ALLOWED_FIELDS = {"csrfmiddlewaretoken", TICKET_FIELD}
SINGLE_ANSWER_KINDS = {"single_choice", "true_false"}
# The largest submission a real form sends is a few KB (ids are 36 characters).
MAX_BODY_BYTES = 32 * 1024


class EvaluationUnavailable(Exception):
    """The evaluation cannot be taken now; ``message`` says why, for the learner, and ``source``
    is the source page when that one can be taken instead."""

    def __init__(self, message, source=None):
        super().__init__(str(message))
        self.message = message
        self.source = source


class AnswersRefused(Exception):
    """A submission no form of this evaluation could have sent (tampered): refused whole."""


class AnswersIncomplete(Exception):
    """Some questions were not answered: the learner is asked to answer them."""

    def __init__(self, missing, answers):
        super().__init__(f"{len(missing)} unanswered")
        self.missing = missing
        self.answers = answers


NOT_SYNCED = _(
    "This translation of the evaluation is being updated: its questions differ from the "
    "original's, so it cannot be answered until the translation is brought up to date. You may "
    "answer the evaluation in its original language meanwhile."
)
NOT_READY = _("This evaluation is not ready to be taken yet.")


def source_evaluation(page):
    """The source-locale (Spanish) page of the evaluation ``page``, in any locale (one query)."""
    return EvaluationPage.objects.filter(
        translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE
    ).first()


def structure(questions):
    """What must match between a translation and its source for scores to be sound: each
    question's id, kind and set of option ids (None where an option has no stable id)."""
    shape = {}
    for child in questions:
        key = answer_key(child)
        options = key["options"]
        shape[key["id"]] = (key["kind"], None if options is None else frozenset(options))
    return shape


@dataclass
class Evaluation:
    """The evaluation ``page`` a learner reads and the ``source`` page whose key scores it."""

    page: EvaluationPage
    source: EvaluationPage
    key: dict = field(default_factory=dict)  # question id → answer_key(), in source order

    @property
    def total_points(self):
        return sum(question["points"] for question in self.key.values())

    def public_questions(self):
        """The questions of the learner's page, learner-safe (no key, no feedback)."""
        return [public_question(child) for child in self.page.questions]


def load(page):
    """The ``Evaluation`` of ``page`` ready to be scored, or ``EvaluationUnavailable``."""
    source = source_evaluation(page)
    if source is None or not source.live:
        raise EvaluationUnavailable(NOT_READY)
    source_shape = structure(source.questions)
    if not source_shape or any(options is None for _kind, options in source_shape.values()):
        raise EvaluationUnavailable(NOT_READY)
    if page.pk != source.pk and structure(page.questions) != source_shape:
        raise EvaluationUnavailable(NOT_SYNCED, source=source)
    key = {}
    for child in source.questions:
        question = answer_key(child)
        key[question["id"]] = question
    return Evaluation(page=page, source=source, key=key)


def parse_answers(data, key):
    """``{question id: [option ids]}`` from a submitted form (``QueryDict``), validated against
    ``key`` (``Evaluation.key``). Raises ``AnswersRefused`` or ``AnswersIncomplete``."""
    answers = {}
    for name in data:
        if name in ALLOWED_FIELDS:
            continue
        question_id = name.removeprefix(QUESTION_PREFIX)
        if not name.startswith(QUESTION_PREFIX) or question_id not in key:
            raise AnswersRefused(f"unknown field {name[:80]!r}")
        question = key[question_id]
        chosen = data.getlist(name)
        if len(chosen) != len(set(chosen)):
            raise AnswersRefused("an option chosen twice")
        if any(option not in question["options"] for option in chosen):
            raise AnswersRefused("an unknown option")
        if question["kind"] in SINGLE_ANSWER_KINDS and len(chosen) > 1:
            raise AnswersRefused("several options for a single-answer question")
        if chosen:
            answers[question_id] = [o for o in question["options"] if o in chosen]
    for name in ALLOWED_FIELDS:
        if len(data.getlist(name)) > 1:
            raise AnswersRefused(f"{name} sent twice")
    missing = [question_id for question_id in key if question_id not in answers]
    if missing:
        raise AnswersIncomplete(missing, answers)
    return answers


@dataclass(frozen=True)
class Score:
    points: int
    total_points: int
    score: int  # 0–100, rounded down: nobody passes by rounding
    correct: list  # ids of the questions answered correctly


def score(key, answers):
    """Score ``answers`` (from ``parse_answers``) against ``key``: a question earns its points
    when exactly its correct options are chosen (all or nothing)."""
    correct = [
        question_id
        for question_id, question in key.items()
        if set(answers.get(question_id, ())) == question["correct"]
    ]
    points = sum(key[question_id]["points"] for question_id in correct)
    total = sum(question["points"] for question in key.values())
    return Score(
        points=points,
        total_points=total,
        score=(100 * points // total) if total else 0,
        correct=correct,
    )
