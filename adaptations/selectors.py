"""Reads: the course's modules (the choices of the form), the requests' projects and their
progress (through ``translations.selectors``), and the public status of a request."""

from dataclasses import dataclass

from django.db.models import Max
from django.utils import translation
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from course_content.models import CoursePage, ModulePage


def source_course():
    """The course in the source language (the latest edition if there are several)."""
    return CoursePage.objects.live().filter(locale=Locale.get_default()).order_by("-path").first()


def source_modules(course=None):
    course = course or source_course()
    if course is None:
        return []
    return list(ModulePage.objects.child_of(course).order_by("number"))


def module_choices():
    """(number, "Module 3: title") of the source course, each title in the visitor's language
    where the module is translated and live."""
    from django.utils.translation import gettext as _

    modules = source_modules()
    code = (translation.get_language() or "").lower()
    titles = dict(
        Page.objects.live()
        .filter(
            translation_key__in=[module.translation_key for module in modules],
            locale__language_code__iexact=code,
            alias_of__isnull=True,
        )
        .values_list("translation_key", "title")
    )
    return [
        (
            str(module.number),
            _("Module %(number)s: %(title)s")
            % {"number": module.number, "title": titles.get(module.translation_key, module.title)},
        )
        for module in modules
    ]


def project_pages(request):
    """The source pages of a request's project: its modules and their subpages."""
    modules = [m for m in source_modules() if m.number in set(request.modules)]
    pages = []
    for module in modules:
        pages.append(module)
        pages += list(module.get_descendants().specific())
    return pages


@dataclass
class Progress:
    pages: int = 0
    pages_submitted: int = 0
    pages_published: int = 0
    segments: int = 0
    translated: int = 0
    stale: int = 0
    new: int = 0
    awaiting_review: int = 0
    last_change: object = None

    def _percent(self, part, whole):
        return round(100 * part / whole) if whole else 0

    @property
    def translated_percent(self):
        return self._percent(self.translated, self.segments)

    @property
    def stale_percent(self):
        return self._percent(self.stale, self.segments)

    @property
    def review_percent(self):
        return self._percent(self.awaiting_review, self.segments)

    @property
    def published_percent(self):
        return self._percent(self.pages_published, self.pages)


def progress(request):
    """Progress of an accepted request's project in its locale (``translations.selectors``):
    segments translated, stale (changed in the source since translated), new, awaiting review,
    pages published, and the date of the last change. None before acceptance."""
    from translations.selectors import translation_matrix

    if request.locale_id is None:
        return None
    pages = project_pages(request)
    result = Progress(pages=len(pages))
    if not pages:
        return result
    rows = translation_matrix(pages, [request.locale])
    moments = []
    for _page, cells in rows:
        for cell in cells:
            if cell.translation is None:
                continue
            result.pages_submitted += 1
            result.segments += cell.total
            result.translated += cell.translated
            result.stale += cell.stale
            result.new += cell.new
            if cell.state == "in_review":
                result.awaiting_review += cell.translated
            if cell.state in ("published", "stale"):
                result.pages_published += 1
            if cell.target is not None and cell.target.last_published_at:
                moments.append(cell.target.last_published_at)
    last = Translation.objects.filter(
        source__object_id__in=[page.translation_key for page in pages],
        target_locale_id=request.locale_id,
    ).aggregate(translated=Max("translations_last_updated_at"), created=Max("created_at"))
    moments += [moment for moment in last.values() if moment]
    result.last_change = max(moments) if moments else None
    return result


def translation_projects():
    """Accepted requests as ``translations.selectors.Project``s: the Translations dashboard
    shows one project's modules in its locale (``?project=<request id>``)."""
    from django.utils.translation import gettext as _

    from translations.selectors import Project

    from .models import AdaptationRequest

    accepted = list(
        AdaptationRequest.objects.filter(
            status=AdaptationRequest.ACCEPTED, locale__isnull=False
        ).order_by("-accepted_at")
    )
    if not accepted:
        return []
    keys = {module.number: module.translation_key for module in source_modules()}
    return [
        Project(
            key=str(adaptation.pk),
            label=_("Adaptation request #%(number)s: %(language)s, modules %(modules)s")
            % {
                "number": adaptation.pk,
                "language": adaptation.locale_code,
                "modules": ", ".join(str(number) for number in adaptation.modules),
            },
            locale_id=adaptation.locale_id,
            source_keys={keys[n] for n in adaptation.modules if n in keys},
        )
        for adaptation in accepted
    ]
