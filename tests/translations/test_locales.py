"""Adding a locale, and what a visitor sees in a locale that lacks a page's translation."""

import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
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


def add_locale_command(code):
    out = io.StringIO()
    call_command("translations", "add-locale", "--locale", code, stdout=out)
    return out.getvalue()


def test_add_locale_gives_it_the_source_tree_with_progress(demo, italian):
    source_pages = Page.objects.filter(locale__language_code="es", depth__gt=1).count()
    out = add_locale_command(italian)
    assert f"{source_pages}/{source_pages}" in out
    locale = Locale.objects.get(language_code=italian)
    placeholders = Page.objects.filter(locale=locale)
    assert placeholders.count() == source_pages
    assert not placeholders.filter(alias_of__isnull=True).exists(), "untranslated = placeholder"

    out = io.StringIO()
    call_command("translations", "sync-locale", "--locale", italian, stdout=out)
    assert "0 placeholder pages created" in out.getvalue()
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
    # With translations.compat's patches off, wagtail-localize's own receiver syncs the tree
    # inline first, and our job finds nothing left to copy (it still gives the roles).
    from translations import compat

    copied = source_pages if compat.originals else 0
    assert (job.status, job.done, job.total) == (TranslationJob.DONE, copied, copied)
    assert Page.objects.filter(locale=locale).count() == source_pages
    assert_locale_is_ready_for_work(locale)
    html = admin_client.get(reverse("translations:dashboard")).content.decode()
    assert "Locale tree sync" in html or "Sincronización" in html

    # Saving the locale again syncs its tree again, but leaves roles adjusted by hand alone.
    from django.contrib.auth.models import Group

    from editorial.roles import ADMINISTRATORS

    home = Page.objects.get(depth=2, locale=locale).specific
    task = home.get_workflow().tasks.get().specific
    task.groups.remove(Group.objects.get(name=ADMINISTRATORS))
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("wagtaillocales:edit", args=[locale.pk]),
            {"language_code": italian, f"{prefix}-enabled": "on",
             f"{prefix}-sync_from": Locale.get_default().pk},
        )  # fmt: skip
    assert TranslationJob.objects.filter(kind=TranslationJob.SYNC, status="done").count() == 2
    assert ADMINISTRATORS not in task.groups.values_list("name", flat=True)


def test_add_locale_refuses_an_unconfigured_language(demo):
    with pytest.raises(CommandError, match="'xx' is not a content language"):
        add_locale_command("xx")
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
    assert (
        'This page is not yet available in this language (<span lang="en">English</span>). '
        'It is shown in its original language: <span lang="es">Español</span>.'
    ) in html
    assert re.search(r'<h1 lang="es">', html), "the Spanish content is marked as Spanish"
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


def test_the_termbase_follows_the_pages_into_a_new_locale(demo, user, italian):
    """Submitting pages to a locale adds the Spanish terms it lacks, marked still to translate;
    QA ignores them until they are translated; a later submission keeps the locale's terms."""
    from wagtail_localize.models import StringTranslation

    from translations.checks import translation_for
    from translations.models import Term
    from translations.qa import findings_for, terms_by_locale
    from translations.services import add_locale, add_missing_terms, submit_for_translation

    admin = user("administrador")
    locale = add_locale(italian)
    spanish = Term.objects.filter(locale__language_code="es")
    submit_for_translation(page=demo.module(1), locales=[locale], user=admin)
    italian_terms = Term.objects.filter(locale=locale)
    assert italian_terms.count() == spanish.count() >= 15
    assert not italian_terms.filter(to_translate=False).exists()
    key = spanish.get(term="niñas, niños y adolescentes").translation_key
    term = italian_terms.get(translation_key=key)
    assert term.term == "niñas, niños y adolescentes", "it starts as the Spanish text"

    page = Page.objects.get(translation_key=demo.module(1).translation_key, locale=locale)
    translation = translation_for(page)
    segment = next(
        s for s in translation.source.stringsegment_set.all()
        if "niñas, niños y adolescentes" in s.string.data
    )  # fmt: skip
    StringTranslation.objects.create(
        translation_of=segment.string, context=segment.context, locale=locale,
        data="I diritti dei minori.", translation_type="manual",
    )  # fmt: skip
    assert not [f for f in findings_for(translation) if f.kind.startswith("term")]

    # An administrator translates it in the Termbase and clears the mark: QA applies it.
    client = Client()
    client.force_login(admin)
    url = reverse("wagtailsnippets_translations_term:edit", args=[term.pk])
    response = client.post(
        url, {"term": "bambini e adolescenti", "forbidden_variants": "minori", "note": term.note}
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    term.refresh_from_db()
    assert (term.term, term.to_translate) == ("bambini e adolescenti", False)
    assert {"term_missing", "term_forbidden"} <= {f.kind for f in findings_for(translation)}

    # A term kept as in Spanish on purpose is a rule too: only the mark says "not yet".
    apatridia = italian_terms.get(translation_key=spanish.get(term="apatridia").translation_key)
    Term.objects.filter(pk=apatridia.pk).update(to_translate=False)
    rules = {rule[0] for rule in terms_by_locale([locale.pk], Locale.get_default())[locale.pk]}
    assert {"apatridia", "niñas, niños y adolescentes"} <= rules
    assert "niñez migrante" not in rules, "still to translate"

    submit_for_translation(page=demo.module(2), locales=[locale], user=admin)
    assert Term.objects.get(pk=term.pk).term == "bambini e adolescenti"
    assert add_missing_terms([locale]) == 0
    assert Term.objects.filter(locale=locale).count() == spanish.count()
