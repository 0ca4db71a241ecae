"""Site search figures (prints, asserts nothing): ``.venv/bin/python benchmarks/search_bench.py``.

On a scratch SQLite database with the demo (es, en, pt-br, fr):
1. Mean reciprocal rank of the relevance set (tests/search/test_relevance.py) per backend.
2. p50/p95 of the search page (full request: matching, access rule, facets, snippets) over the
   relevance queries and a long hostile query (200 characters, 20 words).
3. Then with N generated resource pages (BENCH_SEARCH_SIZES, default "1000,10000"): indexing
   throughput (pages/s through search.indexing.index_page, then the database backend's bulk
   indexing of the new pages and rows) and the same latencies.

Latencies are given as wall-clock time and as the CPU time of the process (the request, SQLite
included: on a machine shared with other work, the CPU time says what the code costs; the
wall-clock time adds the waiting for a core).

The pages are generated with the backends' automatic updates off: on SQLite, Wagtail's database
backend refreshes its title norms over the whole index after each object it indexes (a scan of
every entry, 0.1 s and more per page at 10,000 pages), which made generating the content take
most of the run; the new pages and rows are then indexed in bulk.

Every backend in reach: the database backend always; OpenSearch when OPENSEARCH_URL is set
(``make opensearch``).
"""

import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = Path(tempfile.mkdtemp(prefix="search-bench-"))
os.environ.update(
    DATABASE_URL=f"sqlite:///{WORK / 'bench.sqlite3'}",
    MEDIA_ROOT=str(WORK / "media"),
    DJANGO_SETTINGS_MODULE="cms.settings.dev",
    TASKS_BACKEND="immediate",
)
SIZES = [int(n) for n in os.environ.get("BENCH_SEARCH_SIZES", "1000,10000").split(",") if n]
HOSTILE = " ".join(["niñez\"migrante'*(OR)"] * 20)[:200]


def manage(*args):
    env = {key: value for key, value in os.environ.items() if key != "OPENSEARCH_URL"}
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, check=True, env=env,
                   stdout=subprocess.DEVNULL)  # fmt: skip


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def backends():
    database = {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}
    found = {"database": {"default": database}}
    if os.environ.get("OPENSEARCH_URL"):
        opensearch = {
            "BACKEND": "search.backends",
            "URLS": [os.environ["OPENSEARCH_URL"]],
            "INDEX_PREFIX": "bench_",
            "TIMEOUT": 10,
            "INDEX_SETTINGS": {"settings": {"index": {"number_of_replicas": 0}}},
        }
        found["opensearch"] = {"default": opensearch, "database": database}
    return found


def measure(client, label):
    from tests.search.test_relevance import PATHS, RELEVANCE, rank

    response = client.get(PATHS["es"], {"q": "niñez"})
    if response.status_code != 200:
        raise SystemExit(f"the search page answered {response.status_code}: no figures")
    ranks = [rank(client, language, query, expected) for language, query, expected in RELEVANCE]
    mrr = sum(1 / r for r in ranks if r) / len(ranks)
    timings, cpu = [], []
    for _round in range(3):
        for language, query, _expected in RELEVANCE:
            started, started_cpu = time.perf_counter(), time.process_time()
            client.get(PATHS[language], {"q": query})
            timings.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
    started = time.perf_counter()
    status = client.get("/es/buscar/", {"q": HOSTILE}).status_code
    hostile = (time.perf_counter() - started) * 1000
    print(f"  {label}: MRR {mrr:.3f}; search page p50 {percentile(timings, 0.5):.1f} ms, "
          f"p95 {percentile(timings, 0.95):.1f} ms ({len(timings)} requests; CPU time p50 "
          f"{percentile(cpu, 0.5):.1f} ms, p95 {percentile(cpu, 0.95):.1f} ms); "
          f"hostile query {status} in {hostile:.0f} ms")  # fmt: skip


WORDS = (
    "niñez migrante protección derechos familia retorno frontera albergue adolescentes "
    "acompañamiento psicosocial trata tráfico interés superior asilo refugio educación salud "
    "comunidad documentos registro identidad garantías procesales ruta servicios emergencia"
).split()


def generate(count, start):
    from course_content.models import ResourceLibraryPage, ResourcePage

    library = ResourceLibraryPage.objects.get(locale__language_code="es")
    rng = random.Random(start)
    pages = []
    for number in range(start, start + count):
        body = " ".join(rng.choice(WORDS) for _ in range(120))
        page = ResourcePage(
            title=f"Recurso generado {number}: {' '.join(rng.sample(WORDS, 3))}",
            slug=f"generado-{number}",
            summary=" ".join(rng.sample(WORDS, 12)),
            resource_type="link",
            external_url=f"https://example.org/{number}",
            body=f"<p>{body}</p>",
        )
        library.add_child(instance=page)
        pages.append(page)
    return pages


def main():
    print(f"Search benchmark (scratch database in {WORK})")
    manage("migrate", "--no-input", "-v", "0")
    manage("load_demo_course", "-v", "0")
    manage("load_demo_editorial")
    manage("load_demo_translations", "-v", "0")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import override_settings
    from modelsearch.backends import get_search_backend

    from course_content.models import ResourcePage
    from search.indexing import index_page
    from search.models import SearchDocument

    client = Client(SERVER_NAME="127.0.0.1")  # a host the demo's settings allow
    database = backends()["database"]["default"]
    manual = {"default": {**database, "AUTO_UPDATE": False}}
    total = 0
    for size in [0, *SIZES]:
        if size:
            with override_settings(WAGTAILSEARCH_BACKENDS=manual):
                pages = generate(size - total, total)
                total = size
                started = time.perf_counter()
                for page in pages:
                    index_page(page)
                rows_elapsed = time.perf_counter() - started
            with override_settings(WAGTAILSEARCH_BACKENDS={"default": database}):
                started = time.perf_counter()
                backend = get_search_backend("default")
                for start in range(0, len(pages), 500):
                    chunk = pages[start : start + 500]
                    backend.add_bulk(ResourcePage, chunk)
                    backend.add_bulk(SearchDocument, SearchDocument.objects.filter(page__in=chunk))
                bulk_elapsed = time.perf_counter() - started
            print(f"{total} generated pages: search rows {len(pages) / rows_elapsed:.0f} pages/s "
                  f"({len(pages)} pages in {rows_elapsed:.1f} s through index_page); database "
                  f"backend in bulk {len(pages) / bulk_elapsed:.0f} pages/s "
                  f"({bulk_elapsed:.1f} s)")  # fmt: skip
        else:
            print("Demo content:")
        for name, config in backends().items():
            with override_settings(WAGTAILSEARCH_BACKENDS=config):
                if name == "opensearch":
                    started = time.perf_counter()
                    call_command(
                        "update_index", backend_name="default", stdout=open(os.devnull, "w")
                    )
                    print(f"  opensearch: update_index {time.perf_counter() - started:.1f} s")
                measure(client, name)


if __name__ == "__main__":
    main()
