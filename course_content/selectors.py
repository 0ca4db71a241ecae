"""Read-side queries for pages, listings and the course outline.

Every function here runs a fixed number of SQL queries whatever the amount of content (the
tests assert it), so pages and API answers stay fast as the course grows.
"""

from decimal import Decimal

from django import forms
from django.conf import settings
from django.conf.locale import LANG_INFO
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Q, Subquery
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from course_content.countries import country_name
from course_content.models import (
    CountryUnitPage,
    CoursePage,
    EvaluationPage,
    HomePage,
    ModulePage,
    ModuleRelatedResource,
    ResourceCountry,
    ResourceLibraryPage,
    ResourcePage,
)
from course_content.models.resources import MATERIAL_LANGUAGES, RESOURCE_TYPES
from course_content.visibility import Visible
from translations.selectors import (
    SHOWN_ANNOTATION,
    awaiting_first_review,
    copy_source_shown,
    with_source_shown,
)

# Which pages show their source's content, and in which language, is the translation workflow's
# rule (``translations.selectors``); templates and exports ask for it here too.
from translations.selectors import shown_source_language as shown_source_language  # noqa: E402

RESOURCES_PER_PAGE = 12


def _sorted_by_country_name(units):
    return sorted(units, key=lambda unit: str(country_name(unit.country)))


def localize_pages(pages, locale_id, visible):
    """Swap each page for its live translation in ``locale_id`` where one exists (one query)."""
    pages = list(pages)
    keys = [page.translation_key for page in pages if page.locale_id != locale_id]
    if not keys:
        return pages
    model = type(pages[0])
    translated = {
        page.translation_key: page
        for page in with_source_shown(
            visible(model.objects.filter(locale_id=locale_id, translation_key__in=keys))
        )
    }
    return [translated.get(page.translation_key, page) for page in pages]


# The page types that have children: the only ones a breadcrumb or the header links to.
NAVIGATION_MODELS = (HomePage, CoursePage, ResourceLibraryPage, ModulePage)


def site_navigation(page=None, *, language_code=None, visible=None, rows=None):
    """The header's links and the breadcrumbs, in one query (none when ``rows`` are given).

    ``{"home", "course", "library", "breadcrumbs", "section"}``: the home page of ``page``'s
    locale, its first live course and its library, ``page``'s ancestors below the root, and which
    header link ``page`` is under (``"course"``, ``"modules"`` or ``"library"``). Without a page
    (a 404), those of the home page in ``language_code``. ``rows``: those ancestors and the home
    page's children as the reader may see them, already read (by ``routing``).
    """
    visible = visible or Visible()
    steplen = Page.steplen
    if page is not None:
        ancestor_paths = [page.path[: depth * steplen] for depth in range(2, page.depth)]
        home_path = page.path[: 2 * steplen]
        query = Q(path__in=ancestor_paths) | Q(depth=3, path__startswith=home_path)
    else:
        ancestor_paths = []
        language_code = (language_code or settings.LANGUAGE_CODE).lower()
        query = Q(depth__in=[2, 3], locale__language_code__iexact=language_code)
    if rows is not None:
        rows = sorted({row.pk: row for row in rows}.values(), key=lambda row: row.path)
    else:
        rows = list(
            visible(Page.objects.filter(query))
            .annotate(**{SHOWN_ANNOTATION: awaiting_first_review()})
            .order_by("path")
        )
    if page is not None and page.depth == 2:
        home = page
    else:
        home = next((row for row in rows if row.depth == 2), None)
    course_type = ContentType.objects.get_for_model(CoursePage).pk
    library_type = ContentType.objects.get_for_model(ResourceLibraryPage).pk
    top = [row for row in rows if row.depth == 3]
    course = next((row for row in top if row.content_type_id == course_type), None)
    library = next((row for row in top if row.content_type_id == library_type), None)
    section = None
    if page is not None and page.depth >= 3:
        branch = page.path[: 3 * steplen]
        if course is not None and branch == course.path:
            section = "course" if page.depth == 3 else "modules"
        elif library is not None and branch == library.path:
            section = "library"
    return {
        "home": home,
        "course": course,
        "library": library,
        "breadcrumbs": [row for row in rows if row.path in ancestor_paths],
        "section": section,
    }


def home_listing(home, *, visible=None, children=None):
    """The portal: each live course with its modules and hours, and the library with its
    resources counted by type (a fixed number of queries). ``children``: the home page's
    children as the reader may see them, already read (by ``routing``)."""
    visible = visible or Visible()
    if children is not None:
        courses = [page for page in children if isinstance(page, CoursePage)]
    else:
        courses = list(with_source_shown(visible(CoursePage.objects.child_of(home))))
    modules = list(
        with_source_shown(
            visible(ModulePage.objects.descendant_of(home).filter(depth=home.depth + 2))
        )
        .order_by("path")
        .only(
            "id",
            "title",
            "number",
            "estimated_hours",
            "url_path",
            "path",
            "depth",
            "locale_id",
            "alias_of_id",
        )
    )
    for course in courses:
        course.modules = sorted(
            (module for module in modules if module.path.startswith(course.path)),
            key=lambda module: module.number,
        )
        course.modules_hours = _hours(sum(module.estimated_hours for module in course.modules))
    if children is not None:
        library = next((page for page in children if isinstance(page, ResourceLibraryPage)), None)
    else:
        library = with_source_shown(visible(ResourceLibraryPage.objects.child_of(home))).first()
    resource_types = []
    if library is not None:
        counts = dict(
            visible(ResourcePage.objects.child_of(library))
            .order_by()
            .values_list("resource_type")
            .annotate(total=Count("pk"))
        )
        resource_types = [
            {"code": code, "label": label, "count": counts[code]}
            for code, label in RESOURCE_TYPES
            if counts.get(code)
        ]
    return {
        "courses": courses,
        "library": library,
        "resource_types": resource_types,
        "resource_total": sum(item["count"] for item in resource_types),
    }


def _hours(value):
    value = Decimal(value or 0)
    return value.quantize(Decimal(1)) if value == value.to_integral() else value


def course_listing(course, *, visible=None):
    visible = visible or Visible()
    modules = list(
        with_source_shown(visible(ModulePage.objects.child_of(course))).order_by("number")
    )
    unit_counts = {}
    for path in visible(CountryUnitPage.objects.descendant_of(course)).values_list(
        "path", flat=True
    ):
        parent_path = path[: -ModulePage.steplen]
        unit_counts[parent_path] = unit_counts.get(parent_path, 0) + 1
    for module in modules:
        module.country_unit_count = unit_counts.get(module.path, 0)
    return {
        "modules": modules,
        "modules_hours": _hours(sum(module.estimated_hours for module in modules)),
    }


def table_of_contents(body):
    """Headings of a StreamField body as (anchor, text, level) for a table of contents."""
    return [
        {
            "anchor": heading_anchor(block.value["text"]),
            "text": block.value["text"],
            "level": block.value["level"],
        }
        for block in body
        if block.block_type == "heading"
    ]


def heading_anchor(text):
    return "s-" + slugify(text)


class CountryFilterForm(forms.Form):
    country = forms.ChoiceField(required=False, label=_("Country"))

    def __init__(self, *args, countries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("All countries"))] + [
            (code, country_name(code)) for code in countries
        ]


# Columns a listing of pages never shows: left unread where a query fetches whole pages.
HEAVY_FIELDS = {
    ModulePage: ("body", "learning_objectives"),
    EvaluationPage: ("questions", "instructions"),
    CountryUnitPage: ("body", "overview", "legal_framework", "institutions"),
}


def _around_module(module, visible):
    """The module's siblings (modules), its evaluation and its country units, as the reader may
    see them: one query, each a specific page without its long fields."""
    steplen = module.steplen
    models = (ModulePage, EvaluationPage, CountryUnitPage)
    types = ContentType.objects.get_for_models(*models)
    relations = [model._meta.model_name for model in models]
    rows = (
        with_source_shown(
            visible(
                Page.objects.filter(
                    Q(
                        depth=module.depth,
                        path__startswith=module.path[:-steplen],
                        content_type=types[ModulePage],
                    )
                    | Q(
                        depth=module.depth + 1,
                        path__startswith=module.path,
                        content_type__in=[types[EvaluationPage], types[CountryUnitPage]],
                    )
                )
            )
        )
        .select_related(*relations)
        .defer(
            *(
                f"{model._meta.model_name}__{name}"
                for model, names in HEAVY_FIELDS.items()
                for name in names
            )
        )
        .order_by("path")
    )
    found = {model: [] for model in models}
    for row in rows:
        # The row's specific page, read by select_related (a missing one raises AttributeError).
        for model, name in zip(models, relations, strict=True):
            if hasattr(row, name):
                found[model].append(copy_source_shown(row, getattr(row, name)))
                break
    return found


def related_resources(module, visible):
    """The module's related resources in their order, each in the module's language where a live
    translation exists (one query)."""
    links = ModuleRelatedResource.objects.filter(module=module)
    rows = list(
        with_source_shown(
            visible(
                ResourcePage.objects.filter(
                    Q(pk__in=links.values("resource"))
                    | Q(
                        locale_id=module.locale_id,
                        translation_key__in=links.values("resource__translation_key"),
                    )
                )
            )
        ).annotate(linked=Subquery(links.filter(resource=OuterRef("pk")).values("sort_order")[:1]))
    )
    translated = {row.translation_key: row for row in rows if row.locale_id == module.locale_id}
    linked = sorted((row for row in rows if row.linked is not None), key=lambda row: row.linked)
    return [translated.get(row.translation_key, row) for row in linked]


def module_detail(module, *, country="", visible=None):
    visible = visible or Visible()
    around = _around_module(module, visible)
    siblings = sorted(around[ModulePage], key=lambda sibling: sibling.number)
    position = next((i for i, sibling in enumerate(siblings) if sibling.pk == module.pk), None)
    previous_module = next_module = None
    if position is not None:
        previous_module = siblings[position - 1] if position > 0 else None
        next_module = siblings[position + 1] if position + 1 < len(siblings) else None

    units = []
    filter_form = None
    if module.has_country_units:
        units = _sorted_by_country_name(around[CountryUnitPage])
        filter_form = CountryFilterForm({"country": country}, countries=[u.country for u in units])
        if filter_form.is_valid() and filter_form.cleaned_data["country"]:
            units = [unit for unit in units if unit.country == filter_form.cleaned_data["country"]]

    return {
        "toc": table_of_contents(module.body),
        "related_resources": related_resources(module, visible),
        "previous_module": previous_module,
        "next_module": next_module,
        "country_units": units,
        "country_filter": filter_form,
        "evaluation": next(iter(around[EvaluationPage]), None),
    }


def parent_module(page):
    """The module a country unit or an evaluation belongs to (no query when routing read it)."""
    parent = getattr(page, "_cached_parent_obj", None)
    if isinstance(parent, ModulePage):
        return parent
    return ModulePage.objects.get(path=page.path[: -ModulePage.steplen])


def country_unit_detail(unit, *, visible=None):
    visible = visible or Visible()
    module = parent_module(unit)
    units = _sorted_by_country_name(
        with_source_shown(visible(CountryUnitPage.objects.sibling_of(unit))).only(
            "id",
            "title",
            "country",
            "url_path",
            "path",
            "depth",
            "locale_id",
            "alias_of_id",
        )
    )
    return {
        "module": module,
        "sibling_units": units,
        "toc": table_of_contents(unit.body),
    }


def language_name(code):
    """A language's own name, as configured in ``LANGUAGES`` ("Português (Brasil)"), else
    Django's name for it, capitalised ("Português")."""
    code = (code or "").lower()
    names = {key.lower(): name for key, name in settings.LANGUAGES}
    if code in names:
        return names[code]
    info = LANG_INFO.get(code, {})
    name = info.get("name_local") or info.get("name") or code
    return name[:1].upper() + name[1:]


class LanguageSelect(forms.Select):
    """Options named in their own language, each marked with its ``lang``."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if value and value != "other":
            option["attrs"]["lang"] = value
        return option


def material_language_choices():
    """The languages of the material, each by its own name ("English", "Français")."""
    return [
        (code, label if code == "other" else language_name(code))
        for code, label in MATERIAL_LANGUAGES
    ]


class ResourceFilterForm(forms.Form):
    type = forms.ChoiceField(required=False, label=_("Type"))
    module = forms.TypedChoiceField(required=False, coerce=int, empty_value=None, label=_("Module"))
    country = forms.ChoiceField(required=False, label=_("Country"))
    language = forms.ChoiceField(required=False, label=_("Language"), widget=LanguageSelect)

    def __init__(self, *args, modules, countries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", _("All types"))] + RESOURCE_TYPES
        self.fields["module"].choices = [("", _("All modules"))] + [
            (number, f"{number}. {title}") for number, title in modules
        ]
        self.fields["country"].choices = [("", _("All countries"))] + sorted(
            ((code, country_name(code)) for code in countries), key=lambda c: str(c[1])
        )
        self.fields["language"].choices = [("", _("All languages"))] + material_language_choices()


def resource_library_listing(library, params, *, visible=None):
    visible = visible or Visible()
    resources = visible(ResourcePage.objects.child_of(library))
    modules = (
        visible(ModulePage.objects.filter(locale_id=library.locale_id))
        .order_by("number")
        .values_list("number", "title")
        .distinct()
    )
    countries = (
        ResourceCountry.objects.filter(resource__in=resources)
        .order_by("country")
        .values_list("country", flat=True)
        .distinct()
    )
    form = ResourceFilterForm(params, modules=list(modules), countries=list(countries))
    active = {}
    if form.is_valid():
        active = {key: value for key, value in form.cleaned_data.items() if value}
    if "type" in active:
        resources = resources.filter(resource_type=active["type"])
    if "language" in active:
        resources = resources.filter(material_language=active["language"])
    if "module" in active:
        resources = resources.filter(related_modules__number=active["module"])
    if "country" in active:
        resources = resources.filter(countries__country=active["country"])
    resources = with_source_shown(resources.distinct().order_by("title"))

    paginator = Paginator(resources, RESOURCES_PER_PAGE)
    page = paginator.get_page(params.get("page"))
    query = params.copy()
    query.pop("page", None)
    return {
        "filter_form": form,
        "active_filters": active,
        "resources": page,
        "filter_querystring": query.urlencode(),
    }


def resource_detail(resource, *, visible=None):
    visible = visible or Visible()
    document = resource.document
    if document is not None and not visible.may_read_document(document):
        document = None  # not even its name and size
    modules = list(
        with_source_shown(visible(resource.related_modules.all()))
        .order_by("number")
        .only(
            "id",
            "title",
            "number",
            "url_path",
            "path",
            "depth",
            "locale_id",
            "alias_of_id",
            "translation_key",
        )
    )
    if modules:
        modules = localize_pages(modules, resource.locale_id, visible)
    return {
        "document": document,
        "document_size": document.get_file_size() if document else None,
        "related_modules": modules,
        "countries": [country_name(c.country) for c in resource.countries.all()],
    }


def course_outline(course, request=None, *, visible=None):
    """A course's whole outline for headless front ends: a fixed number of queries."""
    visible = visible or Visible()
    modules = list(
        with_source_shown(visible(ModulePage.objects.child_of(course))).order_by("number")
    )
    by_path = {module.path: {"units": [], "evaluation": None} for module in modules}
    for unit in _sorted_by_country_name(
        with_source_shown(visible(CountryUnitPage.objects.descendant_of(course))).only(
            "id",
            "title",
            "country",
            "url_path",
            "path",
            "depth",
            "locale_id",
            "alias_of_id",
        )
    ):
        entry = by_path.get(unit.path[: -ModulePage.steplen])
        if entry is not None:
            entry["units"].append(unit)
    for evaluation in with_source_shown(visible(EvaluationPage.objects.descendant_of(course))):
        entry = by_path.get(evaluation.path[: -ModulePage.steplen])
        if entry is not None:
            entry["evaluation"] = evaluation

    def url(page):
        return page.get_url(request)

    total = sum(module.estimated_hours for module in modules)
    return {
        "id": course.pk,
        "title": course.title,
        "locale": course.locale.language_code,
        "edition_label": course.edition_label,
        "url": url(course),
        "declared_hours": course.declared_hours,
        "modules_hours": float(total),
        "pass_mark": course.pass_mark,
        "application_open": course.application_open,
        "modules": [
            {
                "id": module.pk,
                "number": module.number,
                "title": module.title,
                "summary": module.summary,
                "estimated_hours": float(module.estimated_hours),
                "url": url(module),
                "country_units": [
                    {
                        "id": unit.pk,
                        "country": unit.country,
                        "title": unit.title,
                        "url": url(unit),
                    }
                    for unit in by_path[module.path]["units"]
                ],
                "evaluation": (
                    {
                        "id": evaluation.pk,
                        "title": evaluation.title,
                        "url": url(evaluation),
                        "pass_mark": evaluation.pass_mark
                        if evaluation.pass_mark is not None
                        else course.pass_mark,
                        "question_count": len(evaluation.questions),
                    }
                    if (evaluation := by_path[module.path]["evaluation"])
                    else None
                ),
            }
            for module in modules
        ],
    }
