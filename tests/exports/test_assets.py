"""Packaging the files a rendered page references (exports/assets.py): everything the page loads
is in the zip at a relative address, and nothing loads from outside it."""

import io
import posixpath
import zipfile
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from exports.assets import Packager

pytestmark = pytest.mark.django_db

LOADING = {
    "img": "src",
    "video": "src",
    "audio": "src",
    "track": "src",
    "source": "src",
    "script": "src",
    "link": "href",
    "iframe": "src",
}


def packaged(html, page_path="module-1/index.html", **options):
    """(rewritten html as a soup, the zip's {name: bytes}, the packager)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        packager = Packager(archive, **options)
        rewritten = packager.rewrite(html, page_path)
    with zipfile.ZipFile(buffer) as archive:
        contents = {name: archive.read(name) for name in archive.namelist()}
    return BeautifulSoup(rewritten, "html.parser"), contents, packager


def target(page_path, url):
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_path), unquote(url)))


@pytest.fixture
def module_html(client, learner, demo):
    client.force_login(learner)
    response = client.get(demo.module(1).url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_module_page_loads_only_files_inside_the_zip(module_html):
    soup, contents, packager = packaged(module_html)
    loaded = [
        (tag.name, tag[attribute])
        for tag_name, attribute in LOADING.items()
        for tag in soup.find_all(tag_name)
        if tag.has_attr(attribute)
    ]
    kinds = {name for name, _url in loaded}
    assert {"img", "video", "track", "link"} <= kinds  # the demo module has them all
    for _name, url in loaded:
        assert not urlsplit(url).scheme and not url.startswith("/"), url
        assert target("module-1/index.html", url) in contents, url
    # The files are the site's, byte for byte, and all listed for a manifest.
    assert sorted(packager.files) == sorted(contents)
    video = soup.find("video")["src"]
    document = get_document_model().objects.get(file__endswith=posixpath.basename(unquote(video)))
    with document.file.open("rb") as original:
        assert contents[target("module-1/index.html", video)] == original.read()
    assert any(name.startswith("assets/static/css/") for name in contents)


def test_documents_are_linked_from_the_package(module_html):
    soup, contents, _packager = packaged(module_html, page_path="index.html")
    download = soup.select_one(".block-document a")
    assert download["href"].startswith("assets/documents/")
    assert download["href"].endswith(".pdf")
    assert target("index.html", download["href"]) in contents


def test_a_page_in_a_subfolder_gets_paths_relative_to_it(module_html):
    soup, _contents, _packager = packaged(module_html, page_path="sco-01/pages/module.html")
    assert soup.find("img")["src"].startswith("../../assets/media/")


def test_external_embeds_become_links_and_external_code_is_dropped():
    captions = get_document_model().objects.filter(file__endswith=".vtt").first()
    html = (
        '<link rel="stylesheet" href="https://cdn.example.net/x.css">'
        '<link rel="alternate" hreflang="en" href="/en/course/">'
        '<script src="https://cdn.example.net/x.js"></script>'
        '<img src="https://images.example.net/map.png" alt="Mapa de rutas">'
        '<iframe src="https://video.example.net/embed/1" title="Entrevista"></iframe>'
        '<video src="/media/no-such-file.webm" poster="/media/nope.png">'
        f'<track kind="captions" src="{captions.url}"></video>'
        '<a href="https://www.ohchr.org/">Convención</a>'
    )
    soup, contents, packager = packaged(html)
    assert contents == {}  # not even the caption track of the video that could not be packaged
    assert soup.find("link") is None
    assert soup.find("script") is None
    assert soup.find("img") is None and soup.find("iframe") is None
    links = {a.get_text(): a for a in soup.find_all("a")}
    assert links["Mapa de rutas"]["href"] == "https://images.example.net/map.png"
    assert links["Entrevista"]["href"] == "https://video.example.net/embed/1"
    assert links["Convención"]["target"] == "_blank"
    assert "noopener" in links["Convención"]["rel"]
    assert soup.find("video") is None
    assert ("module-1/index.html", "/media/no-such-file.webm") in packager.skipped


def test_links_between_exported_pages_are_relative_and_others_go_to_the_site():
    html = (
        '<a href="/es/curso/modulo-2/#objetivos">Módulo 2</a>'
        '<a href="/es/curso/modulo-3/">Módulo 3</a>'
        '<a href="#main">Saltar</a>'
    )
    pages = {"/es/curso/modulo-2/": "module-2/index.html"}
    soup, _contents, _packager = packaged(html, pages=pages, site_url="https://curso.example.org")
    links = {a.get_text(): a["href"] for a in soup.find_all("a")}
    assert links["Módulo 2"] == "../module-2/index.html#objetivos"
    assert links["Módulo 3"] == "https://curso.example.org/es/curso/modulo-3/"
    assert links["Saltar"] == "#main"
    # Without a site to point to, a link that leads nowhere in the package is plain text.
    soup, _contents, packager = packaged(html, pages=pages)
    assert [a.get_text() for a in soup.find_all("a")] == ["Módulo 2", "Saltar"]
    assert "Módulo 3" in soup.get_text()
    assert packager.skipped == [("module-1/index.html", "/es/curso/modulo-3/")]


def test_css_references_are_packaged_and_rewritten(tmp_path, settings):
    (tmp_path / "css").mkdir()
    (tmp_path / "img").mkdir()
    (tmp_path / "css" / "print.css").write_text(
        '@import "base.css";\nbody { background: url("../img/dot.png"); }\n'
        "a { background: url(https://cdn.example.net/x.png); }\n"
    )
    (tmp_path / "css" / "base.css").write_text("p { color: black; }\n")
    (tmp_path / "img" / "dot.png").write_bytes(b"\x89PNG fake")
    settings.STATICFILES_DIRS = [tmp_path]
    soup, contents, _packager = packaged(
        '<link rel="stylesheet" href="/static/css/print.css">', page_path="index.html"
    )
    assert soup.find("link")["href"] == "assets/static/css/print.css"
    css = contents["assets/static/css/print.css"].decode()
    assert '@import "base.css"' in css
    assert 'url("../img/dot.png")' in css
    assert "cdn.example.net" not in css
    assert contents["assets/static/img/dot.png"] == b"\x89PNG fake"
    assert "assets/static/css/base.css" in contents


def test_a_document_of_a_private_collection_is_not_packaged():
    root = Collection.get_first_root_node()
    private = root.add_child(name="Privada")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model()(title="Interno", collection=private)
    document.file.save("interno.pdf", ContentFile(b"%PDF-1.4 interno"), save=False)
    document.save()
    soup, contents, _packager = packaged(f'<a href="{document.url}">Interno</a>')
    assert contents == {}
    assert soup.find("a") is None


def test_files_referenced_twice_are_written_once(module_html):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        packager = Packager(archive)
        packager.rewrite(module_html, "a/index.html")
        packager.rewrite(module_html, "b/index.html")
        packager.write("a/index.html", "<p>a</p>")
    with zipfile.ZipFile(buffer) as archive:
        names = archive.namelist()
    assert len(names) == len(set(names)) == len(packager.files)


def test_hostile_file_paths_are_not_packaged_and_nothing_leaves_the_zips_folder(settings):
    """Links an editor could write (a rich-text link to the site's own host) that try to reach
    outside STATIC_ROOT/MEDIA_ROOT or to write outside the package's folder (zip-slip)."""
    host = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    hostile = [
        "/static//etc/hostname",
        "/static/css/../../../etc/hostname",
        "/static/css/%2e%2e/%2e%2e/etc/hostname",
        "/media//etc/hostname",
        "/media/..%2F..%2Fetc/hostname",
        "/media/a%5C..%5C..%5Cb.png",
        f"{host}/static//etc/hostname",
        f"{host}/media/./%00x.png",
    ]
    html = "".join(f'<img src="{url}" alt="">' for url in hostile)
    html += "".join(f'<a href="{url}">file</a>' for url in hostile)
    _soup, contents, packager = packaged(html)  # no error
    assert contents == {}
    assert packager.files == []
    assert {url for _page, url in packager.skipped} >= set(hostile)
