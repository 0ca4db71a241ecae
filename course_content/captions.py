"""Captions of video files: validation of WebVTT documents and the ``<track>`` a page shows.

A caption track is per language. The captions chosen on the Spanish source are in the language
spoken in the video (``kind="captions"``). Translations synchronise them, and a translator may
override the file in the translation editor with one in the translation's language: the page
then shows it as ``kind="subtitles"`` in that language. The source's captions are compared
with the page's own (no extra query: the page context already holds its live translations).
"""

import io
from dataclasses import dataclass

import webvtt
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from webvtt.errors import MalformedCaptionError, MalformedFileError

CAPTIONS_EXTENSION = "vtt"
MAX_CAPTIONS_BYTES = 1024 * 1024
VIDEO_EXTENSIONS = ("mp4", "webm", "ogv")
AUDIO_EXTENSIONS = ("mp3", "ogg", "oga", "opus", "m4a", "wav", "webm")


def is_video_file(document):
    return document is not None and document.file_extension.lower() in VIDEO_EXTENSIONS


def is_audio_file(document):
    return document is not None and document.file_extension.lower() in AUDIO_EXTENSIONS


def captions_error(document):
    """Why ``document`` cannot be used as captions, or None if it is a WebVTT file with cues."""
    if document.file_extension.lower() != CAPTIONS_EXTENSION:
        return _("Captions must be a WebVTT file (.vtt); “%(name)s” is not.") % {
            "name": document.filename
        }
    try:
        with document.open_file() as handle:
            data = handle.read(MAX_CAPTIONS_BYTES + 1)
    except OSError:
        return _("The captions file “%(name)s” cannot be read.") % {"name": document.filename}
    if len(data) > MAX_CAPTIONS_BYTES:
        return _("The captions file is too large (1 MB at most).")
    try:
        text = data.decode("utf-8-sig")
        captions = webvtt.from_buffer(io.StringIO(text), strict=True).captions
    except UnicodeDecodeError:
        return _("The captions file must be UTF-8 text.")
    except MalformedFileError:
        return _("“%(name)s” is not a WebVTT file: it must begin with “WEBVTT”.") % {
            "name": document.filename
        }
    except (MalformedCaptionError, ValueError):
        return _(
            "“%(name)s” has a cue whose timing cannot be read "
            "(write it as 00:00:01.000 --> 00:00:04.000)."
        ) % {"name": document.filename}
    if not captions:
        return _("The captions file “%(name)s” has no cues.") % {"name": document.filename}
    return None


def validate_captions(document):
    message = captions_error(document)
    if message:
        raise ValidationError(message, code="invalid_captions")


@dataclass(frozen=True)
class CaptionTrack:
    url: str
    kind: str  # "captions" (the video's own language) or "subtitles" (a translation's)
    language: str | None

    @property
    def label(self):
        try:
            return get_language_info(self.language)["name_translated"]
        except KeyError:
            return _("Captions")


def caption_track(captions, *, spoken_language, page_language, source_captions_id=None):
    """The ``<track>`` to show for ``captions`` on a page in ``page_language``.

    ``source_captions_id`` is the captions document of the page's Spanish source (None on the
    source itself, or when unknown): a translation whose captions differ carries its own.
    """
    if captions is None:
        return None
    is_translation = page_language.lower() != settings.LANGUAGE_CODE.lower()
    if is_translation and source_captions_id and captions.pk != source_captions_id:
        return CaptionTrack(url=captions.url, kind="subtitles", language=page_language)
    return CaptionTrack(url=captions.url, kind="captions", language=spoken_language or None)


def _source_page(context):
    """The page's live Spanish source among the translations in its template context."""
    return next(
        (
            page
            for page in context.get("translations", ())
            if page.locale.language_code == settings.LANGUAGE_CODE
        ),
        None,
    )


def video_block_track(value, context):
    """The captions ``<track>`` of a video block rendered on ``context["page"]``.

    Videos in course pages are in the course's source language. On a translation, the source
    page's video block with the same file tells whether the captions were overridden.
    """
    video, captions = value.get("file"), value.get("captions")
    page = context.get("page")
    if not (captions and is_video_file(video)):
        return None
    # The page's own language (its locale), which the page context already holds.
    page_language = context.get("page_language") or settings.LANGUAGE_CODE
    source_captions_id = None
    source = _source_page(context)
    body = getattr(source, "body", None)
    if body is not None and source.pk != getattr(page, "pk", None):
        # The raw JSON: no query for the source's documents.
        for block in body.raw_data:
            if block["type"] == "video" and block["value"].get("file") == video.pk:
                source_captions_id = block["value"].get("captions")
                break
    return caption_track(
        captions,
        spoken_language=settings.LANGUAGE_CODE,
        page_language=page_language,
        source_captions_id=source_captions_id,
    )
