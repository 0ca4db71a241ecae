from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index

from .base import BasePage, SynchronizedField, TranslatableField

PASS_MARK_VALIDATORS = [MinValueValidator(0), MaxValueValidator(100)]
RICH_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul"]


ACCESS_OPEN = "open"
ACCESS_REGISTERED = "registered"
ACCESS_ENROLLED = "enrolled"
ACCESS_CHOICES = [
    (ACCESS_OPEN, _("Open: anyone reads everything")),
    (ACCESS_REGISTERED, _("Registered: any signed-in learner")),
    (ACCESS_ENROLLED, _("Enrolled: only learners enrolled in this edition")),
]


class CoursePage(BasePage):
    """One edition of the course: its modules are its children.

    ``access`` says who may study it: read its module bodies, country units, evaluations and
    learner-only resources (``learning.access`` enforces it). The course overview (description,
    modules with their summary and hours, dates, how to apply) is public whatever it says.
    """

    edition_label = models.CharField(_("edition"), max_length=100, blank=True)
    introduction = RichTextField(_("introduction"), blank=True, features=RICH_FEATURES)
    audience = RichTextField(_("audience"), blank=True, features=RICH_FEATURES)
    starts_on = models.DateField(_("course starts on"), null=True, blank=True)
    ends_on = models.DateField(_("course ends on"), null=True, blank=True)
    application_opens_at = models.DateTimeField(_("applications open"), null=True, blank=True)
    application_closes_at = models.DateTimeField(_("applications close"), null=True, blank=True)
    pass_mark = models.PositiveSmallIntegerField(
        _("default pass mark"),
        default=70,
        validators=PASS_MARK_VALIDATORS,
        help_text=_("Out of 100. Evaluations use it unless they set their own."),
    )
    access = models.CharField(
        _("who may study it"),
        max_length=10,
        choices=ACCESS_CHOICES,
        default=ACCESS_ENROLLED,
        help_text=_(
            "Module bodies, country units, evaluations and learner-only resources. The course "
            "overview is public whatever you choose."
        ),
    )
    declared_hours = models.PositiveSmallIntegerField(
        _("declared hours"),
        null=True,
        blank=True,
        help_text=_("The duration announced for the course. The sum of module hours is shown too."),
    )

    parent_page_types = ["course_content.HomePage"]
    subpage_types = ["course_content.ModulePage"]
    template = "pages/course_page.html"

    content_panels = BasePage.content_panels + [
        FieldPanel("edition_label"),
        FieldPanel("introduction"),
        FieldPanel("audience"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
                FieldRowPanel(
                    [FieldPanel("application_opens_at"), FieldPanel("application_closes_at")]
                ),
            ],
            heading=_("Dates"),
        ),
        FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("declared_hours")]),
        FieldPanel("access"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("audience"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("edition_label"),
        APIField("introduction"),
        APIField("audience"),
        APIField("starts_on"),
        APIField("ends_on"),
        APIField("application_opens_at"),
        APIField("application_closes_at"),
        APIField("application_open"),
        APIField("pass_mark"),
        APIField("declared_hours"),
    ]
    translatable_fields = BasePage.BASE_TRANSLATABLE + [
        TranslatableField("edition_label"),
        TranslatableField("introduction"),
        TranslatableField("audience"),
        SynchronizedField("starts_on"),
        SynchronizedField("ends_on"),
        SynchronizedField("application_opens_at"),
        SynchronizedField("application_closes_at"),
        SynchronizedField("pass_mark"),
        SynchronizedField("declared_hours"),
        SynchronizedField("access"),
    ]

    class Meta:
        verbose_name = _("course")

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The course cannot end before it starts.")
        if (
            self.application_opens_at
            and self.application_closes_at
            and self.application_closes_at <= self.application_opens_at
        ):
            errors["application_closes_at"] = _("The application window must close after it opens.")
        if errors:
            raise ValidationError(errors)

    @property
    def application_open(self):
        now = timezone.now()
        return bool(
            self.application_opens_at
            and self.application_closes_at
            and self.application_opens_at <= now < self.application_closes_at
        )

    def get_page_context(self, request, *, visible):
        from course_content.selectors import course_listing

        return course_listing(self, visible=visible)
