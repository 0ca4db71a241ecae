"""`make bench`: prints figures, asserts nothing.

1. SQL queries per request for the course, module, country-unit and resource-library pages and
   the outline API, on the demo course and again with 5x the resources and country units.
2. The module 1 page's weight as served under the production settings: HTML, and the first view
   (HTML, CSS, JS, images) as transferred with gzip accepted, against 100 KB and 300 KB.
3. Issue 12's side-by-side run under gunicorn (gunicorn.conf.py, 2 sync workers, production
   settings, SQLite): a plain Django view returning the module page's bytes, the module page
   uncached (PAGE_CACHE_SECONDS=0), from the application cache (PAGE_CACHE_SECONDS=300), for a
   signed-in learner, and the outline API, in alternating rounds; req/s, p50/p95 and each row's
   ratio to the plain view against the issue's targets. wrk (Debian's package) when installed,
   else a Python load generator (threads over keep-alive HTTP); it says which ran.
"""

import gzip
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
# Issue 12 measured with wrk and 8 connections.
CONCURRENCY = 8
# Seconds of load per row, spread over the alternating rounds.
DURATION = float(os.environ.get("BENCH_SECONDS", "15"))


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
    # Query counts are of rendering: the application page cache would answer with none.
    os.environ["PAGE_CACHE_SECONDS"] = "0"
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


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(port, path, headers=None):
    """One GET; returns (status, headers, body as sent on the wire)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1", **(headers or {})})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def page_weight(port, module_url, label, headers=None):
    """The module page's HTML and first view as a browser receives them (gzip accepted)."""
    accept = {"Accept-Encoding": "gzip, deflate, br", **(headers or {})}
    status, headers, wire = fetch(port, module_url, accept)
    assert status == 200, (module_url, status)
    html = gzip.decompress(wire) if headers.get("Content-Encoding") == "gzip" else wire
    assets = sorted(set(re.findall(r'(?:href|src)="(/(?:static|media)/[^"]+)"', html.decode())))
    transferred = {}
    for asset in assets:
        asset_status, _headers, body = fetch(port, asset, accept)
        assert asset_status == 200, (asset, asset_status)
        transferred[asset] = len(body)
    first_view = len(wire) + sum(transferred.values())
    print(f"\n## Page weight: {module_url}, {label} (production settings, gzip accepted)")
    print(f"HTML {len(html) / 1024:.1f} KB ({len(wire) / 1024:.1f} KB transferred; budget 100 KB)")
    for asset, size in transferred.items():
        print(f"  {asset}: {size / 1024:.1f} KB transferred")
    print(
        f"first view: {first_view / 1024:.1f} KB transferred in {1 + len(assets)} responses "
        "(budget 300 KB)"
    )


def load(port, path, seconds, headers=None, concurrency=CONCURRENCY):
    """Python load generator: ``concurrency`` threads, each over one keep-alive connection."""
    latencies = []
    errors = []
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds
    request_headers = {"Host": "127.0.0.1", **(headers or {})}

    def worker():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        local = []
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            connection.request("GET", path, headers=request_headers)
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
        "requests": len(latencies),
        "seconds": elapsed,
        "p50": statistics.median(latencies) * 1000,
        "p95": latencies[max(int(len(latencies) * 0.95) - 1, 0)] * 1000,
        "errors": len(errors),
    }


WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH %d %d %.3f %.3f %d\\n", summary.requests, summary.duration,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def wrk(port, path, seconds, headers=None, concurrency=CONCURRENCY):
    """wrk (Debian's package) with ``concurrency`` connections over 2 threads."""
    script = WORK / "report.lua"
    script.write_text(WRK_SCRIPT)
    command = [WRK, "-t2", f"-c{concurrency}", f"-d{max(int(seconds), 1)}s", "--timeout", "30s"]
    command += ["-s", str(script)]
    for name, value in {"Host": "127.0.0.1", **(headers or {})}.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{path}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    requests, microseconds, p50, p95, errors = line.split()[1:]
    return {
        "requests": int(requests),
        "seconds": int(microseconds) / 1e6,
        "p50": float(p50),
        "p95": float(p95),
        "errors": int(errors),
    }


WRK = shutil.which("wrk")
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
# Issue 12's targets: each row's req/s as a share of the plain Django view's.
TARGETS = {
    "module page, uncached": 0.05,
    "module page, application cache": 0.8,
    "learner's module page (signed in)": 0.05,
}


def start_gunicorn(env):
    """gunicorn as the README's "Deployment" runs it (gunicorn.conf.py), on a free port."""
    port = free_port()
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
    server = subprocess.Popen(
        [gunicorn, "-c", "gunicorn.conf.py", "cms.wsgi"],
        cwd=ROOT,
        env={
            **env,
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "GUNICORN_WORKERS": "2",
            "GUNICORN_THREADS": "1",
            "GUNICORN_ACCESS_LOG": "",
            "GUNICORN_LOG_LEVEL": "warning",
        },
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server, port
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise
            time.sleep(0.2)


def learner_session(env):
    """A signed-in session of the demo learner, made by the production settings themselves."""
    code = (
        "import django; django.setup()\n"
        "from django.contrib.auth import get_user_model\n"
        "from django.test import Client\n"
        "client = Client()\n"
        "client.force_login(get_user_model().objects.get(username='aprendiz'))\n"
        "print(client.cookies['sessionid'].value)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.strip().splitlines()[-1]


def http_figures(module_url, outline_url):
    """The side-by-side run: every row in turn, ROUNDS times, under gunicorn (2 sync workers)."""
    static_file = WORK / "static.html"
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
    uncached, port = start_gunicorn({**env, "PAGE_CACHE_SECONDS": "0"})
    cached, cached_port = start_gunicorn({**env, "PAGE_CACHE_SECONDS": "300"})
    try:
        # The plain view returns the very bytes the module page is served with.
        status, _headers, html = fetch(port, module_url)
        assert status == 200, (module_url, status)
        static_file.write_bytes(html)
        page_weight(port, module_url, "anonymous visitor (the module's public summary)")
        cookie = {"Cookie": f"sessionid={learner_session(env)}"}
        _status, _headers, learner_html = fetch(port, module_url, cookie)
        # Only a signed-in page has the sign-out form (and so a CSRF token).
        signed_in = learner_html != html and b"csrfmiddlewaretoken" in learner_html
        page_weight(
            port, module_url, "signed-in learner (the whole module; never compressed)", cookie
        )
        rows = [
            ("plain Django view, same bytes", port, "/bench/static/", None),
            ("module page, uncached", port, module_url, None),
            ("module page, application cache", cached_port, module_url, None),
            ("learner's module page (signed in)", port, module_url, cookie),
            ("outline API, uncached", port, outline_url, None),
        ]
        generator = wrk if WRK else load
        for _name, row_port, path, headers in rows:
            generator(row_port, path, 1, headers)  # warm up both workers of each server
        seconds = DURATION / ROUNDS
        totals = {name: [] for name, *_rest in rows}
        for _round in range(ROUNDS):
            for name, row_port, path, headers in rows:
                # Untimed: gunicorn's sync workers first work off the connections the previous
                # row's load generator left behind (measured: up to 6 s after a fast row), which
                # would otherwise count against this row.
                for _settle in range(2):
                    fetch(row_port, path, headers)
                totals[name].append(generator(row_port, path, seconds, headers))
        print(
            f"\n## HTTP side by side: gunicorn (2 sync workers, production settings, SQLite), "
            f"{'wrk' if WRK else 'the Python load generator (wrk is not installed)'} with "
            f"{CONCURRENCY} connections; {ROUNDS} alternating rounds of {seconds:.1f}s per row"
        )
        print(
            f"{'row':<36}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'errors':>8}"
            f"{'× plain':>9}{'target':>8}"
        )
        baseline = None
        for name, *_rest in rows:
            runs = totals[name]
            timed = [run for run in runs if run["requests"]] or runs
            rps = sum(run["requests"] for run in runs) / sum(run["seconds"] for run in runs)
            baseline = baseline or rps
            target = TARGETS.get(name)
            verdict = ""
            if target is not None:
                verdict = f"{'≥' if rps / baseline >= target else '<'}{target}"
            print(
                f"{name:<36}{rps:>8.1f}{statistics.median(r['p50'] for r in timed):>9.1f}"
                f"{statistics.median(r['p95'] for r in timed):>9.1f}"
                f"{sum(r['errors'] for r in runs):>8}{rps / baseline:>9.3f}{verdict:>8}"
            )
        print(
            f"(p50 and p95: the median of the rounds' figures; HTML: {len(html) / 1024:.1f} KB "
            f"for the plain view and anonymous rows, {len(learner_html) / 1024:.1f} KB for the "
            "learner's)"
        )
        if not signed_in:
            print("warning: the learner's row did not get a signed-in page (session refused?)")
        from django.conf import settings

        if not hasattr(settings, "PAGE_CACHE_SECONDS"):
            print(
                "note: PAGE_CACHE_SECONDS is not implemented in this tree (the application page "
                "cache is not there yet): the 'application cache' row measures the uncached page."
            )
    finally:
        for server in (uncached, cached):
            server.terminate()
            server.wait(timeout=20)


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
    from django.test import override_settings
    from wagtail_localize.models import StringSegment, TranslationSource

    with override_settings(TRANSLATIONS_LOCALIZE_PATCHES=False):  # translations.compat's switch
        measure(f"submit the course ({pages} pages) to en, library's way",
                lambda: services.submit_for_translation(page=course, locales=[en], user=admin,
                                                        include_subtree=True), pages)  # fmt: skip
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
    with override_settings(TRANSLATIONS_LOCALIZE_PATCHES=False):
        measure("  the same, library's way",
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
        for label, patches in (("", True), (", library's way", False)):
            with override_settings(TRANSLATIONS_LOCALIZE_PATCHES=patches):
                with CaptureQueriesContext(connection) as context:
                    status = client.get(url).status_code
            print(
                f"translation editor, module {number} ({segments} segments){label}: "
                f"{len(context)} queries, HTTP {status}"
            )


def main():
    print(f"# Benchmarks (work dir {WORK})")
    started = time.monotonic()
    manage("migrate", "--no-input", "-v", "0")
    manage("load_demo_course", "-v", "0")
    manage("load_demo_editorial", "-v", "0")
    manage("load_demo_learning", "-v", "0")
    print(f"migrate + load_demo_course: {time.monotonic() - started:.1f}s")
    setup_django()
    from course_content.models import CoursePage, ModulePage

    # The page issue 12 measured: the Spanish module 1 page.
    module_url = ModulePage.objects.get(number=1, locale__language_code="es").url
    course = CoursePage.objects.get(locale__language_code="es")
    outline_url = f"/api/v2/outline/{course.pk}/"
    http_figures(module_url, outline_url)
    translation_figures()
    query_counts()
    shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
