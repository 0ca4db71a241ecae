"""The translation editor's data, in a fixed number of queries, with QA findings under segments.

wagtail-localize's ``edit_translation`` view (what the page and snippet editors show for a
translated object) reads, for every segment, its context and string; for every existing
translation, the segment it belongs to and the last translator with their avatar; for every
override, its segment: about four queries per segment, several hundred for a long module.

We do not change the library's managers or querysets for the whole process. Our
``before_edit_page`` and ``before_edit_snippet`` hooks run ahead of the library's (lower
``order``), find the translation exactly as the library's hooks do and call the library's own
``edit_translation`` view, giving it the translation's source as an ``EditorTranslationSource``:
a proxy of ``TranslationSource`` whose segment sets load their context and string in the same
query, and whose translations load their translator and avatar, and carry the segment's QA
findings in their comment (``EditorStringTranslation``). The two serializers' ``get_segment_id``
(one query per translation) are the only part that must remain a patch (``translations.compat``,
``string_segment_id`` and ``override_segment_id`` below).

With ``TRANSLATIONS_LOCALIZE_PATCHES`` off, the editor reads its data exactly as the library does
(the same querysets, one query per segment); only the QA findings and the localized dates of the
comments remain ours. The tests compare what the editor shows both ways and count its queries.
"""

from django.db import models
from wagtail.models import Page
from wagtail_localize.models import (
    OverridableSegment,
    OverridableSegmentQuerySet,
    StringSegment,
    StringSegmentQuerySet,
    StringTranslation,
    Translation,
    TranslationSource,
)

from . import compat
from .editor_qa import FindingsByString, comment_with_findings

# --- the serializers' segment ids (applied by translations.compat) -----------------------------


def _first_segment_ids(context, segments, *fields):
    """{values of ``fields``: the first segment's id} for ``segments``, read once per
    serialization (kept in the serializer's context)."""
    cache = context.setdefault("_segment_ids", {})
    key = (segments.model, fields)
    if key not in cache:
        ids = cache[key] = {}
        for pk, *values in segments.order_by("pk").values_list("pk", *fields):
            ids.setdefault(tuple(values), pk)
    return cache[key]


def string_segment_id(serializer, translation):
    """``StringTranslationSerializer.get_segment_id``: the first segment of the source with the
    translation's string and context, from one query per serialization."""
    source = serializer.context.get("translation_source")
    if source is None:
        return None
    segments = StringSegment.objects.filter(source_id=source.pk)
    ids = _first_segment_ids(serializer.context, segments, "string_id", "context_id")
    return ids.get((translation.translation_of_id, translation.context_id))


def override_segment_id(serializer, override):
    """``SegmentOverrideSerializer.get_segment_id``, likewise (the library answers the first
    segment with the override's context too: ``.get()`` on a unique context)."""
    source = serializer.context.get("translation_source")
    if source is None:
        return None
    segments = OverridableSegment.objects.filter(source_id=source.pk)
    return _first_segment_ids(serializer.context, segments, "context_id").get(
        (override.context_id,)
    )


# --- the editor's data path ---------------------------------------------------------------------


class EditorStringTranslationQuerySet(models.QuerySet):
    """Its rows know where to read their QA findings (``findings``, kept through chaining)."""

    findings = None

    def _clone(self):
        clone = super()._clone()
        clone.findings = self.findings
        return clone

    def _fetch_all(self):
        fresh = self._result_cache is None
        super()._fetch_all()
        if fresh:
            for row in self._result_cache:
                if isinstance(row, EditorStringTranslation):
                    row.findings = self.findings


class EditorStringTranslation(StringTranslation):
    """A StringTranslation as the editor shows it: a localized comment with its QA findings."""

    objects = EditorStringTranslationQuerySet.as_manager()
    findings = None

    class Meta:
        proxy = True
        app_label = "translations"

    def get_comment(self):
        messages = (
            self.findings.get(self.translation_of_id, self.context_id) if self.findings else []
        )
        return comment_with_findings(self, messages)


class EditorStringSegmentQuerySet(StringSegmentQuerySet):
    """The source's string segments with their context and string (fast path), whose
    translations are ``EditorStringTranslation`` rows."""

    translation = None  # the Translation the editor shows (for QA findings)

    def _clone(self):
        clone = super()._clone()
        clone.translation = self.translation
        return clone

    def only(self, *fields):
        return super(StringSegmentQuerySet, self.select_related(None)).only(*fields)

    def defer(self, *fields):
        return super(StringSegmentQuerySet, self.select_related(None)).defer(*fields)

    def get_translations(self, locale):
        ids = super().get_translations(locale).values("pk")
        rows = EditorStringTranslation.objects.filter(pk__in=ids)
        if compat.enabled():
            rows = rows.select_related("translation_of", "last_translated_by__wagtail_userprofile")
        translation = self.translation
        if (
            translation is not None
            and getattr(locale, "pk", locale) == translation.target_locale_id
        ):
            rows.findings = FindingsByString(translation)
        return rows


class EditorOverridableSegmentQuerySet(OverridableSegmentQuerySet):
    def only(self, *fields):
        return super(OverridableSegmentQuerySet, self.select_related(None)).only(*fields)

    def defer(self, *fields):
        return super(OverridableSegmentQuerySet, self.select_related(None)).defer(*fields)


class EditorTranslationSource(TranslationSource):
    """A TranslationSource whose segment sets are the editor's (see the module docstring). Only
    the instance given to the library's editor view is one; nothing else changes."""

    editor_translation = None

    class Meta:
        proxy = True
        app_label = "translations"

    @property
    def stringsegment_set(self):
        segments = EditorStringSegmentQuerySet(StringSegment).filter(source_id=self.pk)
        segments.translation = self.editor_translation
        if compat.enabled():
            segments = segments.select_related("context", "string")
        return segments

    @property
    def overridablesegment_set(self):
        segments = EditorOverridableSegmentQuerySet(OverridableSegment).filter(source_id=self.pk)
        if compat.enabled():
            segments = segments.select_related("context")
        return segments


def for_editor(translation):
    """``translation`` with its source as the editor reads it (the same rows, ours)."""
    source = translation.source
    editor_source = EditorTranslationSource()
    editor_source.__dict__.update(source.__dict__)
    editor_source._state = source._state
    editor_source.editor_translation = translation
    translation.source = editor_source
    return translation


def edit_translation(request, instance):
    """The library's translation editor for ``instance``, if it is the target of an enabled
    translation and the request is one the library's hook would answer with the editor; else
    ``None`` (the library's hook, after ours, decides)."""
    from wagtail_localize.views import edit_translation as library_views

    if isinstance(instance, Page) and instance.alias_of_id:
        return None  # the library's hook shows an alias's own page
    if request.method == "POST" and (
        "localize-restart-translation" in request.POST
        or "localize-convert-to-alias" in request.POST
    ):
        return None
    translation = (
        Translation.objects.filter(
            source__object_id=instance.translation_key,
            target_locale_id=instance.locale_id,
            enabled=True,
        )
        .select_related("source")
        .first()
    )
    if translation is None:
        return None
    return library_views.edit_translation(request, for_editor(translation), instance)
