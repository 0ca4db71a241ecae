from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from course_content.captions import caption_track, captions_error, is_audio_file, is_video_file
from course_content.countries import COUNTRY_CHOICES, country_name

from .base import BasePage, SynchronizedField, TranslatableField

RESOURCE_TYPES = [
    ("document", _("Document")),
    ("video", _("Video")),
    ("audio", _("Audio")),
    ("infographic", _("Infographic")),
    ("link", _("Link")),
    ("toolkit", _("Toolkit")),
]
MATERIAL_LANGUAGES = [
    ("es", _("Spanish")),
    ("en", _("English")),
    ("pt", _("Portuguese")),
    ("fr", _("French")),
    ("other", _("Other")),
]


class ResourceLibraryPage(BasePage):
    """The complementary-material library: resources are its children."""

    parent_page_types = ["course_content.HomePage"]
    subpage_types = ["course_content.ResourcePage"]
    max_count_per_parent = 1
    template = "pages/resource_library_page.html"
    translatable_fields = BasePage.BASE_TRANSLATABLE

    class Meta:
        verbose_name = _("resource library")

    def get_page_context(self, request, *, visible):
        from course_content.selectors import resource_library_listing

        return resource_library_listing(self, request.GET, visible=visible)


class ResourcePage(BasePage):
    resource_type = models.CharField(_("type"), max_length=20, choices=RESOURCE_TYPES)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("document"),
    )
    external_url = models.URLField(_("external link"), blank=True)
    embed_url = models.URLField(
        _("media address"),
        blank=True,
        help_text=_("For video or audio hosted by a provider (e.g. YouTube, Vimeo)."),
    )
    captions = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("captions (WebVTT)"),
        help_text=_(
            "Required with a video file: a .vtt file in the language spoken in the video. "
            "A translation may replace it with subtitles in its own language."
        ),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
        help_text=_("The infographic itself, or a cover image."),
    )
    image_alt = models.CharField(_("image alternative text"), max_length=250, blank=True)
    material_language = models.CharField(
        _("language of the material"), max_length=8, choices=MATERIAL_LANGUAGES, default="es"
    )
    related_modules = ParentalManyToManyField(
        "course_content.ModulePage",
        blank=True,
        related_name="tagged_resources",
        verbose_name=_("related modules"),
    )
    publisher = models.CharField(_("author or publisher"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    licence = models.CharField(_("licence"), max_length=100, blank=True)
    learners_only = models.BooleanField(
        _("for learners only"),
        default=False,
        help_text=_(
            "Only people who may study an edition of the course read it and its files; "
            "otherwise it is public."
        ),
    )
    duration_minutes = models.PositiveIntegerField(
        _("duration (minutes)"), null=True, blank=True, help_text=_("For video and audio.")
    )
    transcript = RichTextField(
        _("transcript"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("Required for video and audio."),
    )
    body = RichTextField(
        _("description"), blank=True, features=["h3", "bold", "italic", "link", "ul", "ol"]
    )

    parent_page_types = ["course_content.ResourceLibraryPage"]
    subpage_types = []
    template = "pages/resource_page.html"

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("resource_type"), FieldPanel("material_language")]),
        MultiFieldPanel(
            [
                FieldPanel("document"),
                FieldPanel("captions"),
                FieldPanel("external_url"),
                FieldPanel("embed_url"),
                FieldPanel("image"),
                FieldPanel("image_alt"),
            ],
            heading=_("The material"),
        ),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("publisher"), FieldPanel("year"), FieldPanel("licence")]),
        FieldPanel("learners_only"),
        FieldPanel("duration_minutes"),
        FieldPanel("transcript"),
        FieldPanel("related_modules"),
        InlinePanel("countries", label=_("Country"), heading=_("Countries")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.SearchField("transcript"),
        index.SearchField("publisher"),
        index.FilterField("resource_type"),
        index.FilterField("material_language"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("resource_type"),
        APIField("material_language"),
        APIField("document"),
        APIField("captions"),
        APIField("external_url"),
        APIField("embed_url"),
        APIField("image"),
        APIField("image_alt"),
        APIField("body"),
        APIField("publisher"),
        APIField("year"),
        APIField("licence"),
        APIField("duration_minutes"),
        APIField("transcript"),
        APIField("related_module_numbers"),
        APIField("country_codes"),
    ]
    translatable_fields = BasePage.BASE_TRANSLATABLE + [
        SynchronizedField("resource_type"),
        SynchronizedField("document"),
        # Overridable: a translator may give subtitles in the translation's language.
        SynchronizedField("captions", overridable=True),
        SynchronizedField("external_url"),
        SynchronizedField("embed_url"),
        SynchronizedField("image"),
        TranslatableField("image_alt"),
        SynchronizedField("material_language"),
        SynchronizedField("related_modules"),
        SynchronizedField("publisher"),
        SynchronizedField("year"),
        SynchronizedField("licence"),
        SynchronizedField("learners_only"),
        SynchronizedField("duration_minutes"),
        TranslatableField("transcript"),
        TranslatableField("body"),
        SynchronizedField("countries"),
    ]

    class Meta:
        verbose_name = _("resource")
        indexes = [
            # The access rule reads the learner-only resources on every listing and search
            # (``learning.access.Reader.hidden_resources``): without it, a scan of every
            # resource's row (25 ms at 10,000 resources).
            models.Index(
                fields=["learners_only"],
                condition=models.Q(learners_only=True),
                name="resource_learners_only",
            )
        ]

    def clean(self):
        super().clean()
        errors = {}
        kind = self.resource_type
        has_media = self.document_id or self.embed_url
        if kind == "link" and not self.external_url:
            errors["external_url"] = _("A link resource needs its external link.")
        elif kind in ("document", "toolkit") and not (self.document_id or self.external_url):
            errors["document"] = _("Choose a document or give an external link.")
        elif kind in ("video", "audio"):
            if not has_media:
                errors["embed_url"] = _("Give the media address or choose a media file.")
            if not (self.transcript or "").strip():
                errors["transcript"] = _("Video and audio resources need a transcript.")
            errors.update(self._media_file_errors(kind))
        elif kind == "infographic" and not (self.image_id or self.document_id):
            errors["image"] = _("Choose the infographic image or document.")
        if self.captions_id and "captions" not in errors:
            message = captions_error(self.captions)
            if message:
                errors["captions"] = message
        if self.image_id and not self.image_alt.strip():
            errors["image_alt"] = _("Describe the image for people who cannot see it.")
        if errors:
            raise ValidationError(errors)

    def _media_file_errors(self, kind):
        """A video or audio file is played on the page: the right kind of file, and a video
        file needs captions."""
        if not self.document_id:
            return {}
        if kind == "video" and not is_video_file(self.document):
            return {"document": _("Choose a video file (MP4 or WebM).")}
        if kind == "audio" and not is_audio_file(self.document):
            return {"document": _("Choose an audio file (MP3, Ogg, M4A or WAV).")}
        if kind == "video" and not self.captions_id:
            return {"captions": _("A video file needs its captions (a WebVTT .vtt file).")}
        return {}

    def caption_track(self, translations=()):
        """The captions ``<track>`` of this page's video, given its live ``translations``."""
        if not self.captions_id:
            return None
        source = next(
            (p for p in translations if p.locale.language_code == settings.LANGUAGE_CODE), None
        )
        spoken = self.material_language if self.material_language != "other" else None
        return caption_track(
            self.captions,
            spoken_language=spoken,
            page_language=self.locale.language_code,
            source_captions_id=getattr(source, "captions_id", None),
        )

    @property
    def related_module_numbers(self):
        return sorted(module.number for module in self.related_modules.all())

    @property
    def country_codes(self):
        return [item.country for item in self.countries.all()]

    def get_page_context(self, request, *, visible):
        from course_content.selectors import resource_detail

        return resource_detail(self, visible=visible)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Video and audio files play on the page (HTML5 players with native controls).
        if context.get("document") is None:
            pass  # no file, or not one this reader may open
        elif self.resource_type == "video" and is_video_file(self.document):
            context["player"] = "video"
            context["caption_track"] = self.caption_track(context.get("translations", ()))
        elif self.resource_type == "audio" and is_audio_file(self.document):
            context["player"] = "audio"
        return context


class ResourceCountry(Orderable):
    resource = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="countries")
    country = models.CharField(_("country"), max_length=2, choices=COUNTRY_CHOICES)

    panels = [FieldPanel("country")]

    class Meta(Orderable.Meta):
        verbose_name = _("country")
        constraints = [
            models.UniqueConstraint(fields=["resource", "country"], name="unique_resource_country")
        ]

    def __str__(self):
        return str(country_name(self.country))
