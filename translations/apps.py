from django.apps import AppConfig


class TranslationsConfig(AppConfig):
    """Translation and regional adaptation workflow built on wagtail-localize."""

    name = "translations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import bulk_segments, editor_qa, editor_queries, signals

        signals.connect()
        # wagtail-localize's segment extraction and translation editor, in fewer queries; QA
        # findings under each segment in the editor.
        bulk_segments.install()
        editor_queries.apply()
        editor_qa.apply()
