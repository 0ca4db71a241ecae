"""Sign-in throttling, tried as an attacker would: many wrong passwords for one user from one or
several addresses, many users from one address; and what the real user and an administrator see.

Limits (cms/settings/base.py): 5 failures for one user from one address, 20 for one user from any
address, 50 for one address; a lockout lasts AXES_COOLOFF_TIME after the last counted failure.
"""

import datetime
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
# The documented limits (read from the settings where they exist).
LIMITS = getattr(settings, "LOGIN_FAILURE_LIMITS", None) or {
    ("username", "ip_address"): 5,
    ("username",): 20,
    ("ip_address",): 50,
}
PAIR_LIMIT = LIMITS[("username", "ip_address")]
USER_LIMIT = LIMITS[("username",)]
ADDRESS_LIMIT = LIMITS[("ip_address",)]

LOCKOUT_MESSAGES = {
    "es": "Demasiados intentos fallidos de inicio de sesión",
    "pt-BR": "Muitas tentativas de login sem sucesso",
    "fr": "Trop de tentatives de connexion échouées",
    "en": "Too many failed sign-in attempts",
}


def attempts():
    """django-axes' counted failures (imported here: collecting this module needs no axes)."""
    from axes.models import AccessAttempt

    return AccessAttempt.objects


def sign_in(client, username, password, address="198.51.100.7", language="es"):
    return client.post(
        LOGIN,
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE=language,
    )


def signed_in(response):
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def fail(client, username, times, address, language="es"):
    responses = [
        sign_in(client, username, "not-the-password", address, language) for _ in range(times)
    ]
    return responses[-1]


def test_five_wrong_passwords_lock_the_user_at_that_address_even_with_the_right_one(client):
    for attempt in range(1, PAIR_LIMIT):
        response = sign_in(client, "editora", f"guess-{attempt}")
        assert response.status_code == 200, "a plain wrong password before the limit"
    locked = sign_in(client, "editora", "guess-last")
    assert locked.status_code == 429
    assert LOCKOUT_MESSAGES["es"] in locked.content.decode()
    assert 'name="username"' in locked.content.decode(), "the sign-in page, with the message"

    right = sign_in(client, "editora", "demo-editora")
    assert right.status_code == 429 and not signed_in(right)
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("language", ["es", "pt-BR", "fr", "en"])
def test_the_lockout_message_is_in_the_visitors_language(client, language):
    response = fail(client, "revisor", PAIR_LIMIT, "198.51.100.8", language)
    assert response.status_code == 429
    text = response.content.decode()
    assert LOCKOUT_MESSAGES[language] in text
    others = [message for code, message in LOCKOUT_MESSAGES.items() if code != language]
    assert not any(message in text for message in others)


def test_a_lockout_at_one_address_leaves_the_user_free_at_another(client):
    fail(client, "editora", PAIR_LIMIT, "198.51.100.9")
    assert sign_in(client, "editora", "demo-editora", "198.51.100.9").status_code == 429
    assert signed_in(sign_in(client, "editora", "demo-editora", "203.0.113.10"))


def test_one_user_guessed_from_many_addresses_is_locked_everywhere_new(client):
    """A botnet: a few guesses per address, each under the per-address limit."""
    addresses = [f"192.0.2.{n}" for n in range(1, USER_LIMIT + 1)]
    per_address = PAIR_LIMIT - 1
    tried = 0
    for address in addresses:
        for _ in range(per_address):
            if tried == USER_LIMIT:
                break
            response = sign_in(client, "publicadora", "not-the-password", address)
            tried += 1
    assert response.status_code == 429
    # The right password from yet another address is refused too.
    assert sign_in(client, "publicadora", "demo-publicadora", "192.0.2.200").status_code == 429


def test_the_attack_on_one_user_does_not_lock_them_out_of_their_usual_address(client):
    usual = "203.0.113.50"
    assert signed_in(sign_in(client, "publicadora", "demo-publicadora", usual))
    client.logout()
    for n in range(USER_LIMIT + 5):
        sign_in(client, "publicadora", "not-the-password", f"192.0.2.{n % 200 + 1}")
    assert sign_in(client, "publicadora", "demo-publicadora", "192.0.2.250").status_code == 429
    assert signed_in(sign_in(client, "publicadora", "demo-publicadora", usual))


def test_many_users_tried_from_one_address_lock_that_address(client, django_user_model):
    attacker = "198.51.100.66"
    for n in range(ADDRESS_LIMIT):
        response = sign_in(client, f"guess-user-{n}", "not-the-password", attacker)
    assert response.status_code == 429
    # A real user who never signed in from there is refused there, and free elsewhere.
    assert sign_in(client, "revisor", "demo-revisor", attacker).status_code == 429
    assert signed_in(sign_in(client, "revisor", "demo-revisor", "203.0.113.77"))


def test_colleagues_behind_one_nat_address_keep_signing_in(client):
    """An office behind one address: those who signed in there before are not locked out by
    someone else's failures at that address."""
    office = "198.51.100.80"
    assert signed_in(sign_in(client, "administrador", "demo-administrador", office))
    client.logout()
    for n in range(ADDRESS_LIMIT + 3):
        sign_in(client, f"someone-{n}", "not-the-password", office)
    assert sign_in(client, "editora", "demo-editora", office).status_code == 429
    assert signed_in(sign_in(client, "administrador", "demo-administrador", office))


def test_the_lockout_ends_after_the_cool_off_and_failures_meanwhile_do_not_extend_it(client):
    address = "198.51.100.90"
    fail(client, "editora", PAIR_LIMIT, address)
    # More guesses during the lockout are refused and not counted.
    fail(client, "editora", 10, address)
    assert attempts().get(username="editora", ip_address=address).failures_since_start
    assert attempts().get(username="editora", ip_address=address).failures_since_start == PAIR_LIMIT
    assert sign_in(client, "editora", "demo-editora", address).status_code == 429
    # The cool-off passes (the last counted failure is older than it).
    attempts().filter(username="editora").update(
        attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - datetime.timedelta(seconds=1)
    )
    assert signed_in(sign_in(client, "editora", "demo-editora", address))


def test_a_successful_sign_in_clears_only_that_users_failures_at_that_address(client):
    """Someone with an account cannot reset an address's counter between guesses at others."""
    address = "198.51.100.95"
    fail(client, "revisor", PAIR_LIMIT - 1, address)
    fail(client, "editora", 2, address)
    assert signed_in(sign_in(client, "editora", "demo-editora", address))
    assert not attempts().filter(username="editora").exists()
    assert attempts().get(username="revisor").failures_since_start == PAIR_LIMIT - 1
    client.logout()
    assert sign_in(client, "revisor", "another-guess", address).status_code == 429


def test_administrators_see_and_clear_a_lockout_in_the_admin(client, as_user):
    address = "198.51.100.120"
    fail(client, "editora", PAIR_LIMIT, address)
    attempt = attempts().get(username="editora", ip_address=address)

    admin = as_user("administrador")
    listing = admin.get("/admin/sign-in-lockouts/", HTTP_ACCEPT_LANGUAGE="es")
    assert listing.status_code == 200
    text = listing.content.decode()
    assert "editora" in text and address in text
    assert "Bloqueos de inicio de sesión" in text
    delete_url = f"/admin/sign-in-lockouts/delete/{attempt.pk}/"
    assert delete_url in text, "each row offers to clear it"
    confirm = admin.get(delete_url, HTTP_ACCEPT_LANGUAGE="es")
    assert "registro de inicios de sesión fallidos" in confirm.content.decode()
    response = admin.post(delete_url)
    assert response.status_code == 302
    assert not attempts().filter(pk=attempt.pk).exists()
    admin.logout()
    assert signed_in(sign_in(client, "editora", "demo-editora", address))


@pytest.mark.parametrize("username", ["editora", "revisor", "publicadora"])
def test_other_roles_neither_see_nor_clear_lockouts(client, as_user, username):
    fail(client, "traductora-fr", PAIR_LIMIT, "198.51.100.130")
    attempt = attempts().get(username="traductora-fr")
    member = as_user(username)
    assert member.get("/admin/sign-in-lockouts/").status_code in (302, 403)
    member.post(f"/admin/sign-in-lockouts/delete/{attempt.pk}/")
    assert attempts().filter(pk=attempt.pk).exists()
    assert "sign-in-lockouts" not in member.get("/admin/").content.decode()


def test_the_shell_unlocks_a_user_everywhere(client):
    fail(client, "editora", PAIR_LIMIT, "198.51.100.140")
    fail(client, "editora", PAIR_LIMIT, "198.51.100.141")
    call_command("axes_reset_username", "editora", stdout=StringIO())
    assert signed_in(sign_in(client, "editora", "demo-editora", "198.51.100.140"))


def test_djangos_own_admin_and_its_login_form_are_gone(client):
    assert client.get("/django-admin/", follow=True).status_code == 404
    response = client.post(
        "/django-admin/login/", {"username": "administrador", "password": "x"}, follow=True
    )
    assert response.status_code == 404
    assert "django.contrib.admin" not in settings.INSTALLED_APPS


@pytest.mark.parametrize(
    "language, url",
    [
        ("es", "/es/cuenta/entrar/"),  # the learners' sign-in, where restricted pages send them
        ("fr", "/fr/compte/connexion/"),
        ("es", "/es/_util/login/"),  # Wagtail's own front-end sign-in, still routed
    ],
)
def test_the_public_sites_sign_in_form_is_throttled_too(client, language, url):
    """The public site's sign-in forms, in the language of the site the visitor is on."""
    address = f"198.51.100.{150 + len(url)}"
    for _ in range(PAIR_LIMIT):
        response = client.post(
            url, {"username": "revisor", "password": "not-the-password"}, REMOTE_ADDR=address
        )
    assert response.status_code == 429
    assert LOCKOUT_MESSAGES[language] in response.content.decode()
    right = client.post(
        url, {"username": "revisor", "password": "demo-revisor"}, REMOTE_ADDR=address
    )
    assert right.status_code == 429 and "_auth_user_id" not in client.session


def test_no_shared_password_can_be_set_on_a_page_or_a_collection(as_user, demo):
    """A shared password would be a sign-in form no throttle counts per user: not offered."""
    from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

    admin = as_user("administrador")
    url = reverse("wagtailadmin_pages:set_privacy", args=[demo.library.pk])
    assert 'value="password"' not in admin.get(url).content.decode()
    admin.post(url, {"restriction_type": "password", "password": "abc"})
    assert not PageViewRestriction.objects.filter(restriction_type="password").exists()

    collection = Collection.get_first_root_node().add_child(name="Materiales")
    url = reverse("wagtailadmin_collections:set_privacy", args=[collection.pk])
    assert 'value="password"' not in admin.get(url).content.decode()
    admin.post(url, {"restriction_type": "password", "password": "abc"})
    assert not CollectionViewRestriction.objects.filter(restriction_type="password").exists()


def test_the_counts_live_in_the_database_for_every_application_server(client, settings):
    """Another server process has its own memory but the same database: a fresh handler, with
    an empty cache, sees the lockout that this one recorded."""
    from axes.handlers.database import AxesDatabaseHandler
    from django.core.cache import cache
    from django.test import RequestFactory
    from django.utils.module_loading import import_string

    handler_class = import_string(settings.AXES_HANDLER)
    assert issubclass(handler_class, AxesDatabaseHandler)
    fail(client, "editora", PAIR_LIMIT, "198.51.100.160")
    cache.clear()
    request = RequestFactory().post(LOGIN, REMOTE_ADDR="198.51.100.160")
    request.axes_ip_address = "198.51.100.160"
    request.axes_user_agent = ""
    request.axes_attempt_time = timezone.now()
    request.axes_path_info = LOGIN
    credentials = {"username": "editora"}
    assert handler_class().is_locked(request, credentials)
    assert not handler_class().is_locked(request, {"username": "revisor"})
