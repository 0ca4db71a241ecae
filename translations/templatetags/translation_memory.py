from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def memory_editor_config(translation):
    """What the translation editor's memory script needs: where to ask for a segment's matches,
    and its labels in the interface's language."""
    return {
        "url": reverse("translations:memory_matches", args=[translation.pk]),
        "labels": {
            "title": _("Translation memory"),
            "insert": _("Insert"),
            "insertLabel": _("Insert this translation (score {score})"),
            "exact": _("exact match"),
            "none": _("No similar translation in the memory (a score of 75 or more)."),
            "error": _("The translation memory could not be reached."),
        },
    }
