"""Adding a locale, and what a visitor sees in a locale that lacks a page's translation."""

import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Locale, Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def italian(settings):
    """A content language configured in settings but not yet added as a locale."""
    from wagtail.coreutils import get_content_languages, get_supported_content_language_variant

    settings.LANGUAGES = [*settings.LANGUAGES, ("it", "Italiano")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    get_content_languages.cache_clear()
    get_supported_content_language_variant.cache_clear()
    yield "it"
    get_content_languages.cache_clear()
    get_supported_content_language_variant.cache_clear()


def add_locale(code):
    out = io.StringIO()
    call_command("translations", "add-locale", "--locale", code, stdout=out)
    return out.getvalue()


def test_add_locale_gives_it_the_source_tree_with_progress(demo, italian):
    source_pages = Page.objects.filter(locale__language_code="es", depth__gt=1).count()
    out = add_locale(italian)
    assert f"{source_pages}/{source_pages}" in out
    locale = Locale.objects.get(language_code=italian)
    placeholders = Page.objects.filter(locale=locale)
    assert placeholders.count() == source_pages
    assert not placeholders.filter(alias_of__isnull=True).exists(), "untranslated = placeholder"

    out = io.StringIO()
    call_command("translations", "sync-locale", "--locale", italian, stdout=out)
    assert "0 placeholder page(s) created" in out.getvalue()
    assert Page.objects.filter(locale=locale).count() == source_pages
    assert_locale_is_ready_for_work(locale)


def assert_locale_is_ready_for_work(locale):
    """Its translators and reviewers groups, and its review workflow on its tree."""
    from django.contrib.auth.models import Group

    from translations.roles import reviewer_group_name, translator_group_name, workflow_name

    code = locale.language_code
    homes = Page.objects.filter(depth=2, locale=locale)
    assert homes.exists()
    for home in homes:
        for name in (translator_group_name(code), reviewer_group_name(code)):
            assert Group.objects.get(name=name).page_permissions.filter(page=home).exists(), name
        workflow = home.specific.get_workflow()
        assert workflow is not None and workflow.name == workflow_name(code)
        reviewers = workflow.tasks.get().specific.groups.values_list("name", flat=True)
        assert reviewer_group_name(code) in reviewers


def test_a_locale_added_in_the_admin_syncs_in_the_background(
    admin_client, demo, italian, django_capture_on_commit_callbacks
):
    """Settings → Locales → Add, following Spanish: a background job gives it the tree (with
    progress on the Translations dashboard) and its roles."""
    from translations.models import TranslationJob

    prefix = "component-wagtail_localize_localesynchronization"
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtaillocales:add"),
            {"language_code": italian, f"{prefix}-enabled": "on",
             f"{prefix}-sync_from": Locale.get_default().pk},
        )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[-3000:]
    locale = Locale.objects.get(language_code=italian)
    job = TranslationJob.objects.get(kind=TranslationJob.SYNC)
    assert list(job.locales.all()) == [locale]
    source_pages = Page.objects.filter(locale__language_code="es", depth__gt=1).count()
    assert (job.status, job.done, job.total) == (TranslationJob.DONE, source_pages, source_pages)
    assert Page.objects.filter(locale=locale).count() == source_pages
    assert_locale_is_ready_for_work(locale)
    html = admin_client.get(reverse("translations:dashboard")).content.decode()
    assert "Locale tree sync" in html or "Sincronización" in html

    # Saving the locale again syncs its tree again, but leaves roles adjusted by hand alone.
    from django.contrib.auth.models import Group

    home = Page.objects.get(depth=2, locale=locale).specific
    task = home.get_workflow().tasks.get().specific
    task.groups.remove(Group.objects.get(name="Administrators"))
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("wagtaillocales:edit", args=[locale.pk]),
            {"language_code": italian, f"{prefix}-enabled": "on",
             f"{prefix}-sync_from": Locale.get_default().pk},
        )  # fmt: skip
    assert TranslationJob.objects.filter(kind=TranslationJob.SYNC, status="done").count() == 2
    assert "Administrators" not in task.groups.values_list("name", flat=True)


def test_add_locale_refuses_an_unconfigured_language(demo):
    with pytest.raises(CommandError, match="'xx' is not a content language"):
        add_locale("xx")
    assert not Locale.objects.filter(language_code="xx").exists()
    with pytest.raises(CommandError, match="No locale 'de'"):
        call_command("translations", "sync-locale", "--locale", "de", stdout=io.StringIO())


@pytest.mark.parametrize("with_locale", [True, False])
def test_untranslated_pages_fall_back_to_spanish_with_a_notice(client, demo, with_locale):
    if not with_locale:  # a configured language whose locale was never added
        from translations.models import Term

        Term.objects.filter(locale__language_code="en").delete()
        Page.objects.filter(locale__language_code="en").delete()
        Locale.objects.filter(language_code="en").delete()
    module = demo.module(4)
    response = client.get(module.url.replace("/es/", "/en/", 1))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "This page is not yet available in English; showing the Spanish version." in html
    assert '<div lang="es">' in html, "the Spanish content is marked as Spanish"
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
    assert canonical.endswith(module.url)
    assert 'hreflang="en"' not in html, "a placeholder is never announced as a translation"


def test_the_source_language_shows_no_notice(client, demo):
    html = client.get(demo.module(4).url).content.decode()
    assert "not yet available" not in html and "fallback-notice" not in html


def test_page_index_matches_wagtail_localize_in_two_queries(demo, django_assert_num_queries):
    """Our page index (used to sync a locale's tree) is wagtail-localize's, read in bulk."""
    from wagtail_localize.synctree import PageIndex

    from translations.services import page_index

    def entries(index):
        return sorted(
            (
                entry.content_type.pk,
                str(entry.translation_key),
                entry.source_locale.pk,
                str(entry.parent_translation_key),
                sorted(entry.locales),
                sorted(entry.aliased_locales),
            )
            for entry in index
        )

    with django_assert_num_queries(2):
        ours = entries(page_index())
    assert len(ours) > 90  # the Spanish tree and the translated pages of the demo
    assert ours == entries(PageIndex.from_database())
