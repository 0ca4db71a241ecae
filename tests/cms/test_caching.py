"""Cache headers, the application page cache, and what each change purges (cms/caching.py,
cms/frontend_cache.py), through the Django test client on the demo course."""

from urllib.parse import urlsplit

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import Page, PageViewRestriction

from cms.caching import PageCacheMiddleware
from course_content.models import ModuleRelatedResource

pytestmark = pytest.mark.django_db

PURGED = []


class RecordingBackend(BaseBackend):
    """A front cache that records what it is asked to purge."""

    def purge(self, url):
        PURGED.append(url)


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.FRONT_CACHE_SECONDS = 3600


@pytest.fixture
def purged(settings, django_capture_on_commit_callbacks):
    """The paths (``/es/…``) the next change purges from the front cache, as one batch."""
    settings.WAGTAILFRONTENDCACHE = {"recorder": {"BACKEND": f"{__name__}.RecordingBackend"}}
    PURGED.clear()

    class Capture:
        def __enter__(self):
            self.callbacks = django_capture_on_commit_callbacks(execute=True)
            self.callbacks.__enter__()
            return self

        def __exit__(self, *exc):
            self.callbacks.__exit__(*exc)
            self.paths = {urlsplit(url).path for url in PURGED}
            PURGED.clear()

    return Capture


def paths(*pages):
    return {page.get_url() for page in pages}


def all_locales(page):
    """The page's live versions (translations and placeholders) in every locale."""
    return list(Page.objects.filter(translation_key=page.translation_key).live())


def cache_control(response):
    parts = {part.strip() for part in response.get("Cache-Control", "").split(",") if part}
    if "private" in parts:
        assert not {part for part in parts if part.startswith(("public", "s-maxage"))}, parts
    return parts


# --- headers --------------------------------------------------------------------------------


def test_a_public_page_is_kept_by_a_front_cache_and_checked_again_by_browsers(client, demo):
    response = client.get(demo.module(1).url)
    assert response.status_code == 200
    assert {"public", "max-age=0", "s-maxage=3600"} <= cache_control(response)
    assert "Cookie" in response["Vary"]


@pytest.mark.parametrize("username", ["editora", None])
def test_a_signed_in_visitors_page_is_never_kept(client, demo, user, learner, username):
    client.force_login(user(username) if username else learner)
    response = client.get(demo.module(1).url)
    assert response.status_code == 200
    assert {"private", "no-store"} <= cache_control(response)
    assert not any(part.startswith("s-maxage") for part in cache_control(response))


def test_a_learners_page_is_never_kept(learner_client):
    response = learner_client.get(reverse("learning:account"))
    assert response.status_code == 200
    assert {"private", "no-store"} <= cache_control(response)


def test_a_restricted_page_is_never_kept(client, demo, learner):
    module = demo.module(3)
    PageViewRestriction.objects.create(page=module, restriction_type=PageViewRestriction.LOGIN)
    anonymous = client.get(module.url)
    assert anonymous.status_code == 302
    assert "no-store" in cache_control(anonymous)
    assert "s-maxage=3600" not in cache_control(anonymous)
    client.force_login(learner)
    signed_in = client.get(module.url)
    assert signed_in.status_code == 200
    assert {"private", "no-store"} <= cache_control(signed_in)


def test_a_page_with_a_form_is_never_kept(client):
    response = client.get(reverse("learning:login"))
    assert response.status_code == 200
    assert b"csrfmiddlewaretoken" in response.content
    assert {"private", "no-store"} <= cache_control(response)


def test_a_response_that_sets_a_cookie_is_never_kept(demo):
    from django.http import HttpResponse

    def view(request):
        request._serving_page = demo.home
        response = HttpResponse("hola")
        response.set_cookie("elegido", "1")
        return response

    request = RequestFactory().get("/es/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    response = PageCacheMiddleware(view)(request)
    assert {"private", "no-store"} <= cache_control(response)


def test_a_preview_and_the_admin_are_never_kept(admin_client, demo):
    module = demo.module(1)
    preview = admin_client.get(f"/admin/pages/{module.pk}/edit/preview/")
    assert preview.status_code == 200
    assert {"private", "no-store"} <= cache_control(preview)
    assert "no-store" in cache_control(admin_client.get("/admin/"))


# --- the application page cache --------------------------------------------------------------


def test_a_second_visit_is_served_from_the_page_cache_without_a_query(
    client, demo, page_cache, django_assert_num_queries
):
    url = demo.module(1).url
    first = client.get(url)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert {"public", "s-maxage=3600"} <= cache_control(second)
    assert "sessionid" not in second.cookies


def test_each_language_has_its_own_entry_and_accept_language_changes_nothing(
    client, demo, page_cache
):
    home_en = Page.objects.get(depth=2, locale__language_code="en")
    spanish = client.get(demo.home.url, HTTP_ACCEPT_LANGUAGE="en")
    english = client.get(home_en.url, HTTP_ACCEPT_LANGUAGE="es")
    assert english["X-Page-Cache"] == "miss"
    assert 'lang="es"' in spanish.content.decode()
    assert 'lang="en"' in english.content.decode()
    again = client.get(demo.home.url, HTTP_ACCEPT_LANGUAGE="fr")
    assert again["X-Page-Cache"] == "hit"
    assert again.content == spanish.content


def test_a_signed_in_visitor_never_gets_a_stored_page(client, demo, page_cache, learner):
    url = demo.module(2).url
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    client.force_login(learner)
    response = client.get(url)
    assert "X-Page-Cache" not in response
    assert reverse("learning:logout") in response.content.decode()


def test_a_visitor_without_a_session_gets_no_session_from_the_cache(client, demo, page_cache):
    from django.contrib.sessions.models import Session

    before = Session.objects.count()
    for _ in range(2):
        response = client.get(demo.module(1).url)
        assert "sessionid" not in response.cookies
    assert Session.objects.count() == before


def test_query_strings_are_stored_apart_and_purged_with_their_page(
    client, demo, page_cache, purged
):
    url = demo.library.url
    videos = client.get(url + "?type=video")
    everything = client.get(url)
    assert client.get(url + "?type=video")["X-Page-Cache"] == "hit"
    assert videos.content != everything.content
    resource = demo.resources(resource_type="video").first()
    with purged():
        resource.save_revision().publish()
    assert client.get(url + "?type=video")["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "miss"


# --- what each change purges -----------------------------------------------------------------


def module_and_neighbours(module):
    """Each locale's version of ``module``, its course, home page and sibling modules."""
    expected = set()
    for version in all_locales(module):
        course = version.get_parent()
        expected |= paths(version, course, course.get_parent())
        expected |= paths(*Page.objects.child_of(course).live().type(type(module.specific)))
    return expected


def test_publishing_a_module_purges_it_its_listings_and_what_shows_it_in_every_locale(
    client, demo, page_cache, purged
):
    module = demo.module(1)
    client.get(module.url)
    assert client.get(module.url)["X-Page-Cache"] == "hit"
    resource = module.related_resources.first().resource
    module.title = "Módulo 1 renovado"
    with purged() as change:
        module.save_revision().publish()
    expected = module_and_neighbours(module) | paths(*all_locales(resource))
    assert expected <= change.paths
    # every locale: en, pt-br and es-mx have their own module 1, fr its placeholder
    assert {path.split("/")[1] for path in change.paths} >= {"es", "en", "pt-br", "es-mx"}
    # nothing unrelated: the library, another module's country units, an unrelated resource
    assert demo.library.url not in change.paths
    assert demo.unit("MX").url not in change.paths
    unrelated = (
        demo.resources()
        .exclude(related_modules=module)
        .exclude(
            translation_key__in=[r.resource.translation_key for r in module.related_resources.all()]
        )
    )
    assert unrelated.first().url not in change.paths
    # the title changed: the pages under the module show it in their breadcrumbs
    assert demo.evaluation(1).url in change.paths
    fresh = client.get(module.url)
    assert fresh["X-Page-Cache"] == "miss"
    assert "Módulo 1 renovado" in fresh.content.decode()


def test_publishing_without_a_new_title_leaves_the_pages_under_it_alone(demo, purged):
    module = demo.module(2)
    module.summary = "Otro resumen."
    with purged() as change:
        module.save_revision().publish()
    assert module.url in change.paths
    assert demo.evaluation(2).url not in change.paths


def test_unpublishing_purges_the_page_and_its_listings(admin_client, client, demo, purged):
    unit = demo.unit("MX")
    module = unit.get_parent()
    with purged() as change:
        response = admin_client.post(f"/admin/pages/{unit.pk}/unpublish/")
    assert response.status_code == 302
    siblings = Page.objects.child_of(module).type(type(unit))
    assert paths(unit, module, module.get_parent(), *siblings) <= change.paths
    assert demo.home.url not in change.paths  # the home page lists no country unit
    assert client.get(unit.url).status_code == 404


def test_moving_purges_the_old_and_new_addresses_and_both_listings(admin_client, demo, purged):
    resource = demo.resources().first()
    old_url = resource.url
    other_module = demo.module(4)
    evaluation = demo.evaluation(4)
    # A resource cannot go under a module: move an evaluation under another module instead.
    target = demo.module(6)
    old_child = demo.evaluation(6)
    old_child.delete()
    with purged() as change:
        response = admin_client.post(
            f"/admin/pages/{evaluation.pk}/move/{target.pk}/confirm/", {"move": "Mover"}
        )
    assert response.status_code == 302
    evaluation.refresh_from_db()
    assert evaluation.get_parent().pk == target.pk
    assert "/modulo-4" not in evaluation.url
    assert {f"{other_module.url}{evaluation.slug}/", evaluation.url} <= change.paths
    assert paths(other_module, target) <= change.paths
    assert old_url not in change.paths


def test_deleting_purges_the_page_and_everything_under_it(admin_client, demo, purged):
    module = demo.module(5)
    units = list(Page.objects.descendant_of(module).live())
    with purged() as change:
        response = admin_client.post(f"/admin/pages/{module.pk}/delete/")
    assert response.status_code == 302
    assert not Page.objects.filter(pk=module.pk).exists()
    assert paths(*units) <= change.paths
    assert {module.url, demo.course.url, demo.home.url} <= change.paths | {module.url}
    assert demo.library.url not in change.paths


def test_approving_a_translation_purges_every_locale_of_the_page(demo, superuser, purged):
    from wagtail.models import Locale
    from wagtail_localize.models import Translation

    from translations import services

    module = demo.module(1)
    translation = Translation.objects.get(
        source__object_id=module.translation_key,
        target_locale=Locale.objects.get(language_code="fr"),
    )
    with purged() as change:
        french = services.publish_translation(translation=translation, user=superuser)
    assert french.live and french.url in change.paths
    assert module.url in change.paths  # its language links now name French
    assert french.get_parent().url in change.paths


def test_a_view_restriction_purges_the_page_its_translations_and_their_subtrees(
    admin_client, client, demo, page_cache, purged
):
    module = demo.module(1)
    unit_pages = Page.objects.descendant_of(module).live()
    client.get(module.url)
    with purged() as change:
        response = admin_client.post(
            f"/admin/pages/{module.pk}/privacy/", {"restriction_type": "login"}
        )
    assert response.status_code == 200
    assert PageViewRestriction.objects.filter(page=module).exists()
    assert paths(*all_locales(module), *unit_pages) <= change.paths
    for version in all_locales(module):
        assert paths(*Page.objects.descendant_of(version).live()) <= change.paths
    assert Client().get(module.url).status_code == 302


def test_a_document_purges_the_pages_that_show_it(demo, purged):
    resource = demo.resources(resource_type="document").exclude(document=None).first()
    with purged() as change:
        resource.document.title = "Guía renovada"
        resource.document.save()
    modules = [item.module for item in ModuleRelatedResource.objects.filter(resource=resource)]
    assert paths(*all_locales(resource), *modules) <= change.paths
    assert demo.library.url not in change.paths  # a resource's document is not in the listing


def test_a_new_slug_purges_the_old_addresses_of_the_page_and_everything_under_it(demo, purged):
    module = demo.module(2)
    evaluation = demo.evaluation(2)
    old = paths(module, evaluation)
    module.slug = "modulo-dos-nuevo"
    with purged() as change:
        module.save_revision().publish()
    evaluation.refresh_from_db()
    assert "modulo-dos-nuevo" in evaluation.get_url()
    assert old <= change.paths
    assert paths(module, evaluation) <= change.paths
