"""One rule for the admin's language: the user's preference, else the browser's language among
es, pt-BR, fr and en, else Spanish; the same for every user and every admin page."""

import re

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from admin_language.languages import preferred_language, set_preferred_language

pytestmark = pytest.mark.django_db


def html_lang(response):
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


@pytest.fixture
def without_profile(user):
    """A demo user who never opened their account settings: no Wagtail profile yet."""

    def get(username):
        person = user(username)
        UserProfile.objects.filter(user=person).delete()
        return user(username)

    return get


@pytest.fixture
def with_profile(user):
    """A demo user with a profile and no language preference (they changed something else)."""

    def get(username):
        person = user(username)
        profile = UserProfile.get_for_user(person)
        profile.preferred_language = ""
        profile.save()
        return user(username)

    return get


def dashboard(client, person, accept_language):
    client.force_login(person)
    return client.get(reverse("wagtailadmin_home"), headers={"accept-language": accept_language})


def test_two_users_with_the_same_browser_get_the_same_language(client, without_profile,
                                                               with_profile):  # fmt: skip
    first = dashboard(client, without_profile("editora"), "pt-BR,pt;q=0.9")
    second = dashboard(client, with_profile("revisor"), "pt-BR,pt;q=0.9")
    assert html_lang(first) == html_lang(second) == "pt-br"
    assert "Painel" in first.content.decode() and "Painel" in second.content.decode()


@pytest.mark.parametrize(
    "accept_language, expected",
    [
        ("fr-FR,fr;q=0.9", "fr"),
        ("fr-CA", "fr"),
        ("pt-PT", "pt-br"),
        ("en-US,en;q=0.9", "en"),
        ("es-MX,es;q=0.9", "es"),  # a content language, not an admin language: Spanish
        ("de-DE,fr;q=0.8", "fr"),  # the first language the admin offers
        ("de-DE,it;q=0.8", "es"),  # none offered: Spanish
        ("", "es"),
    ],
)
def test_without_a_preference_the_browser_language_among_the_admin_languages(
    client, with_profile, accept_language, expected
):
    response = dashboard(client, with_profile("editora"), accept_language)
    assert html_lang(response) == expected
    assert response.headers["Content-Language"] == expected


def test_the_preference_wins_over_the_browser(client, with_profile):
    person = with_profile("editora")
    set_preferred_language(person, "fr")
    response = dashboard(client, person, "pt-BR")
    assert html_lang(response) == "fr"
    assert "Tableau de bord" in response.content.decode()
    catalog = client.get(reverse("wagtailadmin_javascript_catalog"),
                         headers={"accept-language": "pt-BR"})  # fmt: skip
    assert '"Cancel": "Annuler"' in catalog.content.decode()


def test_the_login_page_follows_the_browser(client):
    login = reverse("wagtailadmin_login")
    assert html_lang(client.get(login, headers={"accept-language": "pt-BR"})) == "pt-br"
    assert html_lang(client.get(login, headers={"accept-language": "es-MX"})) == "es"
    assert html_lang(client.get(login, headers={"accept-language": "de"})) == "es"


def test_account_settings_offer_the_four_admin_languages_and_say_what_no_choice_means(client, user):
    client.force_login(user("editora"))
    html = client.get(
        reverse("wagtailadmin_account"), headers={"accept-language": "es"}
    ).content.decode()
    select = re.search(r'name="locale-preferred_language".*?</select>', html, re.S).group(0)
    options = dict(re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select))
    assert set(options) - {""} == {"es", "pt-br", "fr", "en"}
    # Wagtail calls it "Use server language"; the admin then follows the browser.
    assert options[""] == "Idioma del navegador (si no está disponible: español)"


def test_demo_translators_work_in_their_locales_language_and_the_editorial_team_follows_the_browser(
    client, user
):
    expected = {"pt-br": "pt-br", "fr": "fr", "en": "en", "es-mx": "es"}
    for code, language in expected.items():
        for username in (f"traductora-{code}", f"revisora-{code}"):
            assert preferred_language(user(username)) == language, username
    for username in ("editora", "revisor", "publicadora", "administrador"):
        assert preferred_language(user(username)) is None, username

    response = dashboard(client, user("traductora-fr"), "es-ES,es;q=0.9")
    assert html_lang(response) == "fr"
