import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page


@pytest.fixture
def user(db):
    def get(username):
        return get_user_model().objects.get(username=username)

    return get


@pytest.fixture
def as_user(client, user):
    def login(username):
        client.force_login(user(username))
        return client

    return login


@pytest.fixture
def in_locale(demo):
    """The demo page with the same translation key as ``page`` in locale ``code``."""

    def get(page, code):
        return Page.objects.get(
            translation_key=page.translation_key, locale__language_code=code
        ).specific

    return get
