"""The "Content due for review" report (a Wagtail model viewset over review cycles)."""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Length, Substr
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton

from course_content.countries import COUNTRY_CHOICES
from course_content.models import ModulePage

from .models import STATUS_CHOICES, ReviewCycle
from .services import confirm_review


def cycles_with_module():
    """Review cycles with their unit, reviewer and module number: one query for any number."""
    module = ModulePage.objects.filter(
        path=Substr(OuterRef("page__path"), 1, Length(OuterRef("page__path")) - ModulePage.steplen)
    )
    return ReviewCycle.objects.select_related("page", "reviewer").annotate(
        module_number=Subquery(module.values("number")[:1]),
        module_title=Subquery(module.values("title")[:1]),
        page_country=F("page__country"),
    )


class ReviewDateColumn(Column):
    """A review date as a date in the reader's language ("1 de marzo de 2027"). Wagtail's
    DateColumn writes the time since a moment, which reads "just now" for any future date."""

    cell_template_name = "editorial/tables/date_cell.html"

    def __init__(self, name, *, empty_label, **kwargs):
        super().__init__(name, **kwargs)
        self.empty_label = empty_label


class ReviewCycleFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=STATUS_CHOICES, method="filter_status", empty_label=_("Any")
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"), field_name="page__country", choices=COUNTRY_CHOICES
    )
    module = django_filters.NumberFilter(label=_("Module number"), field_name="module_number")

    class Meta:
        model = ReviewCycle
        fields = ["status", "country", "module", "reviewer"]

    def filter_status(self, queryset, name, value):
        return queryset.with_status(value)


class ReviewCycleIndexView(IndexView):
    page_title = _("Content due for review")
    default_ordering = "due_on"

    def get_base_queryset(self):
        return cycles_with_module()

    def get_list_more_buttons(self, instance):
        return [
            button
            for button in super().get_list_more_buttons(instance)
            if str(button.label) != str(_("Delete"))
        ]

    def get_list_buttons(self, instance):
        buttons = super().get_list_buttons(instance)
        if self.request.user.has_perm("editorial.change_reviewcycle"):
            buttons.insert(
                0,
                ListingButton(
                    _("Mark reviewed"),
                    url=reverse("review_cycles:confirm", args=[instance.pk]),
                    icon_name="check",
                    priority=5,
                ),
            )
        return buttons


class ConfirmReviewForm(forms.Form):
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def confirm_review_view(request, pk):
    """Mark a unit "reviewed, no change needed": one action, audit-logged, no new revision."""
    if not request.user.has_perm("editorial.change_reviewcycle"):
        raise PermissionDenied(_("Only reviewers, publishers and administrators can do this."))
    cycle = get_object_or_404(ReviewCycle.objects.select_related("page"), pk=pk)
    form = ConfirmReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        confirm_review(cycle=cycle, user=request.user, note=form.cleaned_data["note"])
        messages.success(
            request,
            _("'%(title)s' marked as reviewed; next review due on %(due)s.")
            % {"title": cycle.page.title, "due": date_format(cycle.due_on, "DATE_FORMAT")},
        )
        return redirect("review_cycles:index")
    return TemplateResponse(
        request,
        "editorial/confirm_review.html",
        {
            "cycle": cycle,
            "form": form,
            "header_title": _("Mark reviewed"),
            "page_title": _("Mark reviewed"),
        },
    )


class ReviewCycleViewSet(ModelViewSet):
    model = ReviewCycle
    icon = "date"
    name = "review_cycles"
    add_to_admin_menu = False
    index_view_class = ReviewCycleIndexView
    filterset_class = ReviewCycleFilterSet
    form_fields = ["interval_months", "reviewer", "last_reviewed_on"]
    list_display = [
        Column("page", label=_("Country unit"), accessor="page"),
        Column("page_country", label=_("Country"), accessor="country_label"),
        Column("module_number", label=_("Module"), accessor="module_number"),
        Column("reviewer", label=_("Responsible reviewer"), accessor="reviewer"),
        ReviewDateColumn(
            "last_reviewed_on", label=_("Last reviewed"), empty_label=_("Never reviewed")
        ),
        ReviewDateColumn(
            "due_on",
            label=_("Next review due"),
            empty_label=pgettext_lazy("next review due", "Now"),
        ),
        Column("status", label=_("Status"), accessor="get_status_display"),
    ]
    list_export = [
        "page",
        "country_label",
        "module_number",
        "module_title",
        "reviewer",
        "last_reviewed_on",
        "due_on",
        "get_status_display",
    ]
    export_headings = {
        "page": _("Country unit"),
        "country_label": _("Country"),
        "module_number": _("Module"),
        "module_title": _("Module title"),
        "reviewer": _("Responsible reviewer"),
        "last_reviewed_on": _("Last reviewed"),
        "due_on": _("Next review due"),
        "get_status_display": _("Status"),
    }
    export_filename = "content-due-for-review"
    list_per_page = 50

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("confirm/<int:pk>/", confirm_review_view, name="confirm"),
        ]


review_cycle_viewset = ReviewCycleViewSet()
