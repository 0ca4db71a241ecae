from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExportsConfig(AppConfig):
    """Language editions of a course delivered outside the site: SCORM 1.2 packages, Moodle XML
    question banks and an offline (static HTML) edition."""

    name = "exports"
    verbose_name = _("Course exports")
    default_auto_field = "django.db.models.BigAutoField"
