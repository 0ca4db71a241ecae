"""The admin's "Adaptation requests" inbox (a snippet viewset), for Administrators only: filters
(status, language, country), CSV/XLSX export, and each request's page with its data, history,
project progress and the forms that change its status or accept it. Nobody adds or edits a
request in the admin: they come from the public form and change only by a decision."""

from functools import wraps

import django_filters
from django.contrib import messages
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from cms.converters import RowIdConverter
from editorial.roles import ADMINISTRATORS
from learning.enrolment.admin import LocalInspectView, SpreadsheetSafeExport, country_name, when

from . import selectors, services
from .emails import status_url
from .forms import AcceptForm, StatusForm
from .languages import language_name
from .models import AdaptationRequest

# --- Permissions ------------------------------------------------------------------------------


def is_administrator(user):
    """Superusers and members of the Administrators group (cached on the user object)."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    if not hasattr(user, "_adaptations_admin"):
        user._adaptations_admin = user.groups.filter(name=ADMINISTRATORS).exists()
    return user._adaptations_admin


class AdaptationRequestPermissionPolicy(BasePermissionPolicy):
    """Administrators see requests and decide ("review"); nobody adds, edits, copies or
    deletes one in the admin (contact details go after the retention period)."""

    def user_has_permission(self, user, action):
        return action in {"view", "review"} and is_administrator(user)

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model
        from django.db.models import Q

        users = get_user_model().objects.filter(is_active=True)
        if not set(actions) & {"view", "review"}:
            return users.none()
        return users.filter(Q(is_superuser=True) | Q(groups__name=ADMINISTRATORS)).distinct()


register_permission_policy(AdaptationRequest, AdaptationRequestPermissionPolicy(AdaptationRequest))


def forbidden():
    return HttpResponseForbidden(_("Adaptation requests are for Administrators only."))


def administrators_only(view):
    """403 for a signed-in user who is not an Administrator (Wagtail's admin would turn a
    ``PermissionDenied`` into a redirect to the dashboard, which hides what happened)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_administrator(request.user):
            return forbidden()
        return view(request, *args, **kwargs)

    return wrapped


# --- Listing ----------------------------------------------------------------------------------


def languages_requested():
    codes = AdaptationRequest.objects.order_by().values_list("language", flat=True).distinct()
    return sorted(((code, language_name(code)) for code in codes), key=lambda c: c[1])


def countries_requested():
    codes = AdaptationRequest.objects.order_by().values_list("country", flat=True).distinct()
    return sorted(((code, country_name(code)) for code in codes if code), key=lambda c: c[1])


class AdaptationRequestFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=AdaptationRequest.STATUS_CHOICES, empty_label=_("Any")
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=languages_requested, empty_label=_("Any")
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=countries_requested, empty_label=_("Any")
    )

    class Meta:
        model = AdaptationRequest
        fields = ["status", "language", "country"]


FIELD_LABELS = {
    "organisation": _("Organisation"),
    "contact_name": _("Contact name"),
    "email": _("Email"),
    "country": _("Country"),
    "language": _("Language wanted"),
    "region": _("Region"),
    "audience": _("Audience"),
    "learners": _("Expected number of learners"),
    "modules": _("Modules"),
    "adaptations": _("What needs adapting"),
    "details": _("Details"),
    "timeline": _("Timeline"),
    "site_language": _("Site language"),
    "created_at": _("Received at"),
    "consent_given_at": _("Consent given at"),
    "status": _("Status"),
    "status_changed_at": _("Status changed at"),
    "locale_code": _("Locale of the project"),
    "accepted_at": _("Accepted at"),
    "erased_at": _("Contact details erased at"),
}


def numbers(values):
    return ", ".join(str(value) for value in values or [])


class AdaptationRequestIndexView(SpreadsheetSafeExport, IndexView):
    export_values = {
        "country": lambda r: country_name(r.country),
        "language": lambda r: language_name(r.language),
        "region": lambda r: country_name(r.region),
        "status": lambda r: str(r.get_status_display()),
        "modules": lambda r: numbers(r.modules),
        "adaptations": lambda r: ", ".join(r.adaptation_labels()),
    }


class AdaptationRequestInspectView(LocalInspectView):
    template_name = "adaptations/admin/inspect.html"
    related = ("locale", "job")
    field_labels = FIELD_LABELS

    def get_country_display_value(self):
        return country_name(self.object.country) or "—"

    def get_region_display_value(self):
        return country_name(self.object.region) or "—"

    def get_language_display_value(self):
        return f"{self.object.requested_language_label} ({self.object.requested_code})"

    def get_site_language_display_value(self):
        return language_name(self.object.site_language)

    def get_modules_display_value(self):
        return numbers(self.object.modules) or "—"

    def get_adaptations_display_value(self):
        return ", ".join(self.object.adaptation_labels()) or "—"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        adaptation = self.object
        context["changes"] = adaptation.changes.select_related("user")
        context["progress"] = selectors.progress(adaptation)
        context["status_url"] = status_url(adaptation, self.request)
        context["is_open"] = adaptation.is_open
        if adaptation.is_open:
            context["status_form"] = StatusForm(current=adaptation.status)
            choices = services.locale_choices(adaptation)
            context["accept_form"] = AcceptForm(locale_choices=choices) if choices else None
        if adaptation.locale_code:
            context["dashboard_url"] = (
                reverse("translations:dashboard") + "?" + urlencode({"project": adaptation.pk})
            )
        return context


class AdaptationRequestViewSet(SnippetViewSet):
    model = AdaptationRequest
    icon = "mail"
    menu_label = _("Adaptation requests")
    menu_name = "adaptation_requests"
    menu_order = 255
    add_to_admin_menu = True
    url_prefix = "adaptations/requests"
    index_view_class = AdaptationRequestIndexView
    inspect_view_class = AdaptationRequestInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = AdaptationRequestFilterSet
    search_fields = ["organisation", "contact_name", "email"]
    search_backend_name = None
    list_per_page = 50
    list_display = [
        "listing_title",
        Column("language", label=_("Language wanted"), accessor="requested_language_label"),
        Column("country", label=_("Country"), accessor=lambda r: country_name(r.country)),
        Column("learners", label=_("Learners"), accessor="learners"),
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("created_at", label=_("Received at"), accessor=lambda r: when(r.created_at)),
    ]
    inspect_view_fields = list(FIELD_LABELS)
    list_export = [
        "organisation", "contact_name", "email", "country", "language", "region", "learners",
        "modules", "adaptations", "timeline", "status", "created_at", "status_changed_at",
        "locale_code", "accepted_at", "erased_at",
    ]  # fmt: skip
    export_headings = FIELD_LABELS
    export_filename = "adaptation-requests"

    def get_queryset(self, request):
        return AdaptationRequest.objects.order_by("-created_at")

    def construct_view(self, view_class, **kwargs):
        """Every view of the inbox (listing, export, inspect, history…) is for Administrators."""
        return administrators_only(super().construct_view(view_class, **kwargs))


# --- Decisions --------------------------------------------------------------------------------


def _inspect_url(adaptation):
    return reverse("wagtailsnippets_adaptations_adaptationrequest:inspect", args=[adaptation.pk])


def _decision(request, pk, form_class, decide, success, form_kwargs=lambda adaptation: {}):
    """A decision on request ``pk`` (Administrators only, POST): the form's errors or the
    service's refusal as messages, else ``success(adaptation)``; back to the request's page."""
    if pk > RowIdConverter.maximum:  # an id no row can have: not an error in the query
        raise Http404
    adaptation = get_object_or_404(AdaptationRequest, pk=pk)
    form = form_class(request.POST, **form_kwargs(adaptation))
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(_inspect_url(adaptation))
    try:
        # The form's fields are the service's arguments (status or locale_code, and note).
        adaptation = decide(
            adaptation=adaptation, by=request.user, request=request, **form.cleaned_data
        )
    except services.AdaptationRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, success(adaptation))
    return redirect(_inspect_url(adaptation))


@require_POST
@administrators_only
def change_status(request, pk):
    return _decision(
        request, pk, StatusForm, services.change_status,
        lambda adaptation: _("Status changed to “%(status)s”; the requester has been emailed "
                             "the note.") % {"status": adaptation.get_status_display()},
    )  # fmt: skip


@require_POST
@administrators_only
def accept(request, pk):
    return _decision(
        request, pk, AcceptForm, services.accept,
        lambda adaptation: _("Request accepted: the translation project into %(locale)s is "
                             "starting as a background job; the requester has been emailed "
                             "the note.") % {"locale": adaptation.locale_code},
        form_kwargs=lambda adaptation: {"locale_choices": services.locale_choices(adaptation)},
    )  # fmt: skip
