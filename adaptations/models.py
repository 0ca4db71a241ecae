"""An organisation's request for an adapted or translated version of the course, and the history
of its status. Personal data (contact name, email, free texts) are erased after the retention
period (``services.erase_expired``); the row stays, anonymous, for statistics."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .languages import language_label


class AdaptationRequest(models.Model):
    NEW, REVIEW, ACCEPTED, DECLINED = "new", "review", "accepted", "declined"
    STATUS_CHOICES = [
        (NEW, pgettext_lazy("adaptation request status", "New")),
        (REVIEW, _("Under review")),
        (ACCEPTED, pgettext_lazy("adaptation request status", "Accepted")),
        (DECLINED, pgettext_lazy("adaptation request status", "Declined")),
    ]
    OPEN = (NEW, REVIEW)

    LANGUAGE_ONLY, COUNTRY_UNITS, LEGAL, EXAMPLES = "language", "country_units", "legal", "examples"
    ADAPTATION_CHOICES = [
        (LANGUAGE_ONLY, _("Language only")),
        (COUNTRY_UNITS, _("Country units")),
        (LEGAL, _("Legal framework")),
        (EXAMPLES, _("Examples and case studies")),
    ]

    organisation = models.CharField(_("organisation"), max_length=200)
    contact_name = models.CharField(_("contact name"), max_length=150)
    email = models.EmailField(_("email"), max_length=254)
    country = models.CharField(_("country"), max_length=2, db_index=True)
    language = models.CharField(_("language"), max_length=12, db_index=True)
    region = models.CharField(
        _("region"), max_length=2, blank=True, help_text=_("Country of a regional variant.")
    )
    audience = models.TextField(_("audience"), max_length=2000)
    learners = models.PositiveIntegerField(_("expected number of learners"))
    modules = models.JSONField(_("modules"), default=list)
    adaptations = models.JSONField(_("what needs adapting"), default=list)
    details = models.TextField(_("details"), max_length=3000, blank=True)
    timeline = models.CharField(_("timeline"), max_length=200)
    site_language = models.CharField(
        _("site language"), max_length=10, help_text=_("The language the requester wrote in.")
    )
    consent_given_at = models.DateTimeField(_("consent to data processing given at"))
    privacy_notice_version = models.CharField(max_length=20)
    status = models.CharField(
        _("status"), max_length=10, choices=STATUS_CHOICES, default=NEW, db_index=True
    )
    status_changed_at = models.DateTimeField(_("status changed at"), null=True, blank=True)
    # The requester's private link to the public status page (None: no page).
    status_token = models.CharField(max_length=64, unique=True, null=True, blank=True)
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("locale"),
    )
    locale_code = models.CharField(_("locale of the project"), max_length=20, blank=True)
    job = models.ForeignKey(
        "translations.TranslationJob",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("job"),
    )
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    created_at = models.DateTimeField(_("received at"), auto_now_add=True, db_index=True)
    erased_at = models.DateTimeField(
        _("contact details erased at"),
        null=True,
        blank=True,
        help_text=_("The row stays, without personal data, for statistics."),
    )

    class Meta:
        verbose_name = _("adaptation request")
        verbose_name_plural = _("adaptation requests")
        ordering = ["-created_at"]

    def __str__(self):
        return f"#{self.pk} · {self.organisation or '—'} · {self.requested_language_label}"

    def listing_title(self):
        """The inbox's title column: the organisation, or the number once it is erased."""
        return self.organisation or f"#{self.pk}"

    listing_title.short_description = _("Organisation")

    @property
    def requested_code(self):
        """The locale code the request asks for: ``fr``, or ``fr-ht`` for a regional variant."""
        return f"{self.language}-{self.region.lower()}" if self.region else self.language

    @property
    def requested_language_label(self):
        return language_label(self.language, self.region)

    @property
    def is_open(self):
        return self.status in self.OPEN and not self.erased_at

    def adaptation_labels(self):
        labels = dict(self.ADAPTATION_CHOICES)
        return [str(labels.get(value, value)) for value in self.adaptations]


class StatusChange(models.Model):
    """One change of a request's status, with the note sent to the requester."""

    request = models.ForeignKey(AdaptationRequest, on_delete=models.CASCADE, related_name="changes")
    status = models.CharField(_("status"), max_length=10, choices=AdaptationRequest.STATUS_CHOICES)
    note = models.TextField(_("note"), max_length=2000)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.request_id}: {self.status}"
