"""The search page and its autocomplete, per language (``/es/buscar/``, ``/en/search/``…).

Every parameter is checked before anything reaches the backend: a bad one answers 400 with the
page (or JSON) saying what is wrong, never a 500.
"""

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms.api import MAX_SEARCH_LENGTH, MAX_SEARCH_TERMS, SEARCH_OPERATORS
from course_content.countries import COUNTRY_CHOICES, country_name
from course_content.models.resources import MATERIAL_LANGUAGES, RESOURCE_TYPES

from . import engine
from .indexing import KINDS

PER_PAGE = 10
MAX_PAGE = 100_000
PARAMETER_LENGTH = 1000


class BadSearch(ValueError):
    pass


def kind_labels():
    return {
        "module": _("Module"),
        "country_unit": _("Country unit"),
        "evaluation": _("Evaluation"),
        "resource": _("Resource"),
        "course": _("Course"),
        "library": _("Library"),
        "home": _("Home page"),
    }


def facet_label(name, value):
    if name == "kind":
        return kind_labels().get(value, value)
    if name == "module":
        return _("Module %(number)s") % {"number": value}
    if name == "country":
        return str(country_name(value))
    if name == "type":
        return str(dict(RESOURCE_TYPES).get(value, value))
    if name == "material":
        return str(dict(MATERIAL_LANGUAGES).get(value, value))
    return value


def facet_titles():
    return {
        "kind": _("Content type"),
        "module": _("Module"),
        "country": _("Country"),
        "type": _("Resource type"),
        "material": _("Language of the material"),
    }


def allowed_values(name):
    if name == "kind":
        return set(KINDS)
    if name == "module":
        return {str(number) for number in range(1, 100)}
    if name == "country":
        return {code for code, _label in COUNTRY_CHOICES}
    if name == "type":
        return {code for code, _label in RESOURCE_TYPES}
    return {code for code, _label in MATERIAL_LANGUAGES}


def check_parameters(params):
    """The search's parameters, checked: ``(query, operator, all_languages, filters, page)``."""
    for name, values in params.lists():
        for value in [name, *values]:
            if "\x00" in value:
                raise BadSearch(_("The search cannot contain null characters."))
            if len(value) > PARAMETER_LENGTH and name != "q":
                raise BadSearch(_("A parameter of this address is too long."))
    query = params.get("q", "").strip()
    if len(query) > MAX_SEARCH_LENGTH:
        raise BadSearch(
            ngettext(
                "The search is too long: at most %(count)d character.",
                "The search is too long: at most %(count)d characters.",
                MAX_SEARCH_LENGTH,
            )
            % {"count": MAX_SEARCH_LENGTH}
        )
    if len(query.split()) > MAX_SEARCH_TERMS:
        raise BadSearch(
            ngettext(
                "The search has too many words: at most %(count)d word.",
                "The search has too many words: at most %(count)d words.",
                MAX_SEARCH_TERMS,
            )
            % {"count": MAX_SEARCH_TERMS}
        )
    operator = params.get("search_operator") or None
    if operator is not None and operator not in SEARCH_OPERATORS:
        raise BadSearch(_("Unknown search operator: use “and” or “or”."))
    languages = params.get("languages", "")
    if languages not in ("", "all"):
        raise BadSearch(_("Unknown choice of languages."))
    filters = {}
    titles = facet_titles()
    for name in engine.FACETS:
        value = params.get(name, "")
        if value and value not in allowed_values(name):
            raise BadSearch(_("Unknown value for the filter “%(name)s”.") % {"name": titles[name]})
        if value:
            filters[name] = value
    page = params.get("page", "1")
    if not (page.isascii() and page.isdigit()) or not 1 <= int(page) <= MAX_PAGE:
        raise BadSearch(_("The page number must be a whole number from 1."))
    return query, operator, languages == "all", filters, int(page)


def language_codes(all_languages):
    if all_languages:
        return list(Locale.objects.values_list("language_code", flat=True))
    return [get_language()]


def search_page(request):
    context = {"query": request.GET.get("q", "")[:MAX_SEARCH_LENGTH]}
    try:
        query, operator, all_languages, filters, number = check_parameters(request.GET)
    except BadSearch as error:
        context["error"] = str(error)
        return render(request, "search/search.html", context, status=400)
    context.update(query=query, all_languages=all_languages, filters=filters, operator=operator)
    if not query:
        context["popular"] = engine.popular_pages(request, get_language())
        return render(request, "search/search.html", context)
    outcome = engine.search(
        request,
        query,
        language_codes=language_codes(all_languages),
        operator=operator,
        filters=filters,
    )
    engine.record(query, get_language(), bool(outcome.hits))
    context["promotions"] = engine.promotions(request, query, language_codes(all_languages))
    paginator = Paginator(outcome.hits, PER_PAGE)
    page_obj = paginator.get_page(number)
    engine.load_pages(page_obj.object_list, request)
    keep = request.GET.copy()
    keep.pop("page", None)
    context.update(
        outcome=outcome,
        results=page_obj,
        querystring=keep.urlencode(),
        facets=facet_links(outcome.facets, request.GET, filters),
    )
    if not outcome.hits:
        context["suggestion"] = engine.suggestion(request, query, language_codes(all_languages))
        context["popular"] = engine.popular_pages(request, get_language())
    return render(request, "search/search.html", context)


def facet_links(counts, params, filters):
    """Per facet: its title and its values with counts and the address choosing each."""
    facets = []
    for name in engine.FACETS:
        values = counts.get(name, {})
        if not values:
            continue
        options = []
        for value, count in values.items():
            chosen = filters.get(name) == value
            link = params.copy()
            link.pop("page", None)
            if chosen:
                link.pop(name, None)
            else:
                link[name] = value
            options.append(
                {
                    "label": facet_label(name, value),
                    "count": count,
                    "chosen": chosen,
                    "querystring": link.urlencode(),
                }
            )
        options.sort(key=lambda option: (-option["count"], option["label"]))
        facets.append({"name": name, "title": facet_titles()[name], "options": options})
    return facets


def suggest(request):
    """JSON: ``{"suggestions": [{"title": …, "url": …}]}`` for the search box."""
    try:
        query, *_rest = check_parameters(request.GET)
    except BadSearch as error:
        return JsonResponse({"message": str(error), "suggestions": []}, status=400)
    if len(query) < 2:
        return JsonResponse({"suggestions": []})
    found = engine.autocomplete(request, query, get_language())
    return JsonResponse({"suggestions": [{"title": title, "url": url} for title, url in found]})
