"""Past Wagtail and wagtail-localize advisories, reproduced against our own pages and roles, so
that they stay fixed. One section per advisory; each test names its advisory."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page

pytestmark = pytest.mark.django_db


# --- GHSA-jm5p-837g-rv8g: the translate permission let users copy what they could not edit ---
#
# A user with the permission to submit translations could create a translated copy (and so read
# it) of a page or snippet they had no right to edit. Here: someone who may submit translations
# and edit the resource library only, and the demo's editors, who have no termbase rights.


def _library_editor(django_user_model, demo):
    from tests.translations.helpers import library_editor

    return library_editor(django_user_model, demo.library)


def _placeholder_in_french(page):
    return Page.objects.get(translation_key=page.translation_key, locale__language_code="fr")


def _refused(response):
    return response.status_code in (400, 403, 404) or (
        response.status_code == 302 and "/login/" not in response["Location"]
    )


def test_ghsa_jm5p_837g_rv8g_no_translated_copy_of_a_page_without_edit_rights(
    client, demo, django_user_model
):
    """Through wagtail-localize's submission (the "Translate" action), our dashboard's form and
    Wagtail's admin API: the course's module 3 is not copied into French, and nothing of it is
    readable in the French tree."""
    client.force_login(_library_editor(django_user_model, demo))
    module = demo.module(3)
    french = _placeholder_in_french(module)
    assert french.alias_of_id, "a placeholder, not a translation"
    fr = french.locale

    attempts = [
        client.post(
            reverse("wagtail_localize:submit_page_translation", args=[module.pk]),
            {"locales": [fr.pk], "include_subtree": "on"},
        ),
        client.post(
            reverse("translations:dashboard"),
            {"page": module.pk, "locales": [fr.pk], "include_subtree": "on"},
            follow=True,
        ),
        client.post(
            f"/admin/api/main/pages/{module.pk}/action/copy_for_translation/",
            {"locale": "fr", "copy_parents": True, "include_subtree": True},
            content_type="application/json",
        ),
    ]
    assert all(_refused(r) or "permisos de edición" in r.content.decode() for r in attempts)
    assert Page.objects.get(pk=french.pk).alias_of_id == module.pk, "still the placeholder"
    assert not Page.objects.filter(translation_key=module.translation_key, locale=fr,
                                   alias_of__isnull=True).exists()  # fmt: skip
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[french.pk]))
    assert _refused(edit)


def test_ghsa_jm5p_837g_rv8g_a_page_they_edit_is_still_theirs_to_translate(
    client, demo, django_user_model
):
    client.force_login(_library_editor(django_user_model, demo))
    resource = demo.resources().first()
    french = _placeholder_in_french(resource)
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[resource.pk]),
        {"locales": [french.locale_id]},
    )
    assert Page.objects.get(pk=french.pk).alias_of_id is None, "translated"


@pytest.mark.parametrize("username", ["editora", "publicadora"])
def test_ghsa_jm5p_837g_rv8g_no_translated_copy_of_a_term_without_termbase_rights(
    as_user, username
):
    from translations.models import Term

    term = Term.objects.create(locale=Locale.get_default(), term="apatridia")
    fr = Locale.objects.get(language_code="fr")
    client = as_user(username)
    response = client.post(
        reverse(
            "wagtail_localize:submit_snippet_translation", args=["translations", "term", term.pk]
        ),  # fmt: skip
        {"locales": [fr.pk]},
    )
    assert _refused(response)
    assert not Term.objects.filter(translation_key=term.translation_key, locale=fr).exists()
