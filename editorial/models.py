"""Review cycles of country units: laws and institutions change, so content is re-checked.

A ``ReviewCycle`` sits beside a country unit (source locale) and is not part of the page's
revisions: confirming "reviewed, no change needed" updates it and writes an audit-log entry on
the page, without a new content revision. ``due_on`` is stored (derived from the last review and
the interval) so that the report and the dashboard filter and count in the database.
"""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from course_content.countries import country_name

DUE_SOON_DAYS = 30

STATUS_OVERDUE = "overdue"
STATUS_DUE_SOON = "due_soon"
STATUS_CURRENT = "current"
STATUS_CHOICES = [
    (STATUS_OVERDUE, _("Overdue")),
    (STATUS_DUE_SOON, _("Due within 30 days")),
    (STATUS_CURRENT, _("Up to date")),
]


def add_months(date, months):
    month_index = date.month - 1 + months
    year, month = date.year + month_index // 12, month_index % 12 + 1
    for day in (date.day, 30, 29, 28):
        try:
            return date.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    raise ValueError(date)


def status_filters(today=None):
    """{status: the condition on a cycle's due date} as of ``today``."""
    today = today or timezone.localdate()
    soon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    return {
        STATUS_OVERDUE: models.Q(due_on__lt=today) | models.Q(due_on__isnull=True),
        STATUS_DUE_SOON: models.Q(due_on__gte=today, due_on__lte=soon),
        STATUS_CURRENT: models.Q(due_on__gt=soon),
    }


class ReviewCycleQuerySet(models.QuerySet):
    def with_status(self, status, *, today=None):
        condition = status_filters(today).get(status)
        return self if condition is None else self.filter(condition)

    def counts(self, *, today=None):
        """Overdue and due-soon counts in one query."""
        conditions = status_filters(today)
        return self.aggregate(
            overdue=models.Count("pk", filter=conditions[STATUS_OVERDUE]),
            due_soon=models.Count("pk", filter=conditions[STATUS_DUE_SOON]),
        )


class ReviewCycle(models.Model):
    page = models.OneToOneField(
        "course_content.CountryUnitPage",
        on_delete=models.CASCADE,
        related_name="review_cycle",
        verbose_name=_("country unit"),
    )
    interval_months = models.PositiveSmallIntegerField(
        _("review interval (months)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("responsible reviewer"),
    )
    last_reviewed_on = models.DateField(_("last reviewed on"), null=True, blank=True)
    due_on = models.DateField(_("next review due"), null=True, blank=True, editable=False)

    objects = ReviewCycleQuerySet.as_manager()

    class Meta:
        verbose_name = _("review cycle")
        verbose_name_plural = _("content due for review")
        ordering = ["due_on", "page__title"]
        indexes = [models.Index(fields=["due_on"])]

    def __str__(self):
        return self.page.title

    def save(self, *args, **kwargs):
        # ``due_on`` is derived; keep it in step with its inputs on every save.
        self.due_on = (
            add_months(self.last_reviewed_on, self.interval_months)
            if self.last_reviewed_on
            else None
        )
        if kwargs.get("update_fields"):
            kwargs["update_fields"] = {*kwargs["update_fields"], "due_on"}
        super().save(*args, **kwargs)

    def status(self, today=None):
        today = today or timezone.localdate()
        if self.due_on is None or self.due_on < today:
            return STATUS_OVERDUE
        if self.due_on <= today + datetime.timedelta(days=DUE_SOON_DAYS):
            return STATUS_DUE_SOON
        return STATUS_CURRENT

    @property
    def country_label(self):
        return str(country_name(self.page.country))

    def get_status_display(self):
        return dict(STATUS_CHOICES)[self.status()]
