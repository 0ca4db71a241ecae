"""Public pages: the request form (every locale), its confirmation, and the requester's status
page behind a private link. Thin views over ``services``."""

import re

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from . import ratelimit, selectors, services
from .emails import status_url
from .forms import RequestForm
from .models import AdaptationRequest

SENT_SESSION_KEY = "adaptation_request_sent"
TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}")


def _language():
    return (translation.get_language() or settings.LANGUAGE_CODE).lower()


@require_http_methods(["GET", "POST"])
def request_adaptation(request):
    """Every POST counts towards the address's limit; beyond it the form is refused (429) and
    nothing is stored."""
    context = {"contact_email": settings.SITE_CONTACT_EMAIL}
    status = 200
    if request.method == "POST":
        if ratelimit.exceeded(request):
            context["form"] = RequestForm()
            context["refused"] = _(
                "Too many requests have been sent from your network address. Nothing was "
                "stored; please try again later, or write to %(email)s."
            ) % {"email": settings.SITE_CONTACT_EMAIL}
            return render(request, "adaptations/request.html", context, status=429)
        ratelimit.count(request)
        form = RequestForm(request.POST)
        if form.is_valid():
            if form.is_bot:
                # Looks like a success to the script; nothing is stored or sent.
                return redirect("adaptations:sent")
            adaptation = services.submit_request(
                data=form.cleaned_data, site_language=_language(), request=request
            )
            request.session[SENT_SESSION_KEY] = adaptation.pk
            return redirect("adaptations:sent")
        status = 400
    else:
        form = RequestForm()
    context["form"] = form
    return render(request, "adaptations/request.html", context, status=status)


def request_sent(request):
    adaptation = None
    if pk := request.session.get(SENT_SESSION_KEY):
        adaptation = AdaptationRequest.objects.filter(pk=pk, erased_at__isnull=True).first()
    response = render(
        request,
        "adaptations/sent.html",
        {
            "adaptation": adaptation,
            "status_url": status_url(adaptation, request) if adaptation else None,
        },
    )
    add_never_cache_headers(response)
    return response


@require_GET
def request_status(request, token):
    """The requester's private page: the status, dates and percentages, nothing else (no names,
    no notes). Unknown or erased links are "not found"."""
    adaptation = (
        AdaptationRequest.objects.filter(status_token=token, erased_at__isnull=True)
        .select_related("locale")
        .first()
        if TOKEN.fullmatch(token)  # what secrets.token_urlsafe makes; nothing else is looked up
        else None
    )
    if adaptation is None:
        raise Http404
    response = render(
        request,
        "adaptations/status.html",
        {"adaptation": adaptation, "progress": selectors.progress(adaptation)},
    )
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"  # the link is the key: never passed on
    return response
