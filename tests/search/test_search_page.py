"""The search page as readers use it: language-aware matching, facets, snippets, pagination,
zero results, and bad input (a message, never a 500)."""

import re
from urllib.parse import quote

import pytest

from search.analysis import query_groups, variants

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_backend")]


def results(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    body = response.content.decode()
    return re.findall(r'<li class="result"[^>]*>\s*<h2><a href="([^"]+)"', body), body


@pytest.mark.parametrize(
    "url, expected",
    [
        # Spanish: accents folded, plurals stemmed.
        ("/es/buscar/?q=migracion", "/es/curso-ninez-migrante/migracion-mundo-ods/"),
        ("/es/buscar/?q=ninez+retorno", "/es/curso-ninez-migrante/ninez-retorno-reintegracion/"),
        ("/es/buscar/?q=migrantes", "/es/curso-ninez-migrante/ninez-migrante/"),
        ("/es/buscar/?q=infografias", "/es/biblioteca/infografia-principios-convencion/"),
        # English, with English rules.
        ("/en/search/?q=policies", "/en/curso-ninez-migrante/derechos-nna-politicas-publicas/"),
        ("/en/search/?q=migrations+world", "/en/curso-ninez-migrante/migracion-mundo-ods/"),
        # Portuguese, with Portuguese rules: "criancas" without its cedilla, "direito" singular.
        ("/pt-br/buscar/?q=criancas", "/pt-br/"),
        (
            "/pt-br/buscar/?q=direito",
            "/pt-br/curso-ninez-migrante/derechos-nna-politicas-publicas/",
        ),  # noqa: E501
    ],
)
def test_language_aware_matching(client, url, expected):
    found, _body = results(client, url)
    assert expected in found


def test_each_language_has_its_own_rules():
    assert variants("migración", "es") == variants("migracion", "es")
    assert set(variants("niñez", "es")) & set(variants("ninez", "es"))
    assert set(variants("migrantes", "es")) & set(variants("migrante", "es"))
    assert set(variants("enfants", "fr")) & set(variants("enfant", "fr"))
    assert set(variants("éducation", "fr")) & set(variants("education", "fr"))
    assert set(variants("policies", "en")) & set(variants("policy", "en"))
    assert set(variants("crianças", "pt")) & set(variants("criancas", "pt"))
    # Spanish stop words are not English ones: "the" stays in a Spanish query.
    assert query_groups("the niños", "es")[0] == variants("the", "es")
    assert query_groups("the children", "en") == [variants("children", "en")]


def test_results_in_the_active_locale_unless_all_languages(client):
    found, _ = results(client, "/es/buscar/?q=migrante")
    assert found and all(url.startswith("/es/") for url in found)
    found, _ = results(client, "/es/buscar/?q=migrante&languages=all")
    assert {url.split("/")[1] for url in found} >= {"es", "en", "pt-br"}


def test_snippets_highlight_the_words_in_the_reader_language(client):
    _found, body = results(client, "/es/buscar/?q=ni%C3%B1os+no+acompa%C3%B1ados")
    assert "<mark>acompañados</mark>" in body
    assert "resultados para «niños no acompañados»" in body
    _found, body = results(client, "/en/search/?q=unaccompanied+children")
    assert "<mark>children</mark>" in body and "results for" in body


def test_snippets_escape_the_text(client):
    _found, body = results(client, "/es/buscar/?q=%3Cscript%3Emigracion")
    assert "<script>migracion" not in body


def test_facets_count_and_filter(client):
    found, body = results(client, "/es/buscar/?q=infografia")
    counts = dict(re.findall(r'type=(\w+)"[^>]*>[^<]*<span class="count">\((\d+)\)', body))
    assert counts.get("infographic") and int(counts["infographic"]) >= 5
    filtered, body = results(client, "/es/buscar/?q=infografia&type=infographic")
    assert filtered and len(filtered) == int(counts["infographic"])
    assert 'aria-current="true"' in body  # the chosen value is marked, and removes the filter
    kinds, _ = results(client, "/es/buscar/?q=proteccion&kind=module")
    assert kinds and all("/biblioteca/" not in url for url in kinds)


def test_pagination(client):
    first, body = results(client, "/es/buscar/?q=ninez")
    assert len(first) == 10 and 'rel="next"' in body
    second, _ = results(client, "/es/buscar/?q=ninez&page=2")
    assert second and not set(first) & set(second)
    last, _ = results(client, "/es/buscar/?q=ninez&page=99999")  # the last page
    assert last == second or last


def test_zero_results_suggest_a_spelling_and_the_modules(client):
    found, body = results(client, "/es/buscar/?q=migrasion")
    assert not found
    assert "Quizás quiso decir" in body and "migración" in body
    assert "Módulos del curso" in body and "/es/curso-ninez-migrante/ninez-migrante/" in body


def test_every_header_has_the_search_box(client):
    for url, action in [("/es/", "/es/buscar/"), ("/en/", "/en/search/"),
                        ("/pt-br/", "/pt-br/buscar/"), ("/fr/", "/fr/recherche/")]:  # fmt: skip
        body = client.get(url, follow=True).content.decode()
        assert f'action="{action}"' in body


def test_autocomplete(client):
    response = client.get("/es/buscar/sugerencias/?q=infograf")
    assert response.status_code == 200
    titles = [item["title"] for item in response.json()["suggestions"]]
    assert titles and titles[0].startswith("Infograf")


LONG = "a" * 60_000
BAD = [
    "q=",
    "q=" + LONG,
    "q=" + quote('"niñez'),
    "q=" + quote('niñez AND NOT "migra*" OR (x NEAR y)'),
    "q=ni%00nez",
    "q=" + quote("'; DROP TABLE wagtailcore_page; --"),
    "q=" + quote(".*[a-z]+(?=x)\\d{2,}$^"),
    "q=" + "+".join(["palabra"] * 501),
    "q=ninez&page=-1",
    "q=ninez&page=99999",
    "q=ninez&page=abc",
    "q=ninez&kind=planet",
    "q=ninez&country=ZZ",
    "q=ninez&module=999",
    "q=ninez&type=" + quote("<b>"),
    "q=ninez&search_operator=xor",
    "q=ninez&languages=klingon",
    "q=%E2%80%AE%F0%9F%98%80%C3%B1",
]


@pytest.mark.parametrize("params", BAD, ids=range(len(BAD)))
@pytest.mark.parametrize(
    "path", ["/es/buscar/", "/es/buscar/sugerencias/", "/api/v2/pages/", "/api/v2/search/"]
)
def test_bad_input_answers_with_a_message_never_a_500(client, path, params):
    if path == "/api/v2/pages/":
        params = params.replace("q=", "search=", 1)
    response = client.get(f"{path}?{params}")
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        body = response.content.decode()
        if path == "/es/buscar/":
            assert 'role="alert"' in body
        else:
            assert response.json()["message"]
