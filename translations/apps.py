from django.apps import AppConfig


class TranslationsConfig(AppConfig):
    """Translation and regional adaptation workflow built on wagtail-localize."""

    name = "translations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals

        signals.connect()
