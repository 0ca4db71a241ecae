"""Emails to requesters, each in the language they wrote in, plain text, rendered from
``templates/adaptations/email/``; links point at the public site under that language's
prefix."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_countries import countries

from learning.enrolment.emails import absolute

LANGUAGES = {code for code, _name in settings.LANGUAGES}


def language_of(adaptation):
    language = (adaptation.site_language or "").lower()
    return language if language in LANGUAGES else settings.LANGUAGE_CODE


def status_url(adaptation, request=None):
    """The requester's private link to the public status page, or None."""
    if not adaptation.status_token:
        return None
    with translation.override(language_of(adaptation)):
        path = reverse("adaptations:status", kwargs={"token": adaptation.status_token})
    return absolute(path, request)


def _send(adaptation, template, context, request):
    language = language_of(adaptation)
    with translation.override(language):
        context = {
            "adaptation": adaptation,
            "language_label": adaptation.requested_language_label,
            "country_name": str(countries.name(adaptation.country) or adaptation.country),
            "status_label": adaptation.get_status_display(),
            "status_url": status_url(adaptation, request),
            "privacy_url": absolute(reverse("learning:privacy"), request),
            "contact_email": settings.SITE_CONTACT_EMAIL,
            **context,
        }
        subject = render_to_string(f"adaptations/email/{template}_subject.txt", context)
        body = render_to_string(f"adaptations/email/{template}.txt", context)
    send_mail(" ".join(subject.split()), body, None, [adaptation.email])


def send_received(adaptation, *, request=None):
    _send(adaptation, "received", {}, request)


def send_status_changed(adaptation, note, *, request=None):
    _send(adaptation, "status_changed", {"note": note}, request)
