"""Reads of the learner side's studying: the evaluation panel, the learner's dashboard and the
staff reports. The dashboard and the reports run a fixed number of queries whatever the number
of modules, learners and attempts (the tests assert it)."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import Avg, Count, F, Max, Q
from wagtail.models import Page

from course_content.models import CoursePage, EvaluationPage, ModulePage
from course_content.selectors import language_name

from ..access import enrolment_for, may_study
from ..models import Attempt, Enrolment, ModuleProgress
from . import evaluation as evaluations
from . import tickets
from .policy import edition_closed_message, retake_message, retake_status
from .services import STUDYING

# --- the evaluation page ---------------------------------------------------------------------

VISITOR = "visitor"  # may not study the edition: the questions only, to prepare
PREVIEW = "preview"  # may study it (staff, an open edition) but has no enrolment: no form
UNAVAILABLE = "unavailable"  # a translation out of sync with its source, or no answer key
CLOSED = "closed"  # outside the edition's dates
DONE = "done"  # passed, out of attempts, or waiting before the next
FORM = "form"


def course_of_evaluation(page):
    """The ``CoursePage`` (same locale) an evaluation page belongs to (one query)."""
    return CoursePage.objects.filter(path=page.path[: -2 * page.steplen]).first()


def evaluation_panel(request, page, *, submission=None):
    """What the evaluation ``page`` shows ``request.user``: ``{"state", "message", "questions",
    "ticket", "attempts", "last_attempt", "missing", "chosen"}``. ``submission`` (an incomplete
    one: ``{"ticket", "missing", "answers"}``) is shown again with its answers and errors."""
    user = request.user
    panel = {"state": VISITOR, "message": "", "questions": None, "attempts": []}
    if not user.is_authenticated:
        return panel
    course = course_of_evaluation(page)
    if course is None:
        return panel
    enrolment = enrolment_for(user, course)
    if enrolment is None:
        if may_study(user, course):
            panel["state"] = PREVIEW
        return panel
    try:
        evaluation = evaluations.load(page)
    except evaluations.EvaluationUnavailable as refused:
        panel.update(state=UNAVAILABLE, message=refused.message, source=refused.source)
        return panel
    attempts = list(
        Attempt.objects.filter(enrolment=enrolment, evaluation=evaluation.source).order_by(
            "-submitted_at"
        )
    )
    panel["attempts"] = attempts
    panel["last_attempt"] = attempts[0] if attempts else None
    panel["best_score"] = max((a.score for a in attempts), default=None)
    closed = edition_closed_message(enrolment.course)
    if closed:
        panel.update(state=CLOSED, message=closed)
        return panel
    status = retake_status(evaluation.source, attempts)
    panel["message"] = retake_message(status)
    if not status.allowed:
        panel["state"] = DONE
        return panel
    submission = submission or {}
    missing = set(submission.get("missing", ()))
    chosen = submission.get("answers", {})
    questions = evaluation.public_questions()
    for question in questions:
        question["missing"] = question["id"] in missing
        question["single"] = question["kind"] in evaluations.SINGLE_ANSWER_KINDS
        for option in question["options"]:
            option["checked"] = option["id"] in chosen.get(question["id"], ())
    panel.update(
        state=FORM,
        questions=questions,
        missing=len(missing),
        ticket=submission.get("ticket") or tickets.issue(user=user, evaluation=evaluation.source),
    )
    return panel


def attempt_feedback(attempt, page):
    """Each question of ``attempt`` as the learner reads it after submitting, from ``page`` (the
    evaluation in the reader's language, or its source when that is out of sync): prompt, the
    options chosen, whether it was right, points and feedback."""
    correct = set(attempt.correct_questions)
    items = []
    for child in page.questions:
        question = evaluations.public_question(child)
        chosen = set(attempt.answers.get(question["id"], ()))
        items.append(
            {
                "id": question["id"],
                "prompt": question["prompt"],
                "kind": question["kind"],
                "points": question["points"],
                "chosen": [o["text"] for o in question["options"] if o["id"] in chosen],
                "correct": question["id"] in correct,
                "feedback": child.value["feedback"],
            }
        )
    return items


# --- the learner's dashboard -----------------------------------------------------------------

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
PASSED = "passed"


@dataclass
class ModuleRow:
    module: ModulePage
    link: Page  # the module in the reader's language where it exists
    evaluation: EvaluationPage | None = None
    evaluation_link: Page | None = None
    status: str = NOT_STARTED
    attempts: int = 0
    best_score: int | None = None
    last_attempt_at: object = None
    opened_at: object = None


@dataclass
class Edition:
    enrolment: Enrolment
    course: CoursePage
    link: Page
    modules: list = field(default_factory=list)
    hours: Decimal = Decimal(0)
    passed: int = 0
    next_step: dict | None = None
    certificate: object = None


def _localized(pages, language):
    """``translation_key → page`` of the live pages in ``language`` among the translations of
    ``pages`` (one query; none for the source language)."""
    from translations.selectors import SHOWN_ANNOTATION, awaiting_first_review

    if language.lower() == settings.LANGUAGE_CODE.lower():
        return {}
    # A translation whose first version awaits review shows its source's content (read by
    # ``translations.selectors.shown_source_language`` to mark it ``lang="es"``).
    return {
        page.translation_key: page
        for page in Page.objects.live()
        .filter(
            translation_key__in=[page.translation_key for page in pages],
            locale__language_code__iexact=language,
        )
        .annotate(
            **{SHOWN_ANNOTATION: awaiting_first_review()},
            edition_label=F("coursepage__edition_label"),
        )
        .select_related("locale")
        .only(
            "id",
            "title",
            "translation_key",
            "url_path",
            "path",
            "depth",
            "locale",
            "alias_of_id",
            "live",
        )
    }


def dashboard(user, *, language):
    """The editions ``user`` studies with each module's status, hours, attempts, best score and
    links in ``language``, and the next step (a fixed number of queries: six)."""
    enrolments = list(
        Enrolment.objects.filter(user=user, status__in=STUDYING)
        .select_related("course", "course__locale", "certificate")
        .order_by("-enrolled_at")
    )
    if not enrolments:
        return []
    inside = Q()
    for enrolment in enrolments:
        inside |= Q(path__startswith=enrolment.course.path)
    depth = enrolments[0].course.depth
    modules = list(
        ModulePage.objects.live()
        .filter(inside, depth=depth + 1)
        .select_related("locale")
        .order_by("number")
    )
    evaluation_pages = list(
        EvaluationPage.objects.live()
        .filter(inside, depth=depth + 2)
        .select_related("locale")
        .defer("questions", "instructions")
    )
    courses = [enrolment.course for enrolment in enrolments]
    localized = _localized(courses + modules + evaluation_pages, language)
    progress = {
        (row["enrolment_id"], row["module_id"]): row["last_opened_at"]
        for row in ModuleProgress.objects.filter(enrolment__in=enrolments).values(
            "enrolment_id", "module_id", "last_opened_at"
        )
    }
    stats = {
        (row["enrolment_id"], row["evaluation_id"]): row
        for row in Attempt.objects.filter(enrolment__in=enrolments)
        .values("enrolment_id", "evaluation_id")
        .annotate(
            count=Count("pk"),
            best=Max("score"),
            passed_count=Count("pk", filter=Q(passed=True)),
            last=Max("submitted_at"),
        )
        .order_by()
    }
    steplen = ModulePage.steplen
    evaluation_of = {page.path[:-steplen]: page for page in evaluation_pages}
    editions = []
    for enrolment in enrolments:
        course = enrolment.course
        edition = Edition(
            enrolment=enrolment,
            course=course,
            link=localized.get(course.translation_key, course),
            certificate=getattr(enrolment, "certificate", None),
        )
        for module in modules:
            if not module.path.startswith(course.path):
                continue
            evaluation = evaluation_of.get(module.path)
            row = ModuleRow(
                module=module,
                link=localized.get(module.translation_key, module),
                evaluation=evaluation,
                opened_at=progress.get((enrolment.pk, module.pk)),
            )
            if evaluation is not None:
                row.evaluation_link = localized.get(evaluation.translation_key, evaluation)
                numbers = stats.get((enrolment.pk, evaluation.pk))
                if numbers:
                    row.attempts = numbers["count"]
                    row.best_score = numbers["best"]
                    row.last_attempt_at = numbers["last"]
                    if numbers["passed_count"]:
                        row.status = PASSED
            if row.status != PASSED and (row.opened_at or row.attempts):
                row.status = IN_PROGRESS
            edition.modules.append(row)
            edition.hours += module.estimated_hours
        edition.passed = sum(1 for row in edition.modules if row.status == PASSED)
        edition.next_step = _next_step(edition)
        editions.append(edition)
    return editions


def _next_step(edition):
    if edition.certificate is not None:
        return {"kind": "certificate"}
    for row in edition.modules:
        if row.status == PASSED or row.evaluation is None:
            continue
        if row.status == NOT_STARTED:
            return {"kind": "start", "row": row}
        return {"kind": "evaluation", "row": row}
    return None


# --- staff reports ----------------------------------------------------------------------------


def report_editions():
    """The source-locale editions, for the report's chooser (one query)."""
    return list(
        CoursePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("path")
    )


def _rate(part, whole):
    return round(100 * part / whole) if whole else None


@dataclass
class Figures:
    language: str
    attempts: int = 0
    passed: int = 0
    mean_score: float | None = None

    @property
    def pass_rate(self):
        return _rate(self.passed, self.attempts)

    @property
    def language_name(self):
        return language_name(self.language) if self.language else ""


def course_report(course):
    """Per module of the edition ``course`` (source locale): attempts, pass rate and mean score,
    in all and per language (three queries)."""
    modules = list(ModulePage.objects.child_of(course).order_by("number"))
    evaluation_pages = {
        page.path[: -ModulePage.steplen]: page
        for page in EvaluationPage.objects.descendant_of(course)
        .filter(depth=course.depth + 2)
        .defer("questions", "instructions")
    }
    rows = (
        Attempt.objects.filter(evaluation__in=[page.pk for page in evaluation_pages.values()])
        .values("evaluation_id", "language")
        .annotate(
            attempts=Count("pk"),
            passed_count=Count("pk", filter=Q(passed=True)),
            mean=Avg("score"),
        )
        .order_by("evaluation_id", "language")
    )
    by_evaluation = defaultdict(list)
    for row in rows:
        by_evaluation[row["evaluation_id"]].append(
            Figures(row["language"], row["attempts"], row["passed_count"], row["mean"])
        )
    report = []
    for module in modules:
        evaluation = evaluation_pages.get(module.path)
        languages = by_evaluation.get(evaluation.pk, []) if evaluation else []
        report.append(
            {
                "module": module,
                "evaluation": evaluation,
                "total": _total(languages),
                "languages": languages,
            }
        )
    return report


def _total(figures):
    total = Figures("")
    for item in figures:
        total.attempts += item.attempts
        total.passed += item.passed
    if total.attempts:
        total.mean_score = (
            sum((item.mean_score or 0) * item.attempts for item in figures) / total.attempts
        )
    return total


def evaluation_report(evaluation):
    """Per language, and per question × language, for the source ``evaluation``: attempts, pass
    rate, mean score, and each question's share of correct answers (two queries)."""
    languages = {
        row["language"]: Figures(row["language"], row["attempts"], row["passed_count"], row["mean"])
        for row in Attempt.objects.filter(evaluation=evaluation)
        .values("language")
        .annotate(
            attempts=Count("pk"),
            passed_count=Count("pk", filter=Q(passed=True)),
            mean=Avg("score"),
        )
        .order_by("language")
    }
    correct = defaultdict(lambda: defaultdict(int))
    answered = defaultdict(int)
    for language, ids in (
        Attempt.objects.filter(evaluation=evaluation)
        .values_list("language", "correct_questions")
        .iterator(chunk_size=2000)
    ):
        answered[language] += 1
        for question_id in ids or ():
            correct[question_id][language] += 1
    questions = []
    for number, child in enumerate(evaluation.questions, start=1):
        shares = [
            {
                "language": language,
                "language_name": figures.language_name,
                "answers": answered[language],
                "correct": correct[child.id][language],
                "share": _rate(correct[child.id][language], answered[language]),
            }
            for language, figures in languages.items()
        ]
        questions.append(
            {
                "number": number,
                "id": child.id,
                "prompt": child.value["prompt"],
                "kind": child.block.kind,
                "shares": shares,
            }
        )
    return {
        "languages": list(languages.values()),
        "total": _total(list(languages.values())),
        "questions": questions,
    }
