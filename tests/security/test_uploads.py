"""Uploads through every admin upload form: images and documents limited by type, content and size,
with a message in the editor's language; no SVG; documents served with their own type and
disposition."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

pytestmark = pytest.mark.django_db

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b'<script>alert(document.cookie)</script><rect width="10" height="10"/></svg>'
)
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def png(width=20, height=20):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "#083b6a").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def editor(as_user):
    return as_user("editora")


def root_collection():
    return Collection.get_first_root_node().pk


def add_document(client, name, data, view="single"):
    upload = SimpleUploadedFile(name, data)
    if view == "multiple":
        response = client.post(
            reverse("wagtaildocs:add_multiple"),
            {"files[]": upload, "collection": root_collection()},
            HTTP_ACCEPT_LANGUAGE="es",
        )
        return response, json.loads(response.content)
    if view == "chooser":
        response = client.post(
            reverse("wagtaildocs_chooser:create"),
            {
                "document-chooser-upload-title": name,
                "document-chooser-upload-file": upload,
                "document-chooser-upload-collection": root_collection(),
            },
            HTTP_ACCEPT_LANGUAGE="es",
        )
        return response, json.dumps(json.loads(response.content), ensure_ascii=False)
    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "file": upload, "collection": root_collection()},
        HTTP_ACCEPT_LANGUAGE="es",
    )
    return response, response.content.decode()


def add_image(client, name, data, view="single"):
    upload = SimpleUploadedFile(name, data)
    if view == "multiple":
        response = client.post(
            reverse("wagtailimages:add_multiple"),
            {"files[]": upload, "collection": root_collection()},
            HTTP_ACCEPT_LANGUAGE="es",
        )
        return response, json.loads(response.content)
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": name, "file": upload, "collection": root_collection()},
        HTTP_ACCEPT_LANGUAGE="es",
    )
    return response, response.content.decode()


# Documents whose content is not what their name says.
@pytest.mark.parametrize("view", ["single", "multiple", "chooser"])
@pytest.mark.parametrize(
    "name, data, message",
    [
        ("guia.pdf", HTML, "Este archivo no es un archivo PDF"),
        ("video.webm", HTML, "Este archivo no es un archivo WEBM"),
        ("informe.docx", b"PK-not-really" + HTML, "Este archivo no es un archivo DOCX"),
        ("notas.txt", HTML, "contiene marcado de página web o script"),
        ("subtitulos.vtt", b"WEBVTT\n\n00:00.000 --> 00:01.000\n<script>x</script>\n", "script"),
        ("datos.csv", "nombre;país\nAna;Perú\n".encode("latin-1"), "no es texto UTF-8"),
    ],
)
def test_a_document_whose_content_is_not_what_its_name_says_is_refused(
    editor, view, name, data, message
):
    before = Document.objects.count()
    response, body = add_document(editor, name, data, view)
    assert response.status_code == 200
    text = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
    assert message in text
    assert "“”" not in text, "only the reason, not Wagtail's check of the refused file's name"
    assert Document.objects.count() == before


@pytest.mark.parametrize(
    "name, data",
    [
        ("guia.pdf", PDF),
        ("notas.txt", "Niñez migrante: apuntes de la unidad.\n".encode()),
        ("datos.csv", "nombre;país\nAna;Perú\n".encode()),
        ("subtitulos.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\n<v Ana>Hola, niñez.\n".encode()),
    ],
)
def test_real_documents_are_accepted(editor, name, data):
    response, _ = add_document(editor, name, data)
    assert response.status_code == 302
    assert Document.objects.filter(title=name).exists()


@pytest.mark.parametrize("name", ["mapa.svg", "mapa.html", "mapa.svgz"])
def test_svg_and_html_are_neither_images_nor_documents(editor, name):
    images, documents = Image.objects.count(), Document.objects.count()
    response, text = add_image(editor, name, SVG)
    assert response.status_code == 200 and "error" in text
    response, text = add_document(editor, name, SVG)
    assert response.status_code == 200
    assert (Image.objects.count(), Document.objects.count()) == (images, documents)


@pytest.mark.parametrize("view", ["single", "multiple"])
def test_an_svg_renamed_png_is_refused(editor, view):
    before = Image.objects.count()
    response, body = add_image(editor, "mapa.png", SVG, view)
    assert response.status_code == 200
    assert Image.objects.count() == before


def test_an_image_of_too_many_pixels_is_refused_however_small_the_file(editor):
    """A decompression bomb: a few KB of PNG that decodes to 48 megapixels."""
    data = png(8000, 6000)
    assert len(data) < 1024 * 1024
    before = Image.objects.count()
    response, text = add_image(editor, "enorme.png", data)
    assert response.status_code == 200
    assert "muchos pixeles" in text
    assert Image.objects.count() == before


def test_an_image_over_the_size_limit_is_refused_with_the_limit(editor, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    data = png(200, 200) + b"\0" * 2048
    response, text = add_image(editor, "grande.png", data)
    assert response.status_code == 200
    assert "demasiado grande" in text and "1,0" in text


def test_a_document_over_the_size_limit_is_refused_with_the_limit(editor, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response, text = add_document(editor, "grande.pdf", PDF + b"%" * 4096)
    assert response.status_code == 200
    assert "demasiado grande" in text


def test_the_limits_are_the_documented_ones():
    from django.conf import settings

    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
    assert not {"svg", "html", "htm", "xml", "js"} & set(settings.WAGTAILDOCS_EXTENSIONS)
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 50 * 1024 * 1024


@pytest.mark.parametrize(
    "extension, content_type, disposition",
    [
        ("pdf", "application/pdf", "inline"),
        ("vtt", "text/vtt; charset=utf-8", "attachment"),
        ("webm", "video/webm", "attachment"),
        ("ogg", "audio/ogg", "attachment"),
    ],
)
def test_documents_are_served_with_their_type_and_disposition(
    learner_client, demo, extension, content_type, disposition
):
    document = Document.objects.filter(file__endswith=f".{extension}").first()
    response = learner_client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].startswith(f'{disposition}; filename="')
    assert "Content-Encoding" not in response
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in response["Content-Security-Policy"]


def test_an_uploaded_text_document_is_served_as_utf8_text(editor, client):
    add_document(editor, "apuntes.txt", "Niñez y protección\n".encode())
    document = Document.objects.get(title="apuntes.txt")
    response = client.get(document.url)
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"].startswith("inline")
    assert b"".join(response.streaming_content).decode() == "Niñez y protección\n"
