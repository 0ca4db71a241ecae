from django import template

register = template.Library()


@register.inclusion_tag("translations/editor_summary.html")
def translation_summary(translation):
    """What the translator and the reviewer need to know, shown above wagtail-localize's editor:
    stale and new segments, machine-translated segments awaiting a person, QA findings."""
    from translations.qa import findings_for, load_segments
    from translations.selectors import segment_states

    rows = load_segments([translation])
    counts = segment_states([translation], rows)[translation.pk]
    findings = findings_for(translation, rows)
    return {"translation": translation, "counts": counts, "findings": findings}
