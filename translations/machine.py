"""Machine translation of a translation's untranslated segments, with the machine's markup
reduced to what each segment's field allows before it is stored.

wagtail-localize's ``apply_machine_translation`` stores whatever the service answers; this is the
same operation (same segments, same provenance: ``translation_type`` machine, the tool's name),
with ``translations.markup.clean`` between the answer and the database. A machine-translated
segment still needs a person's review before its translation can be approved.
"""

import json
from collections import defaultdict

from django.db import transaction
from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.segments import StringSegmentValue

from . import markup


def apply_machine_translation(translation, user, machine_translator):
    """Fill the untranslated segments of ``translation``; returns the number stored (0 when there
    was nothing left to translate)."""
    segments = list(
        StringSegment.objects.filter(source_id=translation.source_id)
        .select_related("context", "string")
        .order_by("order")
    )
    done = set(
        StringTranslation.objects.filter(
            locale_id=translation.target_locale_id,
            context_id__in={segment.context_id for segment in segments},
        ).values_list("translation_of_id", "context_id")
    )
    wanted = defaultdict(list)
    for segment in segments:
        if (segment.string_id, segment.context_id) in done:
            continue
        value = StringSegmentValue(segment.context.path, segment.string.as_value())
        if segment.attrs:
            value.attrs = json.loads(segment.attrs)
        wanted[value.string].append(segment)
    if not wanted:
        return 0
    answers = machine_translator.translate(
        translation.source.locale, translation.target_locale, list(wanted)
    )
    rules = markup.rules_by_context(
        translation.source, {s.context for group in wanted.values() for s in group}
    )
    stored = 0
    with transaction.atomic():
        for string, group in wanted.items():
            answer = answers.get(string)
            if answer is None or answer.data is None:
                continue  # the machine could not translate it
            for segment in group:
                text = markup.clean(answer.data, rules[segment.context_id], segment.string.data)
                _row, created = StringTranslation.objects.get_or_create(
                    translation_of_id=segment.string_id,
                    locale_id=translation.target_locale_id,
                    context_id=segment.context_id,
                    defaults={
                        "data": text,
                        "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
                        "tool_name": machine_translator.display_name,
                        "last_translated_by": user,
                        "has_error": False,
                        "field_error": "",
                    },
                )
                stored += created
    return stored
