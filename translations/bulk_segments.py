"""Segment extraction in a constant number of queries per page.

wagtail-localize's ``TranslationSource.refresh_segments`` stores each extracted segment with three
or four ``get_or_create`` calls (string, context, segment, template or related object), each in a
savepoint: about ten queries per segment, so submitting or republishing a long module costs
hundreds of queries. ``refresh_segments`` below writes the same rows (same keys, same field paths,
same deletions) with a fixed number of bulk queries whatever the number of segments. The library
calls ``refresh_segments`` from inside its own methods (``get_or_create_from_instance``,
``update_from_db``…) that our services and its views use, so ``translations.compat`` puts this one
in its place: the one patch of segment extraction. The tests check that the library's own method
finds nothing to add or remove after ours has run (upstream: wagtail-localize #932).
"""

import json
import uuid

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    String,
    StringSegment,
    Template,
    TemplateSegment,
    TranslatableObject,
    TranslationContext,
)
from wagtail_localize.segments import (
    OverridableSegmentValue,
    RelatedObjectSegmentValue,
    TemplateSegmentValue,
)
from wagtail_localize.segments.extract import extract_segments


def _get_or_create_all(model, lookup, wanted, build, **scope):
    """Rows of ``model`` for every key in ``wanted``, by their ``lookup`` field (unique within
    ``scope``): one query finds the existing rows, one inserts the missing ones (tolerating a
    concurrent insert) and one reads those back. ``build(key)`` makes a missing row."""

    def fetch(keys):
        rows = model.objects.filter(**scope, **{f"{lookup}__in": keys})
        return {getattr(row, lookup): row for row in rows}

    found = fetch(wanted)
    missing = [key for key in wanted if key not in found]
    if missing:
        model.objects.bulk_create([build(key) for key in missing], ignore_conflicts=True)
        found.update(fetch(missing))
    return found


def _field_path(context, instance):
    """The context's field path, computed as wagtail-localize does but without its save."""
    context.save = lambda *args, **kwargs: None  # get_field_path saves; we insert in bulk
    try:
        return context.get_field_path(instance)
    finally:
        del context.save


def _contexts(source, instance, paths):
    paths = {TranslationContext._get_path_id(path): path for path in paths}

    def build(path_id):
        context = TranslationContext(object_id=source.object_id, path=paths[path_id])
        context.path_id = path_id
        context.field_path = _field_path(context, instance)
        return context

    rows = _get_or_create_all(
        TranslationContext, "path_id", list(paths), build, object_id=source.object_id
    )
    # Contexts made before wagtail-localize 1.0 have no field path; it fills them in as it goes.
    stale = [context for context in rows.values() if not context.field_path]
    for context in stale:
        context.field_path = _field_path(context, instance)
    TranslationContext.objects.bulk_update(stale, ["field_path"])
    return {paths[path_id]: context for path_id, context in rows.items()}


def _strings(locale_id, values):
    data = {String._get_data_hash(value.string.data): value.string.data for value in values}
    rows = _get_or_create_all(
        String,
        "data_hash",
        list(data),
        lambda key: String(locale_id=locale_id, data_hash=key, data=data[key]),
        locale_id=locale_id,
    )
    return {text: rows[key] for key, text in data.items()}


def _template_uuid(value):
    """The key wagtail-localize's ``Template.from_value`` gives a template."""
    return uuid.uuid5(uuid.uuid5(Template.BASE_UUID_NAMESPACE, value.format), value.template)


def _templates(values):
    keyed = {_template_uuid(value): value for value in values}

    def build(key):
        value = keyed[key]
        return Template(
            uuid=key,
            template=value.template,
            template_format=value.format,
            string_count=value.string_count,
        )

    rows = _get_or_create_all(Template, "uuid", list(keyed), build)
    return {id(value): rows[_template_uuid(value)] for value in values}


def _objects(values):
    wanted = {value.translation_key: value.content_type for value in values}
    return _get_or_create_all(
        TranslatableObject,
        "translation_key",
        list(wanted),
        lambda key: TranslatableObject(translation_key=key, content_type=wanted[key]),
    )


def _sync(manager, rows, fields):
    """Keep the source's segments of one kind equal to ``rows``, compared on ``fields``: insert
    the missing ones, delete those no longer extracted (and duplicates), leave the others (and
    their ids) alone."""
    existing = {}
    for pk, *key in manager.order_by("pk").values_list("pk", *fields):
        existing.setdefault(tuple(key), pk)
    keep, new = set(), []
    for row in rows:
        pk = existing.get(tuple(getattr(row, field) for field in fields))
        if pk is None:
            new.append(row)
        else:
            keep.add(pk)
    stale = set(existing.values()) - keep
    if stale:
        manager.filter(pk__in=stale).delete()
    if new:
        manager.model.objects.bulk_create(new)


@transaction.atomic
def refresh_segments(source):
    """Bring ``source``'s segment rows in line with its content (see the module docstring)."""
    instance = source.as_instance()
    values = list(extract_segments(instance))
    templates = [value for value in values if isinstance(value, TemplateSegmentValue)]
    related = [value for value in values if isinstance(value, RelatedObjectSegmentValue)]
    overridable = [value for value in values if isinstance(value, OverridableSegmentValue)]
    strings = [
        value
        for value in values
        if not isinstance(
            value, TemplateSegmentValue | RelatedObjectSegmentValue | OverridableSegmentValue
        )
    ]
    contexts = _contexts(source, instance, list(dict.fromkeys(value.path for value in values)))
    string_rows = _strings(source.locale_id, strings)
    template_rows = _templates(templates)
    object_rows = _objects(related)

    def common(value):
        return {"source": source, "context": contexts[value.path], "order": value.order}

    _sync(
        source.stringsegment_set,
        [
            StringSegment(
                **common(value),
                string=string_rows[value.string.data],
                attrs=json.dumps(value.attrs, cls=DjangoJSONEncoder),
            )
            for value in strings
        ],
        ("context_id", "order", "string_id", "attrs"),
    )
    _sync(
        source.templatesegment_set,
        [
            TemplateSegment(**common(value), template=template_rows[id(value)])
            for value in templates
        ],
        ("context_id", "order", "template_id"),
    )
    _sync(
        source.relatedobjectsegment_set,
        [
            RelatedObjectSegment(**common(value), object=object_rows[value.translation_key])
            for value in related
        ],
        ("context_id", "order", "object_id"),
    )
    _sync(
        source.overridablesegment_set,
        [
            OverridableSegment(
                **common(value), data_json=json.dumps(value.data, cls=DjangoJSONEncoder)
            )
            for value in overridable
        ],
        ("context_id", "order", "data_json"),
    )
