"""Translation work costs a constant number of queries per page, whatever its length.

Segment extraction (``translations.bulk_segments``) must store exactly the rows wagtail-localize's
own method would, and the translation editor (``translations.editor_queries``) must show the same
data, with no query per segment. Each is compared with the library's own path: its original method
(``compat.library``) or the switch ``TRANSLATIONS_LOCALIZE_PATCHES`` off.
"""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText
from wagtail_localize.models import (
    String,
    StringTranslation,
    Template,
    TranslationContext,
    TranslationSource,
)

from tests.factories import ModulePageFactory
from tests.helpers import editor_props
from translations import bulk_segments, compat
from translations.checks import translation_for
from translations.services import submit_for_translation

pytestmark = pytest.mark.django_db

library_refresh_segments = compat.library("TranslationSource.refresh_segments")
# Tests of our fast paths' query counts (the process started with the patches on).
requires_patches = pytest.mark.skipif(
    not compat.originals, reason="TRANSLATIONS_LOCALIZE_PATCHES is off in this process"
)


def module_with(parent, paragraphs, number):
    """A published module with ``paragraphs`` paragraphs, each with a link and bold text."""
    body = [
        (
            "paragraph",
            RichText(
                f"<p>Párrafo {index} del módulo {number}, con <b>derechos</b> y un "
                f'<a href="https://example.org/{number}/{index}">enlace</a>.</p>'
            ),
        )
        for index in range(paragraphs)
    ]
    return ModulePageFactory(parent=parent, number=number, body=body)


def rows(source):
    """Every row that describes ``source``'s segments, by table."""
    return {
        "string segments": set(source.stringsegment_set.values_list("pk", flat=True)),
        "template segments": set(source.templatesegment_set.values_list("pk", flat=True)),
        "related segments": set(source.relatedobjectsegment_set.values_list("pk", flat=True)),
        "overridable segments": set(source.overridablesegment_set.values_list("pk", flat=True)),
        "contexts": set(
            TranslationContext.objects.filter(object_id=source.object_id).values_list(
                "pk", "path", "field_path"
            )
        ),
        "strings": String.objects.count(),
        "templates": Template.objects.count(),
    }


def edit_body(page):
    """Change the first paragraph, drop the second and add one at the end (as the page editor
    does: the other blocks keep their ids), then publish."""
    body = page.body
    paragraphs = [index for index, block in enumerate(body) if block.block_type == "paragraph"]
    first = body[paragraphs[0]]
    revised = RichText(first.value.source.replace("</p>", " Texto revisado.</p>", 1))
    body[paragraphs[0]] = ("paragraph", revised, first.id)
    del body[paragraphs[1]]
    body.append(
        ("paragraph", RichText("<p>Un párrafo <i>nuevo</i> al final.</p>"), str(uuid.uuid4()))
    )
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


def test_extraction_stores_what_wagtail_localize_would(demo):
    """After ours, the library's own method finds nothing to add, change or delete: for a demo
    module (links, lists, images, related resources, evaluation questions) and after an edit."""
    for page in (demo.module(5), demo.evaluation(3), demo.unit("MX"), demo.course):
        source, _created = TranslationSource.get_or_create_from_instance(page)
        bulk_segments.refresh_segments(source)
        ours = rows(source)
        assert ours["string segments"], page
        library_refresh_segments(source)
        assert rows(source) == ours, page

    module = demo.module(5)
    source = TranslationSource.objects.get(object_id=module.translation_key, locale=module.locale)
    before = rows(source)
    edit_body(module)  # publishing refreshes the source's segments
    source.refresh_from_db()
    after = rows(source)
    assert after["string segments"] != before["string segments"], "the edit changed segments"
    assert after["strings"] == before["strings"] + 2  # the revised and the new paragraph
    library_refresh_segments(source)
    assert rows(source) == after

    # The field paths are those wagtail-localize computes (it fills in the empty ones it uses).
    used = [
        context
        for segments in (source.stringsegment_set, source.templatesegment_set)
        for context in segments.values_list("context_id", flat=True)
    ]
    contexts = TranslationContext.objects.filter(pk__in=used)
    ours = dict(contexts.values_list("pk", "field_path"))
    contexts.update(field_path="")
    library_refresh_segments(source)
    assert dict(contexts.values_list("pk", "field_path")) == ours


def test_extraction_keeps_rows_made_by_wagtail_localize(demo):
    """Sources extracted before this code keep their segment ids (translations point at them)."""
    module = module_with(demo.course, 6, number=31)
    source, _created = TranslationSource.get_or_create_from_instance(module)
    library_refresh_segments(source)
    theirs = rows(source)
    bulk_segments.refresh_segments(source)
    assert rows(source) == theirs


def count_queries(function):
    with CaptureQueriesContext(connection) as context:
        function()
    return len(context)


@requires_patches
def test_extracting_and_submitting_cost_the_same_for_short_and_long_pages(demo, user):
    admin = user("administrador")
    french = Locale.objects.get(language_code="fr")
    warm_up = module_with(demo.course, 3, number=30)  # fills per-process caches (content types)
    short, long = module_with(demo.course, 3, number=31), module_with(demo.course, 30, number=32)

    def extract(page):
        return count_queries(lambda: TranslationSource.get_or_create_from_instance(page))

    extract(warm_up)
    assert extract(short) == extract(long)

    def submit(page):
        return count_queries(
            lambda: submit_for_translation(page=page, locales=[french], user=admin)
        )

    submit(warm_up)
    assert submit(short) == submit(long)
    assert (
        translation_for(
            Page.objects.get(translation_key=long.translation_key, locale=french)
        ).source.stringsegment_set.count()
        > 30
    )

    def republish(page):
        return count_queries(lambda: edit_body(page))

    republish(warm_up)
    assert republish(short) == republish(long)


@requires_patches
def test_translation_editor_queries_do_not_grow_with_segments(demo, user, client):
    admin, translator = user("administrador"), user("traductora-fr")
    translator.first_name, translator.last_name = "Fleur", "Traductrice"
    translator.save()
    french = Locale.objects.get(language_code="fr")
    targets = []
    for paragraphs, number in ((3, 31), (30, 32)):
        module = module_with(demo.course, paragraphs, number=number)
        submit_for_translation(page=module, locales=[french], user=admin)
        target = Page.objects.get(translation_key=module.translation_key, locale=french)
        source = translation_for(target).source
        for segment in source.stringsegment_set.order_by("order")[::2]:  # half translated
            StringTranslation.objects.create(
                translation_of=segment.string, context=segment.context, locale=french,
                data=f"FR {segment.string.data}", translation_type="manual",
                last_translated_by=translator,
            )  # fmt: skip
        targets.append((target, source))
    client.force_login(admin)

    counts = []
    for target, source in targets:
        editor_props(client, target)  # warm caches (site root paths, content types)
        with CaptureQueriesContext(connection) as context:
            props = editor_props(client, target)
        counts.append(len(context))
        # The editor shows every segment with its source text, and every translation against the
        # right segment with who made it.
        segments = {segment.pk: segment for segment in source.stringsegment_set.all()}
        shown = {
            item["id"]: item["source"] for item in props["segments"] if item["type"] == "string"
        }
        assert shown == {pk: segment.string.data for pk, segment in segments.items()}
        translations = props["initialStringTranslations"]
        assert len(translations) == (len(segments) + 1) // 2
        for item in translations:
            segment = segments[item["segment_id"]]
            assert item["data"] == f"FR {segment.string.data}"
            assert item["last_translated_by"]["full_name"] == "Fleur Traductrice"
    assert counts[0] == counts[1], counts


def test_a_translator_overrides_an_image_and_the_editor_shows_it(as_user, demo):
    """Synchronised values (an image, a document, a video URL) can be overridden per locale."""
    from wagtail.images.models import Image

    target = Page.objects.get(
        translation_key=demo.module(1).translation_key, locale__language_code="pt-br"
    )
    translation = translation_for(target)
    segment = translation.source.overridablesegment_set.get(context__path__endswith=".image")
    other_image = Image.objects.exclude(pk=segment.data).first()
    client = as_user("traductora-pt-br")
    url = reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk])
    response = client.put(
        url, f"value={other_image.pk}", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 201, response.content
    assert response.json()["segment_id"] == segment.pk
    props = editor_props(client, target)
    assert {"segment_id": segment.pk, "data": str(other_image.pk), "error": None} in props[
        "initialOverrides"
    ]
    # What wagtail-localize (and anyone) may still write against these managers.
    assert translation.source.overridablesegment_set.only("id").get(pk=segment.pk) == segment
    assert translation.source.stringsegment_set.defer("attrs", "context").exists()


# --- the related-object (snippet) segment path, and both ways of the switch ---------------------


@pytest.fixture
def term_in_body(monkeypatch, demo):
    """Extraction (ours and the library's) also finds, in the first paragraph of a module's body,
    a chosen term of the termbase: a related-object segment, as a snippet chooser gives (no page
    type of the course has one yet). For module 2 and the pages added to ``term_in_body.pages``.
    Returns the term."""
    from wagtail_localize.segments import RelatedObjectSegmentValue
    from wagtail_localize.segments.extract import extract_segments

    from translations.models import Term

    term = Term.objects.filter(locale=Locale.get_default()).first()
    assert term is not None, "the demo's termbase has Spanish terms"
    term.pages = {demo.module(2).translation_key}

    def extract_with_term(instance):
        values = list(extract_segments(instance))
        if getattr(instance, "translation_key", None) not in term.pages:
            return values
        block_id = next(block.id for block in instance.body if block.block_type == "paragraph")
        related = RelatedObjectSegmentValue.from_instance("", term).wrap(block_id).wrap("body")
        return values + [related.with_order(len(values) + 1)]

    monkeypatch.setattr("wagtail_localize.models.extract_segments", extract_with_term)
    monkeypatch.setattr("translations.bulk_segments.extract_segments", extract_with_term)
    return term


def test_extraction_of_a_related_snippet_stores_what_wagtail_localize_would(demo, term_in_body):
    module = demo.module(2)
    source, _created = TranslationSource.get_or_create_from_instance(module)
    bulk_segments.refresh_segments(source)
    ours = rows(source)
    [segment] = source.relatedobjectsegment_set.select_related("object", "context")
    assert segment.object.translation_key == term_in_body.translation_key
    assert segment.context.field_path == "body.paragraph"
    library_refresh_segments(source)
    assert rows(source) == ours

    # Made by the library first, kept by ours (ids included).
    source.relatedobjectsegment_set.all().delete()
    library_refresh_segments(source)
    theirs = rows(source)
    bulk_segments.refresh_segments(source)
    assert rows(source) == theirs


@pytest.mark.parametrize("patches", [True, False], ids=["ours", "library"])
def test_submitting_a_page_with_a_related_snippet_translates_the_snippet(
    demo, user, term_in_body, patches, settings
):
    """wagtail-localize submits a page's related snippets with it: the term gets its French
    copy and its own translation, whichever way the segments are extracted."""
    from wagtail_localize.models import Translation

    from translations.models import Term

    settings.TRANSLATIONS_LOCALIZE_PATCHES = patches
    french = Locale.objects.get(language_code="fr")
    module = module_with(demo.course, 3, number=34)
    term_in_body.pages.add(module.translation_key)
    assert not Translation.objects.filter(
        source__object_id=term_in_body.translation_key, target_locale=french
    ).exists()
    submit_for_translation(page=module, locales=[french], user=user("administrador"))
    assert Translation.objects.filter(
        source__object_id=term_in_body.translation_key, target_locale=french
    ).exists()
    assert Term.objects.filter(translation_key=term_in_body.translation_key, locale=french).exists()
    source = TranslationSource.objects.get(object_id=module.translation_key)
    [segment] = source.relatedobjectsegment_set.select_related("object")
    assert segment.object.translation_key == term_in_body.translation_key


@requires_patches
def test_the_switch_turns_the_extraction_patch_off(demo, settings):
    """With TRANSLATIONS_LOCALIZE_PATCHES off, the library's own method runs (one query per
    row at least), with it on ours (a fixed number)."""
    module = module_with(demo.course, 12, number=33)
    source, _created = TranslationSource.get_or_create_from_instance(module)
    source.stringsegment_set.all().delete()
    ours = count_queries(source.refresh_segments)
    source.stringsegment_set.all().delete()
    settings.TRANSLATIONS_LOCALIZE_PATCHES = False
    theirs = count_queries(source.refresh_segments)
    assert ours < 30 < theirs, (ours, theirs)


@requires_patches
def test_the_editor_shows_the_same_both_ways(demo, user, client, settings):
    """The editor's data (segments, translations with their translator, overrides, QA comments)
    are the same with our data path and with the library's; ours in fewer queries."""
    target = Page.objects.get(
        translation_key=demo.module(1).translation_key, locale__language_code="pt-br"
    )
    client.force_login(user("administrador"))
    editor_props(client, target)  # warm caches

    def read():
        with CaptureQueriesContext(connection) as context:
            props = editor_props(client, target)
        return props, len(context)

    ours, our_count = read()
    settings.TRANSLATIONS_LOCALIZE_PATCHES = False
    theirs, their_count = read()
    assert ours["initialStringTranslations"], "module 1 is translated into pt-br in the demo"
    assert ours == theirs
    assert our_count < their_count, (our_count, their_count)
