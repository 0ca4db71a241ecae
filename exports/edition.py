"""What goes into an exported language edition of a course.

An edition is one ``CoursePage`` in one locale with its modules, country units and evaluations,
and the resources of the library in that locale. Only live pages go in, and only what the public
site would show a learner of the edition: pages under a password, login or group restriction are
left out (an export leaves the site's access control behind).

A page of the locale that is not (yet) translated — an alias of the source page, or a translation
whose first version awaits review and therefore still shows the source's content — is a
*fallback*: with ``fallback=INCLUDE`` it goes in with the source's text and ``is_fallback`` set,
so exports show the same notice as the site; with ``fallback=OMIT`` it is left out (with its
subtree, for a module).
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale, Page, PageViewRestriction

from course_content.countries import country_name
from course_content.models import (
    CountryUnitPage,
    CoursePage,
    EvaluationPage,
    ModulePage,
    ResourceLibraryPage,
    ResourcePage,
)
from course_content.selectors import shown_source_language
from translations.selectors import with_source_shown

INCLUDE = "include"
OMIT = "omit"
FALLBACK_CHOICES = [
    (INCLUDE, gettext_lazy("Include untranslated pages in the source language, with a notice")),
    (OMIT, gettext_lazy("Leave untranslated pages out")),
]


class EditionError(ValueError):
    """The edition asked for does not exist or cannot be exported (a message for the user)."""


@dataclass
class ModuleEntry:
    module: ModulePage
    country_units: list = field(default_factory=list)  # CountryUnitPage, by country name
    evaluation: EvaluationPage | None = None


@dataclass
class Edition:
    course: CoursePage  # in the edition's locale
    locale: Locale
    fallback: str
    modules: list = field(default_factory=list)  # ModuleEntry, by module number
    # ResourcePage of the locale's library (learner-only ones too: an export is for learners)
    resources: list = field(default_factory=list)
    library: ResourceLibraryPage | None = None
    omitted: list = field(default_factory=list)  # pages left out as untranslated

    @property
    def language_code(self):
        return self.locale.language_code

    def pages(self):
        """Every page of the edition, course first, in reading order."""
        yield self.course
        for entry in self.modules:
            yield entry.module
            yield from entry.country_units
            if entry.evaluation is not None:
                yield entry.evaluation
        if self.library is not None:
            yield self.library
            yield from self.resources


def is_fallback(page):
    """The page shows the source's content, not a translation (alias or awaiting review)."""
    return shown_source_language(page) is not None


def find_course(identifier):
    """The source-locale course named by ``identifier``: its id or its slug."""
    default = Locale.get_default()
    courses = CoursePage.objects.filter(locale=default)
    text = str(identifier).strip()
    course = courses.filter(pk=int(text)).first() if text.isdigit() else None
    if course is None:
        course = courses.filter(slug=text).first()
    if course is None:
        raise EditionError(_("No course with the id or slug “%(course)s”.") % {"course": text})
    return course


def find_locale(language_code):
    locale = Locale.objects.filter(language_code__iexact=str(language_code).strip()).first()
    if locale is None:
        known = ", ".join(
            Locale.objects.order_by("language_code").values_list("language_code", flat=True)
        )
        raise EditionError(
            _("Unknown language “%(code)s”. Languages of the site: %(known)s.")
            % {"code": language_code, "known": known}
        )
    return locale


def _restricted_paths():
    """Paths of pages under a view restriction, in every locale (a restriction follows a page's
    translations, as ``learning.access`` applies it)."""
    restricted = PageViewRestriction.objects.values_list("page__translation_key", flat=True)
    return list(Page.objects.filter(translation_key__in=restricted).values_list("path", flat=True))


def _public(queryset, restricted):
    """The live pages outside view restrictions, each read with whether it shows its source's
    content (``is_fallback`` then needs no query)."""
    queryset = with_source_shown(queryset.live())
    for path in restricted:
        queryset = queryset.exclude(path__startswith=path)
    return queryset


def load_edition(course, locale, *, fallback=INCLUDE):
    """The edition of ``course`` (a source-locale ``CoursePage``) in ``locale``.

    Raises ``EditionError`` when the course has no live page in that locale.
    """
    if fallback not in (INCLUDE, OMIT):
        raise EditionError(_("Choose whether untranslated pages are included or left out."))
    restricted = _restricted_paths()
    localized = _public(
        CoursePage.objects.filter(translation_key=course.translation_key, locale=locale),
        restricted,
    ).first()
    if localized is None:
        raise EditionError(
            _("“%(course)s” has no published edition in %(language)s.")
            % {"course": course.title, "language": locale.get_display_name()}
        )
    edition = Edition(course=localized, locale=locale, fallback=fallback)
    keep = (lambda page: True) if fallback == INCLUDE else (lambda page: not is_fallback(page))

    modules = _public(ModulePage.objects.child_of(localized), restricted).order_by("number")
    by_path = {}
    for module in modules:
        if keep(module):
            entry = ModuleEntry(module=module)
            edition.modules.append(entry)
            by_path[module.path] = entry
        else:
            edition.omitted.append(module)
    units = _public(CountryUnitPage.objects.descendant_of(localized), restricted)
    for unit in sorted(units, key=lambda unit: str(country_name(unit.country))):
        entry = by_path.get(unit.path[: -ModulePage.steplen])
        if entry is None:
            continue
        if keep(unit):
            entry.country_units.append(unit)
        else:
            edition.omitted.append(unit)
    for evaluation in _public(EvaluationPage.objects.descendant_of(localized), restricted):
        entry = by_path.get(evaluation.path[: -ModulePage.steplen])
        if entry is None:
            continue
        if keep(evaluation):
            entry.evaluation = evaluation
        else:
            edition.omitted.append(evaluation)

    home = localized.get_parent()
    edition.library = _public(ResourceLibraryPage.objects.child_of(home), restricted).first()
    if edition.library is not None:
        resources = _public(ResourcePage.objects.child_of(edition.library), restricted)
        for resource in resources.order_by("title"):
            (edition.resources if keep(resource) else edition.omitted).append(resource)
    return edition
