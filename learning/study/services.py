"""Writes of the learner side's studying: progress, attempts, completion and certificates.

Keyword-only functions, each in one transaction, raising one domain error (``AttemptRefused``);
views, hooks and commands only call them.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from course_content.models import CoursePage, EvaluationPage, ModulePage

from ..models import Attempt, Certificate, Enrolment, ModuleProgress
from . import evaluation as evaluations
from .certificates import new_code
from .policy import edition_closed_message, retake_message, retake_status

STUDYING = [Enrolment.ACTIVE, Enrolment.COMPLETED]


class AttemptRefused(Exception):
    """An attempt that is not stored; ``message`` says why (for the learner), ``status`` is the
    HTTP status a view answers with."""

    def __init__(self, message, *, status=403):
        super().__init__(str(message))
        self.message = message
        self.status = status


# --- progress ---------------------------------------------------------------------------------


def record_progress(*, user, module):
    """Record that ``user`` opened ``module`` (a ``ModulePage`` in any locale) if they are
    enrolled in its edition: one query to find the enrolment and the source module, one upsert
    (``first_opened_at`` kept, ``last_opened_at`` moved). Returns whether it recorded."""
    if not user.is_authenticated:
        return False
    course_path = module.path[: -module.steplen]
    row = (
        Enrolment.objects.filter(
            user=user,
            status__in=STUDYING,
            course__translation_key=Subquery(
                Page.objects.filter(path=course_path).values("translation_key")[:1]
            ),
        )
        .annotate(
            source_module=Subquery(
                ModulePage.objects.filter(
                    translation_key=module.translation_key,
                    path__startswith=OuterRef("course__path"),
                ).values("pk")[:1]
            )
        )
        .values_list("pk", "source_module")
        .first()
    )
    if row is None or row[1] is None:
        return False
    ModuleProgress.objects.bulk_create(
        [ModuleProgress(enrolment_id=row[0], module_id=row[1])],
        update_conflicts=True,
        unique_fields=["enrolment", "module"],
        update_fields=["last_opened_at"],
    )
    return True


# --- attempts ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Submission:
    attempt: Attempt
    created: bool  # False: the same form was submitted before (same token): counted once


def _evaluations_of(course):
    """The pks of the live evaluations of live modules of the source edition ``course``."""
    modules = ModulePage.objects.live().child_of(course).values_list("path", flat=True)
    paths = set(modules)
    return {
        pk
        for pk, path in EvaluationPage.objects.live()
        .descendant_of(course)
        .filter(depth=course.depth + 2)
        .values_list("pk", "path")
        if path[: -ModulePage.steplen] in paths
    }


def _complete_if_done(enrolment, *, language, now):
    """Complete ``enrolment`` and issue its certificate once every module's evaluation of the
    edition is passed."""
    required = _evaluations_of(enrolment.course)
    passed = set(
        Attempt.objects.filter(enrolment=enrolment, passed=True).values_list(
            "evaluation_id", flat=True
        )
    )
    if not required or not required <= passed:
        return None
    if enrolment.status != Enrolment.COMPLETED:
        enrolment.status = Enrolment.COMPLETED
        enrolment.completed_at = now
        enrolment.save(update_fields=["status", "completed_at"])
    if Certificate.objects.filter(enrolment=enrolment).exists():
        return None
    return issue_certificate(enrolment=enrolment, language=language)


def issue_certificate(*, enrolment, language):
    """A certificate for ``enrolment`` in ``language`` (the learner's), its course named in that
    language where the edition is translated into it (else in the source language)."""
    from translations.selectors import source_shown_q

    course = enrolment.course
    shown = (
        CoursePage.objects.live()
        .filter(translation_key=course.translation_key, locale__language_code=language)
        .exclude(source_shown_q())
        .first()
    ) or course
    hours = course.declared_hours
    if not hours:
        hours = sum(
            ModulePage.objects.live().child_of(course).values_list("estimated_hours", flat=True)
        )
    user = enrolment.user
    for _try in range(5):
        try:
            with transaction.atomic():
                return Certificate.objects.create(
                    enrolment=enrolment,
                    code=new_code(),
                    learner_name=(user.get_full_name() or user.get_username())[:200],
                    course_title=shown.title[:255],
                    edition_label=shown.edition_label[:100],
                    hours=hours,
                    language=language,
                )
        except IntegrityError:  # a code drawn twice (about 1 in 2**80), or issued meanwhile
            if Certificate.objects.filter(enrolment=enrolment).exists():
                return Certificate.objects.get(enrolment=enrolment)
    raise RuntimeError("could not draw a unique certificate code")


def _existing(token, enrolment, evaluation):
    attempt = Attempt.objects.filter(token=token).first()
    if attempt is None:
        return None
    if attempt.enrolment_id != enrolment.pk or attempt.evaluation_id != evaluation.pk:
        raise AttemptRefused(_("This form does not belong to you."), status=400)
    return attempt


@transaction.atomic
def submit_attempt(
    *,
    enrolment,
    evaluation,
    token,
    answers,
    language,
    started_at=None,
    certificate_language=None,
    now=None,
):
    """Store and score one attempt of ``evaluation`` (an ``evaluation.Evaluation``) by the learner
    of ``enrolment``, from ``answers`` validated by ``evaluation.parse_answers``.

    The same ``token`` (one per form shown) submitted again returns the first attempt
    (``created`` False). Refused (``AttemptRefused``, nothing stored) for a withdrawn enrolment,
    outside the edition's dates, or when the retake policy says no. The learner's enrolment row
    is locked meanwhile, so two submissions of one learner never both pass the policy.
    """
    now = now or timezone.now()
    enrolment = (
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("course", "user")
        .get(pk=enrolment.pk)
    )
    source = evaluation.source
    previous = list(
        Attempt.objects.filter(enrolment=enrolment, evaluation=source).only(
            "token", "passed", "submitted_at"
        )
    )
    existing = next((attempt for attempt in previous if attempt.token == token), None)
    if existing is not None:
        return Submission(existing, False)
    if enrolment.status not in STUDYING or enrolment.user_id is None:
        raise AttemptRefused(_("You are not enrolled in this edition."))
    closed = edition_closed_message(enrolment.course, today=timezone.localdate(now))
    if closed:
        raise AttemptRefused(closed)
    status = retake_status(source, previous, now=now)
    if not status.allowed:
        raise AttemptRefused(retake_message(status, now=now))
    result = evaluations.score(evaluation.key, answers)
    pass_mark = source.pass_mark if source.pass_mark is not None else enrolment.course.pass_mark
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(
                enrolment=enrolment,
                evaluation=source,
                token=token,
                language=language,
                answers=answers,
                correct_questions=result.correct,
                points=result.points,
                total_points=result.total_points,
                score=result.score,
                pass_mark=pass_mark,
                passed=result.score >= pass_mark,
                started_at=started_at,
            )
    except IntegrityError:  # the same token, committed by a request that raced this one
        existing = _existing(token, enrolment, source)
        if existing is None:
            raise
        return Submission(existing, False)
    if attempt.passed:
        _complete_if_done(enrolment, language=certificate_language or language, now=now)
    return Submission(attempt, True)
