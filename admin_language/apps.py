from django.apps import AppConfig


class AdminLanguageConfig(AppConfig):
    """The admin in each user's language: one rule for choosing it (``languages.py``, applied by
    ``middleware.py``), and the few Wagtail strings that do not go through gettext (a login form
    label, template overrides in ``templates/wagtailadmin/``)."""

    name = "admin_language"
    default_auto_field = "django.db.models.BigAutoField"
