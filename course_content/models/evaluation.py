from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField

from course_content.blocks import QuestionStreamBlock, public_question

from .base import BasePage, SynchronizedField, TranslatableField
from .course import PASS_MARK_VALIDATORS


class PublicQuestionsField(serializers.Field):
    """Questions as learners may see them: prompts and options, never the answer key."""

    def to_representation(self, stream):
        return [public_question(child) for child in stream]


class EvaluationPage(BasePage):
    """A module's final evaluation.

    Its retake policy (``max_attempts``, ``retake_wait_minutes``) is unlimited and immediate by
    default; translations share their source's (synchronised fields).
    """

    instructions = RichTextField(
        _("instructions"), blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark"),
        null=True,
        blank=True,
        validators=PASS_MARK_VALIDATORS,
        help_text=_("Out of 100. Leave empty to use the course's pass mark."),
    )
    questions = StreamField(QuestionStreamBlock(), blank=True, verbose_name=_("questions"))
    max_attempts = models.PositiveSmallIntegerField(
        _("maximum attempts"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("How many times a learner may take it. Leave empty for no limit."),
    )
    retake_wait_minutes = models.PositiveIntegerField(
        _("waiting time between attempts (minutes)"),
        default=0,
        help_text=_("After an attempt, how long before the next one (1440 is a day). 0: no wait."),
    )

    parent_page_types = ["course_content.ModulePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "pages/evaluation_page.html"

    content_panels = BasePage.content_panels + [
        FieldPanel("instructions"),
        FieldPanel("pass_mark"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("max_attempts"), FieldPanel("retake_wait_minutes")])],
            heading=_("Retakes"),
        ),
        FieldPanel("questions"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("instructions"),
        APIField("effective_pass_mark"),
        APIField("total_points"),
        APIField("max_attempts"),
        APIField("retake_wait_minutes"),
        APIField("questions", serializer=PublicQuestionsField()),
    ]
    translatable_fields = BasePage.BASE_TRANSLATABLE + [
        TranslatableField("instructions"),
        SynchronizedField("pass_mark"),
        TranslatableField("questions"),
        SynchronizedField("max_attempts"),
        SynchronizedField("retake_wait_minutes"),
    ]

    class Meta:
        verbose_name = _("evaluation")

    @property
    def effective_pass_mark(self):
        if self.pass_mark is not None:
            return self.pass_mark
        if hasattr(self, "course_pass_mark"):  # annotated by the API's listings
            return self.course_pass_mark if self.course_pass_mark is not None else 70
        course = self.get_ancestors().type(self._course_model()).last()
        return course.specific.pass_mark if course else 70

    @staticmethod
    def _course_model():
        from .course import CoursePage

        return CoursePage

    @property
    def total_points(self):
        return sum(child.value["points"] for child in self.questions)

    def public_questions(self):
        return [public_question(child) for child in self.questions]

    def get_page_context(self, request, *, visible):
        from course_content.selectors import parent_module

        return {
            "public_questions": self.public_questions(),
            "module": parent_module(self),
        }
