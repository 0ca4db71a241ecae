"""The languages a request may ask for: Django's languages (base codes), and languages of the
Americas that Django lacks. Names show in the visitor's language."""

from django.conf import global_settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries

# Languages spoken in the Americas that Django does not name itself.
AMERICAS = {
    "ht": _("Haitian Creole"),
    "qu": _("Quechua"),
    "gn": _("Guarani"),
    "ay": _("Aymara"),
}
# Django marks its names with gettext_noop: gettext() finds them in Django's own catalogs.
KNOWN = {code: name for code, name in global_settings.LANGUAGES if "-" not in code} | AMERICAS


def language_name(code):
    name = KNOWN.get(code)
    return gettext(str(name)) if name else code


def language_choices():
    """(code, name) of every known language, sorted by its name in the active language."""
    return sorted(((code, language_name(code)) for code in KNOWN), key=lambda c: c[1].lower())


def language_label(language, region=""):
    """ "French (Haiti)", "Haitian Creole", in the active language."""
    name = language_name(language)
    if region:
        return f"{name} ({countries.name(region) or region})"
    return name
