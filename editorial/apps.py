from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """Editorial review: roles, the moderation workflow, change notes and review cycles."""

    name = "editorial"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals

        signals.connect()
