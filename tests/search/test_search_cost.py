"""What one search costs, whatever the number of matches: the rows' text is read for the results
shown only, OpenSearch is asked once, re-ranking a head of the matches keeps every match, and the
facet counts are those of the filtered results."""

import re

import pytest
from django.db import connection
from django.db.models.signals import post_init
from django.test.utils import CaptureQueriesContext

from search import engine
from search.models import SearchDocument
from search.views import PER_PAGE


def result_urls(client, params):
    response = client.get("/es/buscar/", params)
    assert response.status_code == 200
    body = response.content.decode()
    total = int(re.search(r'class="result-count"[^>]*>(\d+)', body).group(1))
    return re.findall(r'<li class="result"[^>]*>\s*<h2><a href="([^"]+)"', body), total


@pytest.mark.django_db
@pytest.mark.usefixtures("search_backend")
def test_only_the_rows_of_the_results_shown_are_read(client):
    """The search matches more rows than one page shows ("ninez": modules, country units,
    resources); their text (up to a module's whole body) is read for the ten shown only."""
    loaded = []

    def count(sender, instance, **kwargs):
        loaded.append(instance)

    post_init.connect(count, sender=SearchDocument, dispatch_uid="count-search-rows")
    try:
        found, total = result_urls(client, {"q": "ninez"})
    finally:
        post_init.disconnect(dispatch_uid="count-search-rows", sender=SearchDocument)
    assert len(found) == PER_PAGE and total > PER_PAGE
    assert len(loaded) <= PER_PAGE


@pytest.mark.django_db
def test_the_access_rule_costs_the_same_queries_whatever_the_matches(client, search_backend):
    """The reader's facts (restrictions, editions, learner-only resources) are read once per
    request and joined to the matched rows: a search matching many pages, modules' bodies among
    them, reads the database as often as one matching a single page (no query per result, nor
    for the modules whose body matched)."""

    def queries(words):
        with CaptureQueriesContext(connection) as captured:
            found, total = result_urls(client, {"q": words})
        assert found
        return [query["sql"][:60] for query in captured], total

    queries("migracion")  # what a process reads once (sites, content types) is read
    many, many_total = queries("ninez")
    few, few_total = queries("piramide psicosocial")
    assert many_total > PER_PAGE and few_total < PER_PAGE
    assert len(many) == len(few), (many, few)
    # On SQLite two of them are the full-text ranking and the lookup of its best entries
    # (PostgreSQL ranks in the one query; OpenSearch answers in one request and the rest is 15).
    expected = {"opensearch": 15, "postgresql": 16, "sqlite": 17}
    assert (
        len(many) == expected[connection.vendor if search_backend == "database" else "opensearch"]
    )


@pytest.mark.django_db
def test_opensearch_is_asked_once_per_search(client, search_backend, monkeypatch):
    """One request for the ids of the best matches (modelsearch's own results scroll through
    them a hundred at a time and clear the scroll: three requests or more)."""
    if search_backend != "opensearch":
        pytest.skip("the database backend sends no requests")
    from opensearchpy import Transport

    requests = []
    perform = Transport.perform_request

    def counting(self, method, url, *args, **kwargs):
        requests.append((method, url))
        return perform(self, method, url, *args, **kwargs)

    monkeypatch.setattr(Transport, "perform_request", counting)
    found, _total = result_urls(client, {"q": "ninez"})
    assert found
    assert [url for _method, url in requests if "_search" in url] == [
        url for _method, url in requests
    ]
    assert len(requests) == 1, requests


@pytest.mark.django_db
@pytest.mark.usefixtures("search_backend")
def test_results_past_the_reranked_head_are_kept(client, monkeypatch):
    """Only the best matches are re-ranked by the query's words; the others follow in the
    backend's order: the same results, counted the same, whatever the head's size."""

    def every_result(params):
        urls, total = result_urls(client, params)
        page = 2
        while len(urls) < total:
            more, _total = result_urls(client, {**params, "page": page})
            urls += more
            page += 1
        return urls, total

    full, total = every_result({"q": "ninez"})
    monkeypatch.setattr(engine, "RERANK_HEAD", 3)
    short, short_total = every_result({"q": "ninez"})
    assert short_total == total > 3
    assert sorted(short) == sorted(full) and len(set(short)) == len(short)


def hit(kind, modules=(), countries=(), resource_type="", material=""):
    facets = {
        "kind": (kind,),
        "module": tuple(modules),
        "country": tuple(countries),
        "type": (resource_type,) if resource_type else (),
        "material": (material,) if material else (),
    }
    return engine.Hit(0, 0, "public", facets, [], "es")


def hits():
    return [
        hit("module", modules=["1"]),
        hit("module", modules=["2"]),
        hit("country_unit", modules=["1"], countries=["MX"]),
        hit("country_unit", modules=["2"], countries=["GT"]),
        hit("resource", modules=["1", "2"], countries=["MX", "GT"], resource_type="video"),
        hit("resource", modules=["1"], resource_type="infographic", material="es"),
        hit("resource", resource_type="video", material="en"),
        hit("resource", countries=["MX"], resource_type="video", material="es"),
    ]


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"kind": "resource"},
        {"module": "1"},
        {"kind": "resource", "type": "video"},
        {"kind": "resource", "type": "video", "country": "MX"},
        {"module": "2", "country": "GT", "material": "es"},
    ],
)
@pytest.mark.parametrize("shared", [False, True], ids=["own facets", "shared facets"])
def test_each_facet_counts_the_results_of_the_other_filters(filters, shared):
    """A facet's counts are those of the results the other facets' filters leave (so a chosen
    value's count is the number of results, and the other values say what choosing them
    would give); results with the same facet values share one dict (as ``readable`` makes
    them) and each of them counts."""
    found = hits()
    if shared:
        found += [
            engine.Hit(number, number, "public", item.facets, [], "es")
            for number, item in enumerate(found[2:] + found[4:], start=100)
        ]
    counts = engine.facet_counts(found, filters)
    for name in engine.FACETS:
        others = {key: value for key, value in filters.items() if key != name}
        expected = {}
        for item in found:
            if all(value in item.facets[key] for key, value in others.items()):
                for value in item.facets[name]:
                    expected[value] = expected.get(value, 0) + 1
        assert counts[name] == expected, name
    kept = [item for item in found if engine.passes(item, filters)]
    for name, value in filters.items():
        assert counts[name].get(value, 0) == len(kept)
