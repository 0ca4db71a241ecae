"""What a learner or a member of the public sees on the Spanish site."""

import re

import pytest
from django.utils.html import escape

from course_content.countries import country_name
from course_content.demo import content
from course_content.models import ResourcePage

pytestmark = pytest.mark.django_db


def html_of(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def test_root_redirects_to_the_preferred_available_language(client, demo):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="es-419,es;q=0.9")
    assert response.status_code == 302
    assert response["Location"] == "/es/"
    # A language the site does not offer falls back to Spanish, the source language.
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de")
    assert response["Location"] == "/es/"


def test_home_lists_the_course_and_the_library(client, demo):
    page = html_of(client, "/es/")
    assert escape(content.COURSE["title"]) in page
    assert demo.library.url in page


def test_course_page_lists_every_module_with_number_title_and_hours(client, demo):
    page = html_of(client, demo.course.url)
    for module in content.MODULES:
        assert escape(module["title"]) in page
        assert f"Módulo {module['number']}</span>" in page
    assert "85 horas" in page
    total = sum(module["hours"] for module in content.MODULES)
    assert f"los módulos suman {total} horas" in page
    assert "19 unidades por país" in page


def test_module_page_has_objectives_toc_body_resources_and_neighbours(client, demo):
    module = demo.module(3)
    data = content.MODULES[2]
    page = html_of(client, module.url)
    assert escape(data["title"]) in page
    for objective in data["objectives"]:
        assert escape(objective) in page
    for section in data["sections"]:
        anchor = re.search(r'href="#(s-[^"]+)">' + re.escape(escape(section["heading"])), page)
        assert anchor, section["heading"]
        assert f'id="{anchor.group(1)}"' in page
    assert 'id="resources"' in page
    related = [r for r in content.RESOURCES if 3 in r["modules"]]
    assert escape(related[0]["title"]) in page
    assert f'rel="prev" href="{demo.module(2).url}"' in page
    assert f'rel="next" href="{demo.module(4).url}"' in page
    assert demo.evaluation(3).url in page


def test_module_5_lists_19_country_units_and_filters_by_country(client, demo):
    module = demo.module(5)
    page = html_of(client, module.url)
    units = re.findall(r'<li class="card"><h3><a href="([^"]+)">', page)
    assert len(units) == 19
    assert '<select name="country"' in page

    filtered = html_of(client, module.url + "?country=MX")
    units = re.findall(r'<li class="card"><h3><a href="([^"]+)">', filtered)
    assert units == [demo.unit("MX").url]

    # An unknown country is ignored, not an error.
    assert (
        len(re.findall(r'<li class="card"><h3>', html_of(client, module.url + "?country=ZZ"))) == 19
    )


def test_country_unit_page_shows_system_laws_institutions_and_illustrative_notice(client, demo):
    data = next(country for country in content.COUNTRIES if country["code"] == "CO")
    unit = demo.unit("CO")
    page = html_of(client, unit.url)
    assert str(country_name("CO")) in page
    assert "Contenido ilustrativo" in page
    for item in data["legal_framework"]:
        assert escape(item["instrument"]) in page
    for item in data["institutions"]:
        assert escape(item["name"]) in page
    assert demo.module(5).url in page


def test_resource_library_filters_and_paginates(client, demo):
    url = demo.library.url
    page = html_of(client, url)
    total = len(content.RESOURCES)
    assert f"{total} recursos" in page
    assert 'rel="next"' in page

    videos = [r for r in content.RESOURCES if r["type"] == "video"]
    page = html_of(client, url + "?type=video")
    assert f"{len(videos)} recursos" in page
    assert escape(videos[0]["title"]) in page

    in_module_1 = [r for r in content.RESOURCES if 1 in r["modules"]]
    assert f"{len(in_module_1)} recurso" in html_of(client, url + "?module=1")

    english = [r for r in content.RESOURCES if r["language"] == "en"]
    assert f"{len(english)} recurso" in html_of(client, url + "?language=en")

    country = next(r for r in content.RESOURCES if r["countries"])["countries"][0]
    with_country = [r for r in content.RESOURCES if country in r["countries"]]
    assert f"{len(with_country)} recurso" in html_of(client, url + f"?country={country}")


@pytest.mark.parametrize(
    "query", ["?type=nonsense", "?module=abc", "?page=999", "?page=-3", "?country=<script>"]
)
def test_resource_library_never_fails_on_bad_parameters(client, demo, query):
    page = html_of(client, demo.library.url + query)
    assert "<script>" not in page.split("<main", 1)[1]


def test_resource_page_offers_the_download_with_type_and_size(client, demo):
    resource = demo.resources(resource_type="document").first()
    page = html_of(client, resource.url)
    document = resource.document
    assert document.url in page
    assert f"(PDF, {document.get_file_size()}" in page.replace("\xa0", " ") or "(PDF, " in page
    size = re.search(r"\(PDF, ([^)]+)\)", page).group(1)
    assert "bytes" in size or "KB" in size


def test_video_resource_shows_its_transcript(client, demo):
    resource = demo.resources(resource_type="video").first()
    data = next(r for r in content.RESOURCES if r["slug"] == resource.slug)
    page = html_of(client, resource.url)
    assert "Transcripción" in page
    for paragraph in data["transcript"]:
        assert f"<p>{escape(paragraph)}</p>" in page


def test_evaluation_page_never_shows_answer_keys(client, demo):
    evaluation = demo.evaluation(1)
    page = html_of(client, evaluation.url)
    data = content.MODULES[0]["evaluation"]
    for question in data["questions"]:
        assert escape(question["prompt"]) in page
        assert escape(question["feedback"]) not in page
    assert "is_correct" not in page
    assert "70/100" in page


def test_pages_are_accessible_by_structure(client, demo):
    page = html_of(client, demo.module(5).url)
    assert '<html lang="es">' in page
    assert '<a class="skip-link" href="#main">' in page
    assert '<main id="main"' in page
    assert 'role="banner"' in page and 'role="contentinfo"' in page
    assert 'aria-label="Ruta de navegación"' in page
    assert 'hreflang="es"' in page
    assert re.search(r'<link rel="canonical" href="http://[^"]+/es/', page)


def test_module_page_weighs_under_100_kb_with_its_css_and_js(client, demo):
    page = html_of(client, demo.module(5).url)
    assets = re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"', page)
    from django.contrib.staticfiles import finders

    weight = len(page.encode())
    for asset in assets:
        path = finders.find(asset.removeprefix("/static/"))
        with open(path, "rb") as handle:
            weight += len(handle.read())
    assert assets, "the page links its stylesheet"
    assert weight < 100 * 1024, weight


def test_unknown_page_gets_the_styled_404(client, demo):
    page = html_of(client, "/es/no-existe/", status=404)
    assert "Página no encontrada" in page
    assert '<a class="skip-link"' in page


def test_draft_pages_are_not_served(client, demo):
    resource = demo.resources().first()
    resource.unpublish()
    assert client.get(resource.url or "/es/biblioteca/" + resource.slug + "/").status_code == 404
    assert not ResourcePage.objects.live().filter(pk=resource.pk).exists()


def test_server_errors_get_the_styled_500_page(client, demo, monkeypatch):
    from course_content.models import ModulePage

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(ModulePage, "get_page_context", broken)
    client.raise_request_exception = False
    response = client.get(demo.module(1).url)
    assert response.status_code == 500
    page = response.content.decode()
    assert "Algo salió mal" in page
    assert '<html lang="es">' in page
