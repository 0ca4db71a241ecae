"""`make bench`: prints figures, asserts nothing.

1. SQL queries per request for the course, module, country-unit and resource-library pages and
   the outline API, on the demo course and again with 5x the resources and country units.
2. Page weight of the module page (HTML + CSS + JS).
3. Requests per second and p50/p95 latency for the module page and the outline API under
   gunicorn (2 workers, production settings, SQLite), beside a plain Django view returning
   static HTML of the same size, with a local load generator (threads over keep-alive HTTP).
"""

import http.client
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = Path(tempfile.mkdtemp(prefix="cms-bench-"))
ENV = {
    **os.environ,
    "DATABASE_URL": f"sqlite:///{WORK / 'bench.sqlite3'}",
    "MEDIA_ROOT": str(WORK / "media"),
    "SECRET_KEY": "bench-" + "x" * 50,
    "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "STATIC_ROOT": str(WORK / "static"),
}
CONCURRENCY = 4
DURATION = float(os.environ.get("BENCH_SECONDS", "8"))


def manage(*args):
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        check=True,
        env={**ENV, "DJANGO_SETTINGS_MODULE": "cms.settings.dev"},
    )


def setup_django():
    os.environ.update(ENV)
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.dev"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def query_counts():
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from course_content.countries import AMERICAS
    from course_content.models import (
        CountryUnitPage,
        CoursePage,
        ModulePage,
        ModuleRelatedResource,
        ResourceCountry,
        ResourceLibraryPage,
        ResourcePage,
    )

    client = Client(SERVER_NAME="localhost")
    course = CoursePage.objects.get(locale__language_code="es")
    module = ModulePage.objects.get(number=5, locale__language_code="es")
    library = ResourceLibraryPage.objects.get(locale__language_code="es")
    # A visitor who is not signed in reads country units only in an open edition (the demo's is
    # for its enrolled learners: the unit would answer with a redirect to sign in).
    course.access = "open"
    course.save(update_fields=["access"])

    def urls():
        return {
            "home page": course.get_parent().url,
            "course page": course.url,
            "module 5 page": module.url,
            "country-unit page": CountryUnitPage.objects.child_of(module).first().url,
            "resource library": library.url,
            "outline API": f"/api/v2/outline/{course.pk}/",
        }

    def measure():
        counts = {}
        for name, url in urls().items():
            client.get(url)
            with CaptureQueriesContext(connection) as context:
                response = client.get(url)
            assert response.status_code == 200, url
            counts[name] = len(context)
        return counts

    base = measure()
    resources = ResourcePage.objects.child_of(library).count()
    units = CountryUnitPage.objects.child_of(module).count()
    # 5x: more resources (linked to module 5 and to countries) and more country units, in
    # extra modules with units since a module holds one unit per country.
    codes = sorted(AMERICAS)
    template = ResourcePage.objects.child_of(library).filter(resource_type="link").first()
    for index in range(resources * 4):
        page = ResourcePage(
            title=f"Recurso adicional {index:04d}",
            slug=f"recurso-adicional-{index}",
            resource_type="link",
            external_url=template.external_url,
            summary=template.summary,
        )
        library.add_child(instance=page)
        ResourceCountry.objects.create(resource=page, country=codes[index % len(codes)])
        page.related_modules.add(module)
        ModuleRelatedResource.objects.create(module=module, resource=page, sort_order=100 + index)
    next_number = (
        ModulePage.objects.filter(locale__language_code="es").order_by("-number")[0].number + 1
    )
    for extra in range(4):
        extra_module = ModulePage(
            title=f"Módulo adicional {extra}",
            slug=f"modulo-adicional-{extra}",
            number=next_number + extra,
            has_country_units=True,
        )
        course.add_child(instance=extra_module)
        for code in codes[:units]:
            extra_module.add_child(
                instance=CountryUnitPage(
                    title=f"Unidad {code}", slug=f"unidad-{code.lower()}", country=code
                )
            )
    grown = measure()
    print("\n## SQL queries per request (demo course → 5x resources and country units)")
    print(f"{'page':<20}{'demo':>8}{'5x':>8}")
    for name in base:
        print(f"{name:<20}{base[name]:>8}{grown[name]:>8}")
    print(f"(resources {resources} → {resources * 5}; country units {units} → {units * 5})")


def page_weight(html):
    from django.contrib.staticfiles import finders

    assets = re.findall(r'(?:href|src)="/static/([^"]+\.(?:css|js))"', html)
    sizes = {asset: Path(finders.find(asset)).stat().st_size for asset in assets}
    total = len(html.encode()) + sum(sizes.values())
    print("\n## Page weight: module 5 page (media aside)")
    print(
        f"HTML {len(html.encode()) / 1024:.1f} KB + CSS/JS "
        f"{sum(sizes.values()) / 1024:.1f} KB = {total / 1024:.1f} KB (budget 100 KB)"
    )


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def load(port, path, seconds=DURATION, concurrency=CONCURRENCY):
    latencies = []
    errors = []
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def worker():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        local = []
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            connection.request("GET", path, headers={"Host": "127.0.0.1"})
            response = connection.getresponse()
            response.read()
            local.append(time.perf_counter() - started)
            if response.status != 200:
                errors.append(response.status)
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        with lock:
            latencies.extend(local)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies) * 1000,
        "p95": latencies[int(len(latencies) * 0.95) - 1] * 1000,
        "requests": len(latencies),
        "errors": len(errors),
    }


def http_figures(module_url, outline_url):
    from django.test import Client

    response = Client(SERVER_NAME="localhost").get(module_url)
    assert response.status_code == 200, module_url
    html = response.content
    static_file = WORK / "static.html"
    static_file.write_bytes(html)
    port = free_port()
    env = {
        **ENV,
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "BENCH_STATIC_HTML": str(static_file),
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
    server = subprocess.Popen(
        [
            gunicorn,
            "cms.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        for path in (module_url, outline_url, "/bench/static/"):
            load(port, path, seconds=1)  # warm up both workers
        print(
            f"\n## HTTP under gunicorn (2 workers), {CONCURRENCY} concurrent clients, "
            f"{DURATION:.0f}s each"
        )
        print(f"{'endpoint':<26}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'errors':>8}")
        results = {}
        for name, path in (
            ("static HTML (baseline)", "/bench/static/"),
            ("module 5 page", module_url),
            ("outline API", outline_url),
        ):
            figures = load(port, path)
            results[name] = figures
            print(
                f"{name:<26}{figures['rps']:>9.0f}{figures['p50']:>9.1f}"
                f"{figures['p95']:>9.1f}{figures['errors']:>8}"
            )
        baseline = results["static HTML (baseline)"]["rps"]
        for name in ("module 5 page", "outline API"):
            print(f"{name}: {results[name]['rps'] / baseline:.2f}x the static view's throughput")
    finally:
        server.terminate()
        server.wait(timeout=10)


def translation_figures():
    """Submitting the demo course to a new locale, syncing after a change, the editor's cost."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Page

    from course_content.models import CoursePage, ModulePage
    from translations import services
    from translations.checks import translation_for

    admin = get_user_model().objects.get(username="administrador")
    course = CoursePage.objects.get(locale__language_code="es")
    pages = course.get_descendants(inclusive=True).count()

    def measure(label, function, per):
        count = [0]

        def counter(execute, sql, params, many, context):
            count[0] += 1
            return execute(sql, params, many, context)

        started = time.monotonic()
        with connection.execute_wrapper(counter):
            result = function()
        seconds = time.monotonic() - started
        print(f"{label:<52}{seconds:>8.2f}s{count[0]:>9}{count[0] / per:>10.1f}")
        return result

    print("\n## Translation work (SQLite)")
    print(f"{'operation':<52}{'time':>9}{'queries':>9}{'per page':>10}")
    all_pages = Page.objects.filter(locale__language_code="es", depth__gt=1).count()
    fr = measure("add locale fr (placeholders for the tree)",
                 lambda: services.add_locale("fr"), all_pages)  # fmt: skip
    en = services.add_locale("en")
    # First with wagtail-localize's own segment extraction, for comparison; then the sources are
    # dropped so that the submission to fr extracts everything again, with ours.
    from wagtail_localize.models import StringSegment, TranslationSource

    from translations import bulk_segments

    TranslationSource.refresh_segments = bulk_segments.library_refresh_segments
    try:
        measure(f"submit the course ({pages} pages) to en, library's way",
                lambda: services.submit_for_translation(page=course, locales=[en], user=admin,
                                                        include_subtree=True), pages)  # fmt: skip
    finally:
        bulk_segments.install()
    TranslationSource.objects.all().delete()
    measure(f"submit the course ({pages} pages) to fr",
            lambda: services.submit_for_translation(page=course, locales=[fr], user=admin,
                                                    include_subtree=True), pages)  # fmt: skip
    print(
        f"({StringSegment.objects.count()} segments, {StringSegment.objects.count() / pages:.0f}"
        " per page on average)"
    )
    module = ModulePage.objects.get(locale__language_code="es", number=2)
    for block in module.body:
        if block.block_type == "paragraph":
            block.value = type(block.value)(block.value.source.replace("</p>", " (2025)</p>", 1))
            break
    module.body = module.body
    measure("republish module 2 (publish + refresh its segments)",
            lambda: module.save_revision(user=admin).publish(user=admin), 1)  # fmt: skip
    module_segments = StringSegment.objects.filter(
        source__object_id=module.translation_key, source__locale=module.locale
    ).count()
    measure(f"  the segment refresh alone ({module_segments} segments)",
            lambda: services.refresh_source(module), 1)  # fmt: skip
    target = Page.objects.get(translation_key=module.translation_key, locale=fr)
    translation = translation_for(target)
    measure("bring the change into the fr draft",
            lambda: services.bring_in_changes(translation=translation, user=admin), 1)  # fmt: skip

    modules = []  # (segments, number, French page) of every module
    for module in ModulePage.objects.filter(locale__language_code="es"):
        target = Page.objects.get(translation_key=module.translation_key, locale=fr)
        segments = translation_for(target).source.stringsegment_set.count()
        modules.append((segments, module.number, target))
    modules.sort(key=lambda item: item[:2])
    client = Client(SERVER_NAME="localhost")
    client.force_login(admin)
    # The editor's queries should not grow with the segments: compare the shortest module with
    # the longest.
    for segments, number, target in (modules[0], modules[-1]):
        url = f"/admin/pages/{target.pk}/edit/"
        client.get(url)
        with CaptureQueriesContext(connection) as context:
            status = client.get(url).status_code
        print(
            f"translation editor, module {number} ({segments} segments): "
            f"{len(context)} queries, HTTP {status}"
        )


def main():
    print(f"# Benchmarks (work dir {WORK})")
    started = time.monotonic()
    manage("migrate", "--no-input", "-v", "0")
    manage("load_demo_course", "-v", "0")
    manage("load_demo_editorial", "-v", "0")
    print(f"migrate + load_demo_course: {time.monotonic() - started:.1f}s")
    setup_django()
    from django.test import Client

    from course_content.models import CoursePage, ModulePage

    module_url = ModulePage.objects.get(number=5, locale__language_code="es").url
    course = CoursePage.objects.get(locale__language_code="es")
    outline_url = f"/api/v2/outline/{course.pk}/"
    page_weight(Client(SERVER_NAME="localhost").get(module_url).content.decode())
    http_figures(module_url, outline_url)
    translation_figures()
    query_counts()
    shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
