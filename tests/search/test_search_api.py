"""``/api/v2/search/``: the site search as JSON, with facet counts, for apps and other sites."""

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_backend")]


def search(client, **params):
    response = client.get("/api/v2/search/", params)
    assert response.status_code == 200, response.content[:500]
    return response.json()


def test_spanish_results_with_snippets_and_absolute_addresses(client):
    data = search(client, q="niños no acompañados", locale="es")
    assert data["locale"] == "es" and data["languages"] == ["es"]
    assert data["meta"]["total_count"] >= 1 and data["items"]
    first = data["items"][0]
    assert first["locale"] == "es"
    assert first["html_url"].startswith("http://testserver/es/")
    assert first["detail_url"] == f"http://testserver/api/v2/pages/{first['id']}/"
    assert "<mark>" in "".join(item["snippet"] for item in data["items"])
    assert client.get(first["detail_url"]).status_code == 200


def test_english_matching_and_labels_in_the_requested_language(client):
    data = search(client, q="unaccompanied children", locale="en")
    assert data["items"] and all(item["locale"] == "en" for item in data["items"])
    assert data["facets"]["kind"]["title"] == "Content type"
    spanish = search(client, q="niñez", locale="es")
    assert spanish["facets"]["kind"]["title"] == "Tipo de contenido"
    assert {value["label"] for value in spanish["facets"]["kind"]["values"]} & {"Módulo", "Recurso"}


def test_facet_counts_match_the_filtered_results(client):
    data = search(client, q="infografia", locale="es")
    types = {value["value"]: value["count"] for value in data["facets"]["type"]["values"]}
    assert types.get("infographic", 0) >= 5
    filtered = search(client, q="infografia", locale="es", type="infographic")
    assert filtered["meta"]["total_count"] == types["infographic"]
    chosen = [v for v in filtered["facets"]["type"]["values"] if v["chosen"]]
    assert [v["value"] for v in chosen] == ["infographic"]


def test_pages_do_not_overlap(client):
    first = search(client, q="ninez", locale="es")
    assert first["meta"]["pages"] >= 2 and len(first["items"]) == first["meta"]["per_page"]
    second = search(client, q="ninez", locale="es", page=2)
    assert second["meta"]["page"] == 2
    assert not {i["id"] for i in first["items"]} & {i["id"] for i in second["items"]}


def test_all_languages(client):
    data = search(client, q="migracion", locale="es", languages="all")
    assert set(data["languages"]) >= {"es", "en", "pt-br", "fr"}


@pytest.mark.parametrize(
    "params, message",
    [
        ({"q": "ninez", "locale": "xx"}, "locale 'xx' does not exist"),
        ({"q": "ninez", "colour": "red"}, "colour"),
        ({"locale": "es"}, "q is required"),
        ({"q": "ninez", "page": "99999"}, "beyond the last"),
        ({"q": "ninez", "kind": "planet", "locale": "en"}, "Unknown value for the filter"),
    ],
)
def test_bad_requests_say_what_is_wrong(client, params, message):
    response = client.get("/api/v2/search/", params)
    assert response.status_code == 400
    assert message in response.json()["message"]


def test_only_get(client):
    assert client.post("/api/v2/search/", {"q": "ninez"}).status_code == 405
