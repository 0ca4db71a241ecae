"""QA findings next to each segment in wagtail-localize's translation editor.

The editor shows, under every translated segment, the comment its API gives for the translation
("Translated manually on …"). Ours adds the segment's QA findings to that comment, both when the
editor opens (``editor_queries.EditorStringTranslation``) and in the answer to each saved segment
(``StringTranslationWithFindingsSerializer``, used by ``editor_views``), so a translator sees
"QA: use the approved term …" right under the text they have just saved. The findings are
computed once per answer (a fixed number of queries), not once per segment.
"""

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext
from rest_framework import serializers
from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.views.edit_translation import StringTranslationSerializer


def localized_comment(translation):
    """wagtail-localize's comment on a translated segment ("Translated manually on …"), with the
    date written in the interface's language (the library formats it in English)."""
    date = date_format(localtime(translation.updated_at), "DATE_FORMAT")
    if translation.tool_name:
        return gettext("Translated with {tool_name} on {date}").format(
            tool_name=translation.tool_name, date=date
        )
    if translation.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL:
        return gettext("Translated manually on {date}").format(date=date)
    if translation.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE:
        return gettext("Machine translated on {date}").format(date=date)
    return None


def comment_with_findings(translation, messages):
    comment = localized_comment(translation)
    if not messages:
        return comment
    qa = gettext("QA: %(findings)s") % {"findings": " ".join(messages)}
    return f"{comment} · {qa}" if comment else qa


class FindingsByString:
    """The QA messages of one translation by (string id, context id) of their segment: computed
    the first time they are asked for (a fixed number of queries), then shared."""

    def __init__(self, translation):
        self.translation = translation
        self._messages = None

    def get(self, string_id, context_id):
        if self._messages is None:
            from .qa import findings_for

            keys = {
                pk: (string, context)
                for pk, string, context in StringSegment.objects.filter(
                    source_id=self.translation.source_id
                ).values_list("pk", "string_id", "context_id")
            }
            self._messages = {}
            for finding in findings_for(self.translation):
                if finding.segment_id in keys:
                    key = keys[finding.segment_id]
                    self._messages.setdefault(key, []).append(finding.message)
        return self._messages.get((string_id, context_id), [])


class StringTranslationWithFindingsSerializer(StringTranslationSerializer):
    """The library's serializer of a saved segment, its comment with the segment's QA findings
    (``context``: ``translation_source`` as the library's, and ``translation``)."""

    comment = serializers.SerializerMethodField()

    def get_comment(self, string_translation):
        findings = self.context.get("_findings")
        if findings is None and self.context.get("translation") is not None:
            findings = self.context["_findings"] = FindingsByString(self.context["translation"])
        messages = (
            findings.get(string_translation.translation_of_id, string_translation.context_id)
            if findings is not None
            else []
        )
        return comment_with_findings(string_translation, messages)
