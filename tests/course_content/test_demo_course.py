import array
import datetime
import html
import io
import re
from collections import Counter
from io import StringIO

import av
import pytest
import webvtt
from django.core.management import call_command
from django.utils import timezone
from django.utils.html import strip_tags
from pypdf import PdfReader
from wagtail.models import Page, Site

from course_content.demo import content
from course_content.models import (
    CountryUnitPage,
    CoursePage,
    EvaluationPage,
    ModulePage,
    ResourcePage,
)

pytestmark = pytest.mark.django_db


def test_demo_course_matches_the_course_facts(demo):
    course = demo.course
    assert course.declared_hours == 85
    assert course.pass_mark == 70
    modules = list(ModulePage.objects.child_of(course).live().order_by("number"))
    assert [m.number for m in modules] == list(range(1, 11))
    assert all(m.locale.language_code == "es" for m in modules)
    assert [m.has_country_units for m in modules].count(True) == 1
    units = CountryUnitPage.objects.child_of(demo.module(5)).live()
    assert units.count() == 19
    assert len({unit.country for unit in units}) == 19
    assert all(unit.illustrative for unit in units)
    for module in modules:
        evaluation = EvaluationPage.objects.child_of(module).live().get()
        assert len(evaluation.questions) >= 5
        assert evaluation.total_points == 100
        kinds = {block.block_type for block in evaluation.questions}
        assert kinds == {"single_choice", "multiple_choice", "true_false"}
    assert Site.objects.get(is_default_site=True).root_page_id == demo.home.pk


def test_demo_resources_cover_every_type_with_real_files(demo):
    resources = ResourcePage.objects.live().child_of(demo.library)
    assert resources.count() >= 30
    counts = Counter(resources.values_list("resource_type", flat=True))
    assert set(counts) == {"document", "video", "audio", "infographic", "link", "toolkit"}
    assert min(counts.values()) >= 5
    for resource in resources.filter(resource_type__in=["document", "toolkit", "audio", "video"]):
        assert resource.document.file.size > 0
        assert resource.document.file_size == resource.document.file.size
        assert resource.document.file_hash
    for resource in resources.filter(resource_type="infographic"):
        assert resource.image.width > 0 and resource.image_alt
    for resource in resources.filter(resource_type__in=["video", "audio"]):
        assert resource.transcript


def test_loading_again_is_idempotent_and_reset_rebuilds(demo):
    def counts():
        return (
            CoursePage.objects.filter(locale__language_code="es").count(),
            ModulePage.objects.filter(locale__language_code="es").count(),
        )

    pages_before = counts()
    out = StringIO()
    call_command("load_demo_course", stdout=out)
    assert "already loaded" in out.getvalue()
    assert counts() == pages_before

    old_course_id = demo.course.pk
    out = StringIO()
    call_command("load_demo_course", "--reset", stdout=out)
    assert "Demo course ready" in out.getvalue()
    assert "module 10/10" in out.getvalue()
    assert counts() == pages_before
    course = CoursePage.objects.get(slug=content.COURSE["slug"], locale__language_code="es")
    assert course.pk != old_course_id
    assert Site.objects.get(is_default_site=True).root_page.specific.get_children().count() == 2


def test_ensure_admin_creates_once_and_honours_the_password(django_user_model):
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    assert "Created superuser 'admin' with password:" in out.getvalue()
    generated = out.getvalue().split("password: ")[1].split()[0]
    assert django_user_model.objects.get(username="admin").check_password(generated)

    out = StringIO()
    call_command("ensure_admin", stdout=out)
    assert "already exists" in out.getvalue()

    call_command("ensure_admin", "--password", "n3w-s3cret!", stdout=StringIO())
    assert django_user_model.objects.get(username="admin").check_password("n3w-s3cret!")


def test_the_course_runs_now_and_its_application_window_is_open(demo):
    course = demo.course
    today = timezone.localdate()
    assert course.starts_on < today < course.ends_on
    assert course.application_open
    units = CountryUnitPage.objects.child_of(demo.module(5))
    verified = [item.value["verified_on"] for unit in units for item in unit.legal_framework]
    assert verified and all(
        today - datetime.timedelta(days=450) < date < today for date in verified
    )


def test_the_demo_links_nowhere_to_example_org(learner_client, demo):
    """Media and resources are real files or real sites (the demo's contact address may use the
    domain reserved for examples: it is an address, not a link to content)."""
    pages = Page.objects.live().filter(locale__language_code="es", depth__gt=1)
    assert pages.count() > 70
    for page in pages:
        response = learner_client.get(page.url)
        assert response.status_code == 200, page.url
        links = re.findall(r'(?:href|src)="([^"]*)"', response.content.decode())
        assert not [
            link for link in links if "example.org" in link and not link.startswith("mailto:")
        ], page.url


def plain_paragraphs(markup):
    """The text of each paragraph and list item of a transcript."""
    return [html.unescape(strip_tags(part)) for part in re.findall(r"<(?:p|li)>(.*?)</", markup)]


def assert_plays(document, kind):
    """The file decodes as ``kind`` (video or audio) for more than a second; audio is heard."""
    with av.open(document.file.path) as container:
        streams = container.streams.video if kind == "video" else container.streams.audio
        assert streams, document.filename
        frames = list(container.decode(streams[0]))
    assert frames, document.filename
    assert float(frames[-1].time) > 1, document.filename
    if kind == "audio":
        resampler = av.AudioResampler(format="s16", layout="mono")
        samples = array.array("h")
        for frame in frames:
            for out in resampler.resample(frame):
                samples.frombytes(bytes(out.planes[0])[: out.samples * 2])
        assert max(map(abs, samples)) > 0.05 * 32767, f"{document.filename} is silent"


def assert_captions_say(captions, transcript):
    """The captions parse as WebVTT and their cues say the transcript, in order."""
    assert captions.file_extension == "vtt"
    with captions.open_file() as handle:
        cues = webvtt.from_buffer(io.StringIO(handle.read().decode()), strict=True).captions
    said = " ".join(cue.text for cue in cues)
    assert said == " ".join(plain_paragraphs(transcript))
    assert all(a.end_in_seconds <= b.start_in_seconds for a, b in zip(cues, cues[1:], strict=False))


def test_every_video_and_audio_plays_and_every_video_has_captions(demo):
    resources = demo.resources(resource_type__in=["video", "audio"])
    assert resources.count() >= 10
    for resource in resources:
        assert_plays(resource.document, resource.resource_type)
        assert len(plain_paragraphs(resource.transcript)) >= 3
        assert resource.duration_minutes >= 1
        if resource.resource_type == "video":
            assert_captions_say(resource.captions, resource.transcript)
    blocks = [
        block.value
        for module in ModulePage.objects.child_of(demo.course)
        for block in module.body
        if block.block_type == "video"
    ]
    assert len(blocks) == 10
    for value in blocks:
        assert not value["url"]
        assert_plays(value["file"], "video")
        assert_captions_say(value["captions"], value["transcript"].source)


def test_the_study_guides_are_spanish_pdfs_of_several_pages(demo):
    for module in ModulePage.objects.child_of(demo.course):
        guide = next(b.value["document"] for b in module.body if b.block_type == "document")
        with guide.open_file() as handle:
            reader = PdfReader(io.BytesIO(handle.read()))
        text = "\n".join(page.extract_text() for page in reader.pages)
        assert len(reader.pages) >= 3, guide.filename
        assert "niñez" in text and "¿" in text and "¡" in text, guide.filename
        assert module.title.split()[0] in text
        for objective in module.learning_objectives:
            assert objective.value[:30] in " ".join(text.split()), guide.filename
