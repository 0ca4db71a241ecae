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
