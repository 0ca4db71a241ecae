"""Admin integration (Wagtail hooks) of enrolment; imported by ``learning/wagtail_hooks.py``.

**Enrolment → Applications** (a snippet viewset): filters (status, edition, country, language,
date), search by name or email, CSV/XLSX export, and an application's page with its data and
every decision taken on it (who, when, note). Applications are approved or rejected one by one
(the buttons of a row or of an application's page) or in bulk (the listing's checkboxes), with a
note, through Wagtail's bulk actions. Nobody adds or edits an application in the admin: they come
from the public form and change only by a decision.

**Enrolment → Learners**: the enrolled learners of each edition, with their progress counts,
and CSV/XLSX export.
"""

import datetime

import django_filters
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.forms import ModelChoiceField
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries import countries
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import HeaderButton, ListingButton
from wagtail.log_actions import LogFormatter
from wagtail.models import Locale
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    IndexView,
    InspectView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from cms.converters import RowIdConverter
from course_content.models import CoursePage
from learning.models import Application, Enrolment

from . import services
from .forms import ApprovalForm, RejectionForm

LANGUAGE_NAMES = dict(settings.LANGUAGES)
# Spreadsheet programs run cells that start with these as formulas: applicants type these texts.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


# --- Permissions ------------------------------------------------------------------------------


class ApplicationPermissionPolicy(ModelPermissionPolicy):
    """Applications are made on the public site and change only by a decision: nobody adds,
    edits or copies one in the admin. Deciding ("review") is Django's change permission."""

    def user_has_permission(self, user, action):
        if action in {"add", "change", "copy"}:
            return False
        if action == "review":
            action = "change"
        return super().user_has_permission(user, action)


class LearnerPermissionPolicy(ModelPermissionPolicy):
    """Enrolments are listed and exported here, never added, edited or deleted (a learner's
    erasure goes through their own account)."""

    def user_has_permission(self, user, action):
        if action != "view":
            return False
        return super().user_has_permission(user, action)


register_permission_policy(Application, ApplicationPermissionPolicy(Application))
register_permission_policy(Enrolment, LearnerPermissionPolicy(Enrolment))


# --- Shared helpers ---------------------------------------------------------------------------


def country_name(code):
    return str(countries.name(code) or code) if code else ""


def language_name(code):
    return LANGUAGE_NAMES.get((code or "").lower(), code or "")


def when(moment):
    return date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT") if moment else ""


def safe_for_spreadsheet(value):
    """A cell that a spreadsheet program shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def decision_url(application, action, next_url):
    query = urlencode({"next": next_url, "id": application.pk})
    return reverse("wagtail_bulk_action", args=("learning", "application", action)) + "?" + query


def editions():
    return CoursePage.objects.filter(locale=Locale.get_default()).order_by("title")


def local_time(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


class SpreadsheetSafeExport:
    """CSV/XLSX export of an index view in a fixed number of queries, with every text cell safe
    to open in a spreadsheet program and times in the site's time zone."""

    export_values = {}
    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        datetime.datetime: {
            **IndexView.custom_value_preprocess[datetime.datetime],
            "csv": local_time,
        },
    }

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        for field, value_of in self.export_values.items():
            row[field] = value_of(item)
        return {
            field: safe_for_spreadsheet(value) if isinstance(value, str) else value
            for field, value in row.items()
        }


class LocalInspectView(InspectView):
    """An inspect view with our labels (``field_labels``), times in the site's time zone (Wagtail's
    writes the stored UTC time), "—" for what is empty, and its object read in one query
    (``related``: what to join)."""

    related = ()
    field_labels = {}

    def get_object(self, queryset=None):
        instance = self.model.objects.select_related(*self.related).filter(pk=self.pk).first()
        if instance is None:
            raise Http404
        return instance

    def get_field_label(self, field_name, field):
        return self.field_labels.get(field_name) or super().get_field_label(field_name, field)

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, datetime.datetime):
            return date_format(timezone.localtime(value), "DATETIME_FORMAT")
        return "—" if value is None or value == "" else value


# --- Applications -----------------------------------------------------------------------------


FIELD_LABELS = {
    "name": _("Full name"),
    "email": _("Email"),
    "organisation": _("Organisation"),
    "country": _("Country"),
    "role": _("Profession or role"),
    "motivation": _("Motivation"),
    "language": _("Language"),
    "course": _("Edition"),
    "created_at": _("Applied at"),
    "consent_given_at": _("Consent given at"),
    "privacy_notice_version": _("Privacy notice version"),
    "status": _("Status"),
    "decided_by": _("Decided by"),
    "decided_at": _("Decided at"),
    "decision_note": _("Note"),
    "erased_at": _("Personal data erased at"),
}


def countries_applied_from():
    codes = Application.objects.order_by().values_list("country", flat=True).distinct()
    return sorted(((code, country_name(code)) for code in codes if code), key=lambda c: c[1])


class EditionChoiceField(ModelChoiceField):
    """An edition by id; an id no row can have (beyond the database's integer) is simply not
    one of the choices, rather than an error in the query."""

    def to_python(self, value):
        if isinstance(value, str) and value.isdigit() and int(value) > RowIdConverter.maximum:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class EditionFilter(django_filters.ModelChoiceFilter):
    field_class = EditionChoiceField


class ApplicationFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Application.STATUS_CHOICES, empty_label=_("Any")
    )
    course = EditionFilter(
        label=_("Edition"), queryset=lambda request: editions(), empty_label=_("Any")
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=countries_applied_from, empty_label=_("Any")
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=settings.LANGUAGES, empty_label=_("Any")
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Applied between"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Application
        fields = ["status", "course", "country", "language", "created_at"]


class ApplicationIndexView(SpreadsheetSafeExport, IndexView):
    export_values = {
        "country": lambda application: country_name(application.country),
        "language": lambda application: language_name(application.language),
        "status": lambda application: str(application.get_status_display()),
        "decided_by": lambda application: (
            application.decided_by.get_full_name() or application.decided_by.get_username()
            if application.decided_by
            else ""
        ),
    }

    def listing_url(self):
        """The listing with its filters and search: the page to come back to after a decision
        (rows are also rendered by the listing's results view, which searches update)."""
        query = self.request.GET.copy()
        query.pop("p", None)
        url = reverse(self.index_url_name)
        return f"{url}?{query.urlencode()}" if query else url

    def get_list_buttons(self, instance):
        buttons = super().get_list_buttons(instance)
        if self.permission_policy.user_has_permission(self.request.user, "review"):
            for action, label, icon in (
                ("approve", _("Approve"), "check"),
                ("reject", _("Reject"), "cross"),
            ):
                if services.may_decide(instance, action):
                    buttons.insert(
                        0,
                        ListingButton(
                            label,
                            url=decision_url(instance, action, self.listing_url()),
                            icon_name=icon,
                            attrs={"aria-label": f"{label}: {instance.name}"},
                            priority=5 if action == "approve" else 6,
                        ),
                    )
        return buttons


class ApplicationInspectView(LocalInspectView):
    template_name = "learning/enrolment/admin/application_inspect.html"
    related = ("course", "decided_by")
    field_labels = FIELD_LABELS

    def get_country_display_value(self):
        return country_name(self.object.country)

    def get_language_display_value(self):
        return language_name(self.object.language)

    def get_decided_by_display_value(self):
        user = self.object.decided_by
        return (user.get_full_name() or user.get_username()) if user else ""

    @property
    def header_buttons(self):
        buttons = []
        if self.permission_policy.user_has_permission(self.request.user, "review"):
            index_url = reverse(self.index_url_name)
            if services.may_decide(self.object, "approve"):
                buttons.append(
                    HeaderButton(
                        _("Approve"),
                        url=decision_url(self.object, "approve", index_url),
                        icon_name="check",
                        priority=10,
                    )
                )
            if services.may_decide(self.object, "reject"):
                buttons.append(
                    HeaderButton(
                        _("Reject"),
                        url=decision_url(self.object, "reject", index_url),
                        icon_name="cross",
                        priority=20,
                    )
                )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["decisions"] = services.decisions(self.object)
        context["enrolment"] = Enrolment.objects.filter(application=self.object).first()
        return context


class ApplicationViewSet(SnippetViewSet):
    model = Application
    icon = "form"
    menu_label = _("Applications")
    index_view_class = ApplicationIndexView
    inspect_view_class = ApplicationInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = ApplicationFilterSet
    search_fields = ["name", "email"]
    search_backend_name = None  # the database's own search: names and emails as typed
    list_per_page = 50
    list_display = [
        "name",
        "email",
        Column("country", label=_("Country"), accessor=lambda a: country_name(a.country)),
        Column("language", label=_("Language"), accessor=lambda a: language_name(a.language)),
        Column("course", label=_("Edition"), accessor="course"),
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("created_at", label=_("Applied at"), accessor=lambda a: when(a.created_at)),
    ]
    inspect_view_fields = [
        "name",
        "email",
        "organisation",
        "country",
        "role",
        "motivation",
        "language",
        "course",
        "created_at",
        "consent_given_at",
        "privacy_notice_version",
        "status",
        "decided_by",
        "decided_at",
        "decision_note",
        "erased_at",
    ]
    list_export = [
        "name",
        "email",
        "organisation",
        "country",
        "role",
        "motivation",
        "language",
        "course",
        "created_at",
        "consent_given_at",
        "status",
        "decided_by",
        "decided_at",
        "decision_note",
    ]
    export_headings = FIELD_LABELS
    export_filename = "applications"

    def get_queryset(self, request):
        return Application.objects.select_related("course", "decided_by").order_by("-created_at")


# --- Decisions: Wagtail bulk actions, for one application or many -----------------------------


class DecisionBulkAction(SnippetBulkAction):
    models = [Application]
    template_name = "learning/enrolment/admin/confirm_decision.html"
    decision = None

    def check_perm(self, obj):
        return self.permission_policy.user_has_permission(self.request.user, "review")

    @classmethod
    def get_queryset(cls, model, object_ids):
        ids = [
            pk
            for pk in object_ids
            if str(pk).isdigit() and int(pk) <= RowIdConverter.maximum  # no row has a larger id
        ]
        applications = list(model.objects.filter(pk__in=ids).select_related("course"))
        if not applications:
            raise Http404
        return applications

    def get_all_objects_in_listing_query(self, parent_id):
        return Application.objects.filter(
            status=Application.PENDING, erased_at__isnull=True
        ).values_list("pk", flat=True)

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        ready = [obj for obj in objects if services.may_decide(obj, self.decision)]
        extra["already_decided"] = [obj for obj in objects if obj not in ready]
        return ready, extra

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["decision"] = self.decision
        return context

    def get_execution_context(self):
        return {
            **super().get_execution_context(),
            "user": self.request.user,
            "note": self.cleaned_form.cleaned_data["note"].strip(),
            "request": self.request,
        }

    @classmethod
    def execute_action(cls, objects, user=None, note="", request=None, **kwargs):
        decided, _left = services.decide(
            objects, action=cls.decision, by=user, note=note, request=request
        )
        return len(decided), 0


@hooks.register("register_bulk_action")
class ApproveBulkAction(DecisionBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve the selected applications")
    action_priority = 10
    decision = "approve"
    form_class = ApprovalForm

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d application approved: the applicant is enrolled and has been emailed.",
            "%(count)d applications approved: the applicants are enrolled and have been emailed.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


@hooks.register("register_bulk_action")
class RejectBulkAction(DecisionBulkAction):
    display_name = _("Reject")
    action_type = "reject"
    aria_label = _("Reject the selected applications")
    action_priority = 20
    decision = "reject"
    form_class = RejectionForm

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d application rejected: the applicant has been emailed the note.",
            "%(count)d applications rejected: the applicants have been emailed the note.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


@hooks.register("register_log_actions")
def register_decision_log_actions(actions):
    @actions.register_action(services.APPROVED_ACTION)
    class Approved(LogFormatter):
        label = _("Approve application")
        message = _("Approved the application")

        def format_comment(self, log_entry):
            return (log_entry.data or {}).get("note", "")

    @actions.register_action(services.REJECTED_ACTION)
    class Rejected(LogFormatter):
        label = _("Reject application")
        message = _("Rejected the application")

        def format_comment(self, log_entry):
            return (log_entry.data or {}).get("note", "")


# --- Learners ---------------------------------------------------------------------------------


def learner_queryset():
    return (
        Enrolment.objects.filter(user__isnull=False)
        .select_related("user", "course", "application")
        .annotate(
            modules_opened=Count("progress", distinct=True),
            attempts_count=Count("attempts", distinct=True),
            evaluations_passed=Count(
                "attempts__evaluation", filter=Q(attempts__passed=True), distinct=True
            ),
        )
        .order_by("-enrolled_at")
    )


def learner_name(enrolment):
    user = enrolment.user
    return (user.get_full_name() or user.get_username()) if user else ""


class LearnerFilterSet(WagtailFilterSet):
    course = EditionFilter(
        label=_("Edition"), queryset=lambda request: editions(), empty_label=_("Any")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Enrolment.STATUS_CHOICES, empty_label=_("Any")
    )

    class Meta:
        model = Enrolment
        fields = ["course", "status"]


class LearnerIndexView(SpreadsheetSafeExport, IndexView):
    page_title = _("Learners")
    export_values = {
        "user": learner_name,
        "user.email": lambda e: e.user.email if e.user else "",
        "status": lambda e: str(e.get_status_display()),
        "application.country": lambda e: (
            country_name(e.application.country) if e.application else ""
        ),
        "application.language": lambda e: (
            language_name(e.application.language) if e.application else ""
        ),
    }


class LearnerViewSet(SnippetViewSet):
    model = Enrolment
    icon = "group"
    menu_label = _("Learners")
    url_prefix = "learning/learners"
    index_view_class = LearnerIndexView
    copy_view_enabled = False
    filterset_class = LearnerFilterSet
    search_fields = ["user__first_name", "user__last_name", "user__email", "user__username"]
    search_backend_name = None
    list_per_page = 50
    list_display = [
        Column("user", label=_("Learner"), accessor=learner_name),
        Column("email", label=_("Email"), accessor="user.email"),
        Column("course", label=_("Edition"), accessor="course"),
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("enrolled_at", label=_("Enrolled at"), accessor=lambda e: when(e.enrolled_at)),
        Column("modules_opened", label=_("Modules opened"), accessor="modules_opened"),
        Column("evaluations_passed", label=_("Evaluations passed"), accessor="evaluations_passed"),
    ]
    list_export = [
        "user",
        "user.email",
        "course",
        "status",
        "enrolled_at",
        "completed_at",
        "application.country",
        "application.language",
        "modules_opened",
        "attempts_count",
        "evaluations_passed",
    ]
    export_headings = {
        "user": _("Learner"),
        "user.email": _("Email"),
        "course": _("Edition"),
        "status": _("Status"),
        "enrolled_at": _("Enrolled at"),
        "completed_at": _("Completed at"),
        "application.country": _("Country"),
        "application.language": _("Language"),
        "modules_opened": _("Modules opened"),
        "attempts_count": _("Evaluation attempts"),
        "evaluations_passed": _("Evaluations passed"),
    }
    export_filename = "learners"

    def get_queryset(self, request):
        return learner_queryset()


class EnrolmentViewSetGroup(SnippetViewSetGroup):
    items = (ApplicationViewSet, LearnerViewSet)
    menu_icon = "group"
    menu_label = _("Enrolment")
    menu_name = "enrolment"
    menu_order = 270


register_snippet(EnrolmentViewSetGroup)
