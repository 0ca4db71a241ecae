from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from course_content.blocks import ContentStreamBlock, LearningObjectiveStreamBlock

from .base import BasePage, SynchronizedField, TranslatableField


class ModulePage(BasePage):
    number = models.PositiveSmallIntegerField(
        _("number"), validators=[MinValueValidator(1)], help_text=_("Unique within the course.")
    )
    estimated_hours = models.DecimalField(
        _("estimated hours"),
        max_digits=5,
        decimal_places=1,
        default=0,
        validators=[MinValueValidator(0)],
    )
    learning_objectives = StreamField(
        LearningObjectiveStreamBlock(), blank=True, verbose_name=_("learning objectives")
    )
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))
    has_country_units = models.BooleanField(
        _("has country units"),
        default=False,
        help_text=_("Allow one sub-module per country under this module."),
    )

    parent_page_types = ["course_content.CoursePage"]
    subpage_types = ["course_content.CountryUnitPage", "course_content.EvaluationPage"]
    template = "pages/module_page.html"

    content_panels = BasePage.content_panels + [
        FieldRowPanel(
            [FieldPanel("number"), FieldPanel("estimated_hours"), FieldPanel("has_country_units")]
        ),
        FieldPanel("learning_objectives"),
        FieldPanel("body"),
        InlinePanel("related_resources", label=_("Related resources"), heading=_("Resources")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.SearchField("learning_objectives"),
        index.FilterField("number"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("number"),
        APIField("estimated_hours"),
        APIField("has_country_units"),
        APIField("learning_objectives"),
        APIField("body"),
        APIField("related_resources"),
    ]
    # What the API shows only to those who may study the module (the site shows them its
    # overview: number, hours, title and summary).
    study_api_fields = ("learning_objectives", "body", "related_resources")
    translatable_fields = BasePage.BASE_TRANSLATABLE + [
        SynchronizedField("number"),
        SynchronizedField("estimated_hours"),
        SynchronizedField("has_country_units"),
        TranslatableField("learning_objectives"),
        TranslatableField("body"),
        SynchronizedField("related_resources"),
    ]

    class Meta:
        verbose_name = _("module")

    def placement_errors(self, parent, values):
        errors = {}
        number = values.get("number")
        if number is not None:
            siblings = ModulePage.objects.child_of(parent).filter(number=number)
            if self.pk:
                siblings = siblings.exclude(pk=self.pk)
            if siblings.exists():
                errors["number"] = _("Module %(number)s already exists in this course.") % {
                    "number": number
                }
        has_units = values.get("has_country_units")
        if self.pk and has_units is False:
            from .country_unit import CountryUnitPage

            if CountryUnitPage.objects.child_of(self).exists():
                errors["has_country_units"] = _(
                    "This module has country units; move or delete them first."
                )
        return errors

    def clean(self):
        super().clean()
        if self.path and self.depth and self.depth > 1:
            errors = self.placement_errors(
                self.get_parent().specific,
                {"number": self.number, "has_country_units": self.has_country_units},
            )
            if errors:
                raise ValidationError(errors)

    def get_page_context(self, request, *, visible):
        from course_content.selectors import module_detail

        return module_detail(self, country=request.GET.get("country", ""), visible=visible)


class ModuleRelatedResource(Orderable):
    module = ParentalKey(ModulePage, on_delete=models.CASCADE, related_name="related_resources")
    resource = models.ForeignKey(
        "course_content.ResourcePage", on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("resource", "course_content.ResourcePage")]
    api_fields = [APIField("resource")]

    class Meta(Orderable.Meta):
        verbose_name = _("related resource")
        constraints = [
            models.UniqueConstraint(fields=["module", "resource"], name="unique_module_resource")
        ]
