"""Read-side queries for pages, listings and the course outline.

Every function here runs a fixed number of SQL queries whatever the amount of content (the
tests assert it), so pages and API answers stay fast as the course grows.
"""

from decimal import Decimal

from django import forms
from django.core.paginator import Paginator
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from course_content.countries import country_name
from course_content.models import (
    CountryUnitPage,
    CoursePage,
    EvaluationPage,
    ModulePage,
    ModuleRelatedResource,
    ResourceCountry,
    ResourceLibraryPage,
    ResourcePage,
)
from course_content.models.resources import MATERIAL_LANGUAGES, RESOURCE_TYPES
from course_content.visibility import Visible

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
        for page in visible(model.objects.filter(locale_id=locale_id, translation_key__in=keys))
    }
    return [translated.get(page.translation_key, page) for page in pages]


def home_listing(home, *, visible=None):
    visible = visible or Visible()
    return {
        "courses": list(visible(CoursePage.objects.child_of(home))),
        "library": visible(ResourceLibraryPage.objects.child_of(home)).first(),
    }


def _hours(value):
    value = Decimal(value or 0)
    return value.quantize(Decimal(1)) if value == value.to_integral() else value


def course_listing(course, *, visible=None):
    visible = visible or Visible()
    modules = list(visible(ModulePage.objects.child_of(course)).order_by("number"))
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


def module_detail(module, *, country="", visible=None):
    visible = visible or Visible()
    siblings = list(
        visible(ModulePage.objects.sibling_of(module))
        .order_by("number")
        .only("id", "title", "number", "url_path", "path", "depth", "locale_id")
    )
    position = next((i for i, sibling in enumerate(siblings) if sibling.pk == module.pk), None)
    previous_module = next_module = None
    if position is not None:
        previous_module = siblings[position - 1] if position > 0 else None
        next_module = siblings[position + 1] if position + 1 < len(siblings) else None

    related = [
        item.resource
        for item in ModuleRelatedResource.objects.filter(
            module=module, resource__in=visible(ResourcePage.objects.all())
        )
        .select_related("resource")
        .order_by("sort_order")
    ]
    related = localize_pages(related, module.locale_id, visible) if related else []

    units = []
    filter_form = None
    if module.has_country_units:
        units = _sorted_by_country_name(visible(CountryUnitPage.objects.child_of(module)))
        filter_form = CountryFilterForm({"country": country}, countries=[u.country for u in units])
        if filter_form.is_valid() and filter_form.cleaned_data["country"]:
            units = [unit for unit in units if unit.country == filter_form.cleaned_data["country"]]

    return {
        "toc": table_of_contents(module.body),
        "related_resources": related,
        "previous_module": previous_module,
        "next_module": next_module,
        "country_units": units,
        "country_filter": filter_form,
        "evaluation": visible(EvaluationPage.objects.child_of(module)).first(),
    }


def country_unit_detail(unit, *, visible=None):
    visible = visible or Visible()
    module = ModulePage.objects.get(path=unit.path[: -ModulePage.steplen])
    units = _sorted_by_country_name(
        visible(CountryUnitPage.objects.sibling_of(unit)).only(
            "id", "title", "country", "url_path", "path", "depth", "locale_id"
        )
    )
    return {
        "module": module,
        "sibling_units": units,
        "toc": table_of_contents(unit.body),
    }


class ResourceFilterForm(forms.Form):
    type = forms.ChoiceField(required=False, label=_("Type"))
    module = forms.TypedChoiceField(required=False, coerce=int, empty_value=None, label=_("Module"))
    country = forms.ChoiceField(required=False, label=_("Country"))
    language = forms.ChoiceField(required=False, label=_("Language"))

    def __init__(self, *args, modules, countries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", _("All types"))] + RESOURCE_TYPES
        self.fields["module"].choices = [("", _("All modules"))] + [
            (number, f"{number}. {title}") for number, title in modules
        ]
        self.fields["country"].choices = [("", _("All countries"))] + sorted(
            ((code, country_name(code)) for code in countries), key=lambda c: str(c[1])
        )
        self.fields["language"].choices = [("", _("All languages"))] + MATERIAL_LANGUAGES


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
    resources = resources.distinct().order_by("title").prefetch_related("countries")

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
    modules = list(
        visible(resource.related_modules.all())
        .order_by("number")
        .only("id", "title", "number", "url_path", "path", "depth", "locale_id", "translation_key")
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
    modules = list(visible(ModulePage.objects.child_of(course)).order_by("number"))
    by_path = {module.path: {"units": [], "evaluation": None} for module in modules}
    for unit in _sorted_by_country_name(
        visible(CountryUnitPage.objects.descendant_of(course)).only(
            "id", "title", "country", "url_path", "path", "depth", "locale_id"
        )
    ):
        entry = by_path.get(unit.path[: -ModulePage.steplen])
        if entry is not None:
            entry["units"].append(unit)
    for evaluation in visible(EvaluationPage.objects.descendant_of(course)):
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
