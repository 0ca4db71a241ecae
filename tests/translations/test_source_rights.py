"""wagtail-localize's submission, sync and editor views are guarded by the rights on the object
they act on (the source to submit or sync it, the target to work on it), by guards that wrap
the views themselves: a renamed or moved URL keeps its guard, and a view nobody reviewed is for
superusers only. Tried as each demo role would, over HTTP."""

import pytest
from django.test import override_settings
from django.urls import URLPattern, include, path, resolve, reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from tests.translations.helpers import library_editor
from translations.checks import translation_for
from translations.models import Term

pytestmark = pytest.mark.django_db


def refused(response):
    return response.status_code in (403, 404) or (
        response.status_code == 302 and "/login/" not in response["Location"]
    )


@pytest.fixture
def new_term(db):
    """A Spanish term that no other locale has yet."""
    return Term.objects.create(locale=Locale.get_default(), term="trata de personas")


def submit_term(client, term, locale):
    url = reverse("wagtail_localize:submit_snippet_translation",
                  args=["translations", "term", term.pk])  # fmt: skip
    return client.post(url, {"locales": [locale.pk]})


def term_in(term, code):
    return Term.objects.filter(translation_key=term.translation_key, locale__language_code=code)


@pytest.mark.parametrize("username", ["editora", "publicadora", "traductora-fr", "revisora-fr"])
def test_termbase_translations_need_the_termbase_rights(as_user, new_term, username):
    """Editors and publishers may submit pages for translation, not terms: the termbase is the
    Administrators' (GHSA-jm5p-837g-rv8g's pattern, through the snippet submission URL)."""
    response = submit_term(as_user(username), new_term, Locale.objects.get(language_code="fr"))
    assert refused(response)
    assert not term_in(new_term, "fr").exists()


def test_administrators_translate_terms(as_user, new_term):
    submit_term(as_user("administrador"), new_term, Locale.objects.get(language_code="fr"))
    assert term_in(new_term, "fr").exists()


def test_syncing_a_term_needs_the_termbase_rights(as_user, new_term):
    fr = Locale.objects.get(language_code="fr")
    submit_term(as_user("administrador"), new_term, fr)
    source = TranslationSource.objects.get(object_id=new_term.translation_key)
    Term.objects.filter(pk=new_term.pk).update(term="trata y tráfico de personas")
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    response = as_user("editora").post(url, {"publish_translations": "on"})
    assert refused(response)
    assert term_in(new_term, "fr").get().term == "trata de personas"


def test_syncing_a_page_cannot_publish_translations_the_user_may_not_publish(
    as_user, demo, in_locale
):
    """An editor may sync the translations of the pages they edit, but publishing them all at
    once would skip every language's reviewer."""
    module = demo.module(1)
    source = TranslationSource.objects.get(object_id=module.translation_key, locale=module.locale)
    lives = {code: in_locale(module, code).live_revision_id for code in ("pt-br", "en", "fr")}
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    response = as_user("editora").post(url, {"publish_translations": "on"}, follow=True)
    assert "No puedes publicar todas las traducciones" in response.content.decode()
    assert {code: in_locale(module, code).live_revision_id for code in lives} == lives

    # Without publishing, the sync itself is theirs to do (rights on the source).
    response = as_user("editora").post(url, {})
    assert response.status_code == 302 and response["Location"] != reverse("wagtailadmin_home")


def test_the_editors_snippet_listing_needs_rights_on_the_model(as_user):
    url = reverse("wagtail_localize:snippets_api_listing", args=["translations", "term"])
    response = as_user("traductora-pt-br").get(url)
    assert refused(response)
    assert "trata" not in response.content.decode() and "niñez" not in response.content.decode()
    assert as_user("administrador").get(url).status_code == 200


def test_the_translations_report_lists_only_what_the_user_may_see(as_user, demo, in_locale):
    module_pt, module_fr = in_locale(demo.module(1), "pt-br"), in_locale(demo.module(1), "fr")
    url = reverse("wagtail_localize:translations_report_results")
    html = as_user("traductora-fr").get(url).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[module_fr.pk]) in html
    assert reverse("wagtailadmin_pages:edit", args=[module_pt.pk]) not in html
    html = as_user("editora").get(url).content.decode()  # the sources are theirs
    assert reverse("wagtailadmin_pages:edit", args=[module_pt.pk]) in html


@pytest.mark.parametrize(
    "endpoint",
    ["download_pofile", "upload_pofile", "preview_translation", "stop_translation",
     "machine_translate"],
)  # fmt: skip
def test_another_locales_translator_cannot_work_on_a_translation(
    as_user, demo, in_locale, endpoint
):
    translation = translation_for(in_locale(demo.module(1), "pt-br"))
    url = reverse(f"wagtail_localize:{endpoint}", args=[translation.pk])
    client = as_user("traductora-fr")
    response = client.post(url) if endpoint != "download_pofile" else client.get(url)
    assert refused(response)
    assert Translation.objects.get(pk=translation.pk).enabled


def test_converting_a_translation_back_to_an_alias_needs_rights_on_it(as_user, demo, in_locale):
    page = in_locale(demo.module(1), "pt-br")
    url = reverse("wagtail_localize:convert_to_alias", args=[page.pk])
    assert refused(as_user("traductora-fr").post(url))
    assert refused(as_user("editora").post(url))
    assert Page.objects.get(pk=page.pk).alias_of_id is None


def test_restarting_a_stopped_translation_needs_rights_on_it(as_user, demo, in_locale):
    """wagtail-localize restarts a translation from the page editor (a hook in Wagtail's edit
    view, which checks edit rights on the page first)."""
    page = in_locale(demo.module(1), "pt-br")
    translation = translation_for(page)
    Translation.objects.filter(pk=translation.pk).update(enabled=False)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = as_user("traductora-fr").post(url, {"localize-restart-translation": "on"})
    assert refused(response)
    assert not Translation.objects.get(pk=translation.pk).enabled
    as_user("traductora-pt-br").post(url, {"localize-restart-translation": "on"})
    assert Translation.objects.get(pk=translation.pk).enabled


# --- the guards wrap the views, not the URL names ----------------------------------------------


def library_patterns():
    from wagtail_localize import wagtail_hooks

    (resolver,) = wagtail_hooks.register_admin_urls()
    return resolver.url_patterns


def sample_path(pattern):
    """A path that ``pattern`` matches, its converters filled with sample values."""
    route = str(pattern.pattern)
    samples = {"int": "1", "str": "preview", "slug": "translations"}
    for name, converter in pattern.pattern.converters.items():
        kind = {"IntConverter": "int", "SlugConverter": "slug"}.get(type(converter).__name__, "str")
        route = route.replace(f"<{kind}:{name}>", samples[kind])
    return route


def test_every_route_of_wagtail_localize_reaches_a_guarded_view():
    for pattern in library_patterns():
        match = resolve(f"/admin/localize/{sample_path(pattern)}")
        assert getattr(match.func, "translation_guard", None), pattern


class RenamedURLs:
    urlpatterns = None


def test_a_renamed_and_moved_url_keeps_its_guard(client, demo, django_user_model, monkeypatch):
    """A newer wagtail-localize that names and places its URLs otherwise: the admin is built
    as Wagtail builds it (our hooks, then the library's), and someone who may submit pages but
    not edit module 3 still cannot submit it."""
    from wagtail import hooks
    from wagtail_localize import wagtail_hooks as library

    original = library_patterns()

    def renamed():
        patterns = [
            URLPattern(p.pattern, p.callback, p.default_args, f"renamed_{p.name}") for p in original
        ]
        return [path("localise/", include((patterns, "wagtail_localize"), namespace="localise"))]

    monkeypatch.setattr(library, "register_admin_urls", renamed)
    ours = [
        url
        for hook in hooks.get_hooks("register_admin_urls")
        if hook.__module__ == "translations.wagtail_hooks"
        for url in hook()
    ]
    from wagtail.admin import urls as wagtailadmin_urls

    RenamedURLs.urlpatterns = [
        path("admin/", include([*ours, *renamed()])),
        path("wagtail-admin/", include(wagtailadmin_urls)),  # the rest of the admin
    ]
    module = demo.module(3)
    french = Page.objects.get(translation_key=module.translation_key, locale__language_code="fr")
    assert french.alias_of_id, "a placeholder: not translated yet"
    client.force_login(library_editor(django_user_model, demo.library))
    with override_settings(ROOT_URLCONF=RenamedURLs):
        url = reverse("localise:renamed_submit_page_translation", args=[module.pk])
        assert url.startswith("/admin/localise/")
        response = client.post(url, {"locales": [french.locale_id]})
    assert refused(response)
    assert Page.objects.get(pk=french.pk).alias_of_id, "still a placeholder"


def test_a_view_nobody_reviewed_is_for_superusers_only(rf, user, superuser):
    from django.http import HttpResponse

    from translations.localize_urls import guarded_urlpatterns

    def new_library_view(request):
        return HttpResponse("done")

    (pattern,) = guarded_urlpatterns([path("new/", new_library_view, name="new")])
    request = rf.get("/admin/localize/new/")
    request.user = user("administrador")
    request._messages = _messages(request)
    assert pattern.callback(request).status_code == 302
    request.user = superuser
    assert pattern.callback(request).content == b"done"


def _messages(request):
    from django.contrib.messages.storage.fallback import FallbackStorage

    request.session = {}
    return FallbackStorage(request)
