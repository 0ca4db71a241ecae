"""The learner's pages: submitting an evaluation, its result, the dashboard, the certificate and
its public verification. Thin: reads come from ``selectors``, writes from ``services``."""

import logging

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from course_content.models import EvaluationPage

from ..access import enrolment_for, may_study
from ..models import Attempt, Certificate
from . import evaluation as evaluations
from . import selectors, services, tickets
from .certificates import certificate_pdf, normalize_code
from .policy import retake_message, retake_status

logger = logging.getLogger(__name__)


def refused(request, message, *, status, title=None):
    """A page that says why nothing was stored (400, 403, 429), in the reader's language."""
    return TemplateResponse(
        request,
        "learning/study/refused.html",
        {"title": title or _("Your answers were not recorded"), "message": message},
        status=status,
    )


def _evaluation_page(page_id):
    from translations.selectors import with_source_shown

    page = (
        with_source_shown(EvaluationPage.objects.filter(pk=page_id, live=True))
        .select_related("locale")
        .first()
    )
    if page is None:
        raise Http404
    return page


def _content_language(page):
    """The language of the questions the learner read: the page's locale, or the source's
    when the page shows its source's content (a placeholder or a translation awaiting review)."""
    from translations.selectors import shown_source_language

    return shown_source_language(page) or page.locale.language_code


@require_POST
@never_cache
def submit_attempt(request, page_id):
    """Score and store the answers to the evaluation page ``page_id`` (in the learner's locale),
    then show the result (303). Anything a form could not have sent is refused (400) and
    nothing is stored; so is a learner who may not submit (403)."""
    if int(request.META.get("CONTENT_LENGTH") or 0) > evaluations.MAX_BODY_BYTES:
        return refused(request, _("The answers sent were too large."), status=400)
    page = _evaluation_page(page_id)
    user = request.user
    if not user.is_authenticated:
        return refused(request, _("Sign in to answer this evaluation."), status=403)
    course = selectors.course_of_evaluation(page)
    # An enrolment that lets the learner study the edition is also what attempts need; without
    # one, may_study tells a staff preview (or an open edition's reader) from anyone else.
    enrolment = enrolment_for(user, course) if course is not None else None
    if enrolment is None:
        if course is not None and may_study(user, course):
            message = _(
                "You can read this evaluation, but answering it needs an enrolment in the edition."
            )
        else:
            message = _("You are not enrolled in this edition.")
        return refused(request, message, status=403)
    try:
        evaluation = evaluations.load(page)
    except evaluations.EvaluationUnavailable as error:
        return refused(request, error.message, status=403)
    ticket = request.POST.get(evaluations.TICKET_FIELD, "")
    try:
        token, shown_at = tickets.read(ticket, user=user, evaluation=evaluation.source)
    except tickets.ExpiredTicket:
        return refused(
            request,
            _("This form has expired. Open the evaluation again to answer it."),
            status=400,
        )
    except tickets.BadTicket:
        return refused(request, _("This form is not valid for you."), status=400)
    try:
        answers = evaluations.parse_answers(request.POST, evaluation.key)
    except evaluations.AnswersRefused as error:
        logger.info("evaluation %s: answers refused (%s)", page.pk, error)
        return refused(request, _("The answers sent do not match this evaluation."), status=400)
    except evaluations.AnswersIncomplete as incomplete:
        existing = Attempt.objects.filter(token=token, enrolment=enrolment).first()
        if existing is None:
            request.study_submission = {
                "ticket": ticket,
                "missing": incomplete.missing,
                "answers": incomplete.answers,
            }
            response = page.serve(request)
            response.status_code = 400
            return response
        answers = existing.answers  # the same form, submitted complete before
    try:
        submission = services.submit_attempt(
            enrolment=enrolment,
            evaluation=evaluation,
            token=token,
            answers=answers,
            language=_content_language(page),
            started_at=shown_at,
            certificate_language=translation.get_language(),
        )
    except services.AttemptRefused as error:
        return refused(request, error.message, status=error.status)
    # 303 See Other: reloading the result never sends the answers again.
    return HttpResponseRedirect(
        reverse("learning:study_attempt", args=[submission.attempt.token]), status=303
    )


def _page_in_language(page, language):
    """``page``'s live translation in ``language`` if it is one of this page's, else ``page``."""
    from translations.selectors import with_source_shown

    found = (
        with_source_shown(type(page).objects.live())
        .filter(translation_key=page.translation_key, locale__language_code__iexact=language)
        .select_related("locale")
        .first()
    )
    return found or page


@login_required
@require_GET
@never_cache
def attempt_result(request, token):
    """An attempt's score and each question's feedback, for the learner who made it."""
    from translations.selectors import SHOWN_ANNOTATION, awaiting_first_review

    attempt = get_object_or_404(
        Attempt.objects.select_related("evaluation", "enrolment__course").annotate(
            evaluation_shows_source=awaiting_first_review("evaluation_id")
        ),
        token=token,
        enrolment__user=request.user,
    )
    source = attempt.evaluation
    source.__dict__[SHOWN_ANNOTATION] = attempt.evaluation_shows_source  # read with the attempt
    page = _page_in_language(source, translation.get_language())
    shown = page
    if page.pk != source.pk:
        try:
            evaluations.load(page)
        except evaluations.EvaluationUnavailable:
            shown = source  # out of sync: read the questions as they were scored
    previous = Attempt.objects.filter(enrolment=attempt.enrolment, evaluation=source).only(
        "passed", "submitted_at"
    )
    status = retake_status(source, previous)
    module = page.get_parent().specific
    context = {
        "attempt": attempt,
        "evaluation": page,
        "module": module,
        "questions": selectors.attempt_feedback(attempt, shown),
        "questions_language": _content_language(shown),
        "retake": status,
        "retake_message": retake_message(status),
        "certificate": Certificate.objects.filter(enrolment=attempt.enrolment).first(),
    }
    return TemplateResponse(request, "learning/study/attempt.html", context)


@login_required
@require_GET
@never_cache
def dashboard(request):
    language = translation.get_language()
    return TemplateResponse(
        request,
        "learning/study/dashboard.html",
        {"editions": selectors.dashboard(request.user, language=language)},
    )


@login_required
@require_GET
def certificate_download(request, code):
    certificate = get_object_or_404(
        Certificate.objects.select_related("enrolment"),
        code=normalize_code(code) or "-",
        enrolment__user=request.user,
    )
    verify_url = request.build_absolute_uri(reverse("learning:study_verify"))
    response = HttpResponse(
        certificate_pdf(certificate, verify_url=verify_url), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.code}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


# Lookups of certificate codes allowed per client address and window (seconds); codes are
# unguessable anyway (80 random bits), this keeps the page cheap to serve and to rate-limit.
VERIFY_LIMIT = 30
VERIFY_WINDOW = 600


def _throttled(request):
    key = f"study-verify:{request.META.get('REMOTE_ADDR', '')}"
    cache.add(key, 0, VERIFY_WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, VERIFY_WINDOW)
        count = 1
    return count > VERIFY_LIMIT


@require_GET
@never_cache
def verify_certificate(request):
    """Anyone may check a code: the page shows the learner's name, the course and the date, and
    nothing else; an unknown code is "not found" (404), whatever it looks like."""
    typed = request.GET.get("code", "")
    context = {"typed": typed[:64], "certificate": None}
    status = 200
    if typed:
        if _throttled(request):
            context["throttled"] = True
            return TemplateResponse(
                request,
                "learning/study/verify.html",
                context,
                status=429,
                headers={"Retry-After": str(VERIFY_WINDOW)},
            )
        code = normalize_code(typed)
        certificate = Certificate.objects.filter(code=code).first() if code else None
        if certificate is None:
            context["not_found"] = True
            status = 404
        else:
            context["certificate"] = certificate
            context["issued_on"] = timezone.localtime(certificate.issued_at).date()
    response = TemplateResponse(request, "learning/study/verify.html", context, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response
