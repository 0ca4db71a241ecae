"""The caches for real: Varnish (deploy/varnish/default.vcl) in front of a live server, and the
application page cache on a real Redis, each started once for this module.

Each change (publish, unpublish, move, delete, translation approval, view restriction) is made
the way Wagtail makes it; its purge is sent when the change commits; then the affected pages
must come fresh (MISS, the new content) and an unrelated page must still come from the cache.

Skipped when ``varnishd`` or ``redis-server`` is not installed, unless ``REQUIRE_LIVE_CACHES=1``
(CI's "Caches" section) turns the skip into a failure. The live server shares the test's
in-memory SQLite connection, so each test's changes are rolled back like any other test's (and
the demo course the rest of the suite reads stays as it was); on another database (the
PostgreSQL run) the Varnish tests are skipped: the server thread cannot share a connection that
Django closes after each request.
"""

import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connections
from django.test import Client
from wagtail.models import Locale, Page, PageViewRestriction

ROOT = Path(__file__).resolve().parents[2]
VCL = ROOT / "deploy" / "varnish" / "default.vcl"
REQUIRED = os.environ.get("REQUIRE_LIVE_CACHES") == "1"

pytestmark = pytest.mark.django_db


def unavailable(reason):
    if REQUIRED:
        pytest.fail(f"{reason} (REQUIRE_LIVE_CACHES=1)")
    pytest.skip(reason)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, process, what, log):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"{what} did not start:\n{Path(log).read_text()}")


# --- the servers (one of each per module) -----------------------------------------------------


@pytest.fixture(scope="module")
def live_server_thread(django_db_blocker):
    """A live server in a thread, on the test's own database connection."""
    from django.test.testcases import LiveServerThread, _StaticFilesHandler

    connection = connections["default"]  # the connection itself, not the per-thread proxy
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        unavailable("Varnish tests share the in-memory SQLite test database with the server")
    with django_db_blocker.unblock():
        connection.ensure_connection()
    connection.inc_thread_sharing()
    thread = LiveServerThread("127.0.0.1", _StaticFilesHandler, {"default": connection}, port=0)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield thread.port
    thread.terminate()
    connection.dec_thread_sharing()


@pytest.fixture(scope="module")
def varnish(live_server_thread, tmp_path_factory):
    """varnishd with the deployment's VCL, its backend the live server."""
    varnishd = shutil.which("varnishd") or (
        "/usr/sbin/varnishd" if Path("/usr/sbin/varnishd").exists() else None
    )
    if varnishd is None:
        unavailable("varnishd is not installed (apt-get install varnish)")
    workdir = Path(tempfile.mkdtemp(prefix="ci-varnish-"))
    os.chmod(workdir, 0o755)  # noqa: S103 - varnishd's own users read its working directory
    vcl = workdir / "test.vcl"
    vcl.write_text(
        VCL.read_text().replace('.port = "8000";', f'.port = "{live_server_thread}";', 1)
    )
    os.chmod(vcl, 0o644)
    port = free_port()
    log = workdir / "varnishd.log"
    with log.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603 - our own command line
            [
                varnishd,
                "-F",
                "-n",
                str(workdir / "state"),
                "-a",
                f"127.0.0.1:{port}",
                "-f",
                str(vcl),
                "-s",
                "malloc,32m",
                "-p",
                "ban_lurker_sleep=0.01",
            ],
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    wait_for_port(port, process, "varnishd", log)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)
    shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="module")
def redis_url():
    server = shutil.which("redis-server")
    if server is None:
        unavailable("redis-server is not installed (apt-get install redis-server)")
    workdir = Path(tempfile.mkdtemp(prefix="ci-redis-"))
    port = free_port()
    log = workdir / "redis.log"
    with log.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603 - our own command line
            [
                server,
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(workdir),
            ],
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    wait_for_port(port, process, "redis-server", log)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(timeout=10)
    shutil.rmtree(workdir, ignore_errors=True)


# --- a visitor through each cache ----------------------------------------------------------------


class ThroughVarnish:
    """An anonymous visitor asking Varnish (with the site's host, as the purges name it)."""

    name = "Varnish"

    def __init__(self, base_url):
        self.base_url = base_url
        self.host = "localhost"

    def get(self, path):
        # loopback only: our own varnishd
        request = urllib.request.Request(self.base_url + path, headers={"Host": self.host})  # noqa: S310

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        opener = urllib.request.build_opener(NoRedirect)
        try:
            response = opener.open(request, timeout=30)
            status, body, headers = response.status, response.read().decode(), response.headers
        except urllib.error.HTTPError as error:
            status, body, headers = error.code, error.read().decode(), error.headers
        return status, body, headers.get("X-Cache")


class ThroughPageCache:
    """An anonymous visitor of the application (its page cache on Redis)."""

    name = "Redis"

    def __init__(self):
        self.client = Client()

    def get(self, path):
        response = self.client.get(path)
        state = {"hit": "HIT", "miss": "MISS"}.get(response.get("X-Page-Cache"))
        return response.status_code, response.content.decode(), state


@pytest.fixture(params=["varnish", "redis"])
def visitor(request, settings):
    if request.param == "varnish":
        base_url = request.getfixturevalue("varnish")
        settings.WAGTAILFRONTENDCACHE = {
            "varnish": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": base_url,
            }
        }
        settings.PAGE_CACHE_SECONDS = 0
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
        yield ThroughVarnish(base_url)
        return
    url = request.getfixturevalue("redis_url")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "test-live",
        }
    }
    settings.PAGE_CACHE_SECONDS = 300
    settings.WAGTAILFRONTENDCACHE = {}
    from django.core.cache import cache

    cache.clear()
    yield ThroughPageCache()
    cache.clear()


def warm(visitor, *paths):
    """Visit each page until it comes from the cache."""
    for path in paths:
        status, _body, _state = visitor.get(path)
        assert status == 200, path
        assert visitor.get(path)[2] == "HIT", f"{path} is not cached by {visitor.name}"


@pytest.fixture
def change(django_capture_on_commit_callbacks):
    """The change commits (as far as the cache can tell): its purge is sent."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def path(page):
    return page.get_url()


# --- the cases -------------------------------------------------------------------------------


def test_publish(visitor, demo, change):
    module = demo.module(2)
    english = Page.objects.get(translation_key=module.translation_key, locale__language_code="en")
    # (the course page holds the application form's CSRF token: never cached)
    warm(visitor, path(module), path(demo.home), path(english), path(demo.library))
    module.title = "Módulo dos, título nuevo"
    with change():
        module.save_revision().publish()
    for url in (path(module), path(demo.home)):
        status, body, state = visitor.get(url)
        assert (status, state) == (200, "MISS"), url
        assert "Módulo dos, título nuevo" in body, url
    assert visitor.get(path(english))[2] == "MISS"  # its language links
    assert visitor.get(path(demo.library))[2] == "HIT"  # unrelated: still cached


def test_unpublish(visitor, demo, change):
    resource = demo.resources().order_by("path").first()
    warm(visitor, path(resource), path(demo.library), path(demo.module(9)))
    with change():
        resource.unpublish()
    assert visitor.get(path(resource))[0] == 404
    status, body, state = visitor.get(path(demo.library))
    assert (status, state) == (200, "MISS")
    assert path(resource) not in body
    assert visitor.get(path(demo.module(9)))[2] == "HIT"


def test_move(visitor, demo, change):
    from course_content.models import CoursePage

    # An open edition: anyone reads its evaluations, so they are cached too.
    CoursePage.objects.filter(pk=demo.course.pk).update(access="open")
    demo.evaluation(6).delete()  # a module has at most one evaluation
    evaluation, old_parent, new_parent = demo.evaluation(4), demo.module(4), demo.module(6)
    old_path = path(evaluation)
    warm(visitor, old_path, path(old_parent), path(new_parent), path(demo.library))
    with change():
        evaluation.move(new_parent, pos="last-child")
    evaluation.refresh_from_db()
    # Wagtail redirects the old address to the new one (never the stale page)
    status, _body, state = visitor.get(old_path)
    assert (status, state) in {(301, "MISS"), (301, None)}
    assert visitor.get(path(evaluation))[0] == 200
    for parent in (old_parent, new_parent):
        assert visitor.get(path(parent))[2] == "MISS"
    assert path(evaluation) in visitor.get(path(new_parent))[1]
    assert path(evaluation) not in visitor.get(path(old_parent))[1]
    assert visitor.get(path(demo.library))[2] == "HIT"


def test_delete(visitor, demo, change):
    resource = demo.resources().order_by("path").last()
    resource_path = path(resource)
    warm(visitor, resource_path, path(demo.library), path(demo.module(9)))
    with change():
        resource.delete()
    assert visitor.get(resource_path)[0] == 404
    status, body, state = visitor.get(path(demo.library))
    assert state == "MISS" and resource_path not in body
    assert visitor.get(path(demo.module(9)))[2] == "HIT"


def test_translation_approval(visitor, demo, superuser, change):
    from wagtail_localize.models import Translation

    from translations import services

    module = demo.module(1)
    french = Locale.objects.get(language_code="fr")
    translation = Translation.objects.get(
        source__object_id=module.translation_key, target_locale=french
    )
    warm(visitor, path(module), path(demo.library))
    with change():
        page = services.publish_translation(translation=translation, user=superuser)
    status, body, state = visitor.get(path(module))
    assert state == "MISS"
    assert path(page) in body  # the Spanish page now links to its French version
    assert visitor.get(path(page))[0] == 200
    assert visitor.get(path(demo.library))[2] == "HIT"


def test_view_restriction(visitor, demo, change):
    module = demo.module(3)
    resource = module.related_resources.first().resource  # shows the module's name
    warm(visitor, path(module), path(resource), path(demo.library))
    with change():
        PageViewRestriction.objects.create(page=module, restriction_type=PageViewRestriction.LOGIN)
    status, _body, _state = visitor.get(path(module))
    assert status == 302  # sign in first: never the cached page
    status, body, state = visitor.get(path(resource))
    assert (status, state) == (200, "MISS")
    assert path(module) not in body
    assert visitor.get(path(demo.library))[2] == "HIT"
