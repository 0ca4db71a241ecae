"""Quality checks of translated segments (termbase, tags, links, numbers, empty targets).

Filled in by the termbase work; an empty list means no findings.
"""


def findings_for(translation):
    return findings_by_translation([translation]).get(translation.pk, [])


def findings_by_translation(translations):
    """QA findings per translation id (filled in by the termbase checks)."""
    return {}
