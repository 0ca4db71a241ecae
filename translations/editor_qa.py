"""QA findings next to each segment in wagtail-localize's translation editor.

The editor shows, under every translated segment, the comment its API gives for the translation
("Translated manually on …"). ``apply`` adds the segment's QA findings to that comment, both when
the editor opens and in the answer to each saved segment, so a translator sees "QA: use the
approved term …" right under the text they have just saved. The findings are computed once per
answer (a fixed number of queries), not once per segment.
"""

from django.utils.translation import gettext as _
from rest_framework import serializers
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import StringTranslationSerializer

from .qa import findings_for


def _findings_by_segment(context, translation):
    """{segment id: [message]} for the translation of ``context``'s source into the
    translation's locale, computed once per serialization."""
    cache = context.setdefault("_qa_findings", {})
    if translation.locale_id not in cache:
        source = context["translation_source"]
        target = Translation.objects.filter(
            source=source, target_locale_id=translation.locale_id, enabled=True
        ).first()
        by_segment = {}
        for finding in findings_for(target) if target else ():
            by_segment.setdefault(finding.segment_id, []).append(finding.message)
        cache[translation.locale_id] = by_segment
    return cache[translation.locale_id]


def localized_comment(translation):
    """wagtail-localize's comment on a translated segment ("Translated manually on …"), with the
    date written in the interface's language (the library formats it in English)."""
    from django.utils.formats import date_format
    from django.utils.timezone import localtime
    from django.utils.translation import gettext
    from wagtail_localize.models import StringTranslation

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


def get_comment_with_findings(self, translation):
    comment = localized_comment(translation)
    if "translation_source" not in self.context:
        return comment
    segment_id = self.get_segment_id(translation)
    messages = _findings_by_segment(self.context, translation).get(segment_id)
    if not messages:
        return comment
    qa = _("QA: %(findings)s") % {"findings": " ".join(messages)}
    return f"{comment} · {qa}" if comment else qa


def apply():
    StringTranslationSerializer._declared_fields["comment"] = serializers.SerializerMethodField()
    StringTranslationSerializer.get_comment = get_comment_with_findings
