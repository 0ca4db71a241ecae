from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .edition import FALLBACK_CHOICES, INCLUDE
from .formats import FORMAT_CHOICES
from .storage import export_storage


class EditionExport(models.Model):
    """One export of a language edition asked for in the admin, run by a background task."""

    QUEUED, RUNNING, DONE, FAILED, EXPIRED = "queued", "running", "done", "failed", "expired"
    STATUS_CHOICES = [
        (QUEUED, _("Queued")),
        (RUNNING, _("Running")),
        (DONE, _("Done")),
        (FAILED, _("Failed")),
        (EXPIRED, _("Expired (file deleted)")),
    ]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("requested by"),
    )
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    course = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("course"),
    )
    course_title = models.CharField(_("course title"), max_length=255)
    language_code = models.CharField(_("language"), max_length=20)
    format = models.CharField(_("format"), max_length=20, choices=FORMAT_CHOICES)
    fallback = models.CharField(
        _("untranslated pages"), max_length=10, choices=FALLBACK_CHOICES, default=INCLUDE
    )
    status = models.CharField(_("status"), max_length=10, choices=STATUS_CHOICES, default=QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    size = models.PositiveBigIntegerField(_("size"), null=True, blank=True)
    file = models.FileField(_("file"), storage=export_storage, max_length=255, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("edition export")
        verbose_name_plural = _("edition exports")

    def __str__(self):
        return f"{self.course_title} [{self.language_code}] {self.format} → {self.status}"

    @property
    def language_name(self):
        from course_content.selectors import language_name

        return language_name(self.language_code)

    @property
    def percent(self):
        if self.status == self.DONE:
            return 100
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def in_progress(self):
        return self.status in {self.QUEUED, self.RUNNING}

    @property
    def downloadable(self):
        return self.status == self.DONE and bool(self.file)
