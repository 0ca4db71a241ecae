"""The review task of each target locale's "Translation review" workflow, and the termbase."""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.panels import FieldPanel
from wagtail.forms import TaskStateCommentForm
from wagtail.models import GroupApprovalTask, TranslatableMixin
from wagtail_localize.fields import TranslatableField

OVERRIDE = "approve_override"  # the action that approves over QA findings, with a note


class ReviewCommentForm(TaskStateCommentForm):
    """A reviewer's comment, and where they were (``next``, which the admin's dashboard script
    adds to the form), to go back there once the action is confirmed."""

    next = forms.CharField(required=False, widget=forms.HiddenInput)


class OverrideNoteForm(ReviewCommentForm):
    """The note that an approval over QA findings needs; without one, the dialog says why."""

    comment = forms.CharField(
        label=_("Note explaining the override"),
        widget=forms.Textarea({"rows": 3}),
        error_messages={
            "required": _("Approving over QA findings needs a note explaining the override.")
        },
    )


class TranslationReviewTask(GroupApprovalTask):
    """A group approval that enforces the translation gates before approving:

    - provenance: segments that came from machine translation must be reviewed by a person
      (edited or confirmed) first; there is no override;
    - safety: segments whose markup their field does not allow (stored before the checks, or
      behind the forms' back) must be corrected first; there is no override either;
    - quality: QA findings of severity "error" (``translations.qa``) block a plain approval;
      warnings do not. The reviewer may dismiss a finding of a segment with a reason
      (``QADismissal``), or choose "Approve, overriding the QA findings" (``OVERRIDE``), whose
      dialog asks for a note and refuses to go on without one.

    Each approval or request for changes taken from a dialog or a button lands on
    ``translations:reviewed``, which confirms it with a message and goes back where the reviewer
    was (``next``).
    """

    class Meta:
        verbose_name = _("translation review task")
        verbose_name_plural = _("translation review tasks")

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if not actions:
            return actions
        from .checks import stored_review_gate

        gate = stored_review_gate(obj)
        reject = [action for action in actions if action[0] == "reject"]
        if gate.machine_segments or gate.blocking:
            return reject
        if gate.errors:
            return reject + [(OVERRIDE, _("Approve, overriding the QA findings"), True)]
        return actions

    def get_form_for_action(self, action):
        return OverrideNoteForm if action == OVERRIDE else ReviewCommentForm

    def on_action(self, task_state, user, action_name, next="", **kwargs):
        if action_name in ("approve", OVERRIDE):
            from .checks import review_gate

            gate = review_gate(task_state.workflow_state.content_object)
            if gate.machine_segments:
                raise PermissionDenied(
                    ngettext(
                        "%(count)d machine-translated segment still needs a person's review.",
                        "%(count)d machine-translated segments still need a person's review.",
                        len(gate.machine_segments),
                    )
                    % {"count": len(gate.machine_segments)}
                )
            if gate.blocking:
                raise PermissionDenied(
                    ngettext(
                        "%(count)d segment carries markup its field does not allow; it must be "
                        "corrected first.",
                        "%(count)d segments carry markup their fields do not allow; they must be "
                        "corrected first.",
                        len(gate.blocking),
                    )
                    % {"count": len(gate.blocking)}
                )
            if gate.errors and not (kwargs.get("comment") or "").strip():
                raise PermissionDenied(
                    _("Approving over QA findings needs a note explaining the override.")
                )
            action_name = "approve"
        super().on_action(task_state, user, action_name, **kwargs)
        from django.urls import reverse
        from django.utils.http import urlencode

        url = reverse("translations:reviewed", args=[task_state.pk])
        return f"{url}?{urlencode({'next': next})}" if next else url


def lines(text):
    """The non-blank lines of ``text``, stripped (one forbidden variant per line)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class Term(TranslatableMixin, models.Model):
    """A termbase entry. The Spanish instance holds the source term; its translations hold the
    approved term of each locale and that locale's forbidden variants."""

    term = models.CharField(_("term"), max_length=255)
    forbidden_variants = models.TextField(
        _("forbidden variants"), blank=True, help_text=_("One per line.")
    )
    note = models.TextField(_("note"), blank=True)
    to_translate = models.BooleanField(
        _("still to translate"),
        default=False,
        help_text=_(
            "Added to this locale's termbase from the Spanish one, with the Spanish text: quality "
            "checks ignore it until it is translated and this box is cleared."
        ),
    )

    do_not_translate = models.BooleanField(
        _("do not translate"),
        default=False,
        help_text=_(
            "On the Spanish term: a name or acronym that stays as it is in every language. "
            "Quality checks expect it unchanged in translations, and do not flag a segment that "
            "is only such terms as untranslated."
        ),
    )

    panels = [
        FieldPanel("term"),
        FieldPanel("forbidden_variants"),
        FieldPanel("note"),
        FieldPanel("to_translate"),
        FieldPanel("do_not_translate"),
    ]
    translatable_fields = [
        TranslatableField("term"),
        TranslatableField("forbidden_variants"),
        TranslatableField("note"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("term")
        verbose_name_plural = _("termbase")
        ordering = ["term"]

    def __str__(self):
        return self.term

    def forbidden(self):
        return lines(self.forbidden_variants)


class TranslationJob(models.Model):
    """Long translation work run by a background task with visible progress: submitting many
    pages for translation, or giving a new locale its placeholder tree."""

    SUBMIT, SYNC = "submit", "sync"
    KIND_CHOICES = [(SUBMIT, _("Submission")), (SYNC, _("Locale tree sync"))]
    QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
    STATUS_CHOICES = [
        (QUEUED, _("Queued")),
        (RUNNING, _("Running")),
        (DONE, _("Done")),
        (FAILED, _("Failed")),
    ]

    kind = models.CharField(max_length=10, choices=KIND_CHOICES, default=SUBMIT)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    locales = models.ManyToManyField("wagtailcore.Locale", related_name="+")
    include_subtree = models.BooleanField(default=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=10, choices=STATUS_CHOICES, default=QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    message = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        subject = self.page if self.kind == self.SUBMIT else self.get_kind_display()
        return f"{subject} → {self.status} ({self.done}/{self.total})"

    @property
    def percent(self):
        return round(100 * self.done / self.total) if self.total else 0


class QADismissal(models.Model):
    """A reviewer's decision that a QA finding of one segment is not a problem, with why.

    It holds for the segment's text it was given on (``target``): a new text is checked anew.
    Blocking findings (markup a field does not allow, refused overrides) cannot be dismissed."""

    translation = models.ForeignKey(
        "wagtail_localize.Translation", on_delete=models.CASCADE, related_name="+"
    )
    segment = models.ForeignKey(
        "wagtail_localize.StringSegment", on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("check"), max_length=40)
    target = models.TextField(_("translation dismissed on"))
    reason = models.TextField(_("reason"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("dismissed by"),
    )
    created_at = models.DateTimeField(_("dismissed on"), auto_now_add=True)

    class Meta:
        verbose_name = _("dismissed QA finding")
        verbose_name_plural = _("dismissed QA findings")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["translation", "segment", "kind"], name="one_dismissal_per_finding"
            )
        ]

    def __str__(self):
        return f"{self.kind} · {self.segment_id}: {self.reason}"


class ReviewGateSummary(models.Model):
    """What the review gate found for a translation's page at one revision: the counts that
    decide which actions a reviewer is offered (``TranslationReviewTask.get_actions``), stored so
    that listing workflow tasks does not run the QA checks again. Computed for the page's latest
    revision; forgotten when a translation, override, dismissal or term of its locale changes
    (``translations.signals``, and the CAT files' import). Approving always checks afresh."""

    translation = models.OneToOneField(
        "wagtail_localize.Translation", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    revision_id = models.PositiveBigIntegerField(null=True)
    machine_segments = models.PositiveIntegerField(default=0)
    blocking = models.PositiveIntegerField(default=0)
    errors = models.PositiveIntegerField(default=0)
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("review gate summary")
        verbose_name_plural = _("review gate summaries")

    def __str__(self):
        return f"{self.translation_id} @ {self.revision_id}"


class SourceContentShown(models.Model):
    """A translated page whose live version still shows its source's content: its first
    translated version awaits a reviewer's approval, so the site says so (a notice, the source's
    language) instead of pretending it is translated. Set when a placeholder is submitted for
    translation, cleared when a translation is published (``translations.services``); read
    through ``translations.selectors`` (``shows_source_content``, ``shown_source_language``)."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )

    class Meta:
        verbose_name = _("translated page showing its source")
        verbose_name_plural = _("translated pages showing their source")

    def __str__(self):
        return str(self.page_id)


class MemoryEntry(models.Model):
    """One unit of the translation memory of a locale pair: a source segment and its approved
    translation. ``source`` is the normalised source text (Unicode NFC, whitespace collapsed) and
    ``source_hash`` its SHA-256, for exact lookups; ``length`` (characters of ``source``) and the
    entry's ``MemoryWord`` rows narrow fuzzy lookups down before they are scored
    (``translations.memory``)."""

    APPROVED, IMPORTED = "approved", "imported"
    ORIGIN_CHOICES = [(APPROVED, _("Approved translation")), (IMPORTED, _("TMX import"))]

    # The unique constraint's index (source_locale, target_locale, source_hash) serves lookups.
    source_locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    target_locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+"
    )
    source_hash = models.CharField(max_length=64)
    source = models.TextField(_("source"))
    target = models.TextField(_("translation"))
    length = models.PositiveIntegerField()
    words = models.PositiveIntegerField(default=0)
    origin = models.CharField(_("origin"), max_length=10, choices=ORIGIN_CHOICES, default=APPROVED)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("translation memory entry")
        verbose_name_plural = _("translation memory entries")
        constraints = [
            models.UniqueConstraint(
                fields=["source_locale", "target_locale", "source_hash"],
                name="one_memory_entry_per_source",
            )
        ]

    def __str__(self):
        return f"{self.source[:40]} → {self.target[:40]}"


class MemoryWord(models.Model):
    """A word of a memory entry's source (its longest distinct words), with the entry's locale
    pair and length copied: the index a fuzzy lookup reads its candidates from, without reading
    the table (``memory_word_lookup`` covers every column a lookup reads)."""

    entry = models.ForeignKey(MemoryEntry, on_delete=models.CASCADE, related_name="index_words")
    source_locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    target_locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    word = models.CharField(max_length=40)
    length = models.PositiveIntegerField()

    class Meta:
        indexes = [
            models.Index(
                fields=["target_locale", "source_locale", "word", "length", "entry"],
                name="memory_word_lookup",
            )
        ]

    def __str__(self):
        return self.word


class MemoryLeverage(models.Model):
    """What the memory offered when a page was submitted for translation into a locale: segments
    and source words with an exact match (pre-filled), a fuzzy match (75 % or more similar) or no
    match (new): the figures a translation agency quotes from."""

    translation = models.ForeignKey(
        "wagtail_localize.Translation", on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("submitted by"),
    )  # fmt: skip
    created_at = models.DateTimeField(_("submitted on"), auto_now_add=True)
    exact_segments = models.PositiveIntegerField(default=0)
    fuzzy_segments = models.PositiveIntegerField(default=0)
    new_segments = models.PositiveIntegerField(default=0)
    exact_words = models.PositiveIntegerField(default=0)
    fuzzy_words = models.PositiveIntegerField(default=0)
    new_words = models.PositiveIntegerField(default=0)
    prefilled = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("translation memory leverage")
        verbose_name_plural = _("translation memory leverage")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.translation_id}: {self.exact_words}/{self.fuzzy_words}/{self.new_words}"

    @property
    def total_words(self):
        return self.exact_words + self.fuzzy_words + self.new_words

    @property
    def total_segments(self):
        return self.exact_segments + self.fuzzy_segments + self.new_segments


class MemoryImport(models.Model):
    """A TMX file imported into a locale's memory from the admin: validated when it is sent, its
    units stored by a background task (django-tasks) whose progress the memory page shows."""

    QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
    STATUS_CHOICES = [
        (QUEUED, _("Queued")),
        (RUNNING, _("Running")),
        (DONE, _("Done")),
        (FAILED, _("Failed")),
    ]

    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(max_length=255, blank=True)
    data = models.BinaryField(blank=True)  # the file, until its units are stored
    status = models.CharField(max_length=10, choices=STATUS_CHOICES, default=QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    added = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    message = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.name} → {self.status} ({self.done}/{self.total})"

    @property
    def percent(self):
        return round(100 * self.done / self.total) if self.total else 0


# The translation editor's proxies of wagtail-localize's models (translations.editor_queries).
from .editor_queries import EditorStringTranslation, EditorTranslationSource  # noqa: E402, F401
