import pytest
from wagtail.models import Page


@pytest.fixture
def in_locale(demo):
    """The demo page with the same translation key as ``page`` in locale ``code``."""

    def get(page, code):
        return Page.objects.get(
            translation_key=page.translation_key, locale__language_code=code
        ).specific

    return get


@pytest.fixture(autouse=True)
def _admin_in_spanish(request):
    """These tests read the admin's messages in Spanish, as a client without Accept-Language
    gets them; the demo's translators prefer their locale's language (see admin_language), so
    here they keep the default."""
    if request.node.get_closest_marker("django_db") or "db" in request.fixturenames:
        from wagtail.users.models import UserProfile

        request.getfixturevalue("db")
        UserProfile.objects.update(preferred_language="")
