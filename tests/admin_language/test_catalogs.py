"""Wagtail's own catalogs lack part of Wagtail 8's strings in Spanish and Brazilian Portuguese;
ours (locale/) supply them, for Python (django.po) and for Wagtail's JavaScript (djangojs.po,
served by Wagtail's JavaScript catalog view with our LOCALE_PATHS)."""

import json
from pathlib import Path

import polib
import pytest
import wagtail
from django.conf import settings
from django.urls import reverse
from django.utils.translation import trans_real

WAGTAIL = Path(wagtail.__file__).parent
LANGUAGES = ["es", "pt-br", "fr"]


def installed_wagtail_catalogs(domain):
    """The English catalogs of the Wagtail apps this project installs."""
    for app in settings.INSTALLED_APPS:
        if app == "wagtail" or app.startswith("wagtail."):
            folder = WAGTAIL.joinpath(*app.split(".")[1:])
            path = folder / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
            if path.exists():
                yield path


def msgids(domain):
    for path in installed_wagtail_catalogs(domain):
        for entry in polib.pofile(str(path)):
            if not entry.obsolete:
                key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
                yield key, bool(entry.msgid_plural)


def untranslated(catalog, domain):
    missing = []
    for key, plural in msgids(domain):
        value = catalog.get((key, 0) if plural else key)
        if not value:
            missing.append(key)
    return missing


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_wagtail_string_is_translated(language):
    catalog = trans_real.translation(language)._catalog
    assert untranslated(catalog, "django") == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_wagtail_javascript_string_is_translated(language):
    catalog = trans_real.DjangoTranslation(
        language, domain="djangojs", localedirs=[str(WAGTAIL / "admin" / "locale")]
    )._catalog
    assert untranslated(catalog, "djangojs") == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, english, translated",
    [
        ("es", "Autosave in progress…", "Guardando automáticamente…"),
        ("pt-br", "Changes have been autosaved.", "As mudanças foram salvas automaticamente."),
    ],
)
def test_wagtails_javascript_catalog_serves_ours(client, user, language, english, translated):
    client.force_login(user("editora"))
    script = client.get(
        reverse("wagtailadmin_javascript_catalog"), headers={"accept-language": language}
    ).content.decode()
    assert f"{json.dumps(english)}: {json.dumps(translated)}" in script


@pytest.mark.parametrize("language", LANGUAGES)
def test_something_changed_a_moment_ago_reads_just_now(language):
    """Wagtail compares Django's "time since" with its own "0 minutes"; French and Portuguese
    write zero in the singular, so the listings said "Il y a 0 minute" / "há 0 minuto"."""
    from django.utils import timezone, translation
    from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple

    with translation.override(language):
        assert timesince_simple(timezone.now()) == translation.gettext("just now")
