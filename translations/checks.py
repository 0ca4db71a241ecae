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
    """The gate of ``page``'s translation, computed now (and stored for the listings)."""
    translation = translation_for(page) if page is not None else None
    if translation is None:
        return Gate()
    from .qa import findings_for

    gate = Gate(machine_segments=machine_segments(translation), findings=findings_for(translation))
    _store(translation, page, gate)
    return gate


@dataclass
class GateCounts:
    """What a listing needs of a gate: how many machine segments, blocking findings and errors."""

    machine_segments: int = 0
    blocking: int = 0
    errors: int = 0


def _store(translation, page, gate):
    from .models import ReviewGateSummary

    counts = GateCounts(len(gate.machine_segments), len(gate.blocking), len(gate.errors))
    ReviewGateSummary.objects.update_or_create(
        translation=translation,
        defaults={"revision_id": page.latest_revision_id, **counts.__dict__},
    )
    return counts


def stored_review_gate(page):
    """The counts of ``page``'s gate at its latest revision: stored once computed, computed
    again when the page has a new revision or a translation of its locale changed (the stored
    one is then forgotten). For listings; approving checks with ``review_gate``."""
    from .models import ReviewGateSummary

    translation = translation_for(page) if page is not None else None
    if translation is None:
        return GateCounts()
    stored = ReviewGateSummary.objects.filter(
        translation=translation, revision_id=page.latest_revision_id
    ).first()
    if stored is not None:
        return GateCounts(stored.machine_segments, stored.blocking, stored.errors)
    from .qa import findings_for

    gate = Gate(machine_segments=machine_segments(translation), findings=findings_for(translation))
    return _store(translation, page, gate)


def forget_review_gates(*, locale_id=None, translation_id=None, string_id=None):
    """Drop stored gates that a change may have made stale: of a translation, of the
    translations into a locale (of the sources with ``string_id``, if given)."""
    from .models import ReviewGateSummary

    rows = ReviewGateSummary.objects.all()
    if translation_id is not None:
        rows = rows.filter(translation_id=translation_id)
    if locale_id is not None:
        rows = rows.filter(translation__target_locale_id=locale_id)
    if string_id is not None:
        rows = rows.filter(
            translation__source_id__in=StringSegment.objects.filter(string_id=string_id).values(
                "source_id"
            )
        )
    rows.delete()
