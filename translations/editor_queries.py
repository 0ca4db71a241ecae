"""Fewer queries in wagtail-localize's translation editor.

Its ``edit_translation`` view reads, for every segment, the segment's context and string, and for
every existing translation or override, the segment id and the last translator (and their avatar)
— four queries per segment, so a long module costs several hundred. Three narrow changes, applied
when the app is ready, load the same data up front; the view itself and what it renders are
unchanged (the tests compare the editor's data and count its queries).
"""

from django.db.models import QuerySet
from wagtail_localize.models import (
    OverridableSegment,
    StringSegment,
    StringSegmentQuerySet,
)
from wagtail_localize.views.edit_translation import (
    SegmentOverrideSerializer,
    StringTranslationSerializer,
)


def _select_related_by_default(model, *fields):
    """Every queryset of ``model``'s default manager (and so of ``source.<model>_set``, which the
    view iterates) loads ``fields`` in the same query.

    ``only()`` and ``defer()`` drop that default first: Django refuses to defer a relation it
    also follows (wagtail-localize calls ``overridablesegment_set.only("id")``)."""
    manager_class = type(model._default_manager)
    queryset_class = manager_class._queryset_class
    if queryset_class is QuerySet:  # Django's shared Manager and QuerySet: not ours to change
        raise RuntimeError(f"{model.__name__} has no manager class of its own")
    get_queryset = manager_class.get_queryset
    default = {field: {} for field in fields}

    def get_queryset_with_related(self):
        return get_queryset(self).select_related(*fields)

    def without_default(method):
        def deferring(self, *names):
            if self.query.select_related == default:
                self = self.select_related(None)
            return method(self, *names)

        return deferring

    manager_class.get_queryset = get_queryset_with_related
    queryset_class.only = without_default(queryset_class.only)
    queryset_class.defer = without_default(queryset_class.defer)


def _translations_with_translator():
    """``segments.get_translations(locale)`` also loads who translated each string and their
    profile (the serializer shows their name and avatar), and the source string (for errors)."""
    get_translations = StringSegmentQuerySet.get_translations

    def get_translations_with_translator(self, locale):
        return get_translations(self, locale).select_related(
            "translation_of", "last_translated_by__wagtail_userprofile"
        )

    StringSegmentQuerySet.get_translations = get_translations_with_translator


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


def _segment_ids_in_one_query():
    """The serializers look up each translation's (and override's) segment id with a query of its
    own; read the source's map to the first segment id once per serialization instead."""

    def get_segment_id(self, translation):
        source = self.context.get("translation_source")
        if source is None:
            return None
        ids = _first_segment_ids(self.context, source.stringsegment_set, "string_id", "context_id")
        return ids.get((translation.translation_of_id, translation.context_id))

    def get_override_segment_id(self, override):
        source = self.context.get("translation_source")
        if source is None:
            return None
        ids = _first_segment_ids(self.context, source.overridablesegment_set, "context_id")
        return ids.get((override.context_id,))

    StringTranslationSerializer.get_segment_id = get_segment_id
    SegmentOverrideSerializer.get_segment_id = get_override_segment_id


def apply():
    _select_related_by_default(StringSegment, "context", "string")
    _select_related_by_default(OverridableSegment, "context")
    _translations_with_translator()
    _segment_ids_in_one_query()
