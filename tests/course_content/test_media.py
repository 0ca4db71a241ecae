"""Media on the site: captions are validated WebVTT, a caption track is per language, documents
are served with the right headers, and file sizes print one localized way."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import translation
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from course_content.blocks import VideoBlock
from course_content.captions import video_block_track
from course_content.models import ModulePage, ResourcePage

pytestmark = pytest.mark.django_db

VTT = "WEBVTT\n\n00:00.000 --> 00:02.500\n¿Qué es la niñez migrante?\n".encode()
BAD_CAPTIONS = [
    ("subtitulos.srt", b"1\n00:00:00,000 --> 00:00:01,000\nHola\n", "must be a WebVTT file"),
    ("subtitulos.vtt", b"1\n00:00:00,000 --> 00:00:01,000\nHola\n", "must begin with"),
    ("subtitulos.vtt", b"WEBVTT\n\n00:00.000 --> nunca\nHola\n", "timing cannot be read"),
    ("subtitulos.vtt", b"WEBVTT\n\n", "has no cues"),
    ("subtitulos.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nniñez\n".encode("latin-1"), "UTF-8"),
]


def document(filename, data):
    doc = get_document_model()(title=filename)
    doc.file.save(filename, ContentFile(data), save=False)
    doc.save()
    return doc


def video_resource(demo):
    return demo.resources(resource_type="video").order_by("pk").first()


def errors_of(page):
    with translation.override("en"):
        with pytest.raises(ValidationError) as raised:
            page.full_clean()
        return {field: " ".join(messages) for field, messages in raised.value.message_dict.items()}


# --- the resource's captions field --------------------------------------------------------


def test_the_demo_video_resource_is_valid(demo):
    resource = video_resource(demo)
    assert resource.document.file_extension == "webm"
    assert resource.captions.file_extension == "vtt"
    resource.full_clean()


@pytest.mark.parametrize("filename, data, message", BAD_CAPTIONS)
def test_captions_must_be_webvtt_with_cues(demo, filename, data, message):
    resource = video_resource(demo)
    resource.captions = document(filename, data)
    assert message in errors_of(resource)["captions"]


def test_a_video_file_needs_captions(demo):
    resource = video_resource(demo)
    resource.captions = None
    assert "needs its captions" in errors_of(resource)["captions"]


def test_a_video_resource_plays_only_a_video_file(demo):
    resource = video_resource(demo)
    resource.document = demo.resources(resource_type="document").first().document
    assert "Choose a video file" in errors_of(resource)["document"]


def test_an_audio_resource_plays_only_an_audio_file(demo):
    resource = demo.resources(resource_type="audio").first()
    resource.document = demo.resources(resource_type="document").first().document
    assert "Choose an audio file" in errors_of(resource)["document"]


def resource_form(resource, **overrides):
    data = {
        "title": resource.title,
        "slug": resource.slug,
        "summary": resource.summary,
        "resource_type": resource.resource_type,
        "material_language": resource.material_language,
        "document": resource.document_id or "",
        "captions": resource.captions_id or "",
        "external_url": resource.external_url,
        "embed_url": resource.embed_url,
        "image": "",
        "image_alt": "",
        "body": rich_text(resource.body),
        "publisher": resource.publisher,
        "year": resource.year or "",
        "licence": resource.licence,
        "duration_minutes": resource.duration_minutes or "",
        "transcript": rich_text(resource.transcript),
        "related_modules": [module.pk for module in resource.related_modules.all()],
        "countries": inline_formset(
            [
                {"id": item.pk, "country": item.country, "ORDER": index}
                for index, item in enumerate(resource.countries.all(), start=1)
            ],
            initial=resource.countries.count(),
        ),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_the_editor_refuses_captions_that_are_not_webvtt(admin_client, demo):
    resource = video_resource(demo)
    captions_before = resource.captions_id
    revisions_before = resource.revisions.count()
    url = reverse("wagtailadmin_pages:edit", args=[resource.pk])
    not_vtt = document("subtitulos.srt", b"1\n00:00:00,000 --> 00:00:01,000\nHola\n")

    response = admin_client.post(url, resource_form(resource, captions=not_vtt.pk))

    assert response.status_code == 200
    assert (
        f"Los subtítulos deben ser un archivo WebVTT (.vtt); «{not_vtt.filename}» no lo es."
        in response.content.decode()
    )
    resource.refresh_from_db()
    assert resource.captions_id == captions_before
    assert resource.revisions.count() == revisions_before


def test_the_editor_accepts_new_webvtt_captions(admin_client, demo):
    resource = video_resource(demo)
    url = reverse("wagtailadmin_pages:edit", args=[resource.pk])
    captions = document("nuevos-subtitulos.vtt", VTT)
    response = admin_client.post(url, resource_form(resource, captions=captions.pk))
    assert response.status_code == 302, response.content.decode()[:2000]
    draft = ResourcePage.objects.get(pk=resource.pk).get_latest_revision_as_object()
    assert draft.captions_id == captions.pk


# --- the video block ------------------------------------------------------------------------


def block_value(**fields):
    raw = {
        "title": "Presentación",
        "file": None,
        "captions": None,
        "url": "",
        "duration_minutes": 1,
        "transcript": "<p>¿Qué es la niñez migrante?</p>",
    }
    raw.update(fields)
    return VideoBlock().to_python(raw)


def block_errors(value):
    with translation.override("en"):
        with pytest.raises(StructBlockValidationError) as raised:
            VideoBlock().clean(value)
        return {name: " ".join(e.messages) for name, e in raised.value.block_errors.items()}


def test_a_video_block_plays_a_file_with_captions_or_links_to_a_provider(demo):
    video = document("clip.webm", b"not decoded here")
    captions = document("clip.vtt", VTT)
    VideoBlock().clean(block_value(file=video.pk, captions=captions.pk))
    VideoBlock().clean(block_value(url="https://www.youtube.com/watch?v=abc"))

    assert "Choose a video file or give" in block_errors(block_value())["file"]
    pdf = document("guia.pdf", b"%PDF-1.4")
    assert "Choose a video file (MP4" in block_errors(block_value(file=pdf.pk))["file"]
    assert "needs its captions" in block_errors(block_value(file=video.pk))["captions"]
    srt = document("clip.srt", b"1\n00:00:00,000 --> 00:00:01,000\nHola\n")
    errors = block_errors(block_value(file=video.pk, captions=srt.pk))
    assert "must be a WebVTT file" in errors["captions"]


# --- one track per language -------------------------------------------------------------------


def module_pair(demo):
    spanish = demo.module(1)
    english = ModulePage.objects.get(
        translation_key=spanish.translation_key, locale__language_code="en"
    )
    return spanish, english


def video_of(page):
    return next(block.value for block in page.body if block.block_type == "video")


def test_a_translation_shows_the_source_captions_in_the_videos_language(demo):
    spanish, english = module_pair(demo)
    context = {"page": english, "page_language": "en", "translations": [english, spanish]}
    track = video_block_track(video_of(english), context)
    assert (track.kind, track.language) == ("captions", "es")
    with translation.override("en"):
        assert track.label == "Spanish"


def test_a_translation_with_its_own_captions_shows_them_as_subtitles_in_its_language(demo):
    spanish, english = module_pair(demo)
    value = video_of(english)
    value["captions"] = document("presentation-module-1.vtt", VTT)
    context = {"page": english, "page_language": "en", "translations": [english, spanish]}
    track = video_block_track(value, context)
    assert (track.kind, track.language, track.url) == ("subtitles", "en", value["captions"].url)


def test_the_captions_field_is_synchronised_and_overridable_for_translators(demo):
    fields = {field.field_name: field for field in ResourcePage.translatable_fields}
    resource = video_resource(demo)
    captions = fields["captions"]
    assert captions.is_synchronized(resource) and captions.is_overridable(resource)


# --- serving documents ------------------------------------------------------------------------


def guide_of(module):
    return next(b.value["document"] for b in module.body if b.block_type == "document")


def test_documents_are_served_with_type_and_disposition_and_no_content_encoding(
    learner_client, demo
):
    guide = guide_of(demo.module(1))
    response = learner_client.get(guide.url)
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="{guide.filename}"'
    assert response["ETag"] == f'"{guide.file_hash}"' and guide.file_hash
    assert b"".join(response.streaming_content).startswith(b"%PDF-")

    video = video_resource(demo)
    response = learner_client.get(video.document.url)
    assert not response.has_header("Content-Encoding")
    assert response["Content-Type"] == "video/webm"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    response = learner_client.get(video.captions.url)
    assert response["Content-Type"] == "text/vtt; charset=utf-8"


@pytest.mark.parametrize("language", ["es", "fr", "en"])
def test_file_sizes_print_one_localized_way(learner_client, demo, language):
    module = demo.module(1)
    guide = guide_of(module)
    resource = demo.resources(resource_type="document").order_by("pk").first()
    with translation.override(language):
        expected = [
            f"(PDF, {filesizeformat(guide.file_size)})",
            f"(PDF, {filesizeformat(resource.document.file_size)})",
        ]
    target = Page.objects.get(
        translation_key=module.translation_key, locale__language_code=language
    )
    shown = re.findall(
        r'class="file-info">([^<]*)<', learner_client.get(target.url).content.decode()
    )
    resource_url = f"/{language}/" + resource.url.split("/", 2)[2]
    shown += re.findall(
        r'class="file-info">([^<]*)<', learner_client.get(resource_url).content.decode()
    )
    assert shown == expected
