"""Sign-in throttling on top of django-axes (configured in ``cms/settings/base.py``).

Axes counts failed sign-ins per key (one user from one address, one user, one address) and
compares the worst count with a single limit. We keep its database handler (the same counts for
every application server) and give each key its own limit:

- ``LOGIN_FAILURE_LIMITS[("username", "ip_address")]``: the pair, the tightest limit;
- ``LOGIN_FAILURE_LIMITS[("username",)]``: one user from any address;
- ``LOGIN_FAILURE_LIMITS[("ip_address",)]``: one address for any user (a NAT shares one).

The two wide keys do not apply to a user signing in from an address they signed in from
successfully within ``LOGIN_KNOWN_ADDRESS_DAYS``: someone guessing passwords elsewhere, or
another person behind the same address, cannot lock them out of their usual place. A successful
sign-in clears the failures of that user from that address only (clearing the whole address would
let anyone with an account reset the counter between guesses at other accounts).

A locked-out sign-in is answered with the sign-in page itself, status 429, and a message in the
visitor's language saying for how long signing in is paused.
"""

from datetime import timedelta

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import (
    get_client_parameters,
    get_client_username,
    get_cool_off,
    get_failure_limit,
)
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.db.models import Sum
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import ngettext

LOCKED_OUT_STATUS = 429


def dimension_limit(parameters):
    """The failure limit of one key, e.g. ``("username",)``."""
    return settings.LOGIN_FAILURE_LIMITS[tuple(parameters)]


def is_known_address(username, ip_address, *, at=None):
    """Whether ``username`` signed in successfully from ``ip_address`` recently."""
    if not username or not ip_address:
        return False
    since = (at or timezone.now()) - timedelta(days=settings.LOGIN_KNOWN_ADDRESS_DAYS)
    return AccessLog.objects.filter(
        username=username, ip_address=ip_address, attempt_time__gte=since
    ).exists()


class LoginThrottlingHandler(AxesDatabaseHandler):
    """Axes' database handler with a limit per key and the known-address exemption."""

    def get_failures(self, request, credentials=None):
        username = get_client_username(request, credentials)
        ip_address = request.axes_ip_address
        known = is_known_address(username, ip_address, at=request.axes_attempt_time)
        threshold = get_cool_off_threshold(request)
        common_limit = get_failure_limit(request, credentials)
        worst = 0
        for filters in get_client_parameters(
            username, ip_address, request.axes_user_agent, request, credentials
        ):
            if any(value is None for value in filters.values()):
                continue
            if known and len(filters) == 1:
                continue
            failures = (
                AccessAttempt.objects.filter(attempt_time__gte=threshold, **filters).aggregate(
                    total=Sum("failures_since_start")
                )["total"]
                or 0
            )
            # Reaching this key's own limit reaches the common limit axes compares with.
            worst = max(worst, failures + common_limit - dimension_limit(filters))
        return worst

    def user_logged_in(self, sender, request, user, **kwargs):
        super().user_logged_in(sender, request, user, **kwargs)
        AccessAttempt.objects.filter(
            username=user.get_username(), ip_address=request.axes_ip_address
        ).delete()


def lockout_message(request):
    cool_off = get_cool_off(request) or timedelta(0)
    minutes = max(1, round(cool_off.total_seconds() / 60))
    return ngettext(
        "Too many failed sign-in attempts. Signing in is paused for %(minutes)d minute: "
        "try again later, or ask an administrator to unlock your account.",
        "Too many failed sign-in attempts. Signing in is paused for %(minutes)d minutes: "
        "try again later, or ask an administrator to unlock your account.",
        minutes,
    ) % {"minutes": minutes}


def lockout_response(request, original_response=None, credentials=None):
    """The sign-in page again, with the lockout message as the form's error (status 429)."""
    message = lockout_message(request)
    context = getattr(original_response, "context_data", None) or {}
    form = context.get("form")
    template_name = getattr(original_response, "template_name", None)
    if form is None or not template_name:
        return HttpResponse(message, status=LOCKED_OUT_STATUS, content_type="text/plain")
    form._errors = form._errors or {}
    form._errors[NON_FIELD_ERRORS] = form.error_class([message])
    return TemplateResponse(request, template_name, context, status=LOCKED_OUT_STATUS).render()
