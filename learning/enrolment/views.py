"""The learner side of the public site: applying, the privacy notice, signing in and out,
passwords, and one's own data (download, erasure). Thin views over ``services``."""

import json

from django.conf import settings
from django.contrib import auth
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone, translation
from django.views.decorators.http import require_http_methods

from course_content.models import CoursePage
from course_content.visibility import Visible
from learning.access import enrolment_for, source_edition
from learning.models import Application, Enrolment

from . import services
from .emails import edition_in
from .forms import (
    ApplicationForm,
    ErasureForm,
    LearnerAuthenticationForm,
    LearnerPasswordResetForm,
)

SENT_SESSION_KEY = "learning_application_sent"


def _course_or_404(course_id):
    course = Visible()(CoursePage.objects.filter(pk=course_id)).first()
    if course is None:
        raise Http404
    return course


def _language(request):
    return (translation.get_language() or settings.LANGUAGE_CODE).lower()


@require_http_methods(["GET", "POST"])
def apply(request, course_id):
    """The application form of one edition (the course page shows the same form and posts
    here). Outside the application window the form is refused with 403 and nothing stored."""
    course = _course_or_404(course_id)
    edition = source_edition(course)
    state = services.window_state(edition)
    context = {"course": course, "state": state, "enrolment": enrolment_for(request.user, course)}
    if state != "open":
        context["closed_message"] = services.closed_message(edition)
        status = 403 if request.method == "POST" else 200
        return render(request, "learning/enrolment/apply.html", context, status=status)
    if request.method == "POST":
        form = ApplicationForm(request.POST, edition=edition)
        if form.is_valid():
            if form.is_bot:
                # Looks like a success to the script; nothing is stored or sent.
                return redirect("learning:application_sent", course_id=course.pk)
            try:
                application = services.submit_application(
                    course=course,
                    data=form.cleaned_data,
                    language=_language(request),
                    request=request,
                )
            except services.ApplicationRefused as refused:
                if refused.duplicate:
                    form.add_error("email", refused.message)
                else:
                    context["closed_message"] = refused.message
                    return render(request, "learning/enrolment/apply.html", context, status=403)
            else:
                request.session[SENT_SESSION_KEY] = application.pk
                return redirect("learning:application_sent", course_id=course.pk)
        status = 400
    else:
        initial = {}
        if request.user.is_authenticated:
            initial = {"name": request.user.get_full_name(), "email": request.user.email}
        form = ApplicationForm(edition=edition, initial=initial)
        status = 200
    context["form"] = form
    return render(request, "learning/enrolment/apply.html", context, status=status)


def application_sent(request, course_id):
    course = _course_or_404(course_id)
    application = None
    if pk := request.session.get(SENT_SESSION_KEY):
        application = Application.objects.filter(pk=pk, erased_at__isnull=True).first()
    return render(
        request,
        "learning/enrolment/application_sent.html",
        {"course": course, "application": application},
    )


def privacy(request):
    return render(
        request,
        "learning/enrolment/privacy.html",
        {
            "version_date": timezone.datetime.fromisoformat(services.PRIVACY_NOTICE_VERSION),
            "contact_email": settings.SITE_CONTACT_EMAIL,
            "session_hours": settings.LEARNER_SESSION_AGE // 3600,
            "adaptation_retention_days": settings.ADAPTATION_REQUEST_RETENTION_DAYS,
        },
    )


# --- Signing in and out, passwords ------------------------------------------------------------


class LoginView(auth_views.LoginView):
    template_name = "learning/enrolment/login.html"
    authentication_form = LearnerAuthenticationForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        self.request.session.set_expiry(settings.LEARNER_SESSION_AGE)
        return response


class LogoutView(auth_views.LogoutView):
    template_name = "learning/enrolment/logged_out.html"


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "learning/enrolment/password_reset.html"
    form_class = LearnerPasswordResetForm
    email_template_name = "learning/enrolment/email/password_reset.txt"
    subject_template_name = "learning/enrolment/email/password_reset_subject.txt"
    success_url = reverse_lazy("learning:password_reset_sent")


class PasswordResetSentView(auth_views.PasswordResetDoneView):
    template_name = "learning/enrolment/password_reset_sent.html"


class SetPasswordView(auth_views.PasswordResetConfirmView):
    """The link of an approval email or a password reset: valid until it is used (the token
    covers the password) or expires (``PASSWORD_RESET_TIMEOUT``)."""

    template_name = "learning/enrolment/set_password.html"
    success_url = reverse_lazy("learning:password_set")


class PasswordSetView(auth_views.PasswordResetCompleteView):
    template_name = "learning/enrolment/password_set.html"


# --- One's own learning and data --------------------------------------------------------------


@login_required
def account(request):
    language = _language(request)
    enrolments = list(
        Enrolment.objects.filter(user=request.user)
        .select_related("course")
        .order_by("-enrolled_at")
    )
    for enrolment in enrolments:
        enrolment.page = edition_in(enrolment.course, language)
    applications = list(
        Application.objects.filter(
            email__iexact=request.user.email or "-", status=Application.PENDING
        ).select_related("course")
    )
    for application in applications:
        application.page = edition_in(application.course, language)
    return render(
        request,
        "learning/enrolment/account.html",
        {"enrolments": enrolments, "pending": applications},
    )


@login_required
def download_data(request):
    data = services.learner_data(request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def erase(request):
    """Erase one's personal data, after confirming with one's password."""
    refused = services.erasure_refusal(request.user)
    if refused:
        return render(request, "learning/enrolment/erase.html", {"refused": refused}, status=403)
    if request.method == "POST":
        form = ErasureForm(request.POST, request=request, user=request.user)
        if form.is_valid():
            services.erase_learner(user=request.user)
            auth.logout(request)
            return redirect("learning:erased")
        status = 400
    else:
        form = ErasureForm(request=request, user=request.user)
        status = 200
    return render(request, "learning/enrolment/erase.html", {"form": form}, status=status)


def erased(request):
    return render(request, "learning/enrolment/erased.html")
