"""Quality gates of a translation: provenance (machine-translated segments) and QA findings
(those a reviewer has not dismissed)."""

from dataclasses import dataclass, field

from wagtail_localize.models import StringSegment, StringTranslation, Translation


@dataclass
class Gate:
    machine_segments: list = field(default_factory=list)
    findings: list = field(default_factory=list)

    @property
    def blocking(self):
        """Findings no reviewer may approve over (markup the fields do not allow)."""
        from .qa import BLOCKING

        return [finding for finding in self.findings if finding.kind in BLOCKING]

    @property
    def errors(self):
        """Findings that block a plain approval (warnings do not; dismissed findings are not
        in ``findings``)."""
        from .qa import WARNING

        return [finding for finding in self.findings if finding.severity != WARNING]


def translation_for(page):
    """The wagtail-localize Translation that produces ``page`` (None for source pages)."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id
        )
        .select_related("source", "target_locale")
        .first()
    )


def machine_segments(translation):
    """Segments of ``translation`` whose current text came from machine translation."""
    segments = StringSegment.objects.filter(source_id=translation.source_id)
    return list(
        StringTranslation.objects.filter(
            locale_id=translation.target_locale_id,
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
            translation_of_id__in=segments.values("string_id"),
            context_id__in=segments.values("context_id"),
        )
    )


def review_gate(page):
    translation = translation_for(page) if page is not None else None
    if translation is None:
        return Gate()
    from .qa import findings_for

    return Gate(machine_segments=machine_segments(translation), findings=findings_for(translation))
