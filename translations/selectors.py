"""Read side of the translation workflow: the module × locale matrix and segment states, and
which pages of the site show their source's content (the fallback rules the site follows).

A fixed number of queries whatever the number of pages and locales (asserted in tests).
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import StringTranslation, Translation

from .qa import INHERITED, findings_by_translation, load_segments

# --- pages that show their source's content ----------------------------------------------------
#
# A page of a target locale shows its source's content (and the site says so: a notice, the
# source's ``lang``, no ``hreflang`` link to it, not in the sitemap) while it is
# - a placeholder: wagtail-localize's alias of the source page, made when the locale follows the
#   source (``alias_of_id``), or
# - a translation whose first translated version awaits a reviewer's approval: its live version is
#   still the source's content (``SourceContentShown``, set and cleared by ``services``).
# Pages read for the site carry the second as ``shows_source_content``, read in the same query
# (``with_source_shown``); ``shows_source_content(page)`` reads it, or asks for it.

SHOWN_ANNOTATION = "shows_source_content"


def awaiting_first_review(page="pk"):
    """An expression: the page (the outer query's ``page`` field) is a translation whose first
    translated version awaits review."""
    from .models import SourceContentShown

    return Exists(SourceContentShown.objects.filter(page_id=OuterRef(page)))


def with_source_shown(pages):
    """``pages`` (a queryset of any page type), each read with ``shows_source_content``."""
    return pages.annotate(**{SHOWN_ANNOTATION: awaiting_first_review()})


def source_shown_q(prefix=""):
    """A filter: the page (through ``prefix``, e.g. ``"page__"``) shows its source's content,
    placeholders included."""
    from .models import SourceContentShown

    return Q(**{f"{prefix}alias_of__isnull": False}) | Q(
        **{f"{prefix}pk__in": SourceContentShown.objects.values("page_id")}
    )


def awaiting_first_review_q(prefix=""):
    """A filter: the translation's first translated version awaits review (placeholders not
    included)."""
    from .models import SourceContentShown

    return Q(**{f"{prefix}pk__in": SourceContentShown.objects.values("page_id")})


def shows_source_content(page):
    """Whether ``page`` is a translation whose first translated version awaits review (read with
    the page by ``with_source_shown``; no query either for a page of the source language read
    with its locale; else one query)."""
    if SHOWN_ANNOTATION in page.__dict__:
        return bool(page.__dict__[SHOWN_ANNOTATION])
    locale = page._state.fields_cache.get("locale")  # read with the page
    if locale is not None and locale.language_code.lower() == settings.LANGUAGE_CODE.lower():
        return False  # a source page shows its own content
    from .models import SourceContentShown

    shown = SourceContentShown.objects.filter(page_id=page.pk).exists()
    page.__dict__[SHOWN_ANNOTATION] = shown
    return shown


def shows_source(page):
    """Whether ``page``'s live content is its source's (a placeholder, or a translation whose
    first version awaits review)."""
    return bool(page.alias_of_id) or shows_source_content(page)


def shown_source_language(page):
    """The source language when ``page`` shows its source's content, else ``None``."""
    if shows_source(page):
        return settings.LANGUAGE_CODE
    return None


def copy_source_shown(row, page):
    """Carry ``row``'s annotation over to ``page`` (its specific page read in the same query)."""
    if SHOWN_ANNOTATION in row.__dict__:
        page.__dict__[SHOWN_ANNOTATION] = row.__dict__[SHOWN_ANNOTATION]
    return page


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
    targets = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(translation_key__in=keys, locale__in=locales).annotate(
            shows_source=awaiting_first_review()
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
