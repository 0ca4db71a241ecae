"""Read side of the translation workflow: the module × locale matrix and segment states.

A fixed number of queries whatever the number of pages and locales (asserted in tests).
"""

from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import StringTranslation, Translation

from .qa import INHERITED, findings_by_translation, load_segments

STATE_LABELS = {
    "not_submitted": _("Not submitted"),
    "in_progress": _("In progress"),
    "in_review": _("Awaiting review"),
    "published": _("Published"),
    "stale": _("Published, source changed"),
}


@dataclass
class Cell:
    page: object
    locale: object
    translation: object = None
    target: object = None
    total: int = 0
    translated: int = 0
    stale: int = 0
    new: int = 0
    machine: int = 0
    inherited: int = 0
    findings: list = field(default_factory=list)
    workflow: str = ""
    visible: bool = True  # the user may see this translation's status (see views.dashboard)

    @property
    def percent(self):
        return round(100 * self.translated / self.total) if self.total else 0

    @property
    def adapted(self):
        """For a regional adaptation: segments changed from the inherited source text."""
        return self.translated - self.inherited

    @property
    def state_label(self):
        return STATE_LABELS[self.state]

    @property
    def state(self):
        if self.translation is None:
            return "not_submitted"
        if self.workflow:
            return "in_review"
        if self.target is not None and self.target.live and not self.target.shows_source:
            return "stale" if self.stale or self.new else "published"
        return "in_progress"


@dataclass
class Project:
    """A translation project other apps register (hook ``register_translation_projects``, a
    function returning a list of them): the dashboard filters on one (``?project=<key>``) to
    show its source pages in its locale."""

    key: str
    label: str
    locale_id: int
    source_keys: set = field(default_factory=set)


def translation_projects():
    from wagtail import hooks

    projects = []
    for projects_of in hooks.get_hooks("register_translation_projects"):
        projects += list(projects_of())
    return projects


def target_locales():
    return list(Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code"))


def segment_states(translations, rows=None):
    """Per translation: total, translated, stale (source changed since it was translated), new
    (never translated) and machine-translated segment counts. Two queries, or none with ``rows``
    from ``qa.load_segments``."""
    rows = load_segments(translations) if rows is None else rows
    contexts_done = {(context_id, locale_id) for _string, context_id, locale_id in rows.targets}
    states = {}
    for translation in translations:
        counts = {"total": 0, "translated": 0, "stale": 0, "new": 0, "machine": 0, "inherited": 0}
        locale_id = translation.target_locale_id
        for _segment, string_id, context_id, _data, _path in rows.by_source[translation.source_id]:
            counts["total"] += 1
            state = rows.targets.get((string_id, context_id, locale_id))
            if state is not None:
                _text, kind, tool = state
                counts["translated"] += 1
                counts["machine"] += kind == StringTranslation.TRANSLATION_TYPE_MACHINE
                counts["inherited"] += tool == INHERITED
            elif (context_id, locale_id) in contexts_done:
                counts["stale"] += 1
            else:
                counts["new"] += 1
        states[translation.pk] = counts
    return states


def translation_matrix(pages, locales=None):
    """Rows of cells, one row per source page, one cell per target locale."""
    locales = target_locales() if locales is None else locales
    keys = [page.translation_key for page in pages]
    translations = list(
        Translation.objects.filter(
            source__object_id__in=keys, target_locale__in=locales, enabled=True
        ).select_related("source")
    )
    by_key_locale = {(t.source.object_id, t.target_locale_id): t for t in translations}
    rows = load_segments(translations)
    states = segment_states(translations, rows)
    findings = findings_by_translation(translations, rows)
    models = {type(page) for page in pages}
    shows_source = reduce(
        or_,
        [Exists(model.objects.filter(pk=OuterRef("pk"), shows_source_content=True))
         for model in models],
    )  # fmt: skip
    targets = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(translation_key__in=keys, locale__in=locales).annotate(
            shows_source=shows_source
        )
    }
    page_type = ContentType.objects.get_for_model(Page)
    by_pk = {str(page.pk): key for key, page in targets.items()}
    in_review = {
        by_pk[state.object_id]: state.current_task_state.task.name
        for state in WorkflowState.objects.active()
        .filter(base_content_type=page_type, object_id__in=list(by_pk))
        .select_related("current_task_state__task")
    }
    rows = []
    for page in pages:
        cells = []
        for locale in locales:
            translation = by_key_locale.get((page.translation_key, locale.pk))
            cell = Cell(
                page=page,
                locale=locale,
                translation=translation,
                target=targets.get((page.translation_key, locale.pk)),
            )
            if translation is not None:
                for name, value in states[translation.pk].items():
                    setattr(cell, name, value)
                cell.findings = findings.get(translation.pk, [])
            cell.workflow = in_review.get((page.translation_key, locale.pk), "")
            cells.append(cell)
        rows.append((page, cells))
    return rows
