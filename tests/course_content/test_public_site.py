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


def test_course_page_lists_every_module_with_number_title_and_hours(learner_client, demo):
    page = html_of(learner_client, demo.course.url)
    for module in content.MODULES:
        assert escape(module["title"]) in page
        assert f"Módulo {module['number']}</span>" in page
    assert "85 horas" in page
    total = sum(module["hours"] for module in content.MODULES)
    assert f"los módulos suman {total} horas" in page
    assert "19 unidades por país" in page


def test_module_page_has_objectives_toc_body_resources_and_neighbours(learner_client, demo):
    module = demo.module(3)
    data = content.MODULES[2]
    page = html_of(learner_client, module.url)
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


def test_module_5_lists_19_country_units_and_filters_by_country(learner_client, demo):
    module = demo.module(5)
    page = html_of(learner_client, module.url)
    units = re.findall(r'<li class="card"><h3><a href="([^"]+)">', page)
    assert len(units) == 19
    assert '<select name="country"' in page

    filtered = html_of(learner_client, module.url + "?country=MX")
    units = re.findall(r'<li class="card"><h3><a href="([^"]+)">', filtered)
    assert units == [demo.unit("MX").url]

    # An unknown country is ignored, not an error.
    assert (
        len(
            re.findall(
                r'<li class="card"><h3>', html_of(learner_client, module.url + "?country=ZZ")
            )
        )
        == 19
    )


def test_country_unit_page_shows_system_laws_institutions_and_illustrative_notice(
    learner_client, demo
):
    data = next(country for country in content.COUNTRIES if country["code"] == "CO")
    unit = demo.unit("CO")
    page = html_of(learner_client, unit.url)
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


def test_evaluation_page_never_shows_answer_keys(learner_client, demo):
    evaluation = demo.evaluation(1)
    page = html_of(learner_client, evaluation.url)
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


def test_canonical_and_alternate_links_use_the_requests_host_and_port(client, demo):
    """`make run PORT=8001`: canonical and hreflang links point at the server that answered."""
    module = demo.module(1)
    page = client.get(module.url, HTTP_HOST="127.0.0.1:8001").content.decode()
    canonical = re.findall(r'<link rel="canonical" href="([^"]+)"', page)
    assert canonical == ["http://127.0.0.1:8001" + module.url]
    alternates = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', page)
    assert alternates
    assert {code for code, _url in alternates} >= {"es", "en", "pt-br", "x-default"}
    for code, url in alternates:
        prefix = "es" if code == "x-default" else code
        assert url.startswith(f"http://127.0.0.1:8001/{prefix}/"), (code, url)
    assert "localhost" not in page


def soup_of(client, url, status=200):
    from bs4 import BeautifulSoup

    return BeautifulSoup(html_of(client, url, status), "html.parser")


def language_of(element):
    """The language an element is in: its own or its nearest ancestor's ``lang``."""
    while element is not None and not element.get("lang"):
        element = element.parent
    return element.get("lang") if element is not None else None


def elements_with(soup, text):
    found = [node.parent for node in soup.find_all(string=re.compile(re.escape(text)))]
    assert found, f"{text!r} is on the page"
    return found


def test_content_in_another_language_carries_its_lang(client, demo):
    """/en/ shows the library's Spanish summary (the library is not translated): it says so."""
    soup = soup_of(client, "/en/")
    assert soup.html["lang"] == "en"
    for element in elements_with(soup, demo.library.summary[:40]):
        assert language_of(element) == "es", element
    # The interface around it stays English.
    heading = soup.find(id="library-heading")
    assert language_of(heading) == "en"


def test_an_untranslated_page_marks_its_content_not_the_interface(learner_client, demo):
    """/fr/ shows the Spanish module 1 (French still under review): the Spanish content has
    lang="es", the French interface (headings of the page's sections) has the page's lang."""
    soup = soup_of(learner_client, "/fr/curso-ninez-migrante/derechos-nna-politicas-publicas/")
    assert soup.html["lang"] == "fr"
    assert language_of(soup.find("h1")) == "es"
    module = content.MODULES[0]
    for element in elements_with(soup, module["objectives"][0][:40]):
        assert language_of(element) == "es"
    assert language_of(soup.find(id="objectives-heading")) == "fr"
    assert language_of(soup.find(id="toc-heading")) == "fr"


LANGUAGE_NAMES = {
    "es": "Español",
    "en": "English",
    "pt-br": "Português (Brasil)",
    "fr": "Français",
    "es-mx": "Español (México)",
}


def test_language_names_are_each_languages_own_name_in_the_switcher(client, demo):
    soup = soup_of(client, "/en/")
    switcher = soup.find("nav", class_="language-switcher")
    names = {item["lang"]: item.get_text(strip=True) for item in switcher.find_all(lang=True)}
    assert names == {code: LANGUAGE_NAMES[code] for code in names}
    assert {"es", "en", "pt-br"} <= set(names)
    alternates = {
        link["hreflang"]: link["title"] for link in soup.find_all("link", rel="alternate")
    }
    assert alternates.pop("x-default") == "Español"
    assert alternates == {code: LANGUAGE_NAMES[code] for code in alternates}


@pytest.mark.parametrize(
    "url, requested, shown",
    [("/fr/", "fr", "es"), ("/es-mx/curso-ninez-migrante/", "es-mx", "es")],
)
def test_fallback_notice_names_languages_by_their_own_names(client, demo, url, requested, shown):
    soup = soup_of(client, url)
    notice = soup.find(class_="fallback-notice")
    names = {item["lang"]: item.get_text(strip=True) for item in notice.find_all(lang=True)}
    assert names == {requested: LANGUAGE_NAMES[requested], shown: LANGUAGE_NAMES[shown]}
    for wrong in ("Espagnol", "Francés", "de Mexico", "Brasileiro"):
        assert wrong not in notice.get_text()


def test_language_of_the_material_uses_the_languages_own_name(client, demo):
    english = demo.resources(material_language="en").first()
    soup = soup_of(client, english.url)
    term = soup.find("dt", string="Idioma")
    value = term.find_next_sibling("dd")
    assert value.get_text(strip=True) == "English"
    assert language_of(value.find(string="English").parent) == "en"

    library = soup_of(client, demo.library.url)
    options = {
        option["value"]: option.get_text(strip=True)
        for option in library.find("select", attrs={"name": "language"}).find_all("option")
    }
    assert options["en"] == "English" and options["fr"] == "Français"
    assert options["es"] == "Español" and options["pt"] == "Português"
    assert options[""] == "Todos los idiomas" and options["other"] == "Otro"


def test_infographic_alt_text_does_not_repeat_its_kind(client, demo):
    for resource in demo.resources(resource_type="infographic"):
        image = soup_of(client, resource.url).find("figure").find("img")
        assert image["alt"].strip()
        assert "Infografía: Infografía" not in image["alt"], image["alt"]


def test_header_has_the_course_identity_and_the_main_navigation(learner_client, demo):
    soup = soup_of(learner_client, demo.unit("MX").url)
    header = soup.find("header", class_="site-header")
    assert "Niñez migrante en las Américas" in header.find(class_="brand").get_text()
    nav = header.find("nav", attrs={"aria-label": "Navegación principal"})
    links = {a.get_text(strip=True): a for a in nav.find_all("a")}
    assert links["Curso"]["href"] == demo.course.url
    assert links["Módulos"]["href"] == demo.course.url + "#modules"
    assert links["Biblioteca"]["href"] == demo.library.url
    # A country unit belongs to the modules.
    assert links["Módulos"].get("aria-current") and not links["Curso"].get("aria-current")
    assert soup.find(id="modules") is None  # the anchor is on the course page
    assert soup_of(learner_client, demo.course.url).find(id="modules") is not None


def test_breadcrumbs_lead_home_through_the_course(learner_client, demo):
    soup = soup_of(learner_client, demo.unit("MX").url)
    crumbs = soup.find("nav", class_="breadcrumbs").find_all("li")
    assert [li.get_text(strip=True) for li in crumbs[:2]] == ["Inicio", content.COURSE["title"]]
    assert crumbs[2].find("a")["href"] == demo.module(5).url
    assert crumbs[-1].find(attrs={"aria-current": "page"})


def test_footer_has_the_licence_and_a_contact(client, demo):
    footer = soup_of(client, "/es/").find("footer")
    licence = footer.find("a", rel="license")
    assert licence.get_text() == "CC BY-NC-SA 4.0"
    assert licence["href"] == "https://creativecommons.org/licenses/by-nc-sa/4.0/"
    assert "Contenido disponible bajo la licencia" in footer.get_text()
    assert footer.find("a", href=re.compile(r"^mailto:.+@"))


def localized_date(value, language):
    from django.utils import translation
    from django.utils.formats import date_format

    with translation.override(language):
        return date_format(value, "DATE_FORMAT")


def test_home_presents_the_course_and_the_library(client, demo):
    soup = soup_of(client, "/es/")
    text = soup.get_text(" ", strip=True)
    assert localized_date(demo.course.starts_on, "es") in text  # e.g. "1 de abril de 2020"
    assert "85 horas" in text
    modules = soup.find("ol", class_="module-grid").find_all("li")
    assert len(modules) == len(content.MODULES)
    assert modules[4].find("a")["href"] == demo.module(5).url
    assert f"{len(content.RESOURCES)} recursos" in text
    assert soup.find("a", href=demo.library.url + "?type=video")


def test_home_says_how_to_apply_while_applications_are_open(client, demo):
    import datetime

    from django.utils import timezone

    course = demo.course
    closed = soup_of(client, "/es/").find(class_="apply")
    assert closed is None or course.application_open
    now = timezone.now()
    course.application_opens_at = now - datetime.timedelta(days=1)
    course.application_closes_at = now + datetime.timedelta(days=30)
    course.save_revision().publish()
    for url in ("/es/", demo.course.url):
        apply = soup_of(client, url).find(class_="apply")
        assert "Las postulaciones están abiertas" in apply.get_text()
        # It leads to the course page's application form (learning.enrolment).
        assert apply.find("a", href=demo.course.url + "#apply")


def test_home_in_french_has_localized_dates_and_french_interface(client, demo):
    soup = soup_of(client, "/fr/")
    text = soup.get_text(" ", strip=True)
    assert localized_date(demo.course.starts_on, "fr") in text  # e.g. "1 avril 2020"
    assert soup.find("nav", attrs={"aria-label": "Navigation principale"})
