"""sitemap.xml and robots.txt: the public pages of the request's site, real translations only,
in a fixed number of queries."""

import pytest
from defusedxml import ElementTree as ET
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from course_content.models import ResourcePage
from tests.factories import HomePageFactory, ModulePageFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def read_sitemap(client, **extra):
    response = client.get("/sitemap.xml", **extra)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def absolute(page):
    return "http://testserver" + page.url


def test_lists_live_public_pages_with_their_real_translations_only(client, demo):
    urls = read_sitemap(client)
    module = demo.module(1)
    assert absolute(demo.home) in urls
    assert absolute(module) in urls
    assert absolute(demo.library) in urls

    # Module 1 in every locale: real translations (en, pt-br, es-mx) are alternates of one
    # another; the French placeholder (submitted, nothing translated) shows the Spanish text.
    versions = {
        page.locale.language_code: page.specific
        for page in Page.objects.filter(translation_key=module.translation_key).select_related(
            "locale"
        )
    }
    from translations.selectors import shows_source

    french = versions["fr"]
    assert shows_source(french)
    real = {
        code: absolute(page)
        for code, page in versions.items()
        if page.live and not shows_source(page)
    }
    assert {"es", "en", "pt-br", "es-mx"} <= set(real)
    assert urls[absolute(module)] == {**real, "x-default": absolute(module)}
    assert urls[real["en"]] == urls[absolute(module)]  # the English page names the same set
    assert absolute(french) not in urls
    # A page with no translation has no alternates.
    assert urls[absolute(demo.module(7))] == {}


def test_leaves_out_drafts_restricted_and_learner_only_pages(client, demo):
    draft = ModulePageFactory(parent=demo.course, number=42, live=False)
    restricted = demo.resources().first()
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    learners_only = demo.resources().exclude(pk=restricted.pk).first()
    ResourcePage.objects.filter(pk=learners_only.pk).update(learners_only=True)

    urls = read_sitemap(client)

    assert absolute(demo.course) in urls
    assert absolute(demo.module(5)) in urls  # a module's overview is public
    for page in [draft, restricted, learners_only, demo.unit("MX"), demo.evaluation(1)]:
        assert absolute(page) not in urls, page.url


def test_a_signed_in_learner_gets_the_public_sitemap(learner_client, demo):
    unit = demo.unit("MX")
    assert learner_client.get(unit.url).status_code == 200  # they may study it…
    assert absolute(unit) not in read_sitemap(learner_client)  # …but it is not public


def test_each_site_has_its_own_sitemap(client, demo):
    home_url = absolute(demo.home)
    root = Page.objects.get(depth=1)
    other_home = HomePageFactory(parent=root, slug="otro-portal", title="Otro portal")
    other_page = ResourcePageFactory(parent=other_home, slug="otro-recurso")
    Site.objects.create(hostname="127.0.0.1", port=80, root_page=other_home)

    other = read_sitemap(client, HTTP_HOST="127.0.0.1")
    assert set(other) == {"http://127.0.0.1/es/", "http://127.0.0.1/es/otro-recurso/"}
    assert home_url not in other
    assert "http://testserver/es/otro-recurso/" not in read_sitemap(client)
    assert other_page.live


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context)


def test_sitemap_and_robots_cost_a_fixed_number_of_queries(client, demo):
    before = count_queries(client, "/sitemap.xml")
    for number in range(20):
        ResourcePageFactory(parent=demo.library)
        ModulePageFactory(parent=demo.course, number=100 + number)
    after = count_queries(client, "/sitemap.xml")
    assert before == after <= 4
    assert len(read_sitemap(client)) >= 40
    assert count_queries(client, "/robots.txt") == 0


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert client.post("/robots.txt").status_code == 405
