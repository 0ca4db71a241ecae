"""The headless read API."""

import json

import pytest
from wagtail.models import PageViewRestriction

from course_content.demo import content
from course_content.models import EvaluationPage, ModulePage

pytestmark = pytest.mark.django_db


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def test_pages_listing_with_type_and_fields(client, demo):
    data = get_json(
        client,
        "/api/v2/pages/?type=course_content.ModulePage&fields=number,estimated_hours&order=number&locale=es",
    )
    assert data["meta"]["total_count"] == 10
    assert [item["number"] for item in data["items"]] == list(range(1, 11))
    assert data["items"][0]["title"] == content.MODULES[0]["title"]


def test_module_detail_has_streamfields_as_json_and_related_resources(learner_client, demo):
    module = demo.module(1)
    data = get_json(learner_client, f"/api/v2/pages/{module.pk}/")
    assert data["number"] == 1
    assert data["meta"]["locale"] == "es"
    block_types = {block["type"] for block in data["body"]}
    assert {"heading", "paragraph", "callout", "image", "case_study"} <= block_types
    assert [o["value"] for o in data["learning_objectives"]] == content.MODULES[0]["objectives"]
    assert data["related_resources"], "curated resources are exposed in order"
    assert "translations" in data["meta"]


def test_a_visitor_gets_a_modules_overview_and_the_outline_without_learners_content(client, demo):
    module = demo.module(1)
    data = get_json(client, f"/api/v2/pages/{module.pk}/")
    assert data["title"] == module.title and data["summary"] == module.summary
    assert float(data["estimated_hours"]) == float(module.estimated_hours)
    for content_field in ("body", "learning_objectives", "related_resources"):
        assert content_field not in data
    get_json(client, f"/api/v2/pages/{demo.evaluation(1).pk}/", status=404)
    outline = get_json(client, f"/api/v2/outline/{demo.course.pk}/")
    assert [m["number"] for m in outline["modules"]] == list(range(1, 11))
    assert outline["modules"][4]["country_units"] == []
    assert all(m["evaluation"] is None for m in outline["modules"])


def test_country_unit_detail(learner_client, demo):
    unit = demo.unit("PE")
    data = get_json(learner_client, f"/api/v2/pages/{unit.pk}/")
    assert data["country"] == "PE"
    assert data["country_name"] == "Perú"
    assert data["legal_framework"][0]["value"]["instrument"]
    assert data["illustrative"] is True


def test_evaluation_api_never_exposes_answer_keys(learner_client, demo):
    evaluation = demo.evaluation(4)
    raw = learner_client.get(f"/api/v2/pages/{evaluation.pk}/").content.decode()
    data = json.loads(raw)
    assert len(data["questions"]) == len(content.MODULES[3]["evaluation"]["questions"])
    assert data["effective_pass_mark"] == 70
    assert data["total_points"] == 100
    for question in data["questions"]:
        assert set(question) == {"id", "kind", "prompt", "points", "options"}
    for secret in ("is_correct", "feedback", '"answer"'):
        assert secret not in raw
    for question in content.MODULES[3]["evaluation"]["questions"]:
        assert question["feedback"] not in raw
    # Even asking for every field explicitly does not reveal them.
    raw = learner_client.get(
        "/api/v2/pages/?type=course_content.EvaluationPage&fields=*"
    ).content.decode()
    assert "is_correct" not in raw and '"feedback"' not in raw


def test_locale_filter(learner_client, demo):
    data = get_json(learner_client, "/api/v2/pages/?locale=es&limit=1")
    assert data["meta"]["total_count"] > 50


@pytest.mark.parametrize(
    "query, message",
    [
        ("?locale=xx", "locale 'xx' does not exist"),
        ("?limit=-1", "limit must be a positive integer"),
        ("?limit=abc", "limit must be a positive integer"),
        ("?offset=-5", "offset must be a positive integer"),
        ("?type=nothing.Here", "type doesn't exist"),
        ("?type=course_content", "type doesn't exist"),
        ("?unknown_param=1", "query parameter is not an operation or a recognised field"),
        ("?child_of=abc", "child_of must be a positive integer"),
        ("?limit=1000", "limit cannot be higher than 100"),
    ],
)
def test_bad_parameters_answer_400_with_a_json_message(client, demo, query, message):
    data = get_json(client, "/api/v2/pages/" + query, status=400)
    assert message in data["message"]


HUGE = "99999999999999999999"  # beyond any database's integer column
HOSTILE_QUERIES = [
    # The audit's findings.
    ("/api/v2/pages/?search=a%00b", "null characters are not allowed in search"),
    ("/api/v2/pages/?search=migrantes&search_operator=xor", "search_operator must be"),
    ("/api/v2/pages/?search=" + "niñez " * 500, "search is too long"),
    ("/api/v2/pages/?search=" + "a" * 10_000, "search is too long"),
    ("/api/v2/pages/find/?id=abc", "id must be a positive integer"),
    (f"/api/v2/outline/{HUGE}/", "id must be a positive integer no larger than"),
    # The same class on every endpoint and parameter.
    ("/api/v2/pages/?search=" + "ab " * 25, "search has too many words"),
    ('/api/v2/pages/?search="niñez migrante', "search has an unclosed quote"),
    ('/api/v2/documents/?search=guía"', "search has an unclosed quote"),
    ("/api/v2/images/?search=a%00", "null characters are not allowed in search"),
    ("/api/v2/documents/?search=guía&search_operator=nand", "search_operator must be"),
    ("/api/v2/documents/find/?id=1e9", "id must be a positive integer"),
    (f"/api/v2/pages/find/?id={HUGE}", "no larger than"),
    ("/api/v2/pages/find/?html_path=/es/%00", "null characters are not allowed in html_path"),
    (f"/api/v2/pages/{HUGE}/", "no larger than"),
    (f"/api/v2/images/{HUGE}/", "no larger than"),
    (f"/api/v2/documents/{HUGE}/", "no larger than"),
    (f"/api/v2/pages/?offset={HUGE}", "offset must be a positive integer no larger than"),
    (f"/api/v2/pages/?id={HUGE}", "no larger than"),
    (f"/api/v2/pages/?translation_of={HUGE}", "no larger than"),
    (f"/api/v2/pages/?type=course_content.ModulePage&number={HUGE}", "number: not a valid"),
    ("/api/v2/pages/?type=course_content.ModulePage&estimated_hours=abc", "estimated_hours"),
    ("/api/v2/pages/?first_published_at=yesterday", "first_published_at: not a valid"),
    ("/api/v2/pages/?order=title%00", "null characters are not allowed in order"),
    ("/api/v2/pages/?title=" + "x" * 5000, "title is too long"),
    ("/api/v2/outline/?locale=es%00", "null characters are not allowed in locale"),
]


@pytest.mark.parametrize("url, message", HOSTILE_QUERIES)
def test_hostile_parameters_answer_400_with_a_json_message_not_500(client, demo, url, message):
    data = get_json(client, url, status=400)
    assert message in data["message"]


def test_limits_leave_ordinary_searches_alone(client, demo):
    data = get_json(client, "/api/v2/pages/?search=niñez migrante&search_operator=or&locale=es")
    assert data["meta"]["total_count"] > 0
    get_json(client, "/api/v2/pages/?search=" + "palabra " * 20)
    get_json(client, "/api/v2/pages/?search=(*)%20OR%20'1'='1'%20--")
    get_json(client, f"/api/v2/outline/{2**31 - 1}/", status=404)


def test_outline_bad_parameters(client, demo):
    assert "locale 'xx'" in get_json(client, "/api/v2/outline/?locale=xx", status=400)["message"]
    get_json(client, f"/api/v2/outline/{demo.course.pk}/?foo=1", status=400)
    get_json(client, f"/api/v2/outline/{demo.module(1).pk}/", status=404)


def test_outline_gives_the_whole_course_in_one_call(learner_client, demo):
    listing = get_json(learner_client, "/api/v2/outline/?locale=es")
    assert [item["id"] for item in listing["items"]] == [demo.course.pk]
    outline = get_json(learner_client, listing["items"][0]["outline_url"])
    assert outline["title"] == content.COURSE["title"]
    assert outline["declared_hours"] == 85
    assert outline["modules_hours"] == sum(m["hours"] for m in content.MODULES)
    assert [m["number"] for m in outline["modules"]] == list(range(1, 11))
    module_5 = outline["modules"][4]
    assert len(module_5["country_units"]) == 19
    assert {u["country"] for u in module_5["country_units"]} == {
        c["code"] for c in content.COUNTRIES
    }
    for module in outline["modules"]:
        evaluation = EvaluationPage.objects.get(pk=module["evaluation"]["id"])
        assert evaluation.get_parent().pk == module["id"]
        assert module["evaluation"]["pass_mark"] == 70


def test_only_live_public_pages_appear(learner_client, demo):
    draft = demo.module(9)
    draft.unpublish()
    private = demo.unit("CL")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")

    data = get_json(learner_client, "/api/v2/pages/?type=course_content.ModulePage&limit=100")
    assert draft.pk not in [item["id"] for item in data["items"]]
    get_json(learner_client, f"/api/v2/pages/{draft.pk}/", status=404)
    get_json(learner_client, f"/api/v2/pages/{private.pk}/", status=404)
    outline = get_json(learner_client, f"/api/v2/outline/{demo.course.pk}/")
    assert 9 not in [m["number"] for m in outline["modules"]]
    units = outline["modules"][4]["country_units"]
    assert "CL" not in [u["country"] for u in units] and len(units) == 18
    assert ModulePage.objects.filter(pk=draft.pk, live=False).exists()


def test_documents_and_images_endpoints(learner_client, demo):
    assert get_json(learner_client, "/api/v2/documents/")["meta"]["total_count"] >= 10
    assert get_json(learner_client, "/api/v2/images/")["meta"]["total_count"] >= 10


HOST = "127.0.0.1:8001"


def test_api_links_use_the_requests_host_and_port(client, demo):
    """`make run PORT=8001`: every absolute link of the API points at the server that answered,
    not at the Wagtail site's ``http://localhost`` (port 80)."""
    base = f"http://{HOST}/"
    module = demo.module(1)
    listing = client.get(
        "/api/v2/pages/?type=course_content.ModulePage&locale=es&limit=1", HTTP_HOST=HOST
    ).json()
    meta = listing["items"][0]["meta"]
    assert meta["detail_url"].startswith(base + "api/v2/pages/")
    assert meta["html_url"].startswith(base + "es/")

    detail = client.get(f"/api/v2/pages/{module.pk}/", HTTP_HOST=HOST).json()
    assert detail["meta"]["html_url"] == base.rstrip("/") + module.url
    assert detail["meta"]["parent"]["meta"]["detail_url"].startswith(base)
    assert detail["meta"]["parent"]["meta"]["html_url"].startswith(base)
    translations = detail["meta"]["translations"]
    assert translations, "module 1 is translated in the demo"
    for translation in translations:
        assert translation["detail_url"].startswith(base + "api/v2/pages/")
        assert translation["html_url"].startswith(base + translation["locale"] + "/")

    outline = client.get("/api/v2/outline/?locale=es", HTTP_HOST=HOST).json()
    assert outline["items"][0]["outline_url"].startswith(base + "api/v2/outline/")

    documents = client.get("/api/v2/documents/?limit=1", HTTP_HOST=HOST).json()
    document = documents["items"][0]["meta"]
    assert document["detail_url"].startswith(base + "api/v2/documents/")
    assert document["download_url"].startswith(base + "documents/")
    images = client.get("/api/v2/images/?limit=1", HTTP_HOST=HOST).json()
    assert images["items"][0]["meta"]["detail_url"].startswith(base + "api/v2/images/")


def test_a_configured_public_base_url_wins_for_api_links(client, demo, settings):
    settings.WAGTAILAPI_BASE_URL = "https://cursos.example.org"
    module = demo.module(1)
    detail = client.get(f"/api/v2/pages/{module.pk}/", HTTP_HOST=HOST).json()
    assert detail["meta"]["detail_url"].startswith("https://cursos.example.org/api/v2/pages/")
    assert detail["meta"]["html_url"] == "https://cursos.example.org" + module.url


# --- Page lists cost the same whatever their ``limit`` ----------------------------------------

LISTINGS = [
    "/api/v2/pages/?type=course_content.ModulePage&fields=*&order=id",
    "/api/v2/pages/?type=course_content.ResourcePage&fields=*&order=id",
    "/api/v2/pages/?type=course_content.EvaluationPage&fields=*&order=id",
    "/api/v2/pages/?type=course_content.CountryUnitPage&fields=*&order=id",
    "/api/v2/pages/?type=course_content.ModulePage&fields=number,title,related_resources&locale=es",
    "/api/v2/pages/?type=course_content.ResourcePage&fields=title,document,country_codes",
]


def listing_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as context:
        data = get_json(client, url)
    return len(context), len(data["items"])


@pytest.mark.parametrize("url", LISTINGS)
def test_page_lists_of_a_type_cost_a_fixed_number_of_queries(learner_client, demo, url):
    """Before: queries grew with every item (547 for 50 modules with ``fields=*``, 179 for 50
    resources, 146 for 50 evaluations, 93 for 50 country units)."""
    one, shown_one = listing_queries(learner_client, f"{url}&limit=1")
    fifty, shown_fifty = listing_queries(learner_client, f"{url}&limit=50")
    assert shown_one == 1 and shown_fifty > 5
    assert one == fifty


@pytest.mark.parametrize("fields", ["", "&fields=*"])
def test_page_lists_of_every_type_cost_a_fixed_number_of_queries(learner_client, demo, fields):
    """Before: 12 queries at ``limit=1``, 59 at ``limit=50``. A list holding a resource reads
    once which learner-only resources the reader may not open (one query, whatever the count)."""
    url = f"/api/v2/pages/?order=id{fields}"
    one, _ = listing_queries(learner_client, f"{url}&limit=1")
    fifty, shown_fifty = listing_queries(learner_client, f"{url}&limit=50")
    hundred, shown_hundred = listing_queries(learner_client, f"{url}&limit=100")
    assert shown_hundred > shown_fifty == 50
    assert fifty == hundred <= one + 1
