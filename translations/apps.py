from django.apps import AppConfig


class TranslationsConfig(AppConfig):
    """Translation and regional adaptation workflow built on wagtail-localize."""

    name = "translations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import compat, signals

        signals.connect()
        # The installed wagtail-localize is the one this app was written for (or the site does
        # not start); then the few patches that must remain, unless TRANSLATIONS_LOCALIZE_PATCHES
        # is off (see translations.compat).
        compat.install()
