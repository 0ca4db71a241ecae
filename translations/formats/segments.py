"""The segments of a translation as (unit id, context path, source text, current target)."""

from dataclasses import dataclass

from wagtail_localize.models import StringSegment, StringTranslation


@dataclass(frozen=True)
class Unit:
    id: str
    path: str
    source: str
    target: str
    string_id: int
    context_id: int


def units_for(translation):
    segments = list(
        StringSegment.objects.filter(source_id=translation.source_id)
        .order_by("order")
        .values_list("pk", "string_id", "context_id", "string__data", "context__path")
    )
    targets = dict(
        (((string_id, context_id), data))
        for string_id, context_id, data in StringTranslation.objects.filter(
            locale_id=translation.target_locale_id,
            context_id__in={context for _pk, _s, context, _d, _p in segments},
        ).values_list("translation_of_id", "context_id", "data")
    )
    return [
        Unit(f"u{pk}", path, data, targets.get((string_id, context_id), ""), string_id, context_id)
        for pk, string_id, context_id, data, path in segments
    ]
