"""``GET /api/v2/search/``: the site search as JSON, with facet counts.

The same checks, matching, access rule and facets as the search page (``views.check_parameters``,
``engine.search``); only the language comes from ``?locale=`` (default: the site's default
language) instead of the address prefix. Labels (facet names, kinds, countries) are in that
language. A bad parameter answers 400 with ``{"message": …}``, never a 500.

Response::

    {"query": "niñez", "locale": "es", "languages": ["es"], "reduced": false, "relaxed": false,
     "meta": {"total_count": 12, "page": 1, "pages": 2, "per_page": 10},
     "facets": {"kind": {"title": "Tipo de contenido",
                         "values": [{"value": "module", "label": "Módulo", "count": 4,
                                     "chosen": false}]}, …},
     "items": [{"id": 12, "title": "…", "kind": "module", "locale": "es",
                "html_url": "https://…/es/…", "detail_url": "https://…/api/v2/pages/12/",
                "snippet": "… <mark>niñez</mark> …"}]}

``snippet`` is HTML: the page's escaped text with the matched words in ``<mark>``.
"""

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from cms.api import absolute_url, unknown_locale_message

from . import engine
from .views import (
    PER_PAGE,
    BadSearch,
    check_parameters,
    facet_label,
    facet_titles,
    kind_labels,
    language_codes,
)

ALLOWED = {"q", "locale", "languages", "search_operator", "page", *engine.FACETS}


def _locale_code(params):
    code = params.get("locale") or Locale.get_default().language_code
    if "\x00" in code or not Locale.objects.filter(language_code=code).exists():
        raise BadSearch(unknown_locale_message(code))
    return code


@require_GET
def search_api(request):
    unknown = sorted(set(request.GET) - ALLOWED)
    if unknown:
        names = ", ".join(name[:50] for name in unknown[:5])
        return JsonResponse(
            {"message": f"query parameter is not an operation or a recognised field: {names}"},
            status=400,
        )
    try:
        code = _locale_code(request.GET)
    except BadSearch as error:
        return JsonResponse({"message": str(error)}, status=400)
    with translation.override(code):
        try:
            query, operator, all_languages, filters, number = check_parameters(request.GET)
        except BadSearch as error:
            return JsonResponse({"message": str(error)}, status=400)
        languages = language_codes(all_languages)  # the active language: ``code``
        body = {"query": query, "locale": code, "languages": languages}
        if not query:
            return JsonResponse({**body, "message": "q is required"}, status=400)
        outcome = engine.search(
            request, query, language_codes=languages, operator=operator, filters=filters
        )
        paginator = Paginator(outcome.hits, PER_PAGE)
        if outcome.hits and number > paginator.num_pages:
            return JsonResponse(
                {**body, "message": f"page {number} is beyond the last ({paginator.num_pages})"},
                status=400,
            )
        page = paginator.get_page(number)
        engine.load_pages(page.object_list, request)
        body.update(
            reduced=outcome.reduced,
            relaxed=outcome.relaxed,
            meta={
                "total_count": paginator.count,
                "page": page.number,
                "pages": paginator.num_pages if outcome.hits else 0,
                "per_page": PER_PAGE,
            },
            facets=_facets(outcome.facets, filters),
            items=[_item(request, hit) for hit in page.object_list],
        )
        return JsonResponse(body, json_dumps_params={"ensure_ascii": False})


def _facets(counts, filters):
    titles = facet_titles()
    facets = {}
    for name in engine.FACETS:
        values = [
            {
                "value": value,
                "label": facet_label(name, value),
                "count": count,
                "chosen": filters.get(name) == value,
            }
            for value, count in counts.get(name, {}).items()
        ]
        values.sort(key=lambda item: (-item["count"], item["label"]))
        facets[name] = {"title": str(titles[name]), "values": values}
    return facets


def _item(request, hit):
    page = hit.page
    url = page.get_url(request)
    return {
        "id": page.pk,
        "title": page.title,
        "kind": hit.kind,
        "kind_label": str(kind_labels().get(hit.kind, hit.kind)),
        "locale": page.locale.language_code,
        "html_url": absolute_url(request, url) if url else None,
        "detail_url": absolute_url(request, reverse("wagtailapi:pages:detail", args=[page.pk])),
        "snippet": str(hit.snippet),
    }
