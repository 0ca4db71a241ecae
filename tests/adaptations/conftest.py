import pytest

VALID = {
    "organisation": "Red Haitiana de Protección",
    "contact_name": "Marie-Claude Joseph",
    "email": "mcjoseph@example.org",
    "country": "HT",
    "language": "fr",
    "region": "HT",
    "audience": "Trabajadoras sociales y defensoras públicas en la frontera.",
    "learners": "120",
    "modules": ["1", "2", "3"],
    "adaptations": ["language", "country_units"],
    "details": "",
    "timeline": "Primer semestre de 2027",
    "wants_status_link": "on",
    "consent": "on",
    "website": "",
}


@pytest.fixture
def valid_data():
    return {
        key: (list(value) if isinstance(value, list) else value) for key, value in VALID.items()
    }


@pytest.fixture
def haitian_french(settings):
    """A regional variant configured in settings but not yet a locale."""
    from wagtail.coreutils import get_content_languages, get_supported_content_language_variant

    settings.LANGUAGES = [*settings.LANGUAGES, ("fr-ht", "Français (Haïti)")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    get_content_languages.cache_clear()
    get_supported_content_language_variant.cache_clear()
    yield "fr-ht"
    get_content_languages.cache_clear()
    get_supported_content_language_variant.cache_clear()


@pytest.fixture
def make_request(db):
    """A stored request (as the public form makes it), without going through HTTP."""
    from adaptations import services

    def make(**overrides):
        data = {
            **VALID,
            "learners": 120,
            "modules": [1, 2, 3],
            "adaptations": ["language", "country_units"],
            "wants_status_link": True,
            **overrides,
        }
        return services.submit_request(data=data, site_language="en")

    return make
