"""The learner side of a course edition (a ``CoursePage`` of the source locale).

- ``Application``: someone asks to take an edition while its application window is open;
  enrolment managers approve or reject it.
- ``Enrolment``: a learner in an edition (created when an application is approved).
- ``ModuleProgress``: when a learner first and last opened a module.
- ``Attempt``: one submitted evaluation, scored on the server from stable question and option
  ids; ``token`` makes a double submission count once.
- ``Certificate``: issued when every module's evaluation of the edition is passed.

Pages are referred to in the source locale (Spanish): a learner who studies a module in
Portuguese progresses in the same edition. Erasing a learner's personal data keeps their
enrolment, progress and attempts without the person (``user`` empty), for statistics.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Application(models.Model):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    STATUS_CHOICES = [
        (PENDING, _("Waiting for review")),
        (APPROVED, pgettext_lazy("application status", "Approved")),
        (REJECTED, pgettext_lazy("application status", "Rejected")),
    ]

    course = models.ForeignKey(
        "course_content.CoursePage",
        on_delete=models.CASCADE,
        related_name="applications",
        verbose_name=_("edition"),
    )
    name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("email"))
    organisation = models.CharField(_("organisation"), max_length=200)
    country = models.CharField(_("country"), max_length=2)
    role = models.CharField(_("profession or role"), max_length=200)
    motivation = models.TextField(_("motivation"), max_length=3000)
    language = models.CharField(
        _("language"), max_length=10, help_text=_("The language the applicant wrote in.")
    )
    consent_given_at = models.DateTimeField(_("consent to data processing given at"))
    privacy_notice_version = models.CharField(max_length=20)
    status = models.CharField(
        _("status"), max_length=10, choices=STATUS_CHOICES, default=PENDING, db_index=True
    )
    decision_note = models.TextField(_("note"), blank=True, max_length=2000)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_at = models.DateTimeField(_("applied at"), auto_now_add=True, db_index=True)
    erased_at = models.DateTimeField(
        _("personal data erased at"),
        null=True,
        blank=True,
        help_text="Set when the applicant's personal data were erased; the row stays, anonymous, "
        "for statistics.",
    )

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"), "course", name="one_application_per_email_and_edition"
            )
        ]

    def __str__(self):
        return f"{self.name} <{self.email}>"


class Enrolment(models.Model):
    ACTIVE = "active"
    COMPLETED = "completed"
    WITHDRAWN = "withdrawn"
    STATUS_CHOICES = [
        (ACTIVE, pgettext_lazy("enrolment status", "Active")),
        (COMPLETED, _("Completed")),
        (WITHDRAWN, _("Withdrawn")),
    ]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enrolments",
        verbose_name=_("learner"),
    )
    course = models.ForeignKey(
        "course_content.CoursePage",
        on_delete=models.CASCADE,
        related_name="enrolments",
        verbose_name=_("edition"),
    )
    application = models.OneToOneField(
        Application,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enrolment",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=STATUS_CHOICES, default=ACTIVE, db_index=True
    )
    enrolled_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"],
                condition=models.Q(user__isnull=False),
                name="one_enrolment_per_learner_and_edition",
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.course}"


class ModuleProgress(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="progress")
    module = models.ForeignKey(
        "course_content.ModulePage", on_delete=models.CASCADE, related_name="+"
    )
    first_opened_at = models.DateTimeField(auto_now_add=True)
    last_opened_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("module progress")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "module"], name="one_progress_per_enrolment_and_module"
            )
        ]

    def __str__(self):
        return f"{self.enrolment} · {self.module}"


class Attempt(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attempts")
    evaluation = models.ForeignKey(
        "course_content.EvaluationPage", on_delete=models.CASCADE, related_name="+"
    )
    token = models.UUIDField(
        default=uuid.uuid4,
        unique=True,
        help_text="Issued with the evaluation's form: a second submission of it counts once.",
    )
    language = models.CharField(_("language"), max_length=10)
    answers = models.JSONField(
        default=dict, help_text="Question id → the option ids chosen (stable block ids)."
    )
    correct_questions = models.JSONField(
        default=list,
        help_text="The ids of the questions answered correctly (for the reports per question).",
    )
    points = models.PositiveSmallIntegerField(default=0)
    total_points = models.PositiveSmallIntegerField(default=0)
    score = models.PositiveSmallIntegerField(_("score"), help_text=_("Out of 100."))
    pass_mark = models.PositiveSmallIntegerField(_("pass mark"))
    passed = models.BooleanField(_("passed"), db_index=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        ordering = ["-submitted_at"]
        permissions = [("view_study_reports", "Can view study reports")]

    def __str__(self):
        return f"{self.enrolment} · {self.evaluation}: {self.score}"


class Certificate(models.Model):
    enrolment = models.OneToOneField(
        Enrolment, on_delete=models.CASCADE, related_name="certificate"
    )
    code = models.CharField(_("verification code"), max_length=32, unique=True)
    learner_name = models.CharField(_("learner"), max_length=200)
    course_title = models.CharField(_("course"), max_length=255)
    edition_label = models.CharField(_("edition"), max_length=100, blank=True)
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=1)
    language = models.CharField(max_length=10)
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self):
        return self.code
