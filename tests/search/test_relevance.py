"""A relevance set over the demo content: each query with the page a reader expects. The mean
reciprocal rank (1 / the expected page's position in the results, 0 when absent) is
deterministic for fixed content and must stay at 0.8 or more."""

import re

import pytest

from tests.search_backends import DATABASE

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_backend")]

C = "/es/curso-ninez-migrante/"
B = "/es/biblioteca/"
RELEVANCE = [
    # Spanish: a reader's words, without accents or with other forms of the words.
    ("es", "niños no acompañados", B + "infografia-no-acompanados-separados/"),
    ("es", "interes superior del niño video", B + "video-interes-superior/"),
    ("es", "determinacion interes superior", B + "kit-determinacion-interes-superior/"),
    ("es", "trata y trafico", B + "video-trata-trafico/"),
    ("es", "indicadores trata", B + "indicadores-trata-nna/"),
    ("es", "retorno reintegracion", C + "ninez-retorno-reintegracion/"),
    ("es", "reintegracion escolar", B + "pautas-reintegracion-escolar/"),
    ("es", "apoyo psicosocial", C + "acompanamiento-psicosocial/"),
    ("es", "piramide psicosocial", B + "infografia-piramide-psicosocial/"),
    ("es", "primera ayuda psicologica", B + "video-primera-ayuda-psicologica/"),
    ("es", "espacios amigables", B + "video-espacios-amigables/"),
    ("es", "gestion de casos", B + "caja-herramientas-gestion-casos/"),
    ("es", "glosario movilidad", B + "glosario-movilidad-humana/"),
    ("es", "estandares interamericanos", B + "sintesis-estandares-interamericanos/"),
    ("es", "corte interamericana", B + "enlace-biblioteca-jurisprudencia/"),
    ("es", "objetivos de desarrollo sostenible", C + "migracion-mundo-ods/"),
    ("es", "sistemas nacionales de proteccion", C + "sistemas-nacionales-proteccion/"),
    ("es", "marco normativo internacional", C + "marco-normativo-mecanismos-proteccion/"),
    ("es", "especial vulnerabilidad", C + "nna-especial-vulnerabilidad/"),
    ("es", "contextos humanitarios", C + "proteccion-contextos-humanitarios/"),
    ("es", "separacion familiar emergencias", B + "kit-prevencion-separacion-familiar/"),
    ("es", "derecho a ser escuchado", B + "podcast-derecho-ser-escuchado/"),
    ("es", "junta local", B + "audio-junta-local-proteccion/"),
    ("es", "garantias procesales", B + "infografia-garantias-procesales/"),
    ("es", "refugiados venezuela", B + "enlace-directorio-servicios/"),
    # English.
    (
        "en",
        "children rights public policies",
        "/en/curso-ninez-migrante/derechos-nna-politicas-publicas/",
    ),  # noqa: E501
    ("en", "sustainable development goals", "/en/curso-ninez-migrante/migracion-mundo-ods/"),
    ("en", "specialized course", "/en/curso-ninez-migrante/"),
    ("en", "migrations", "/en/curso-ninez-migrante/migracion-mundo-ods/"),
    # Portuguese.
    (
        "pt-br",
        "direitos das criancas politicas publicas",
        "/pt-br/curso-ninez-migrante/derechos-nna-politicas-publicas/",
    ),  # noqa: E501
    ("pt-br", "curso especializado", "/pt-br/curso-ninez-migrante/"),
    ("pt-br", "criancas migrantes americas", "/pt-br/"),
]
PATHS = {"es": "/es/buscar/", "en": "/en/search/", "pt-br": "/pt-br/buscar/"}


def rank(client, language, query, expected):
    response = client.get(PATHS[language], {"q": query})
    body = response.content.decode()
    found = re.findall(r'<li class="result"[^>]*>\s*<h2><a href="([^"]+)"', body)
    return found.index(expected) + 1 if expected in found else None


def test_mean_reciprocal_rank(client):
    assert len(RELEVANCE) >= 30
    ranks = {query: rank(client, lang, query, expected) for lang, query, expected in RELEVANCE}
    mrr = sum(1 / r for r in ranks.values() if r) / len(ranks)
    print(f"MRR {mrr:.3f}", ranks)
    assert mrr >= 0.8, ranks


@pytest.mark.parametrize("language, query, _expected", RELEVANCE[:12])
def test_sqlite_ranking_query_finds_what_the_backend_finds(settings, language, query, _expected):
    """On SQLite the engine ranks with one FTS5 match of its own (``engine._match_sqlite``): it
    must find the very rows Wagtail's database backend finds, only faster."""
    from django.db import connection
    from modelsearch.backends import get_search_backend

    from search import engine
    from search.analysis import query_groups

    if connection.vendor != "sqlite":
        pytest.skip("the ranking query of our own is for SQLite")
    settings.WAGTAILSEARCH_BACKENDS = {"default": DATABASE}
    codes = [language]
    groups = query_groups(query, language)
    for operator in ("and", "or"):
        ours = engine._match_sqlite(groups, operator, codes)
        theirs = engine._match(
            engine.backend_query(groups, operator), codes, get_search_backend("default")
        )
        assert set(ours) == set(theirs)
        assert ours, f"{query!r} ({operator}) finds something"


@pytest.mark.parametrize("language, query", [("en", "migrants"), ("pt-br", "migrantes")])
def test_sqlite_ranking_query_keeps_the_best_rows_of_the_language(
    settings, monkeypatch, language, query
):
    """The SQLite ranking query ranks the full-text matches of every language first and joins
    only the best of them: when those are mostly other languages' rows ("migrant" is also a
    Spanish stem, in many more rows), it must still give the language's own best rows, the very
    ones the whole ranking gives."""
    from django.db import connection

    from search import engine
    from search.analysis import language_of, query_groups

    if connection.vendor != "sqlite":
        pytest.skip("the ranking query of our own is for SQLite")
    settings.WAGTAILSEARCH_BACKENDS = {"default": DATABASE}
    groups = query_groups(query, language_of(language))
    everything = engine._match_sqlite(groups, "or", [language])
    assert len(everything) > 3
    monkeypatch.setattr(engine, "MAX_CANDIDATES", 3)
    assert engine._match_sqlite(groups, "or", [language]) == everything[:3]
