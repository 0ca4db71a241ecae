"""Emails to applicants and learners, each in the language they applied in.

Plain text, rendered from ``templates/learning/enrolment/email/``; links point at the public
site under that language's prefix, on the host the deciding person used (else
``WAGTAILADMIN_BASE_URL``). Development prints them on the console; production sends them by
SMTP (``EMAIL_BACKEND``, ``EMAIL_HOST``, ``DEFAULT_FROM_EMAIL``).
"""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_countries import countries

from course_content.models import CoursePage

LANGUAGES = {code for code, _name in settings.LANGUAGES}


def language_of(application):
    language = (application.language or "").lower()
    return language if language in LANGUAGES else settings.LANGUAGE_CODE


def absolute(path, request=None):
    if path.startswith(("http://", "https://")):
        return path
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def edition_in(edition, language):
    """The edition's page in ``language`` if it is translated and live, else the source's."""
    from translations.selectors import source_shown_q

    translated = (
        CoursePage.objects.live()
        .filter(
            translation_key=edition.translation_key,
            locale__language_code__iexact=language,
        )
        .exclude(source_shown_q())
        .first()
    )
    return translated or edition


def _send(*, to, language, template, context):
    with translation.override(language):
        subject = render_to_string(f"learning/enrolment/email/{template}_subject.txt", context)
        body = render_to_string(f"learning/enrolment/email/{template}.txt", context)
    send_mail(" ".join(subject.split()), body, None, [to])


def _common(application, language, request):
    course = edition_in(application.course, language)
    with translation.override(language):
        return {
            "application": application,
            "name": application.name,
            "course": course,
            "course_url": absolute(course.get_url(request) or "/", request),
            "privacy_url": absolute(reverse("learning:privacy"), request),
            "contact_email": settings.SITE_CONTACT_EMAIL,
            "country_name": str(countries.name(application.country) or application.country),
        }


def send_application_received(application, *, request=None):
    language = language_of(application)
    _send(
        to=application.email,
        language=language,
        template="application_received",
        context=_common(application, language, request),
    )


def set_password_url(user, language, request=None):
    with translation.override(language):
        path = reverse(
            "learning:set_password",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
    return absolute(path, request)


def send_approved(application, user, *, request=None):
    language = language_of(application)
    context = _common(application, language, request)
    with translation.override(language):
        context.update(
            {
                "has_password": user.has_usable_password(),
                "username": user.get_username(),
                "set_password_url": set_password_url(user, language, request),
                "login_url": absolute(reverse("learning:login"), request),
                "reset_url": absolute(reverse("learning:password_reset"), request),
                "link_days": settings.PASSWORD_RESET_TIMEOUT // 86400,
            }
        )
    _send(to=application.email, language=language, template="approved", context=context)


def send_rejected(application, *, request=None):
    language = language_of(application)
    _send(
        to=application.email,
        language=language,
        template="rejected",
        context=_common(application, language, request),
    )
