"""A production deployment serves everything: gunicorn with the production settings (the README's
"Deployment" command, gunicorn.conf.py) on a copy of the test database (the demo course), after
`collectstatic`. CSS, JS, an original image, a rendition and a document all answer 200 with their
content types and cache headers; the private documents' folder is never served as media."""

import gzip
import http.client
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from wagtail.documents.models import Document
from wagtail.images.models import Image

from course_content.models import ResourcePage

ROOT = Path(__file__).resolve().parents[2]
FOREVER = "max-age=315360000, public, immutable"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def copy_of_the_test_database(workdir):
    """A database URL the server can open, holding the demo the test database holds."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(workdir / "db.sqlite3") as copy:
            connection.connection.backup(copy)
        return f"sqlite:///{workdir / 'db.sqlite3'}"
    # PostgreSQL: the test database itself (the demo is committed in it; the server only adds
    # renditions).
    return f"{os.environ['DATABASE_URL'].rsplit('/', 1)[0]}/{connection.settings_dict['NAME']}"


class Server:
    def __init__(self, port):
        self.port = port

    def get(self, path, **headers):
        """GET through a TLS proxy (X-Forwarded-Proto), as the front cache would send it."""
        client = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            client.request(
                "GET",
                path,
                headers={"Host": "cursos.example.org", "X-Forwarded-Proto": "https", **headers},
            )
            response = client.getresponse()
            response.body = response.read()
            return response
        finally:
            client.close()


@pytest.fixture(scope="module")
def production(django_db_setup, django_db_blocker, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("production")
    with django_db_blocker.unblock():
        database_url = copy_of_the_test_database(workdir)
    shutil.copytree(settings.MEDIA_ROOT, workdir / "media")
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "GUNICORN_"))},
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "production-test-" + "k" * 50,
        "ALLOWED_HOSTS": "cursos.example.org",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(workdir / "media"),
        "STATIC_ROOT": str(workdir / "static"),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "2",
        "GUNICORN_ACCESS_LOG": "",
    }
    started = time.monotonic()
    manage = [sys.executable, "manage.py"]
    subprocess.run(
        [*manage, "collectstatic", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True
    )
    gunicorn = Path(sys.executable).parent / "gunicorn"
    log = (workdir / "gunicorn.log").open("wb")
    process = subprocess.Popen(
        [str(gunicorn), "-c", "gunicorn.conf.py", "cms.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    server = Server(port)
    deadline = time.monotonic() + 60
    while True:
        try:
            if server.get("/es/").status < 500:
                break
        except OSError:
            pass
        if time.monotonic() > deadline or process.poll() is not None:
            process.kill()
            pytest.fail("gunicorn did not start:\n" + (workdir / "gunicorn.log").read_text())
        time.sleep(0.2)
    print(f"collectstatic and gunicorn's start: {time.monotonic() - started:.1f}s")
    yield server
    process.send_signal(signal.SIGQUIT)  # gunicorn's quick shutdown
    process.wait(timeout=20)


@pytest.mark.django_db
def test_production_serves_a_styled_page_with_its_css_js_images_and_documents(production):
    infographic = ResourcePage.objects.filter(
        locale__language_code="es", resource_type="infographic", image__isnull=False
    ).first()
    page = production.get(infographic.url, **{"Accept-Encoding": "gzip"})
    assert page.status == 200
    assert page.getheader("Content-Type") == "text/html; charset=utf-8"
    assert page.getheader("Content-Encoding") == "gzip"
    assert page.getheader("ETag")
    html = gzip.decompress(page.body).decode()
    assert infographic.title in html
    assert ">Biblioteca</a>" in html  # the interface in Spanish: the compiled catalogs load

    # Hashed static files, compressed ahead of time, cached for good.
    css = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', html).group(1)
    js = re.search(r'src="(/static/[^"]+\.[0-9a-f]{12}\.js)"', html).group(1)
    for path, content_type in ((css, "text/css"), (js, "text/javascript")):
        plain = production.get(path)
        assert plain.status == 200, path
        assert plain.getheader("Content-Type").startswith(content_type), path
        assert plain.getheader("Cache-Control") == FOREVER, path
        compressed = production.get(path, **{"Accept-Encoding": "gzip"})
        assert compressed.getheader("Content-Encoding") == "gzip", path
        assert gzip.decompress(compressed.body) == plain.body, path
    assert b"body" in production.get(css).body

    # The rendition on the page, and the original image.
    rendition = re.search(r'src="(/media/images/[^"]+)"', html).group(1)
    original = Image.objects.get(pk=infographic.image_id).file.url
    for path in (rendition, original):
        image = production.get(path)
        assert image.status == 200, path
        assert image.getheader("Content-Type") == "image/png", path
        assert image.body.startswith(b"\x89PNG"), path
        assert image.getheader("Cache-Control") == "public, max-age=86400", path
        assert image.getheader("Last-Modified"), path
        again = production.get(path, **{"If-None-Match": image.getheader("ETag")})
        assert again.status == 304, path
        again = production.get(path, **{"If-Modified-Since": image.getheader("Last-Modified")})
        assert again.status == 304, path

    # A public document (a library resource's), through Wagtail's document view.
    resource = ResourcePage.objects.filter(
        locale__language_code="es", resource_type="document", document__isnull=False
    ).first()
    resource_html = production.get(resource.url).body.decode()
    document = re.search(r'href="(/documents/[^"]+\.pdf)"', resource_html).group(1)
    response = production.get(document)
    assert response.status == 200
    assert response.getheader("Content-Type") == "application/pdf"
    assert response.body.startswith(b"%PDF")


@pytest.mark.django_db
def test_production_never_serves_the_documents_folder_as_media(production):
    document = Document.objects.filter(file__endswith=".pdf").order_by("pk").first()
    name = Path(document.file.name).name
    for path in (
        f"/media/documents/{name}",
        f"/media/images/../documents/{name}",
        f"/media/original_images/%2e%2e/documents/{name}",
        "/media/documents/",
        "/media/../cms/settings/base.py",
    ):
        response = production.get(path)
        assert response.status == 404, path
        assert b"%PDF" not in response.body
