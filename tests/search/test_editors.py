"""What editors get: promoted results (Wagtail's search promotions) shown to readers who may
read the promoted page, and a per-language report of frequent searches and of searches that
found nothing."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_backend")]


def promote(query, page):
    SearchPromotion.objects.create(query=Query.get(query), page=page, description="Léalo primero.")


def test_promoted_pages_lead_the_results_only_when_readable(client, demo):
    library = demo.library
    module2 = demo.module(2)
    PageViewRestriction.objects.create(
        page=module2, restriction_type=PageViewRestriction.PASSWORD, password="secreto"
    )
    promote("proteccion", library)
    promote("proteccion", module2)
    body = client.get("/es/buscar/?q=proteccion").content.decode()
    promoted = body.split('class="promoted"')[1].split("</section>")[0]
    assert "Recomendado" in body and library.url in promoted and "Léalo primero." in promoted
    assert module2.url not in promoted


def test_editors_report_frequent_and_empty_searches_per_language(client, user):
    for query in ["migracion", "Migracion", "xyzzyqq"]:
        client.get("/es/buscar/", {"q": query})
    client.get("/en/search/", {"q": "children"})
    client.force_login(user("editora"))
    body = client.get("/admin/search-report/?language=es").content.decode()
    frequent, empty = body.split("Búsquedas que no encontraron nada")
    assert "migracion</td><td>2</td>" in frequent
    assert "xyzzyqq" in empty and "migracion" not in empty
    assert "children" not in body
    english = client.get("/admin/search-report/?language=en").content.decode()
    assert "children" in english


def test_the_report_is_for_the_admin_only(client):
    response = client.get("/admin/search-report/")
    assert response.status_code == 302  # to the admin's sign-in
