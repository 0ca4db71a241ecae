from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from course_content.blocks import ContentStreamBlock, InstitutionBlock, LegalInstrumentBlock
from course_content.countries import COUNTRY_CHOICES, country_name

from .base import BasePage, SynchronizedField, TranslatableField


class CountryUnitPage(BasePage):
    """A module's sub-module on one country's protection system."""

    country = models.CharField(_("country"), max_length=2, choices=COUNTRY_CHOICES)
    illustrative = models.BooleanField(
        _("illustrative content"),
        default=False,
        help_text=_("Show readers that this unit is an example, not verified national guidance."),
    )
    overview = RichTextField(
        _("overview of the national protection system"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
    )
    legal_framework = StreamField(
        [("instrument", LegalInstrumentBlock())], blank=True, verbose_name=_("legal framework")
    )
    institutions = StreamField(
        [("institution", InstitutionBlock())], blank=True, verbose_name=_("institutions")
    )
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["course_content.ModulePage"]
    subpage_types = []
    template = "pages/country_unit_page.html"

    content_panels = BasePage.content_panels + [
        FieldPanel("country"),
        FieldPanel("illustrative"),
        FieldPanel("overview"),
        FieldPanel("legal_framework"),
        FieldPanel("institutions"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("overview"),
        index.SearchField("body"),
        index.SearchField("legal_framework"),
        index.SearchField("institutions"),
        index.FilterField("country"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("country"),
        APIField("country_name"),
        APIField("illustrative"),
        APIField("overview"),
        APIField("legal_framework"),
        APIField("institutions"),
        APIField("body"),
        APIField("last_reviewed_on"),
    ]
    translatable_fields = BasePage.BASE_TRANSLATABLE + [
        SynchronizedField("country"),
        SynchronizedField("illustrative"),
        TranslatableField("overview"),
        TranslatableField("legal_framework"),
        TranslatableField("institutions"),
        TranslatableField("body"),
    ]

    class Meta:
        verbose_name = _("country unit")

    @cached_property
    def last_reviewed_on(self):
        """When the unit's content was last reviewed, as told by the app that runs reviews
        (``editorial``'s review cycles register the ``country_unit_last_reviewed_on`` hook)."""
        for hook in hooks.get_hooks("country_unit_last_reviewed_on"):
            if (reviewed_on := hook(self)) is not None:
                return reviewed_on
        return None

    @classmethod
    def read_last_reviewed_on(cls, units):
        """Set ``last_reviewed_on`` of many ``units`` at once, where the app that runs reviews
        offers it (the ``country_units_last_reviewed_on`` hook): an API listing's units."""
        for hook in hooks.get_hooks("country_units_last_reviewed_on"):
            reviewed = hook(units)
            for unit in units:
                unit.__dict__["last_reviewed_on"] = reviewed.get(unit.pk)
            return

    @property
    def country_name(self):
        return str(country_name(self.country))

    def placement_errors(self, parent, values):
        errors = {}
        if not getattr(parent, "has_country_units", False):
            errors["__all__"] = _(
                "Country units can only be added under a module that has country units."
            )
        country = values.get("country")
        if country:
            siblings = CountryUnitPage.objects.child_of(parent).filter(country=country)
            if self.pk:
                siblings = siblings.exclude(pk=self.pk)
            if siblings.exists():
                errors["country"] = _("This module already has a unit for %(country)s.") % {
                    "country": country_name(country)
                }
        return errors

    def clean(self):
        super().clean()
        if self.path and self.depth and self.depth > 1:
            errors = self.placement_errors(self.get_parent().specific, {"country": self.country})
            if errors:
                raise ValidationError(errors)

    def get_page_context(self, request, *, visible):
        from course_content.selectors import country_unit_detail

        return country_unit_detail(self, visible=visible)
